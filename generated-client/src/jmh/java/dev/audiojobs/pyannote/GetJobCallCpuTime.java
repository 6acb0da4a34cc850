package dev.audiojobs.pyannote;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * CPU time of the whole JVM per call of {@link GetJobCallBenchmark}'s two calls (the best of 8 rounds
 * after 4 of warm-up, the calls interleaved in each round). On a machine shared with other builds this
 * says more than JMH's wall-clock time. It is the process's time, not the calling thread's: the client
 * runs a synchronous call on OkHttp's dispatcher thread (sync is async joined), and the same loopback
 * server's work is in both figures. Arguments: the jobs (default: pending, twoMinutes).
 */
public class GetJobCallCpuTime {
  private interface Op {
    Object run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    String[] jobs = args.length > 0 ? args : new String[] {"pending", "twoMinutes"};
    for (String job : jobs) {
      GetJobCallBenchmark b = new GetJobCallBenchmark();
      b.job = job;
      b.setUp();
      try {
        Op[] ops = {b::client, b::rawOkHttp, b::rawOkHttpJoined};
        int n = job.equals("pending") ? 4000 : 400;
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        for (int round = 0; round < 12; round++) {
          for (int k = 0; k < ops.length; k++) {
            long start = os.getProcessCpuTime();
            for (int i = 0; i < n; i++) ops[k].run();
            long perOp = (os.getProcessCpuTime() - start) / n;
            if (round >= 4) best[k] = Math.min(best[k], perOp);
          }
        }
        System.out.printf("%-10s client %8.1f us  rawOkHttp %8.1f us  rawOkHttpJoined %8.1f us   client/rawOkHttp %.2f"
                + "  client/rawOkHttpJoined %.2f%n", job,
            best[0] / 1e3, best[1] / 1e3, best[2] / 1e3, (double) best[0] / best[1], (double) best[0] / best[2]);
      } finally {
        b.tearDown();
      }
    }
  }
}
