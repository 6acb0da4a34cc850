package dev.audiojobs.pyannote;

import static dev.audiojobs.testsupport.JsonTrees.resource;
import static dev.audiojobs.testsupport.Outcomes.failureOf;
import static dev.audiojobs.testsupport.Outcomes.thrown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.JobFailedException;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.client.WaitTimeoutException;
import dev.audiojobs.testsupport.FakeTime;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30) // a guard against hanging on an empty MockWebServer queue, not a timed assertion
final class PyannoteWaitTest {
  private static final String KEY = "sk_wait_91c4";

  @StartStop final MockWebServer server = new MockWebServer();
  private final FakeTime time = new FakeTime();

  private PyannoteClient client(RetryPolicy policy) {
    return PyannoteClient.builder().apiKey(KEY).baseUrl(server.url("/").toString())
        .retryPolicy(policy).clock(time).sleeper(time).build();
  }

  private PyannoteClient client() {
    return client(RetryPolicy.none());
  }

  private static MockResponse job(String status) {
    return json(200, "{\"jobId\":\"j1\",\"status\":\"" + status + "\"}");
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void pollsUntilSucceededStartingAtTheVendorsTenSecondsAndBackingOff() throws Exception {
    server.enqueue(job("pending"));
    server.enqueue(job("running"));
    server.enqueue(json(200, resource(PyannoteClientTest.class, "diarization-job.json")));

    Job job = client().waitForJob("j1", Duration.ofMinutes(10));

    assertThat(job).isInstanceOf(DiarizationJob.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/jobs/j1");
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(15));
  }

  @Test
  void thePauseGrowsByHalfEachPollUpToSixtySeconds() throws Exception {
    for (int i = 0; i < 7; i++) {
      server.enqueue(job("running"));
    }
    server.enqueue(job("succeeded"));

    client().waitForJob("j1", Duration.ofHours(1));

    assertThat(time.sleeps()).containsExactly(
        Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofMillis(22_500), Duration.ofMillis(33_750),
        Duration.ofMillis(50_625), Duration.ofSeconds(60), Duration.ofSeconds(60));
  }

  @Test
  void aFailedJobRaisesJobFailedExceptionWithTheJobAndTheVendorsErrorText() {
    server.enqueue(job("running"));
    server.enqueue(json(200, resource(PyannoteClientTest.class, "failed-job.json")));

    JobFailedException e = thrown(JobFailedException.class, () -> client().waitForJob("j1", Duration.ofMinutes(5)));

    assertThat(e.status()).isEqualTo("failed");
    assertThat(e.errorText()).contains("Audio file could not be decoded");
    assertThat(e.jobId()).isEqualTo("j1");
    assertThat(e.job(Job.class).status()).isEqualTo(JobStatus.FAILED);
    assertThat(e.attempts()).isEqualTo(2);
    assertThat(e.operation()).isEqualTo("getJob");
    assertThat(e).hasMessage("getJob: job j1 ended failed: Audio file could not be decoded");
  }

  @Test
  void aCanceledJobRaisesJobFailedExceptionEvenWithoutErrorText() {
    server.enqueue(job("canceled"));

    JobFailedException e = thrown(JobFailedException.class, () -> client().waitForJob("j1", Duration.ofMinutes(5)));

    assertThat(e.status()).isEqualTo("canceled");
    assertThat(e.errorText()).isEmpty();
    assertThat(e).hasMessage("getJob: job j1 ended canceled");
  }

  @Test
  void theFirstTerminalStatusEndsTheWaitEvenIfTheJobFlipsBackToRunning() {
    server.enqueue(job("running"));
    server.enqueue(job("failed"));
    server.enqueue(job("running"));
    server.enqueue(job("succeeded"));

    thrown(JobFailedException.class, () -> client().waitForJob("j1", Duration.ofMinutes(5)));

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aTimeoutRaisesWaitTimeoutExceptionWithTheLastJobAfterAFinalPollAtTheDeadline() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(job(i == 3 ? "created" : "running"));
    }

    WaitTimeoutException e = thrown(WaitTimeoutException.class, () -> client().waitForJob("j1", Duration.ofSeconds(30)));

    // Polls at 0, 10 and 25 s; the next pause (22.5 s) would pass 30 s, so the last poll is at 30 s.
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(5));
    assertThat(e.job(Job.class).status()).isEqualTo(JobStatus.CREATED);
    assertThat(e.status()).isEqualTo("created");
    assertThat(e.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(e.attempts()).isEqualTo(4);
    assertThat(e).hasMessage("getJob: job j1 still created after PT30S (4 polls)");
  }

