package dev.audiojobs.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.audiojobs.openapi.codegen.model.Api;
import dev.audiojobs.openapi.codegen.model.Operation;
import dev.audiojobs.openapi.codegen.model.Schema;
import dev.audiojobs.openapi.codegen.model.SpecReader;
import dev.audiojobs.openapi.codegen.model.Type;
import dev.audiojobs.openapi.codegen.model.UnsupportedSpecException;
import dev.audiojobs.openapi.codegen.model.Vendor;
import dev.audiojobs.openapi.codegen.render.JavaSources;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /**
   * The end-to-end check: the committed normalized spec through the real generator. It refuses what it does not
   * generate yet, each with its pointer and reason; this walks the refusals (taking the refused node out, and a
   * refused schema with every parameter, body, response and property that uses it, so the next refusal shows),
   * pins the list, and checks that the rest (all 50 operations) reads and renders. Supporting one construct makes
   * this fail, so the next step can be asserted.
   */
  @Test
  void deepgramThroughTheRealGeneratorIsRefusedOnlyForWhatItDoesNotGenerateYet() throws IOException {
    ObjectNode spec = (ObjectNode) new YAMLMapper().readTree(Files.readString(normalizer.normalizedFile("deepgram")));
    List<String> refusals = new ArrayList<>();
    Api api = null;
    for (int attempt = 0; attempt < 20 && api == null; attempt++) {
      try {
        api = SpecReader.read(spec, new Vendor("deepgram"));
      } catch (UnsupportedSpecException e) {
        String message = e.getMessage().substring("openapi/normalized/deepgram.yaml: ".length());
        refusals.add(message);
        takeOut(spec, message.substring(0, message.indexOf(": ")));
      }
    }
    assertThat(refusals).as("what the generator refuses of Deepgram's spec").isEmpty();
    assertThat(api).as("the walk ends with a spec the generator reads").isNotNull();
    assertThat(api.operations()).hasSize(50);
    // The key a project creates is "Any type" in the spec: a body of any JSON value.
    assertThat(api.operations().stream().filter(o -> o.requestBody() != null && o.requestBody().anyValue()))
        .extracting(Operation::path).containsExactly("/v1/projects/{project_id}/keys");
    // The scalar unions of /v1/listen are union query values, a factory per member.
    Operation transcribe = api.operation("transcribe").orElseThrow();
    Operation.Parameter detect = transcribe.parameters().stream().filter(p -> p.name().equals("detect_language")).findFirst()
        .orElseThrow();
    assertThat(api.schema(((Type.Ref) detect.type()).schema())).isEqualTo(new Schema.QueryValueSchema(
        "V1ListenPostParametersDetectLanguage", "", List.of(new Type.Scalar(Type.Kind.BOOLEAN), new Type.ListOf(Type.STRING))));
    assertThat(api.operation("updateV1Projects").orElseThrow().method()).isEqualTo(Operation.HttpMethod.PATCH);
    // A property of any value (Fern's "Any type": a think model's provider, an agent variable's value) is a JSON value.
    Schema.RecordSchema variable = (Schema.RecordSchema) api.schema("AgentVariableV1");
    assertThat(variable.property("value").orElseThrow().type()).isEqualTo(new Type.JsonValue());
    assertThat(variable.property("value").orElseThrow().nullable()).as("any value includes null").isTrue();
    Map<String, String> sources = JavaSources.render(api);
    assertThat(sources).containsKeys("dev/audiojobs/deepgram/DeepgramClient.java",
        "dev/audiojobs/deepgram/V1ListenPostParametersDetectLanguage.java");
    assertThat(sources.get("dev/audiojobs/deepgram/DeepgramClient.java"))
        .contains("detectLanguage == null ? null : detectLanguage.queryValues()");
  }

  private static final Pattern PROPERTY = Pattern.compile("#/components/schemas/([^/]+)/properties/([^/]+).*");
  private static final Pattern SCHEMA = Pattern.compile("#/components/schemas/([^/]+).*");

  /** Takes the refused node at {@code pointer} out of {@code spec}; see the walk. */
  private static void takeOut(ObjectNode spec, String pointer) {
    Matcher property = PROPERTY.matcher(pointer);
    Matcher schema = SCHEMA.matcher(pointer);
    if (property.matches()) {
      JsonNode owner = spec.at("/components/schemas/" + property.group(1));
      ((ObjectNode) owner.get("properties")).remove(property.group(2));
      if (owner.get("required") instanceof ArrayNode required) {
        for (int i = required.size() - 1; i >= 0; i--) {
          if (required.get(i).asText().equals(property.group(2))) required.remove(i);
        }
      }
    } else if (schema.matches()) {
      ((ObjectNode) spec.at("/components/schemas")).remove(schema.group(1));
      removeUses(spec, "#/components/schemas/" + schema.group(1));
    } else if (pointer.contains("/requestBody/")) {
      ((ObjectNode) spec.at(pointer.substring(1, pointer.indexOf("/requestBody/")))).remove("requestBody");
    } else {
      throw new AssertionError("the walk does not know how to take out " + pointer);
    }
  }

  /** Removes every parameter, request body, response and property whose schema refers to {@code ref}. */
  private static void removeUses(JsonNode node, String ref) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode child = object.get(name);
        if (refersTo(child, ref) && (name.equals("requestBody") || name.matches("[1-5][0-9][0-9]|default")
            || child.path("$ref").asText().equals(ref) || child.path("items").path("$ref").asText().equals(ref))) {
          object.remove(name);
        } else {
          removeUses(child, ref);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = array.size() - 1; i >= 0; i--) {
        if (array.get(i).has("in") && refersTo(array.get(i), ref)) array.remove(i);
        else removeUses(array.get(i), ref);
      }
    }
  }

  private static boolean refersTo(JsonNode node, String ref) {
    if (node.isTextual()) return node.asText().equals(ref);
    for (JsonNode child : node) {
      if (refersTo(child, ref)) return true;
    }
    return false;
  }

  private static JsonNode parameter(JsonNode doc, String path, String name) {
    for (JsonNode p : doc.at("/paths/" + path.replace("/", "~1") + "/post/parameters")) {
      if (p.path("name").asText().equals(name)) return p;
    }
    throw new AssertionError(path + " has no parameter " + name);
  }
}
