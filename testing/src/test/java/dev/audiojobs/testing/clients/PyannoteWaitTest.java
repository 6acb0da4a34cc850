package dev.audiojobs.testing.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.JobFailedException;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.client.Sleeper;
import dev.audiojobs.client.WaitTimeoutException;
import dev.audiojobs.pyannote.DiarizationJob;
import dev.audiojobs.pyannote.DiarizeRequest;
import dev.audiojobs.pyannote.Job;
import dev.audiojobs.pyannote.JobStatus;
import dev.audiojobs.pyannote.PyannoteClient;
import dev.audiojobs.testing.Fault;
import dev.audiojobs.testing.JobScript;
import dev.audiojobs.testing.PyannoteSimulator;
import dev.audiojobs.testing.RecordedCall;
import dev.audiojobs.testing.SimulatorExtension;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PyannoteClient.waitForJob on jobs that live on the simulator's clock (moved from generated-client's
 * PyannoteWaitTest, which keeps what a simulator does not send: a job that flips back from a terminal
 * status, Retry-After on a 200, interruptions and cancelling). A job stays pending 2 s and runs 10 s
 * unless scripted otherwise.
 */
@ExtendWith(SimulatorExtension.class)
@Timeout(30) // a guard against a hang, not a timed assertion: the simulated clock makes every wait instant
final class PyannoteWaitTest {
  private static final DiarizeRequest REQUEST = DiarizeRequest.builder().url("https://example.com/call.wav").build();

  private static Fixture fixture(PyannoteSimulator sim, RetryPolicy policy) {
    AdvancingSleeper sleeper = new AdvancingSleeper(sim);
    PyannoteClient client = PyannoteClient.builder().apiKey("sk_wait_91c4").baseUrl(sim.baseUrl())
        .retryPolicy(policy).clock(sim.clock()).sleeper(sleeper).build();
    return new Fixture(client, sleeper, client.diarize(REQUEST).jobId());
  }

  private static Fixture fixture(PyannoteSimulator sim) {
    return fixture(sim, RetryPolicy.none());
  }

  private record Fixture(PyannoteClient client, AdvancingSleeper sleeper, String jobId) {}

  private static long polls(PyannoteSimulator sim, String jobId) {
    return sim.requests().stream().filter(c -> c.method().equals("GET") && c.target().equals("/v1/jobs/" + jobId)).count();
  }

  @Test
  void pollsUntilSucceededStartingAtTheVendorsTenSecondsAndBackingOff(PyannoteSimulator sim) throws Exception {
    Fixture f = fixture(sim);

    Job job = f.client().waitForJob(f.jobId(), Duration.ofMinutes(10));

    // Polls at 0 s (pending), 10 s (running) and 25 s (succeeded since 12 s).
    assertThat(job).isInstanceOf(DiarizationJob.class);
    assertThat(polls(sim, f.jobId())).isEqualTo(3);
    assertThat(f.sleeper().sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(15));
  }

  @Test
  void thePauseGrowsByHalfEachPollUpToSixtySeconds(PyannoteSimulator sim) throws Exception {
    sim.scriptNextJob(JobScript.succeeds().queuedFor(Duration.ZERO).runningFor(Duration.ofSeconds(250)));
    Fixture f = fixture(sim);

    f.client().waitForJob(f.jobId(), Duration.ofHours(1));

    // Polls at 0, 10, 25, 47.5, 81.25, 131.875, 191.875 and 251.875 s: the job ended at 250 s.
    assertThat(f.sleeper().sleeps()).containsExactly(
        Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofMillis(22_500), Duration.ofMillis(33_750),
        Duration.ofMillis(50_625), Duration.ofSeconds(60), Duration.ofSeconds(60));
  }

  @Test
  void aFailedJobRaisesJobFailedExceptionWithTheJobAndTheVendorsErrorText(PyannoteSimulator sim) {
    sim.scriptNextJob(JobScript.fails("Audio file could not be decoded"));
    Fixture f = fixture(sim);

    assertThatThrownBy(() -> f.client().waitForJob(f.jobId(), Duration.ofMinutes(5)))
        .isInstanceOfSatisfying(JobFailedException.class, e -> {
          assertThat(e.status()).isEqualTo("failed");
          assertThat(e.errorText()).hasValue("Audio file could not be decoded");
          assertThat(e.jobId()).isEqualTo(f.jobId());
          assertThat(e.job(Job.class).status()).isEqualTo(JobStatus.FAILED);
          assertThat(e.attempts()).isEqualTo(3);
          assertThat(e.operation()).isEqualTo("getJob");
          assertThat(e).hasMessage("getJob: job " + f.jobId() + " ended failed: Audio file could not be decoded");
        });
  }

  @Test
  void aCanceledJobRaisesJobFailedExceptionEvenWithoutErrorText(PyannoteSimulator sim) {
    sim.scriptNextJob(JobScript.canceled());
    Fixture f = fixture(sim);

    assertThatThrownBy(() -> f.client().waitForJob(f.jobId(), Duration.ofMinutes(5)))
        .isInstanceOfSatisfying(JobFailedException.class, e -> {
          assertThat(e.status()).isEqualTo("canceled");
          assertThat(e.errorText()).isEmpty();
          assertThat(e).hasMessage("getJob: job " + f.jobId() + " ended canceled");
        });
  }

