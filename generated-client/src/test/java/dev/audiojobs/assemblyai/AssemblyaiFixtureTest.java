package dev.audiojobs.assemblyai;

import static dev.audiojobs.testsupport.JsonTrees.assertSameJson;
import static dev.audiojobs.testsupport.Outcomes.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.DecodeException;
import dev.audiojobs.client.FilePart;
import dev.audiojobs.client.JobFailedException;
import dev.audiojobs.client.RequestValidationException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.audiojobs.testsupport.FakeTime;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * The client generated from a real third-party spec, AssemblyAI's (issue 16; the fixture, its provenance
 * and its overlays are in openapi/src/test/resources/thirdparty/): every operation is there, request
 * bodies and {@code allOf} properties reach the types, the vendor's own response examples decode without
 * losing a byte, and a request the spec forbids is refused before anything is sent.
 */
final class AssemblyaiFixtureTest {
  private static final Path THIRD_PARTY = Path.of("../openapi/src/test/resources/thirdparty");
  private static final String KEY = "aai-fixture-key-5d1c";

  @StartStop final MockWebServer server = new MockWebServer();

  private AssemblyaiClient client() {
    return AssemblyaiClient.builder().apiKey(KEY).baseUrl(server.url("/").toString()).build();
  }

  private static String example(String name) throws IOException {
    return Files.readString(THIRD_PARTY.resolve("examples/assemblyai").resolve(name));
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void everyOperationOfTheSpecIsAMethodOfTheService() throws IOException {
    String spec = Files.readString(THIRD_PARTY.resolve("normalized/assemblyai.yaml"));
    // paths: comes before components: (whose links name operations too) in a normalized spec
    String paths = spec.substring(spec.indexOf("\npaths:\n"), spec.indexOf("\ncomponents:\n"));
    Matcher ids = Pattern.compile("(?m)^ {6}operationId: \"?(\\w+)\"?$").matcher(paths);
    List<String> operations = ids.results().map(m -> m.group(1)).sorted().toList();
    List<String> methods = Arrays.stream(AssemblyaiService.class.getDeclaredMethods())
        .filter(m -> !m.isSynthetic()).map(Method::getName).sorted().toList();

    assertThat(operations).hasSize(10);
    assertThat(methods).isEqualTo(operations);
  }

  @Test
  void theVendorsTranscriptExampleDecodesWhole() throws Exception {
    String body = example("transcript.json");
    server.enqueue(json(200, body));

    Transcript transcript = client().getTranscript("9ea68fd3-f953-42c1-9742-976c447fb463");

    assertThat(transcript.id()).isEqualTo("9ea68fd3-f953-42c1-9742-976c447fb463");
    assertThat(transcript.status()).isEqualTo(TranscriptStatus.COMPLETED);
    assertThat(transcript.status().isTerminal()).isTrue();
    assertThat(transcript.words()).hasSize(15);
    assertThat(transcript.words().get(0).text()).isEqualTo("Smoke");
    assertThat(transcript.words().get(0).start()).isEqualTo(250);
    assertThat(transcript.autoHighlightsResult().results().get(0).text()).isEqualTo("air quality alerts");
    assertThat(transcript.extras().unknownProperties()).isEmpty();
    // Nothing lost: encoding what was decoded gives the vendor's example back.
    assertSameJson(AssemblyaiJson.adapter(Transcript.class).toJson(transcript), body);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/v2/transcript/9ea68fd3-f953-42c1-9742-976c447fb463");
    // The spec's scheme: an apiKey in Authorization, without a prefix.
    assertThat(request.getHeaders().get("Authorization")).isEqualTo(KEY);
  }

  @Test
  void aSpeechUnderstandingTaskDecodesAsTheVariantItsKeyNames() throws Exception {
    // The union is chosen by the object's own keys (20-unions.yaml): "speaker_identification" selects
    // SpeakerIdentificationRequestBody, an unknown task the fallback.
    server.enqueue(json(200, example("transcript.json").replace("\"id\": \"9ea68fd3", "\"speech_understanding\": {\"request\":"
        + " {\"speaker_identification\": {\"speaker_type\": \"role\", \"known_values\": [\"agent\"]}}}, \"id\": \"9ea68fd3")));
    server.enqueue(json(200, example("transcript.json").replace("\"id\": \"9ea68fd3", "\"speech_understanding\": {\"request\":"
        + " {\"summarize\": {\"length\": \"short\"}}}, \"id\": \"9ea68fd3")));

    Transcript known = client().getTranscript("9ea68fd3-f953-42c1-9742-976c447fb463");
    Transcript unknown = client().getTranscript("9ea68fd3-f953-42c1-9742-976c447fb463");

    assertThat(known.speechUnderstanding().request()).isInstanceOfSatisfying(SpeakerIdentificationRequestBody.class,
        task -> assertThat(task.speakerIdentification().knownValues()).containsExactly("agent"));
    assertThat(unknown.speechUnderstanding().request()).isInstanceOfSatisfying(UnknownSpeechUnderstandingTask.class,
        task -> assertThat(task.extras().unknownProperties()).containsKey("summarize"));
  }

  @Test
  void aRecordBothSentAndReceivedDecodesAsAResponse() throws Exception {
    // TranscriptCustomSpelling is sent (createTranscript) and received (Transcript): a received one that
    // lacks its required "to" is the server's fault, a DecodeException, not an invalid request.
    server.enqueue(json(200, example("transcript.json")
        .replace("\"custom_spelling\": null", "\"custom_spelling\": [{\"from\": [\"Gettleman\"]}]")));

    DecodeException e = thrown(DecodeException.class, () -> client().getTranscript("9ea68fd3-f953-42c1-9742-976c447fb463"));

    assertThat(e.path()).isEqualTo("$.custom_spelling[0].to");
  }

  @Test
  void theVendorsListExampleDecodesWhole() throws Exception {
    String body = example("transcript-list.json");
    server.enqueue(json(200, body));

    TranscriptList list = client().listTranscripts(3, null, null, null, null, null);

    assertThat(list.transcripts()).extracting(TranscriptListItem::status)
        .containsExactly(TranscriptStatus.COMPLETED, TranscriptStatus.ERROR, TranscriptStatus.COMPLETED);
    assertThat(list.transcripts().get(1).error()).startsWith("Download error");
    assertThat(list.pageDetails().nextUrl()).endsWith("after_id=b33f4691-85b7-4f31-be12-a87cef1c1229");
    assertSameJson(AssemblyaiJson.adapter(TranscriptList.class).toJson(list), body);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v2/transcript?limit=3");
  }

  @Test
  void aTranscriptRequestSendsTheAllOfPropertiesAndAUnionVariant() throws Exception {
    server.enqueue(json(200, example("transcript.json")));
    TranscriptParams params = TranscriptParams.builder()
        .audioUrl("https://assembly.ai/nbc.mp3") // TranscriptParams' own allOf member
        .speechModels(List.of("universal")) // required by TranscriptOptionalParams
        .speakerLabels(true) // from TranscriptOptionalParams, the $ref'd allOf member
        .customSpelling(List.of(new TranscriptCustomSpelling(List.of("Gettleman"), "Gettleman"))) // also received
        .speechUnderstanding(new TranscriptOptionalParamsSpeechUnderstanding(new TranslationRequestBody(
            new TranslationRequestBodyTranslation(List.of("es", "de"), null, null))))
        .build();

    client().createTranscript(params);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertSameJson(request.getBody().utf8(), """
        {"audio_url": "https://assembly.ai/nbc.mp3", "speaker_labels": true,
         "custom_spelling": [{"from": ["Gettleman"], "to": "Gettleman"}], "speech_models": ["universal"],
         "speech_understanding": {"request": {"translation": {"target_languages": ["es", "de"]}}}}""");
  }

  @Test
  void aUnionValueTheSpecDoesNotAllowIsRefusedBeforeSending() {
    TranscriptParams unknownTask = TranscriptParams.builder().audioUrl("https://assembly.ai/nbc.mp3").speechModels(List.of("universal"))
        .speechUnderstanding(new TranscriptOptionalParamsSpeechUnderstanding(new UnknownSpeechUnderstandingTask(
            dev.audiojobs.client.Extras.of(java.util.Map.of("summarize", java.util.Map.of()), java.util.Set.of()))))
        .build();
    RequestValidationException fallback = thrown(RequestValidationException.class, () -> client().createTranscript(unknownTask));
    assertThat(fallback.path()).isEqualTo("$.speech_understanding.request");
    assertThat(fallback.getMessage()).contains("UnknownSpeechUnderstandingTask", "TranslationRequestBody");

    // A speaker identification that also carries the key of an earlier rule (translation) would reach the
    // server as a translation.
    SpeakerIdentificationRequestBody ambiguous = new SpeakerIdentificationRequestBody(
        new SpeakerIdentificationRequestBodySpeakerIdentification(SpeakerIdentificationRequestBodySpeakerIdentificationSpeakerType.ROLE,
            List.of("agent", "customer"), null),
        dev.audiojobs.client.Extras.of(java.util.Map.of("translation", java.util.Map.of()), java.util.Set.of()));
    TranscriptParams misread = TranscriptParams.builder().audioUrl("https://assembly.ai/nbc.mp3").speechModels(List.of("universal"))
        .speechUnderstanding(new TranscriptOptionalParamsSpeechUnderstanding(ambiguous)).build();
    RequestValidationException rule = thrown(RequestValidationException.class, () -> client().createTranscript(misread));
    assertThat(rule.path()).isEqualTo("$.speech_understanding.request");
    assertThat(rule.getMessage()).contains("TranslationRequestBody", "SpeakerIdentificationRequestBody");

    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aTranscriptIsCreatedAndWaitedForUntilItsStatusIsFinal() throws Exception {
    String completed = example("transcript.json");
    server.enqueue(json(200, completed.replace("\"status\": \"completed\"", "\"status\": \"queued\"")));
    server.enqueue(json(200, completed.replace("\"status\": \"completed\"", "\"status\": \"processing\"")));
    server.enqueue(json(200, completed));
    FakeTime time = new FakeTime();
    AssemblyaiClient client = AssemblyaiClient.builder().apiKey(KEY).baseUrl(server.url("/").toString())
        .clock(time).sleeper(time).build();

    Transcript done = client.createTranscriptAndWait(TranscriptParams.builder().audioUrl("https://assembly.ai/nbc.mp3")
        .speechModels(List.of("universal")).build(), Duration.ofMinutes(5));

    assertThat(done.status()).isEqualTo(TranscriptStatus.COMPLETED);
    assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v2/transcript/9ea68fd3-f953-42c1-9742-976c447fb463");
    assertThat(time.sleeps()).first().isEqualTo(Duration.ofSeconds(5)); // the overlay's interval
  }

  @Test
  void anErroredTranscriptEndsTheWaitWithItsError() throws IOException {
    server.enqueue(json(200, example("transcript.json").replace("\"status\": \"completed\"", "\"status\": \"error\"")
        .replace("\"id\": \"9ea68fd3", "\"error\": \"Download error, unable to download\", \"id\": \"9ea68fd3")));

    JobFailedException e = thrown(JobFailedException.class,
        () -> client().waitForTranscript("9ea68fd3-f953-42c1-9742-976c447fb463", Duration.ofMinutes(1)));

    assertThat(e.getMessage()).contains("Download error, unable to download");
  }

  @Test
  void everyTranscriptIsListedByWalkingBeforeTheLastId() throws Exception {
    server.enqueue(json(200, example("transcript-list.json")));
    server.enqueue(json(200, "{\"page_details\": {\"limit\": 3, \"result_count\": 0, \"current_url\": \"u\","
        + " \"prev_url\": null, \"next_url\": null}, \"transcripts\": []}"));

    List<String> ids = client().listTranscriptsAll(3, null, null, null, null).stream().map(TranscriptListItem::id).toList();

    assertThat(ids).containsExactly("b33f4691-85b7-4f31-be12-a87cef1c1229", "ce522f10-d204-42e8-a838-6b95098145cc",
        "28a73d01-98db-41dd-9e98-2533ba0af117");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v2/transcript?limit=3");
    // the spec's own prev_url: before_id = the last (oldest) item
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v2/transcript?limit=3&before_id=28a73d01-98db-41dd-9e98-2533ba0af117");
  }

  @Test
  void anUploadSendsTheFileAsTheSpecsMediaType() throws Exception {
    server.enqueue(json(200, "{\"upload_url\": \"https://cdn.assemblyai.com/upload/f1\"}"));
    byte[] audio = {82, 73, 70, 70, 1, 2, 3};

    UploadedFile uploaded = client().uploadFile(FilePart.of(audio));

    assertThat(uploaded.uploadUrl()).isEqualTo("https://cdn.assemblyai.com/upload/f1");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/v2/upload");
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(request.getBody().toByteArray()).isEqualTo(audio);
  }
}
