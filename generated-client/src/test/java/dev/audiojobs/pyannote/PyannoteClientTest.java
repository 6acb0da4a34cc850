package dev.audiojobs.pyannote;

import static dev.audiojobs.testsupport.JsonTrees.assertSameJson;
import static dev.audiojobs.testsupport.JsonTrees.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.DecodeException;
import dev.audiojobs.client.RetryPolicy;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class PyannoteClientTest {
  private static final String KEY = "sk_test_7d1e";

  @StartStop final MockWebServer server = new MockWebServer();

  private PyannoteClient client() {
    // Retries off: these tests are about one response each; RetriesTest covers retrying.
    return PyannoteClient.builder().apiKey(KEY).baseUrl(server.url("/").toString()).retryPolicy(RetryPolicy.none()).build();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  private static String reencode(Job job) {
    return PyannoteJson.adapter(Job.class).toJson(job);
  }

  @ParameterizedTest(name = "{0} decodes to {1}")
  @CsvSource({
      "diarization-job.json, DiarizationJob",
      "voiceprint-job.json, VoiceprintJob",
      "identify-job.json, IdentifyJob",
      "pending-job.json, UnknownJob",
      "failed-job.json, UnknownJob",
  })
  void eachJobShapeDecodesToItsVariantAndReEncodesToTheSameJson(String file, String variant) {
    String body = resource(PyannoteClientTest.class, file);
    server.enqueue(json(200, body));

    Job job = client().getJob("any");

    assertThat(job.getClass().getSimpleName()).isEqualTo(variant);
    assertSameJson(reencode(job), body);
  }

  @Test
  void everyVariantExposesTheCommonFieldsAndTheOutputsErrorAndWarning() {
    server.enqueue(json(200, resource(PyannoteClientTest.class, "failed-job.json")));
    server.enqueue(json(200, resource(PyannoteClientTest.class, "diarization-job.json")));

    Job failed = client().getJob("f");
    Job diarization = client().getJob("d");

    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.status().isTerminal()).isTrue();
    assertThat(failed.status().isUnsuccessful()).isTrue();
    assertThat(failed.output().error()).isEqualTo("Audio file could not be decoded");
    assertThat(diarization.output().warning()).isEqualTo("low audio quality");
    assertThat(diarization.updatedAt()).isEqualTo(OffsetDateTime.of(2024, 2, 20, 12, 1, 30, 250_000_000, ZoneOffset.ofHours(1)));
    DiarizationJob typed = (DiarizationJob) diarization;
    assertThat(typed.output().diarization()).extracting(DiarizationSegment::speaker).containsExactly("SPEAKER_00", "SPEAKER_01");
    assertThat(typed.output().confidence().score().getDouble(2)).isEqualTo(78.5);
    assertThat(typed.output().diarization().get(1).confidence()).containsEntry("SPEAKER_01", 93.0);
  }

  @Test
  void whenTheOnePassGuessIsWrongTheClientStillAppliesTheRuleExactly() {
    // The first rule key is diarization, so the one-pass guess is DiarizationJob and cannot decode the
    // string; the rule, which ranks voiceprint first, makes it a VoiceprintJob keeping diarization raw.
    String body = "{\"jobId\":\"j\",\"status\":\"succeeded\",\"output\":{\"diarization\":\"garbage\",\"voiceprint\":\"aGk\"}}";
    server.enqueue(json(200, body));
    server.enqueue(json(200, resource(PyannoteClientTest.class, "identify-job.json")));

    Job voiceprint = client().getJob("v");
    Job identify = client().getJob("i");

    assertThat(voiceprint).isInstanceOf(VoiceprintJob.class);
    assertThat(voiceprint.output().extras().unknownProperties()).containsEntry("diarization", "garbage");
    assertSameJson(reencode(voiceprint), body);
    // identify-job.json lists diarization before identification: the guess is corrected.
    assertThat(identify).isInstanceOf(IdentifyJob.class);
  }

  @Test
  void aNullableRequiredPropertyKeepsItsNull() {
    server.enqueue(json(200, resource(PyannoteClientTest.class, "identify-job.json")));

    IdentifyJob job = (IdentifyJob) client().getJob("i");

    assertThat(job.output().identification().get(1).match()).isNull();
    assertThat(reencode(job)).contains("\"match\":null");
  }

  @Test
  void aSegmentWithoutSpeakerFailsAtItsPathAndKeepsTheRawBody() {
    String body = resource(PyannoteClientTest.class, "diarization-job.json")
        .replace("{\"speaker\": \"SPEAKER_01\", \"start\": 15", "{\"start\": 15");
    server.enqueue(json(200, body));

    DecodeException e = catchThrowableOfType(DecodeException.class, () -> client().getJob("d"));

    assertThat(e.path()).isEqualTo("$.output.diarization[1].speaker");
    assertThat(e.reason()).isEqualTo("required property missing");
    assertThat(e.rawBody()).isEqualTo(body);
    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.operation()).isEqualTo("getJob");
  }

  @Test
  void aMissingPropertyIsReportedAtItsPathEvenAfterAnUnknownPropertyWithADotInItsName() {
    server.enqueue(json(200, "{\"jobId\":\"j\",\"status\":\"succeeded\",\"output\":{\"diarization\":"
        + "[{\"start\":1,\"end\":2,\"x.y\":1}]}}"));

    assertThat(catchThrowableOfType(DecodeException.class, () -> client().getJob("d")).path())
        .isEqualTo("$.output.diarization[0].speaker");
  }

  @Test
  void aNumberNoDoubleHoldsFailsAtItsPathWithAReasonThatSaysSo() {
    server.enqueue(json(200, "{\"jobId\":\"j\",\"status\":\"succeeded\",\"output\":{\"diarization\":"
        + "[{\"speaker\":\"S\",\"start\":1e400,\"end\":2}]}}"));

    DecodeException e = catchThrowableOfType(DecodeException.class, () -> client().getJob("d"));

    assertThat(e.path()).isEqualTo("$.output.diarization[0].start");
    assertThat(e.reason()).isEqualTo("a number outside the range of a double");
  }

  @Test
  void aNullSpeakerFailsAtItsPath() {
    String body = resource(PyannoteClientTest.class, "diarization-job.json")
        .replace("{\"speaker\": \"SPEAKER_01\"", "{\"speaker\": null");
    server.enqueue(json(200, body));

    assertThat(catchThrowableOfType(DecodeException.class, () -> client().getJob("d")).path())
        .isEqualTo("$.output.diarization[1].speaker");
  }

  @Test
  void aStatusNewerThanTheClientDecodesAndReEncodesUnchanged() {
    String body = resource(PyannoteClientTest.class, "pending-job.json").replace("\"pending\"", "\"archived\"");
    server.enqueue(json(200, body));

    Job job = client().getJob("a");

    assertThat(job.status().value()).isEqualTo("archived");
    assertThat(job.status().known()).isEmpty();
    assertThat(job.status().isTerminal()).isFalse();
    assertSameJson(reencode(job), body);
  }

  @Test
  void unknownPropertiesAtEveryLevelAreKeptAndReEncoded() {
    String body = "{\"jobId\":\"j\",\"status\":\"succeeded\",\"team\":{\"id\":7,\"big\":12345678901234567890},"
        + "\"output\":{\"diarization\":[{\"speaker\":\"S\",\"start\":1,\"end\":2,\"overlap\":[true,null,\"x\"]}],"
        + "\"model\":\"precision-2\"}}";
    server.enqueue(json(200, body));

    DiarizationJob job = (DiarizationJob) client().getJob("j");

    assertThat(job.extras().unknownProperties()).containsKey("team");
    assertThat(job.output().extras().unknownProperties()).containsEntry("model", "precision-2");
    assertThat(job.output().diarization().get(0).extras().unknownProperties()).containsKey("overlap");
    assertSameJson(reencode(job), body);
    assertThat(reencode(job)).contains("12345678901234567890");
  }

  @Test
  void anExplicitNullOfAnOptionalPropertyIsReEncodedAsNull() {
    String body = "{\"jobId\":\"j\",\"status\":\"running\",\"createdAt\":null}";
    server.enqueue(json(200, body));

    Job job = client().getJob("j");

    assertThat(job.createdAt()).isNull();
    assertSameJson(reencode(job), body);
  }

  @Test
  void declaredErrorStatusesComeBackWithTheirTypedBodies() {
    server.enqueue(json(400, "{\"message\":\"Invalid request\",\"errors\":[{\"field\":\"jobId\",\"message\":\"bad\"}]}"));
    server.enqueue(json(402, "{\"requestId\":\"37a4c3a0\",\"message\":\"Subscription is required\"}"));
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7")
        .body("{\"requestId\":\"r-429\",\"message\":\"Too many requests\"}").build());

    ApiException invalid = catchThrowableOfType(ApiException.class, () -> client().getJob("x"));
    ApiException payment = catchThrowableOfType(ApiException.class, () -> client().getJob("x"));
    ApiException limited = catchThrowableOfType(ApiException.class, () -> client().getJob("x"));

    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.error(ValidationErrorResponse.class)).get()
        .satisfies(v -> assertThat(v.errors().get(0).field()).isEqualTo("jobId"));
    assertThat(payment.error(ApiError.class).map(ApiError::message)).contains("Subscription is required");
    assertThat(payment.requestId()).contains("37a4c3a0");
    assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(limited.requestId()).contains("r-429");
    assertThat(limited.getMessage()).startsWith("getJob: HTTP 429").doesNotContain(KEY);
  }

  @Test
  void anErrorBodyThatDoesNotDecodeStaysReachableAsRawText() {
    String html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    server.enqueue(new MockResponse.Builder().code(402).addHeader("Content-Type", "text/html").body(html).build());

    ApiException e = catchThrowableOfType(ApiException.class, () -> client().getJob("x"));

    assertThat(e.error()).isEmpty();
    assertThat(e.rawBody()).isEqualTo(html);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "truncated | {\"jobId\":\"j\",\"status\":\"succ | $.status",
      "empty | '' | $",
      "array instead of object | [] | $",
      "number where a string is expected | {\"jobId\":5,\"status\":\"pending\"} | $.jobId",
      "string where a number is expected | {\"jobId\":\"j\",\"status\":\"succeeded\",\"output\":{\"diarization\":[{\"speaker\":\"S\",\"start\":\"0.5\",\"end\":1}]}} | $.output.diarization[0].start",
      "object where an array is expected | {\"jobId\":\"j\",\"status\":\"succeeded\",\"output\":{\"diarization\":{}}} | $.output.diarization",
      "a date-time that is not one | {\"jobId\":\"j\",\"status\":\"pending\",\"createdAt\":\"yesterday\"} | $.createdAt",
      "html | <html>oops</html> | $",
      "trailing garbage | {\"jobId\":\"j\",\"status\":\"pending\"} x | $",
  })
  void aBodyThatDoesNotFitGivesTheDecodeExceptionWithItsPathAndRawText(String name, String body, String path) {
    server.enqueue(json(200, body));

    DecodeException e = catchThrowableOfType(DecodeException.class, () -> client().getJob("j"));

    assertThat(e).as(name).isNotNull();
    assertThat(e.path()).as(name).isEqualTo(path);
    assertThat(e.rawBody()).isEqualTo(body);
  }

  @Test
  void pathParametersArePercentEncodedAndTheKeyIsSentAsBearer() throws Exception {
    server.enqueue(json(200, resource(PyannoteClientTest.class, "pending-job.json")));

    client().getJob("a/b c");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/v1/jobs/a%2Fb%20c");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(request.getMethod()).isEqualTo("GET");
  }

  @Test
  void listJobsSendsExactlyTheGivenQueryParameters() throws Exception {
    server.enqueue(json(200, resource(PyannoteClientTest.class, "list-jobs.json")));
    server.enqueue(json(200, resource(PyannoteClientTest.class, "list-jobs.json")));

    GetJobsResponse page = client().listJobs(10, JobStatus.SUCCEEDED, 20);
    client().listJobs();

    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/jobs?take=10&status=succeeded&skip=20");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/jobs");
    assertThat(page.total()).isEqualTo(2);
    assertThat(page.items().get(1).status().value()).isEqualTo("archived");
    assertSameJson(PyannoteJson.adapter(GetJobsResponse.class).toJson(page), resource(PyannoteClientTest.class, "list-jobs.json"));
  }

  @Test
  void asynchronousCallsCompleteWithTheValueOrTheSameExceptions() throws Exception {
    server.enqueue(json(200, resource(PyannoteClientTest.class, "voiceprint-job.json")));
    server.enqueue(json(404, "{\"requestId\":\"r\",\"message\":\"not found\"}"));

    Job job = client().getJobAsync("v").get(5, TimeUnit.SECONDS);

    assertThat(job).isInstanceOf(VoiceprintJob.class);
    assertThatThrownBy(() -> client().getJobAsync("missing").get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ApiException.class);
  }

  @Test
  void theRawResponseCarriesStatusAndHeaders() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("X-RateLimit-Remaining", "99")
        .body(resource(PyannoteClientTest.class, "pending-job.json")).build());

    var response = client().getJobWithResponse("p");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.header("x-ratelimit-remaining")).contains("99");
    assertThat(response.body()).isInstanceOf(UnknownJob.class);
  }

  @Test
  void anAddedInterceptorSeesEveryRequest() throws Exception {
    server.enqueue(json(200, resource(PyannoteClientTest.class, "pending-job.json")));
    PyannoteClient withHeader = PyannoteClient.builder().apiKey(KEY).baseUrl(server.url("/").toString())
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("Prefer", "code=200").build()))
        .build();

    withHeader.getJob("p");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("Prefer")).isEqualTo("code=200");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
  }

  @Test
  void theDefaultBaseUrlIsTheSpecsServerAndPlainHttpElsewhereIsRefused() {
    assertThat(PyannoteClient.DEFAULT_BASE_URL).isEqualTo("https://api.pyannote.ai");
    assertThatThrownBy(() -> PyannoteClient.builder().apiKey(KEY).baseUrl("http://example.com/").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(KEY);
    assertThatThrownBy(() -> PyannoteClient.builder().build()).isInstanceOf(IllegalStateException.class);
  }
}
