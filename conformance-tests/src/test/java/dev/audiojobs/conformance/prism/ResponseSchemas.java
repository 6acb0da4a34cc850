package dev.audiojobs.conformance.prism;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.oas.OpenApi30;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Judges a generated response body against the spec that Prism served, independently of Prism (the
 * networknt validator in its OpenAPI 3.0 dialect: {@code nullable}, {@code discriminator}).
 *
 * <p>Why: Prism generates with json-schema-faker, which does not always stay inside the schema. Its
 * 0.5.8 merges {@code allOf} over a sibling {@code enum}, so a lyrcs {@code ProcessingJob} can come out
 * with {@code status: "complete"} and no {@code results} (see README, The Prism sweep). A body the spec
 * forbids may be rejected by the client; a body the spec allows must decode. Only bodies the client
 * rejected are judged here.
 *
 * <p>One rule is relaxed: {@code oneOf} is judged as {@code anyOf}. pyannote's job schemas overlap by
 * design (a diarization output is also a valid identification output; upstream nothing is required at
 * all), which is why the normalized spec states a selection rule, {@code x-audiojobs-select}, that the
 * client applies instead of exclusivity. Counting "more than one branch matches" as a violation would
 * excuse every pyannote job the client rejects.
 */
final class ResponseSchemas {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

  private ResponseSchemas() {}

  /**
   * The spec violations of {@code body} as the {@code status} response of {@code operation}; empty when
   * it is valid. A body that is not JSON is one violation.
   */
  static List<String> violations(Spec spec, Spec.Operation operation, int status, String body) {
    JsonNode value;
    try {
      value = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return List.of("not JSON: " + e.getOriginalMessage());
    }
    if (spec.root().at(pointer(operation, status)).isMissingNode()) {
      return List.of("the served spec declares no JSON body for HTTP " + status);
    }
    JsonSchema schema = schema(spec, operation, status);
    return schema.validate(value).stream()
        // The message starts with the JSON pointer of the value, empty for the body itself.
        .map(m -> m.getMessage().startsWith(":") ? "(body)" + m.getMessage() : m.getMessage())
        .sorted()
        .toList();
  }

  /** Renames every schema's {@code oneOf} to {@code anyOf} (see the class comment). */
  private static void oneOfAsAnyOf(JsonNode node) {
    if (node instanceof ObjectNode object && object.get("oneOf") instanceof ArrayNode branches) {
      object.remove("oneOf");
      object.set("anyOf", branches);
    }
    node.forEach(ResponseSchemas::oneOfAsAnyOf);
  }

  private static JsonSchema schema(Spec spec, Spec.Operation operation, int status) {
    String name = "https://audiojobs.invalid/" + spec.file().toAbsolutePath().normalize().toString().replace('\\', '/');
    return CACHE.computeIfAbsent(name + "#" + pointer(operation, status), key -> {
      String text;
      try {
        JsonNode document = spec.root().deepCopy();
        oneOfAsAnyOf(document);
        text = JSON.writeValueAsString(document);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      // The document is served from memory under a made-up https name: the validator fetches nothing.
      JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder
          .metaSchema(OpenApi30.getInstance())
          .defaultMetaSchemaIri(OpenApi30.getInstance().getIri())
          .schemaLoaders(loaders -> loaders.schemas(Map.of(name, text))));
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
          .nullableKeywordEnabled(true)
          .discriminatorKeywordEnabled(true)
          .build();
      return factory.getSchema(SchemaLocation.of(key), config);
    });
  }

  private static String pointer(Spec.Operation operation, int status) {
    return "/paths/" + escape(operation.path()) + "/" + operation.method() + "/responses/" + status
        + "/content/application~1json/schema";
  }

  private static String escape(String path) {
    return path.replace("~", "~0").replace("/", "~1");
  }
}
