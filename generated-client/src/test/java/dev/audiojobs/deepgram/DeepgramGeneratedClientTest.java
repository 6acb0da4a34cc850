package dev.audiojobs.deepgram;

import static dev.audiojobs.testsupport.JsonTrees.assertSameJson;
import static dev.audiojobs.testsupport.Outcomes.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.ApiException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * The client generated from the second real third-party spec, Deepgram's (issue 16; fixture, provenance
 * and overlays in openapi/src/test/resources/thirdparty/): all 50 operations, its scheme ({@code Token}
 * in {@code Authorization}), a union query value, a transcription that is a result or an acceptance,
 * an error that is text or one of two objects, a oneOf request body and a body of any JSON value. The
 * spec carries no response examples; the bodies here follow its schemas and Deepgram's documented form.
 */
final class DeepgramGeneratedClientTest {
  private static final Path NORMALIZED = Path.of("../openapi/src/test/resources/thirdparty/normalized/deepgram.yaml");
  private static final String KEY = "dg-fixture-key-77a0";

  /** A pre-recorded transcription as Deepgram answers it (shape of ListenV1Response). */
  private static final String TRANSCRIPTION = """
      {"metadata": {"transaction_key": "deprecated", "request_id": "5d8b2a1e-0f7c-4a2b-9d61-3c2f0e9b7a11",
        "sha256": "154e291ecfa8be6ab8343560bcc109008fa7853eb5372533e8efdefc9b504c33",
        "created": "2024-05-12T18:57:13.426Z", "duration": 25.933313, "channels": 1, "models": ["30089e05-99d1-4376-b32e-c263170674af"],
        "model_info": {"30089e05-99d1-4376-b32e-c263170674af": {"name": "2-general-nova", "version": "2024-01-09.29447", "arch": "nova-2"}}},
       "results": {"channels": [{"detected_language": "en", "alternatives": [{"transcript": "yeah as much as it's worth celebrating",
         "confidence": 0.99902344, "words": [{"word": "yeah", "start": 0.08, "end": 0.32, "confidence": 0.9975586},
         {"word": "as", "start": 0.32, "end": 0.79999995, "confidence": 0.8857422}]}]}]}}""";

  @StartStop final MockWebServer server = new MockWebServer();

  private DeepgramClient client() {
    return DeepgramClient.builder().apiKey(KEY).baseUrl(server.url("/").toString()).build();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void everyOperationOfTheSpecIsAMethodOfTheService() throws IOException {
    String spec = Files.readString(NORMALIZED);
    String paths = spec.substring(spec.indexOf("\npaths:\n"), spec.indexOf("\ncomponents:\n"));
    List<String> operations = Pattern.compile("(?m)^ {6}operationId: \"?(\\w+)\"?$").matcher(paths).results()
        .map(m -> m.group(1)).sorted().toList();
    List<String> methods = Arrays.stream(DeepgramService.class.getDeclaredMethods()).filter(m -> !m.isSynthetic())
        .map(Method::getName).sorted().toList();

    assertThat(operations).hasSize(50);
    assertThat(methods).isEqualTo(operations);
  }

  @Test
  void aTranscriptionDecodesWholeWithTheKeyAsATokenAndTheLanguagesAsQueryValues() throws Exception {
    server.enqueue(json(200, TRANSCRIPTION));

    ListenV1MediaTranscribeResponse200 answer = client().transcribe(null, null, null, null, null, null, null, null, null,
        null, null, null, null, V1ListenPostParametersDetectLanguage.of(List.of("en", "es")), true, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        new ListenV1RequestUrl("https://dpgr.am/spacewalk.wav"));

    assertThat(answer).isInstanceOfSatisfying(ListenV1Response.class, result -> {
      var alternative = result.results().channels().get(0).alternatives().get(0);
      assertThat(alternative.transcript()).isEqualTo("yeah as much as it's worth celebrating");
      assertThat(alternative.words()).extracting(w -> w.word()).containsExactly("yeah", "as");
      assertThat(result.metadata().duration()).isEqualTo(25.933313);
      assertThat(result.metadata().modelInfo().extras().unknownProperties()).containsKey("30089e05-99d1-4376-b32e-c263170674af");
    });
    assertSameJson(DeepgramJson.adapter(ListenV1MediaTranscribeResponse200.class).toJson(answer), TRANSCRIPTION);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/v1/listen?detect_language=en&detect_language=es&diarize=true");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Token " + KEY);
    assertSameJson(request.getBody().utf8(), "{\"url\": \"https://dpgr.am/spacewalk.wav\"}");
  }