  @Test
  void aZeroTimeoutPollsOnce() {
    server.enqueue(job("running"));

    WaitTimeoutException e = thrown(WaitTimeoutException.class, () -> client().waitForJob("j1", Duration.ZERO));

    assertThat(e.attempts()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void aNegativeTimeoutIsRefusedBeforeAnyPoll() {
    assertThatThrownBy(() -> client().waitForJob("j1", Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout is negative: PT-1S");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aRetryAfterOnAPollResponseDelaysTheNextPoll() throws Exception {
    server.enqueue(job("running").newBuilder().addHeader("Retry-After", "40").build());
    server.enqueue(job("succeeded"));

    client().waitForJob("j1", Duration.ofMinutes(5));

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(40));
  }

  @Test
  void aRetryAfterBeyondTheDeadlineEndsTheWaitAtOnce() {
    server.enqueue(job("running").newBuilder().addHeader("Retry-After", "3600").build());

    WaitTimeoutException e = thrown(WaitTimeoutException.class, () -> client().waitForJob("j1", Duration.ofMinutes(5)));

    assertThat(e.attempts()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void aThrottledPollIsRetriedHonouringRetryAfterAndTheWaitGoesOn() throws Exception {
    server.enqueue(json(429, "{\"requestId\":\"r\",\"message\":\"Too many requests\"}").newBuilder()
        .addHeader("Retry-After", "12").build());
    server.enqueue(job("running"));
    server.enqueue(job("succeeded"));

    client(RetryPolicy.defaults()).waitForJob("j1", Duration.ofMinutes(5));

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(12), Duration.ofSeconds(10));
  }

  @Test
  void aPollThatStillFailsEndsTheWaitWithItsException() {
    server.enqueue(job("running"));
    server.enqueue(json(404, "{\"requestId\":\"r-404\",\"message\":\"Job not found\"}"));

    ApiException e = thrown(ApiException.class, () -> client().waitForJob("j1", Duration.ofMinutes(5)));

    assertThat(e.statusCode()).isEqualTo(404);
  }

  @Test
  void anInterruptionWhilePausingStopsAtOnce() {
    time.interruptOnSleep();
    server.enqueue(job("running"));

    assertThatThrownBy(() -> client().waitForJob("j1", Duration.ofMinutes(5))).isInstanceOf(InterruptedException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anInterruptedThreadDoesNotPollAtAll() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> client().waitForJob("j1", Duration.ofMinutes(5))).isInstanceOf(InterruptedException.class);
    } finally {
      Thread.interrupted();
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theAsyncFormCompletesWithTheJob() throws Exception {
    server.enqueue(job("running"));
    server.enqueue(job("succeeded"));

    Job job = client().waitForJobAsync("j1", Duration.ofMinutes(5)).get(10, TimeUnit.SECONDS);

    assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10));
  }

  @Test
  void theAsyncFormFailsWithTheSameExceptions() throws Exception {
    server.enqueue(json(200, resource(PyannoteClientTest.class, "failed-job.json")));
    server.enqueue(job("running"));

    Throwable failed = failureOf(client().waitForJobAsync("j1", Duration.ofMinutes(5)));
    Throwable timedOut = failureOf(client().waitForJobAsync("j1", Duration.ZERO));

    assertThat(failed).isInstanceOfSatisfying(JobFailedException.class,
        e -> assertThat(e.errorText()).contains("Audio file could not be decoded"));
    assertThat(timedOut).isInstanceOf(WaitTimeoutException.class);
  }

  @Test
  void cancellingTheAsyncWaitStopsPolling() throws Exception {
    time.holdDelays();
    server.enqueue(job("running"));
    server.enqueue(job("succeeded"));

    CompletableFuture<Job> wait = client().waitForJobAsync("j1", Duration.ofMinutes(5));
    CompletableFuture<Void> pause = time.awaitHeldDelay();
    assertThat(wait.cancel(true)).isTrue();
    pause.complete(null);

    assertThat(wait).isCancelled();
    assertThat(server.takeRequest()).isNotNull();
    // A poll would be sent within moments; waiting a little proves its absence (it can only miss a
    // bug, never report one that is not there).
    assertThat(server.takeRequest(500, TimeUnit.MILLISECONDS)).isNull();
  }
}
