package dev.audiojobs.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Real, published third-party specs (src/test/resources/thirdparty/, laid out like {@code openapi/}:
 * {@code upstream/<vendor>/} verbatim with its provenance, {@code overlays/<vendor>/},
 * {@code normalized/<vendor>.yaml} committed) go through the real normalizer: the generality check of
 * issue 16. They are test fixtures, never vendors of the published client.
 */
final class ThirdPartySpecsTest {
  static final Path THIRD_PARTY = Path.of("src/test/resources/thirdparty").toAbsolutePath();
  static final String LABEL = "openapi/src/test/resources/thirdparty";
  private final Normalizer normalizer = new Normalizer(THIRD_PARTY, LABEL);

  @Test
  void theFixturesAreTwoRealSpecsKeptByteForByteWithTheirProvenance() throws IOException {
    assertThat(normalizer.vendors()).containsExactly("assemblyai", "deepgram");
    for (String vendor : normalizer.vendors()) {
      Path dir = THIRD_PARTY.resolve("upstream").resolve(vendor);
      ObjectNode provenance = YamlFiles.readObject(dir.resolve(Normalizer.PROVENANCE), vendor);
      assertThat(provenance.path("vendor").asText()).isEqualTo(vendor);
      for (Map.Entry<String, JsonNode> file : provenance.get("files").properties()) {
        JsonNode source = file.getValue();
        assertThat(source.path("source").asText()).startsWith("https://github.com/" + source.path("repository").asText() + "/blob/"
            + source.path("commit").asText() + "/");
        assertThat(source.path("commit").asText()).matches("[0-9a-f]{40}");
        assertThat(source.path("license").asText()).as("%s license", vendor).isNotBlank();
        assertThat(Normalizer.sha256(dir.resolve(file.getKey()))).as("%s/%s is the published file, unchanged", vendor, file.getKey())
            .isEqualTo(source.path("sha256").asText());
        assertThat(YamlFiles.readObject(dir.resolve(file.getKey()), file.getKey()).path("openapi").asText())
            .isEqualTo(source.path("openapi").asText());
      }
    }
  }

  @Test
  void assemblyaiNormalizesToItsCommittedSpecWithTheGenericRulesDoingTheWork() throws IOException {
    Normalizer.Normalized normalized = normalizer.normalized("assemblyai");
    assertThat(normalized.text())
        .as("src/test/resources/thirdparty/normalized/assemblyai.yaml is stale: rerun ThirdPartySpecsTest#regenerate")
        .isEqualTo(Files.readString(normalizer.normalizedFile("assemblyai")));
    ObjectNode doc = YamlFiles.parseObject(normalized.text(), "assemblyai");
    assertThat(doc.get("openapi").asText()).isEqualTo("3.0.3");
    // allOf composition survives normalization: the inline part with audio_url and the $ref'd optional params.
    JsonNode params = doc.at("/components/schemas/TranscriptParams");
    assertThat(params.at("/allOf/0/properties/audio_url/type").asText()).isEqualTo("string");
    assertThat(params.at("/allOf/1/$ref").asText()).isEqualTo("#/components/schemas/TranscriptOptionalParams");
    // 3.1 nullability: type arrays and oneOf [X, null].
    assertThat(doc.at("/components/schemas/Transcript/properties/audio_duration/nullable").asBoolean()).isTrue();
    assertThat(doc.at("/components/schemas/Transcript/properties/redact_pii_audio_quality/nullable").asBoolean()).isTrue();
    // const → enum; inline objects named by the rule.
    assertThat(doc.at("/components/schemas/Error/properties/status/$ref").asText()).isEqualTo("#/components/schemas/ErrorStatus");
    assertThat(doc.at("/components/schemas/ErrorStatus/enum").toString()).isEqualTo("[\"error\"]");
    assertThat(normalized.notes()).filteredOn(n -> n.startsWith("named ")).hasSizeGreaterThan(10);
  }

  @Test
  void theResponseExamplesTheDecodingTestServesAreTheVendorsOwn() throws IOException {
    // generated-client's AssemblyaiDecodingTest serves these; they are the spec's examples, as JSON.
    ObjectNode spec = YamlFiles.readObject(THIRD_PARTY.resolve("upstream/assemblyai/openapi.yml"), "openapi.yml");
    for (Map.Entry<String, String> example : Map.of("transcript.json", "Transcript", "transcript-list.json", "TranscriptList").entrySet()) {
      JsonNode served = new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(THIRD_PARTY.resolve("examples/assemblyai").resolve(example.getKey()).toFile());
      assertThat(served).as(example.getKey()).isEqualTo(spec.at("/components/schemas/" + example.getValue() + "/example"));
    }
  }