  @Test
  void aTranscriptionWithACallbackIsAccepted() throws Exception {
    server.enqueue(json(200, "{\"request_id\": \"1f0c6a7e-5d43-4a6f-8c0e-2b9d3e4f5a6b\"}"));

    ListenV1MediaTranscribeResponse200 answer = client().transcribe(new ListenV1RequestUrl("https://dpgr.am/spacewalk.wav"));

    assertThat(answer).isInstanceOfSatisfying(ListenV1AcceptedResponse.class,
        accepted -> assertThat(accepted.requestId()).isEqualTo("1f0c6a7e-5d43-4a6f-8c0e-2b9d3e4f5a6b"));
  }

  @Test
  void anErrorIsTextOrOneOfTwoObjects() {
    // analyze (/v1/read) declares its 400 as ErrorResponse; transcribe's spec declares its 400 as a
    // ListenV1Response, so there a text error stays in rawBody() only.
    server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
        .body("\"Bad Request: failed to process audio\"").build());
    server.enqueue(json(400, "{\"category\": \"INVALID_AUTH\", \"message\": \"Invalid credentials.\", \"details\": \"d\","
        + " \"request_id\": \"r-1\"}"));
    server.enqueue(json(400, "{\"err_code\": \"Bad Request\", \"err_msg\": \"Invalid query string.\", \"request_id\": \"r-2\"}"));
    ReadV1Request text = new ReadV1RequestText("The weather is fine.");

    assertThat(thrown(ApiException.class, () -> client().analyze(text)).error(ErrorResponse.class)).hasValueSatisfying(
        e -> assertThat(e).isEqualTo(new ErrorResponseTextError("Bad Request: failed to process audio")));
    assertThat(thrown(ApiException.class, () -> client().analyze(text)).error(ErrorResponse.class)).hasValueSatisfying(
        e -> assertThat(e).isInstanceOfSatisfying(ErrorResponseModernError.class, m -> assertThat(m.category()).isEqualTo("INVALID_AUTH")));
    assertThat(thrown(ApiException.class, () -> client().analyze(text)).error(ErrorResponse.class)).hasValueSatisfying(
        e -> assertThat(e).isInstanceOfSatisfying(ErrorResponseLegacyError.class, l -> assertThat(l.errMsg()).isEqualTo("Invalid query string.")));
  }

  @Test
  void aOneOfBodyAndABodyOfAnyValueAreSentAsGiven() throws Exception {
    server.enqueue(json(200, "{\"metadata\": {\"request_id\": \"r-3\"}, \"results\": {}}"));
    server.enqueue(json(200, "{\"api_key_id\": \"k-1\", \"key\": \"secret-key-value\", \"comment\": \"ci\", \"scopes\": [\"member\"]}"));

    client().analyze(new ReadV1RequestText("The weather is fine."));
    client().createV1ProjectsKeys("p-1", Map.of("comment", "ci", "scopes", List.of("member")));

    assertSameJson(server.takeRequest().getBody().utf8(), "{\"text\": \"The weather is fine.\"}");
    RecordedRequest key = server.takeRequest();
    assertThat(key.getTarget()).isEqualTo("/v1/projects/p-1/keys");
    assertSameJson(key.getBody().utf8(), "{\"comment\": \"ci\", \"scopes\": [\"member\"]}");
  }
}
