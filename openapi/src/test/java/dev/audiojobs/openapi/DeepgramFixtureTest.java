package dev.audiojobs.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Deepgram's published spec (a third-party fixture, see {@link ThirdPartySpecsTest}) through the real normalizer
 * and the real generator: the generic rules do the work, and the overlays record only what Deepgram means
 * (two counts, three oneOfs meant inclusively, five union rules and their fallback).
 */
final class DeepgramFixtureTest {
  private final Normalizer normalizer = new Normalizer(ThirdPartySpecsTest.THIRD_PARTY, ThirdPartySpecsTest.LABEL);

  @Test
  void deepgramNormalizesToItsCommittedSpec() throws IOException {
    Normalizer.Normalized normalized = normalizer.normalized("deepgram");
    assertThat(normalized.text())
        .as("src/test/resources/thirdparty/normalized/deepgram.yaml is stale: rerun ThirdPartySpecsTest#regenerate")
        .isEqualTo(Files.readString(normalizer.normalizedFile("deepgram")));
  }

  @Test
  void theGenericRulesReadDeepgramsUnionsAsTheWireAllowsThem() {
    Normalizer.Normalized normalized = normalizer.normalized("deepgram");
    ObjectNode doc = YamlFiles.parseObject(normalized.text(), "deepgram");
    JsonNode schemas = doc.at("/components/schemas");
    // Containers and sample rates: oneOf of single-encoding enums, read inclusively (the overlay), are one enum.
    assertThat(schemas.at("/V1SpeakPostParametersContainer/enum").toString()).isEqualTo("[\"none\",\"wav\",\"ogg\"]");
    assertThat(schemas.at("/V2SpeakPostParametersSampleRate/enum")).hasSize(7);
    // A bit rate is a number: its enum of numerals adds no query text the number does not allow.
    JsonNode v1 = parameter(doc, "/v1/speak", "bit_rate").get("schema");
    JsonNode v2 = parameter(doc, "/v2/speak", "bit_rate").get("schema");
    assertThat(v1.toString()).isEqualTo("{\"type\":\"number\",\"format\":\"double\",\"default\":48000}");
    assertThat(v2.toString()).isEqualTo("{\"type\":\"integer\",\"default\":48000}");
    // The key settings body: two members of any value, read inclusively, accept any value.
    assertThat(schemas.get("CreateKeyV1Request").toString()).isEqualTo("{\"title\":\"CreateKeyV1Request\"}");
    // Scalar unions only query parameters send stay unions, with no rule: the caller picks the member.
    assertThat(schemas.at("/V1ListenPostParametersDetectLanguage/oneOf")).hasSize(2);
    assertThat(schemas.at("/V1ListenPostParametersDetectLanguage").has("x-audiojobs-select")).isFalse();
    assertThat(normalized.notes()).filteredOn(n -> n.startsWith("inclusive union ")).hasSize(7);
    assertThat(normalized.notes()).contains(
        "numerals in a query /v1/speak ?bit_rate: an anyOf of a number and enums of its numerals is the number",
        "any value #/components/schemas/CreateKeyV1Request: a member of the anyOf accepts any value, so the union does");
    assertThat(doc.at("/components/schemas").toString()).doesNotContain("anyOf", "x-audiojobs-inclusive");
  }

  private static JsonNode parameter(JsonNode doc, String path, String name) {
    for (JsonNode p : doc.at("/paths/" + path.replace("/", "~1") + "/post/parameters")) {
      if (p.path("name").asText().equals(name)) return p;
    }
    throw new AssertionError(path + " has no parameter " + name);
  }
}
