package dev.audiojobs.acme;

import static dev.audiojobs.testsupport.JsonTrees.assertSameJson;
import static dev.audiojobs.testsupport.Outcomes.thrown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.RequestValidationException;
import dev.audiojobs.client.RetryPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JSON request bodies as the generator writes them for the test spec (openapi/src/test/resources/codegen/acme.yaml):
 * the record as sent, the rules checked before sending, builders, explicit null and additional properties.
 */
final class AcmeRequestBodyTest {
  private static final String KEY = "sk-acme-test-41f0";

  @StartStop final MockWebServer server = new MockWebServer();

  private AcmeClient client() {
    return AcmeClient.builder().apiKey(KEY).baseUrl(server.url("/").toString()).build();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  private static SubmitRequest.Builder valid() {
    return SubmitRequest.builder()
        .url("media://calls/1.wav")
        .voiceprints(List.of(new Voiceprint("Sam", "aGVsbG8")));
  }

  @Test
  void aRequestIsSentAsItsRecordEncodesWithExplicitNullsAndAdditionalProperties() throws Exception {
    server.enqueue(json(200, "{\"jobId\": \"j1\", \"state\": \"queued\"}"));

    JobCreated created = client().submitJob(valid()
        .numSpeakers(2)
        .turnLevelConfidence(null)
        .putAdditionalProperty("priority", Map.of("level", 3))
        .build());

    assertThat(created.jobId()).isEqualTo("j1");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/v1/jobs");
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    // threshold and model were never set: absent; turnLevelConfidence was set to null: sent as null.
    assertSameJson(request.getBody().utf8(), """
        {"url": "media://calls/1.wav", "numSpeakers": 2, "turnLevelConfidence": null,
         "voiceprints": [{"label": "Sam", "voiceprint": "aGVsbG8"}], "priority": {"level": 3}}""");
  }

  @Test
  void anOptionalNonNullablePropertySetToNullIsLeftOut() throws Exception {
    server.enqueue(json(200, "{\"jobId\": \"j1\", \"state\": \"queued\"}"));

    client().submitJob(valid().numSpeakers(3).numSpeakers(null).build());

    assertSameJson(server.takeRequest().getBody().utf8(), """
        {"url": "media://calls/1.wav", "voiceprints": [{"label": "Sam", "voiceprint": "aGVsbG8"}]}""");
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of("numSpeakers 0", (UnaryOperator<SubmitRequest.Builder>) b -> b.numSpeakers(0),
            "$.numSpeakers", "must be at least 1"),
        Arguments.of("numSpeakers 11", (UnaryOperator<SubmitRequest.Builder>) b -> b.numSpeakers(11),
            "$.numSpeakers", "must be at most 10"),
        Arguments.of("threshold 0.6", (UnaryOperator<SubmitRequest.Builder>) b -> b.threshold(0.6),
            "$.threshold", "must be at most 0.5"),
        Arguments.of("url over 40 characters", (UnaryOperator<SubmitRequest.Builder>) b -> b.url("media://" + "x".repeat(33)),
            "$.url", "must be at most 40 characters long"),
        Arguments.of("url not matching", (UnaryOperator<SubmitRequest.Builder>) b -> b.url("ftp://a"),
            "$.url", "must match the pattern ^(https|media)://"),
        Arguments.of("no voiceprints", (UnaryOperator<SubmitRequest.Builder>) b -> b.voiceprints(List.of()),
            "$.voiceprints", "must have at least 1 items"),
        Arguments.of("four voiceprints", (UnaryOperator<SubmitRequest.Builder>) b -> b.voiceprints(List.of(
                new Voiceprint("a", "v"), new Voiceprint("b", "v"), new Voiceprint("c", "v"), new Voiceprint("d", "v"))),
            "$.voiceprints", "must have at most 3 items"),
        Arguments.of("an empty label", (UnaryOperator<SubmitRequest.Builder>) b -> b.voiceprints(List.of(
                new Voiceprint("a", "v"), new Voiceprint("", "v"))),
            "$.voiceprints[1].label", "must be at least 1 characters long"),
        Arguments.of("a label over 5 characters", (UnaryOperator<SubmitRequest.Builder>) b -> b.voiceprints(List.of(
                new Voiceprint("abcdef", "v"))),
            "$.voiceprints[0].label", "must be at most 5 characters long"),
        Arguments.of("a null voiceprint", (UnaryOperator<SubmitRequest.Builder>) b -> b.voiceprints(
                new ArrayList<>(Arrays.asList(new Voiceprint("a", "v"), null))),
            "$.voiceprints[1]", "null where a value is required"),
        Arguments.of("a model outside the closed enum", (UnaryOperator<SubmitRequest.Builder>) b -> b.model(Model.of("turbo")),
            "$.model", "must be one of fast, precise"),
        Arguments.of("three tags in options", (UnaryOperator<SubmitRequest.Builder>) b -> b.options(
                new Options(List.of("a", "b", "c"), null)),
            "$.options.tags", "must have at most 2 items"));
  }

