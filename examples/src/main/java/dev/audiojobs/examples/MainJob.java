package dev.audiojobs.examples;

import dev.audiojobs.client.AudioJobsException;
import dev.audiojobs.client.FilePart;
import dev.audiojobs.client.Sleeper;
import dev.audiojobs.pyannote.DiarizationJob;
import dev.audiojobs.pyannote.DiarizationSegment;
import dev.audiojobs.pyannote.DiarizeRequest;
import dev.audiojobs.pyannote.Job;
import dev.audiojobs.pyannote.PyannoteClient;
import dev.audiojobs.testing.PyannoteSimulator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The main job: a pyannoteAI speaker diarization from file to "who spoke when". It uploads the audio
 * to pyannoteAI's temporary storage, starts a diarization, polls the job and prints each status it
 * sees, then prints the speaker turns.
 *
 * <p>Where it runs: with {@value #KEY_VARIABLE} set (and not blank), against the real API at
 * {@link PyannoteClient#DEFAULT_BASE_URL} ({@code PYANNOTE_BASE_URL} is ignored, so that a key is
 * never sent anywhere else by this program); without it, against the pyannoteAI simulator of {@code
 * audiojobs-testing}, started in this JVM on a loopback port, on a simulated clock (the waits take no
 * real time). The simulator validates every request and answer against {@code
 * openapi/normalized/pyannote.yaml}; a violation fails the run.
 *
 * <p>Argument: an optional WAV (or any audio) file; without one it uploads {@link TwoVoices}, 8 s of
 * generated audio. Exit status: 0 when a diarization was printed; 1 when the job failed, the wait timed
 * out, a call failed or the simulator saw a violation; 2 when the file cannot be read.
 */
public final class MainJob {
  /** The environment variable holding a pyannoteAI API key. */
  public static final String KEY_VARIABLE = "PYANNOTE_API_KEY";

  /** pyannoteAI's documented polling interval, the first pause; each later pause is 1.5 times longer, at most a minute. */
  private static final Duration FIRST_PAUSE = Duration.ofSeconds(10);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(60);
  private static final Duration TIMEOUT = Duration.ofMinutes(30);
  /** Where the file goes in pyannoteAI's temporary storage (the key is private to the API token). */
  static final String MEDIA_URL = "media://audiojobs-examples/main-job.wav";

  private MainJob() {}

  /** Runs the main job with the process environment; {@code args[0]}, if given and not blank, is the audio file. */
  public static void main(String[] args) {
    @Nullable Path audio = args.length > 0 && !args[0].isBlank() ? Path.of(args[0]) : null;
    int status;
    try (Backend backend = Backend.choose(System.getenv())) {
      status = run(backend, audio, System.out);
    }
    System.exit(status); // OkHttp's idle threads would otherwise keep the JVM alive for a minute
  }

  /** Runs the whole lifecycle on {@code backend}, printing to {@code out}; returns the exit status. */
  static int run(Backend backend, @Nullable Path audio, PrintStream out) {
    byte[] bytes;
    String name;
    try {
      bytes = audio == null ? TwoVoices.wav() : Files.readAllBytes(audio);
      name = audio == null ? "generated two-voice WAV (" + TwoVoices.SECONDS + " s)" : audio.toString();
    } catch (IOException e) {
      out.println("cannot read the audio file " + audio + ": " + e);
      return 2;
    }
    out.println("pyannoteAI diarization against " + backend.description());
    try {
      out.printf(Locale.ROOT, "1. upload   %s, %,d bytes, to %s%n", name, bytes.length, MEDIA_URL);
      backend.client().upload(MEDIA_URL, FilePart.of(bytes));

      String jobId = backend.client().diarize(DiarizeRequest.builder().url(MEDIA_URL).build()).jobId();
      out.println("2. diarize  job " + jobId);

      out.println("3. wait");
      Job job = waitVisibly(backend, jobId, out);
      if (job == null) return 1;
      if (job.status().isUnsuccessful()) {
        String error = job.output() == null ? null : job.output().error();
        out.println("job " + jobId + " ended " + job.status().value() + (error == null ? "" : ": " + error));
        return 1;
      }
      if (!(job instanceof DiarizationJob diarization)) {
        out.println("job " + jobId + " ended " + job.status().value() + " without a diarization: " + job);
        return 1;
      }
      List<DiarizationSegment> turns = diarization.output().diarization();
      out.printf(Locale.ROOT, "4. who spoke when (%d turns, %d speakers)%n",
          turns.size(), turns.stream().map(DiarizationSegment::speaker).distinct().count());
      for (DiarizationSegment turn : turns) {
        out.printf(Locale.ROOT, "   %s %6.1f s - %6.1f s%n", turn.speaker(), turn.start(), turn.end());
      }
    } catch (AudioJobsException e) {
      out.println("failed: " + e.getMessage()); // messages never hold the key
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("interrupted");
      return 1;
    }
    return backend.checkNoViolations(out) ? 0 : 1;
  }

  /**
   * Polls until the job's status is terminal, printing each status with the time since the first poll.
   * A loop of its own rather than {@code waitForJob}, which shows nothing until the job ends; it pauses
   * as {@code waitForJob} does. Returns null (having said why) when the job is not done within the timeout.
   */
  private static @Nullable Job waitVisibly(Backend backend, String jobId, PrintStream out) throws InterruptedException {
    Instant start = backend.clock().instant();
    Duration pause = FIRST_PAUSE;
    while (true) {
      Job job = backend.client().getJob(jobId);
      long elapsed = Duration.between(start, backend.clock().instant()).toSeconds();
      out.printf(Locale.ROOT, "   %4d s  %s%n", elapsed, job.status().value());
      if (job.status().isTerminal()) return job;
      if (Duration.ofSeconds(elapsed).plus(pause).compareTo(TIMEOUT) > 0) {
        out.println("job " + jobId + " is still " + job.status().value() + " after " + TIMEOUT.toMinutes() + " minutes; giving up");
        return null;
      }
      backend.sleeper().sleep(pause);
      pause = pause.multipliedBy(3).dividedBy(2);
      if (pause.compareTo(LONGEST_PAUSE) > 0) pause = LONGEST_PAUSE;
    }
  }

  /** Where the job runs: the client, the clock and sleeper its waits use, and the simulator if any. */
  record Backend(PyannoteClient client, Clock clock, Sleeper sleeper, String description, @Nullable PyannoteSimulator simulator)
      implements AutoCloseable {

    /** The real API when {@value #KEY_VARIABLE} is set and not blank in {@code environment}, else a new simulator. */
    static Backend choose(Map<String, String> environment) {
      String key = environment.get(KEY_VARIABLE);
      if (key != null && !key.isBlank()) {
        PyannoteClient client = PyannoteClient.builder().apiKey(key.strip()).build();
        return new Backend(client, Clock.systemUTC(), Sleeper.system(),
            PyannoteClient.DEFAULT_BASE_URL + " (the key from " + KEY_VARIABLE + ")", null);
      }
      return simulated(PyannoteSimulator.start());
    }

    /** The client pointed at {@code simulator}, on its clock; a pause advances that clock instead of waiting. */
    static Backend simulated(PyannoteSimulator simulator) {
      Sleeper advancing = new Sleeper() {
        @Override
        public void sleep(Duration duration) {
          simulator.advance(duration);
        }

        @Override
        public CompletableFuture<Void> delay(Duration duration) {
          simulator.advance(duration);
          return CompletableFuture.completedFuture(null);
        }
      };
      PyannoteClient client = PyannoteClient.builder().apiKey("sk_simulated_no_real_key")
          .baseUrl(simulator.baseUrl()).clock(simulator.clock()).sleeper(advancing).build();
      return new Backend(client, simulator.clock(), advancing,
          "the embedded pyannoteAI simulator at " + simulator.baseUrl()
              + " (no " + KEY_VARIABLE + " set; simulated clock, no network)", simulator);
    }

    /** True unless a simulator saw a request or answer that breaks the spec, which is then printed. */
    boolean checkNoViolations(PrintStream out) {
      if (simulator == null) return true;
      if (simulator.violations().isEmpty()) {
        out.printf(Locale.ROOT, "(%d requests, each valid against the normalized pyannoteAI spec)%n", simulator.requests().size());
        return true;
      }
      simulator.violations().forEach(v -> out.println("spec violation: " + v));
      return false;
    }

    @Override
    public void close() {
      client.close();
      if (simulator != null) simulator.close();
    }
  }
}
