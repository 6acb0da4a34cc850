package dev.audiojobs.daily;

import static dev.audiojobs.testsupport.JsonTrees.assertSameJson;
import static dev.audiojobs.testsupport.JsonTrees.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.DecodeException;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.client.RequestValidationException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

final class DailyClientTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private DailyClient client() {
    return DailyClient.builder().apiKey("daily-key").baseUrl(server.url("/v1/").toString())
        .retryPolicy(RetryPolicy.none()).build();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void aFinishedJobDecodesWithEveryOutputAndReEncodesUnchanged() throws Exception {
    String body = resource(DailyClientTest.class, "finished-job.json");
    server.enqueue(json(200, body));

    BatchJob job = client().getJob("3ab8faa2-8ba2-4ee6-bd15-003a92c18245");

    assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
    assertThat(job.status().isTerminal()).isTrue();
    assertThat(job.output().transcription()).extracting(TranscriptionOutput::format).containsExactly("txt", "JSON");
    assertThat(job.output().summary().s3Config().region()).isEqualTo("us-west-2");
    assertThat(job.input().language()).isEqualTo("en");
    assertSameJson(DailyJson.adapter(BatchJob.class).toJson(job), body);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/batch-processor/3ab8faa2-8ba2-4ee6-bd15-003a92c18245");
  }

  @Test
  void anErrorJobCarriesTheVendorsErrorText() {
    server.enqueue(json(200, resource(DailyClientTest.class, "error-job.json")));

    BatchJob job = client().getJob("e");

    assertThat(job.status().isUnsuccessful()).isTrue();
    assertThat(job.error()).startsWith("Error: Failed to transcribe");
    assertThat(job.output()).isNull();
  }

  @Test
  void aJobWithoutStatusFailsAtItsPath() {
    server.enqueue(json(200, "{\"id\":\"x\"}"));

    assertThat(catchThrowableOfType(DecodeException.class, () -> client().getJob("x")).path()).isEqualTo("$.status");
  }

  @Test
  void errorsCarryTheErrorAndInfoBody() {
    server.enqueue(json(401, "{\"error\":\"authentication-error\",\"info\":\"bad key\"}"));

    ApiException e = catchThrowableOfType(ApiException.class, () -> client().getJob("x"));

    assertThat(e.statusCode()).isEqualTo(401);
    assertThat(e.error(ApiError.class).map(ApiError::error)).contains("authentication-error");
  }

  @Test
  void aLimitOutsideOneToOneHundredIsRefusedAtLimitBeforeAnythingIsSent() throws Exception {
    // answered, so that a client which sends the request anyway completes and fails below instead of waiting
    server.enqueue(json(200, "{\"total_count\": 0, \"data\": []}"));

    for (int limit : new int[] {0, 101}) {
      RequestValidationException e = catchThrowableOfType(RequestValidationException.class,
          () -> client().listJobs(limit, null, null, null));
      assertThat(e.path()).isEqualTo("limit");
      assertThat(e.reason()).isEqualTo(limit == 0 ? "must be at least 1" : "must be at most 100");
      assertThat(e.attempts()).isZero();
    }
    assertThat(server.getRequestCount()).isZero();

    client().listJobs(100, null, null, null);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/batch-processor?limit=100");
  }
}