  @ParameterizedTest(name = "{0} is refused at {2} and nothing is sent")
  @MethodSource("rejected")
  void aRequestTheSpecRejectsIsRefusedWithItsPathAndNothingIsSent(String name, UnaryOperator<SubmitRequest.Builder> change,
      String path, String reason) {
    SubmitRequest request = change.apply(valid()).build();

    RequestValidationException e = thrown(RequestValidationException.class, () -> client().submitJob(request));

    assertThat(e.operation()).isEqualTo("submitJob");
    assertThat(e.path()).isEqualTo(path);
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.attempts()).isZero();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theAsynchronousFormsRefuseBeforeSendingToo() {
    SubmitRequest request = valid().numSpeakers(0).build();

    assertThatThrownBy(() -> client().submitJobAsync(request)).isInstanceOf(RequestValidationException.class);
    assertThatThrownBy(() -> client().submitJobWithResponseAsync(request)).isInstanceOf(RequestValidationException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aModelValueTheClosedEnumListsIsSent() throws Exception {
    server.enqueue(json(200, "{\"jobId\": \"j1\", \"state\": \"queued\"}"));

    client().submitJob(valid().model(Model.PRECISE).build());

    assertThat(server.takeRequest().getBody().utf8()).contains("\"model\":\"precise\"");
  }

  @Test
  void aPostIsNeverRetried() {
    AcmeClient retrying = AcmeClient.builder().apiKey(KEY).baseUrl(server.url("/").toString())
        .retryPolicy(RetryPolicy.defaults()).build();
    server.enqueue(json(503, "{\"message\": \"busy\"}"));
    server.enqueue(json(200, "{\"jobId\": \"j1\", \"state\": \"queued\"}"));

    ApiException e = thrown(ApiException.class, () -> retrying.submitJob(valid().build()));

    assertThat(e.statusCode()).isEqualTo(503);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void buildRefusesAMissingRequiredPropertyWithTheRecordAsOperation() {
    RequestValidationException e = thrown(RequestValidationException.class,
        () -> SubmitRequest.builder().voiceprints(List.of()).build());

    assertThat(e.operation()).isEqualTo("SubmitRequest");
    assertThat(e.path()).isEqualTo("$.url");
    assertThat(e.reason()).isEqualTo("required property missing");
  }

  @Test
  void toBuilderKeepsPropertiesExplicitNullsAndAdditionalProperties() {
    SubmitRequest request = valid().turnLevelConfidence(null).putAdditionalProperty("x", "y").threshold(0.25).build();

    SubmitRequest copy = request.toBuilder().build();

    assertThat(copy).isEqualTo(request);
    assertThat(copy.extras().isExplicitNull("turnLevelConfidence")).isTrue();
    assertThat(copy.extras().unknownProperties()).containsEntry("x", "y");
    assertThat(request.toBuilder().turnLevelConfidence(true).build().extras().isExplicitNull("turnLevelConfidence")).isFalse();
  }

  @Test
  void anAdditionalPropertyMustBeUnknownAndAJsonValue() {
    assertThatThrownBy(() -> SubmitRequest.builder().putAdditionalProperty("url", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("url is a property of SubmitRequest; use its setter");
    assertThatThrownBy(() -> SubmitRequest.builder().putAdditionalProperty("when", List.of(new Object())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("additional property when[0]: not a JSON value (java.lang.Object)");
    assertThatThrownBy(() -> SubmitRequest.builder().url(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void decodingARequestThatLacksARequiredPropertyIsAnInvalidRequestAtItsDocumentPath() {
    var adapter = AcmeJson.adapter(SubmitRequest.class);

    RequestValidationException nested = thrown(RequestValidationException.class,
        () -> adapter.fromJson("{\"url\": \"https://a\", \"voiceprints\": [{\"label\": \"Sam\"}]}"));
    RequestValidationException top = thrown(RequestValidationException.class,
        () -> adapter.fromJson("{\"voiceprints\": []}"));
    RequestValidationException nullUrl = thrown(RequestValidationException.class,
        () -> adapter.fromJson("{\"url\": null, \"voiceprints\": []}"));

    assertThat(nested.path()).isEqualTo("$.voiceprints[0].voiceprint");
    assertThat(nested.operation()).isEqualTo("Voiceprint");
    assertThat(top.path()).isEqualTo("$.url");
    assertThat(top.reason()).isEqualTo("required property missing");
    assertThat(nullUrl.path()).isEqualTo("$.url");
  }

  @Test
  void aPutSendsItsPathParameterAndBody() throws Exception {
    server.enqueue(json(202, "{\"jobId\": \"j9\", \"state\": \"running\"}"));

    JobCreated accepted = client().replaceLabels("j9", new Labels(List.of("a", "b")));

    assertThat(accepted.state()).isEqualTo(JobState.RUNNING);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getTarget()).isEqualTo("/v1/jobs/j9");
    assertSameJson(request.getBody().utf8(), "{\"labels\": [\"a\", \"b\"]}");
  }
}
