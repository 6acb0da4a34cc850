package dev.audiojobs.pyannote;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time per decode of {@link JobDecodeBenchmark}'s decoders, {@code clientExact} included (what the
 * union's one-pass protocol saves): the best of 8 rounds after 4 of warm-up, the decoders interleaved
 * in each round. On a machine shared with other builds, the thread's CPU time says more than JMH's
 * wall-clock time. Arguments: the jobs (default: all four).
 */
public class JobDecodeCpuTime {
  private interface Op {
    Object run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    ThreadMXBean t = ManagementFactory.getThreadMXBean();
    String[] jobs = args.length > 0 ? args : new String[] {"pending", "1kb", "twoMinutes", "hour"};
    for (String job : jobs) {
      JobDecodeBenchmark b = new JobDecodeBenchmark();
      b.job = job;
      b.setUp();
      Op[] ops = {b::client, b::stock, b::handLoop, b::stockVariant, b::clientExact};
      int n = job.equals("hour") ? 20 : job.equals("twoMinutes") ? 400 : 20000;
      long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
      for (int round = 0; round < 12; round++) {
        for (int k = 0; k < ops.length; k++) {
          long start = t.getCurrentThreadCpuTime();
          for (int i = 0; i < n; i++) ops[k].run();
          long perOp = (t.getCurrentThreadCpuTime() - start) / n;
          if (round >= 4) best[k] = Math.min(best[k], perOp);
        }
      }
      System.out.printf("%-10s client %9.1f us  clientExact %9.1f us  stock %9.1f us  stockVariant %9.1f us  hand %9.1f us"
              + "   client/hand %.2f  client/stock %.2f  client/stockVariant %.2f  clientExact/client %.2f%n", job,
          best[0] / 1e3, best[4] / 1e3, best[1] / 1e3, best[3] / 1e3, best[2] / 1e3, (double) best[0] / best[2],
          (double) best[0] / best[1], (double) best[0] / best[3], (double) best[4] / best[0]);
    }
  }
}
