package dev.audiojobs.pyannote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.RetryPolicy;
import java.lang.ref.WeakReference;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * A call timeout is a timer armed per call; once the call is over, the timer must let go of it, or
 * every result stays reachable until its call's timeout elapses (a client with a one-hour call timeout
 * polling a large job every few seconds would hold an hour of results).
 */
final class CallTimeoutReleaseTest {
  @StartStop final MockWebServer server = new MockWebServer();

  @Test
  void aFinishedCallIsNotHeldByItsCallTimeout() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"jobId\":\"j\",\"status\":\"running\"}").build());
    PyannoteClient client = PyannoteClient.builder().apiKey("sk_timer_1").baseUrl(server.url("/").toString())
        .retryPolicy(RetryPolicy.none()).callTimeout(Duration.ofHours(1)).build();

    WeakReference<Object> job = new WeakReference<>(client.getJob("j"));

    for (int i = 0; i < 50 && job.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(job.get()).as("the decoded job, once the caller dropped it").isNull();
    client.close();
  }
}
