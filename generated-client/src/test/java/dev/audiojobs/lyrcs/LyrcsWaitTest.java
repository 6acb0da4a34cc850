package dev.audiojobs.lyrcs;

import static dev.audiojobs.testsupport.JsonTrees.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.audiojobs.client.JobFailedException;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.testsupport.FakeTime;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
  void pollsFromQueuedThroughProcessingUntilCompleteEveryTenSecondsAtFirst() throws Exception {
    String processing = resource(LyrcsClientTest.class, "processing-job.json");
    server.enqueue(json(processing.replace("\"processing\"", "\"queued\"")));
    server.enqueue(json(processing));
    server.enqueue(json(resource(LyrcsClientTest.class, "complete-job.json")));

    Job job = client().waitForJob("a1b2", Duration.ofMinutes(3));

    assertThat(job).isInstanceOf(CompleteJob.class);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/jobs/a1b2");
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(15));
  }

  @Test
  void aFailedJobRaisesJobFailedExceptionWithLyrcsErrorText() {
    server.enqueue(json(resource(LyrcsClientTest.class, "failed-job.json")));

    JobFailedException e = catchThrowableOfType(JobFailedException.class,
        () -> client().waitForJob("a1b2", Duration.ofMinutes(3)));

    assertThat(e.errorText()).contains("processing_failed");
    assertThat(e.job()).isInstanceOf(FailedJob.class);
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
