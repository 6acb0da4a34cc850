package dev.audiojobs.pyannote;

import static dev.audiojobs.testsupport.Outcomes.thrown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/**
 * waitForJob on answers no simulator gives: a job that flips back from a terminal status, Retry-After on
 * a 200, an interruption, a cancelled async wait. The lifecycle (the poll schedule, failed, canceled and
 * throttled jobs, timeouts, the async form) runs against the simulator in the testing module
 * ({@code testing/src/test/java/dev/audiojobs/testing/clients/PyannoteWaitTest.java}).
 */
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
  void theFirstTerminalStatusEndsTheWaitEvenIfTheJobFlipsBackToRunning() {
    server.enqueue(job("running"));
    server.enqueue(job("failed"));
    server.enqueue(job("running"));
    server.enqueue(job("succeeded"));

    thrown(JobFailedException.class, () -> client().waitForJob("j1", Duration.ofMinutes(5)));

    assertThat(server.getRequestCount()).isEqualTo(2);
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
