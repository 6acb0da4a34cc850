package dev.audiojobs.lyrcs;

import static dev.audiojobs.testsupport.JsonTrees.assertSameJson;
import static dev.audiojobs.testsupport.JsonTrees.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.DecodeException;
import dev.audiojobs.client.RetryPolicy;
import java.time.Duration;
import dev.audiojobs.client.RequestValidationException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class LyrcsClientTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private LyrcsClient client() {
    // The vendor's base URL carries a path (/api/v1); the client must keep it.
    return LyrcsClient.builder().apiKey("lyrcs_sk_live_x").baseUrl(server.url("/api/v1").toString())
        .retryPolicy(RetryPolicy.none()).build();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  @ParameterizedTest(name = "page example {0} decodes to {1}")
  @CsvSource({
      "processing-job.json, ProcessingJob",
      "complete-job.json, CompleteJob",
      "complete-job-align-false.json, CompleteJob",
      "failed-job.json, FailedJob",
  })
  void everyResponseExampleOfTheVendorPageDecodesToItsVariantAndReEncodesUnchanged(String file, String variant) throws Exception {
    String body = resource(LyrcsClientTest.class, file);
    server.enqueue(json(200, body));

    Job job = client().getJob("a1b2c3d4-e5f6-7890-abcd-ef1234567890");

    assertThat(job.getClass().getSimpleName()).isEqualTo(variant);
    assertSameJson(LyrcsJson.adapter(Job.class).toJson(job), body);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/jobs/a1b2c3d4-e5f6-7890-abcd-ef1234567890");
  }

  @Test
  void aCompleteJobExposesItsResultsAndAFailedJobItsError() {
    server.enqueue(json(200, resource(LyrcsClientTest.class, "complete-job.json")));
    server.enqueue(json(200, resource(LyrcsClientTest.class, "failed-job.json")));

    CompleteJob complete = (CompleteJob) client().getJob("c");
    FailedJob failed = (FailedJob) client().getJob("f");

    assertThat(complete.results().culturalNotes()).isNull();
    assertThat(complete.results().downloads().lrcOriginal()).endsWith("/download/lrc/original");
    assertThat(complete.durationSeconds()).isEqualTo(214.0);
    assertThat(complete.completedAt()).isNotNull();
    assertThat(failed.error()).isEqualTo("processing_failed");
    assertThat(failed.status().isUnsuccessful()).isTrue();
    assertThat(failed.completedAt()).isNull();
  }

  @Test
  void queuedIsAProcessingJobAndAnUnknownStatusFallsBackToUnknownJobKeepingEverything() {
    String processing = resource(LyrcsClientTest.class, "processing-job.json");
    String queued = processing.replace("\"processing\"", "\"queued\"");
    String paused = processing.replace("\"processing\"", "\"paused\"").replace("\"language\"", "\"resume_at\": 5, \"language\"");
    server.enqueue(json(200, queued));
    server.enqueue(json(200, paused));

    Job first = client().getJob("q");
    Job second = client().getJob("p");

    assertThat(first).isInstanceOf(ProcessingJob.class);
    assertThat(first.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(second).isInstanceOf(UnknownJob.class);
    assertThat(second.status().value()).isEqualTo("paused");
    assertThat(second.extras().unknownProperties()).containsKey("resume_at");
    assertSameJson(LyrcsJson.adapter(Job.class).toJson(second), paused);
  }

  @Test
  void reviewAndAudioUrlFieldsDecodeWhenPresent() {
    String body = resource(LyrcsClientTest.class, "processing-job.json").replace("\"completed_at\": null",
        "\"completed_at\": null, \"review_required\": true, \"review_url\": null, "
            + "\"review_expires_at\": \"2024-01-02T00:00:00.000Z\", \"review_approved_at\": null, "
            + "\"audio_url\": \"https://cdn.example.com/songs/song-123.mp3\"");
    server.enqueue(json(200, body));

    ProcessingJob job = (ProcessingJob) client().getJob("r");

    assertThat(job.reviewRequired()).isTrue();
    assertThat(job.reviewUrl()).isNull();
    assertThat(job.audioUrl()).isEqualTo("https://cdn.example.com/songs/song-123.mp3");
    assertSameJson(LyrcsJson.adapter(Job.class).toJson(job), body);
  }

  @Test
  void aCompleteJobWithoutResultsFailsAtTheResultsPath() {
    String body = resource(LyrcsClientTest.class, "failed-job.json").replace("\"failed\"", "\"complete\"");
    server.enqueue(json(200, body));

    assertThat(catchThrowableOfType(DecodeException.class, () -> client().getJob("x")).path()).isEqualTo("$.results");
  }

  @Test
  void errorBodiesDecodeWithCodeAndRetryAfter() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "30").body(
        "{\"error\":\"rate_limit_exceeded\",\"message\":\"Slow down\",\"code\":\"RATE_001\",\"retry_after\":30}").build());
    server.enqueue(json(404, "{\"error\":\"not_found\",\"message\":\"Job not found\",\"code\":\"NOT_001\"}"));

    ApiException limited = catchThrowableOfType(ApiException.class, () -> client().getJob("x"));
    ApiException missing = catchThrowableOfType(ApiException.class, () -> client().getJob("x"));

    assertThat(limited.error(ApiError.class).map(ApiError::retryAfter)).contains(30);
    assertThat(limited.retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(missing.error(ApiError.class).map(ApiError::code)).contains("NOT_001");
  }

  @Test
  void aDownloadKindOrVariantTheClosedEnumsDoNotListIsRefusedBeforeAnythingIsSent() {
    // answered, so that a client which sends the request anyway completes and fails below instead of waiting
    server.enqueue(json(404, "{\"error\": \"not_found\", \"message\": \"Unknown download kind: pdf\", \"code\": \"NOT_001\"}"));

    RequestValidationException kind = catchThrowableOfType(RequestValidationException.class,
        () -> client().download("j1", DownloadKind.of("pdf"), DownloadVariant.ORIGINAL));
    RequestValidationException variant = catchThrowableOfType(RequestValidationException.class,
        () -> client().download("j1", DownloadKind.LRC, DownloadVariant.of("karaoke")));

    assertThat(kind.path()).isEqualTo("kind");
    assertThat(kind.getMessage()).isEqualTo("download: invalid request at kind: must be one of lrc, srt, words");
    assertThat(variant.path()).isEqualTo("variant");
    assertThat(variant.reason()).isEqualTo("must be one of original, transliterated");
    assertThat(server.getRequestCount()).isZero();
  }
}
