package dev.audiojobs.lyrcs;

import static dev.audiojobs.testsupport.JsonTrees.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.testsupport.FakeTime;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * waitForJob on a status newer than the client, which no simulator sends. The lifecycle (queued,
 * processing, complete or failed) runs against the simulator in the testing module
 * ({@code testing/src/test/java/dev/audiojobs/testing/clients/LyrcsWaitTest.java}).
 */
@Timeout(30) // a guard against hanging on an empty MockWebServer queue, not a timed assertion
final class LyrcsWaitTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private final FakeTime time = new FakeTime();

  private LyrcsClient client() {
    return LyrcsClient.builder().apiKey("lyrcs_sk_live_x").baseUrl(server.url("/api/v1").toString())
        .retryPolicy(RetryPolicy.none()).clock(time).sleeper(time).build();
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void aStatusNewerThanTheClientIsNotTerminalSoTheWaitGoesOn() throws Exception {
    String processing = resource(LyrcsClientTest.class, "processing-job.json");
    server.enqueue(json(processing.replace("\"processing\"", "\"reviewing\"")));
    server.enqueue(json(resource(LyrcsClientTest.class, "complete-job.json")));

    Job job = client().waitForJob("a1b2", Duration.ofMinutes(3));

    assertThat(job).isInstanceOf(CompleteJob.class);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
