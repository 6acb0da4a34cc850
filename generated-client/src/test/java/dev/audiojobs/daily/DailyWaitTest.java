package dev.audiojobs.daily;

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
final class DailyWaitTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private final FakeTime time = new FakeTime();

  private DailyClient client() {
    return DailyClient.builder().apiKey("daily-key").baseUrl(server.url("/v1/").toString())
        .retryPolicy(RetryPolicy.none()).clock(time).sleeper(time).build();
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
  }

  private static MockResponse job(String status) {
    return json("{\"id\":\"b1\",\"status\":\"" + status + "\"}");
  }

  @Test
  void pollsUntilFinishedStartingAtFiveSeconds() throws Exception {
    server.enqueue(job("submitted"));
    server.enqueue(job("processing"));
    server.enqueue(json(resource(DailyClientTest.class, "finished-job.json")));

    BatchJob job = client().waitForJob("b1", Duration.ofMinutes(10));

    assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/batch-processor/b1");
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofMillis(7_500));
  }

  @Test
  void anErrorJobRaisesJobFailedExceptionWithDailysErrorText() {
    server.enqueue(job("processing"));
    server.enqueue(json(resource(DailyClientTest.class, "error-job.json")));

    JobFailedException e = catchThrowableOfType(JobFailedException.class,
        () -> client().waitForJob("b1", Duration.ofMinutes(10)));

    assertThat(e.status()).isEqualTo("error");
    assertThat(e.errorText()).contains("Error: Failed to transcribe. May be invalid audio or silent file");
    assertThat(e.job(BatchJob.class).id()).isEqualTo("3ab8faa2-8ba2-4ee6-bd15-003a92c18245");
  }
}