  /**
   * The normalized AssemblyAI spec through the real generator's reader, with no refusal: every operation,
   * the allOf request record with both members' properties, a record both sent and received, and the
   * speech understanding unions (the request one sent, the response one only received). generated-client
   * generates and compiles the whole client from it and runs it ({@code AssemblyaiFixtureTest}).
   */
  @Test
  void assemblyaiThroughTheRealGeneratorWithoutARefusal() throws IOException {
    ObjectNode spec = YamlFiles.parseObject(Files.readString(normalizer.normalizedFile("assemblyai")), "assemblyai");
    dev.audiojobs.openapi.codegen.model.Api api =
        dev.audiojobs.openapi.codegen.model.SpecReader.read(spec, new dev.audiojobs.openapi.codegen.model.Vendor("assemblyai"));

    assertThat(api.operations()).extracting(dev.audiojobs.openapi.codegen.model.Operation::id).containsExactly(
        "listTranscripts", "createTranscript", "getTranscript", "deleteTranscript", "getTranscriptParagraphs",
        "getRedactedAudio", "getTranscriptSentences", "wordSearch", "getSubtitles", "uploadFile");
    var params = api.record("TranscriptParams");
    assertThat(params.request()).isTrue();
    assertThat(params.property("audio_url")).hasValueSatisfying(p -> assertThat(p.required()).isTrue());
    assertThat(params.property("speaker_labels")).as("from the $ref'd allOf member").isPresent();
    assertThat(params.properties()).hasSizeGreaterThan(40);
    var spelling = api.record("TranscriptCustomSpelling");
    assertThat(spelling.request()).isTrue();
    assertThat(spelling.received()).isTrue();
    assertThat(spelling.decodesAsRequest()).isFalse();
    assertThat(((dev.audiojobs.openapi.codegen.model.Schema.UnionSchema) api.schema("TranscriptOptionalParamsSpeechUnderstandingRequest"))
        .request()).isTrue();
    assertThat(((dev.audiojobs.openapi.codegen.model.Schema.UnionSchema) api.schema("TranscriptSpeechUnderstandingResponse"))
        .request()).isFalse();
    assertThat(api.record("UnknownSpeechUnderstandingTask").request()).as("a union's fallback is never sent").isFalse();
  }

  @Test
  void overlaysRecordOnlyDecisionsAboutTheVendorsMeaning() {
    assertThat(actionsByKind("assemblyai")).containsExactly(
        Map.entry("enum openness (x-audiojobs-closed)", 4),
        Map.entry("paging (x-audiojobs-paging: which parameter pages)", 1),
        Map.entry("terminal statuses (x-audiojobs-terminal)", 1),
        Map.entry("the created job's id (x-audiojobs-then-wait)", 1),
        Map.entry("union fallback schema", 1),
        Map.entry("union rule (x-audiojobs-select)", 2),
        Map.entry("waiting (x-audiojobs-wait: status, error, interval)", 1));
    assertThat(actionsByKind("deepgram")).containsExactly(
        Map.entry("a oneOf read as anyOf (x-audiojobs-inclusive)", 3),
        Map.entry("security (how the key is sent)", 2),
        Map.entry("union fallback schema", 1),
        Map.entry("union rule (x-audiojobs-select)", 5),
        Map.entry("vendor type (a count is an integer)", 2));
  }

  /** Each overlay action, by the one kind of decision it records; an action of no known kind fails. */
  static Map<String, Integer> actionsByKind(String vendor) {
    Map<String, Integer> kinds = new TreeMap<>();
    for (Path file : YamlFiles.documents(THIRD_PARTY.resolve("overlays").resolve(vendor))) {
      for (Overlay.Action action : Overlay.read(file, file.toString()).actions()) {
        kinds.merge(kind(action), 1, Integer::sum);
      }
    }
    return kinds;
  }

  private static String kind(Overlay.Action action) {
    JsonNode update = action.update();
    assertThat(update).as("%s removes; no removal is a decision about meaning", action.target()).isNotNull();
    List<String> keys = new java.util.ArrayList<>();
    for (Iterator<String> it = update.fieldNames(); it.hasNext(); ) keys.add(it.next());
    if (keys.equals(List.of("x-audiojobs-closed"))) return "enum openness (x-audiojobs-closed)";
    if (keys.equals(List.of("x-audiojobs-select"))) return "union rule (x-audiojobs-select)";
    if (keys.equals(List.of("x-audiojobs-inclusive"))) return "a oneOf read as anyOf (x-audiojobs-inclusive)";
    if (keys.contains("x-audiojobs-terminal")) return "terminal statuses (x-audiojobs-terminal)";
    if (action.target().equals("$.components.schemas") && keys.size() == 1
        && update.get(keys.get(0)).path("additionalProperties").asBoolean(false)) return "union fallback schema";
    if (keys.equals(List.of("type"))) return "vendor type (a count is an integer)";
    if (keys.equals(List.of("x-audiojobs-wait"))) return "waiting (x-audiojobs-wait: status, error, interval)";
    if (keys.equals(List.of("x-audiojobs-then-wait"))) return "the created job's id (x-audiojobs-then-wait)";
    if (keys.equals(List.of("x-audiojobs-paging"))) return "paging (x-audiojobs-paging: which parameter pages)";
    if (keys.equals(List.of("x-audiojobs-prefix")) || keys.equals(List.of("security"))) return "security (how the key is sent)";
    throw new AssertionError(action.path() + " of the " + action.target() + " overlay records no decision of a known kind: " + keys);
  }

  /**
   * Rewrites the committed normalized fixtures, only when asked:
   * {@code ./mvnw -B -q -o -pl openapi test -Dtest=ThirdPartySpecsTest#regenerate -Dthirdparty.regenerate=true}.
   */
  @Test
  @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "thirdparty.regenerate", matches = "true")
  void regenerate() {
    for (String vendor : List.of("assemblyai", "deepgram")) {
      YamlFiles.write(new Normalizer(THIRD_PARTY, LABEL).normalizedFile(vendor), new Normalizer(THIRD_PARTY, LABEL).normalize(vendor));
    }
  }
}