  @Test
  void aTimeoutRaisesWaitTimeoutExceptionWithTheLastJobAfterAFinalPollAtTheDeadline(PyannoteSimulator sim) {
    sim.scriptNextJob(JobScript.succeeds().runningFor(Duration.ofHours(1)));
    Fixture f = fixture(sim);

    assertThatThrownBy(() -> f.client().waitForJob(f.jobId(), Duration.ofSeconds(30)))
        .isInstanceOfSatisfying(WaitTimeoutException.class, e -> {
          // Polls at 0, 10 and 25 s; the next pause (22.5 s) would pass 30 s, so the last poll is at 30 s.
          assertThat(f.sleeper().sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(5));
          assertThat(e.job(Job.class).status()).isEqualTo(JobStatus.RUNNING);
          assertThat(e.timeout()).isEqualTo(Duration.ofSeconds(30));
          assertThat(e.attempts()).isEqualTo(4);
          assertThat(e).hasMessage("getJob: job " + f.jobId() + " still running after PT30S (4 polls)");
        });
  }

  @Test
  void aZeroTimeoutPollsOnce(PyannoteSimulator sim) {
    Fixture f = fixture(sim);

    assertThatThrownBy(() -> f.client().waitForJob(f.jobId(), Duration.ZERO))
        .isInstanceOfSatisfying(WaitTimeoutException.class, e -> assertThat(e.attempts()).isEqualTo(1));
    assertThat(f.sleeper().sleeps()).isEmpty();
    assertThat(polls(sim, f.jobId())).isEqualTo(1);
  }

  @Test
  void aThrottledPollIsRetriedHonouringRetryAfterAndTheWaitGoesOn(PyannoteSimulator sim) throws Exception {
    sim.scriptNextJob(JobScript.succeeds().runningFor(Duration.ofSeconds(15))); // done at 17 s
    Fixture f = fixture(sim, RetryPolicy.defaults());
    sim.failMatching("GET", "/v1/jobs/.*", 1, Fault.tooManyRequests(Duration.ofSeconds(12)));

    Job job = f.client().waitForJob(f.jobId(), Duration.ofMinutes(5));

    // 429 at 0 s, retried after its Retry-After at 12 s (running), then the vendor's 10 s: succeeded at 22 s.
    assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(f.sleeper().sleeps()).containsExactly(Duration.ofSeconds(12), Duration.ofSeconds(10));
    assertThat(sim.requests()).extracting(RecordedCall::status).containsExactly(200, 429, 200, 200);
  }

  @Test
  void aPollThatStillFailsEndsTheWaitWithItsException(PyannoteSimulator sim) {
    AdvancingSleeper advancing = new AdvancingSleeper(sim);
    // After the first poll (pending), the next one is answered 404, as for a job the vendor has lost.
    Sleeper armsAFaultThenAdvances = new Sleeper() {
      @Override
      public void sleep(Duration duration) {
        sim.failMatching("GET", "/v1/jobs/.*", 1, Fault.status(404));
        advancing.sleep(duration);
      }

      @Override
      public CompletableFuture<Void> delay(Duration duration) {
        throw new UnsupportedOperationException("synchronous wait only");
      }
    };
    PyannoteClient client = PyannoteClient.builder().apiKey("sk_wait_91c4").baseUrl(sim.baseUrl())
        .retryPolicy(RetryPolicy.none()).clock(sim.clock()).sleeper(armsAFaultThenAdvances).build();
    String jobId = client.diarize(REQUEST).jobId();

    assertThatThrownBy(() -> client.waitForJob(jobId, Duration.ofMinutes(5)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    assertThat(sim.requests()).extracting(RecordedCall::status).containsExactly(200, 200, 404);
  }

  @Test
  void anUnknownJobEndsTheWaitWithTheVendors404(PyannoteSimulator sim) {
    Fixture f = fixture(sim);

    assertThatThrownBy(() -> f.client().waitForJob("no-such-job", Duration.ofMinutes(5)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
  }

  @Test
  void theAsyncFormCompletesWithTheJob(PyannoteSimulator sim) throws Exception {
    Fixture f = fixture(sim);

    Job job = f.client().waitForJobAsync(f.jobId(), Duration.ofMinutes(5)).get(10, TimeUnit.SECONDS);

    assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(f.sleeper().sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(15));
  }

  @Test
  void theAsyncFormFailsWithTheSameExceptions(PyannoteSimulator sim) {
    sim.scriptNextJob(JobScript.fails("Audio file could not be decoded"));
    Fixture failing = fixture(sim);

    assertThatThrownBy(() -> failing.client().waitForJobAsync(failing.jobId(), Duration.ofMinutes(5)).join())
        .isInstanceOf(CompletionException.class)
        .cause().isInstanceOfSatisfying(JobFailedException.class, e -> assertThat(e.errorText()).hasValue("Audio file could not be decoded"));
    Fixture running = fixture(sim); // submitted after the first wait moved the clock on: pending
    assertThatThrownBy(() -> running.client().waitForJobAsync(running.jobId(), Duration.ZERO).join())
        .cause().isInstanceOf(WaitTimeoutException.class);
  }

  @Test
  void diarizeAndWaitSubmitsOnceThenWaits(PyannoteSimulator sim) throws Exception {
    AdvancingSleeper sleeper = new AdvancingSleeper(sim);
    PyannoteClient client = PyannoteClient.builder().apiKey("sk_wait_91c4").baseUrl(sim.baseUrl())
        .clock(sim.clock()).sleeper(sleeper).build();

    Job job = client.diarizeAndWait(REQUEST, Duration.ofMinutes(5));

    assertThat(job).isInstanceOf(DiarizationJob.class);
    assertThat(sim.requests()).extracting(c -> c.method() + " " + c.target())
        .containsExactly("POST /v1/diarize", "GET /v1/jobs/" + job.jobId(), "GET /v1/jobs/" + job.jobId(), "GET /v1/jobs/" + job.jobId());
  }
}
