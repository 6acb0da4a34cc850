package dev.audiojobs.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Judges a request body against its operation's request schema in a vendor's normalized spec, with
 * networknt's JSON Schema validator in its OpenAPI 3.0 dialect ({@code nullable}): another
 * implementation than the client's, so that cases which claim a body is valid, or invalid, are checked
 * before they judge the client.
 */
final class RequestSchemas {
  private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

  private RequestSchemas() {}

  /** The violations of {@code body} as the JSON request body of {@code operationId}; empty when it is valid. */
  static List<String> violations(String vendor, String operationId, JsonNode body) {
    return schema(vendor, operationId).validate(body).stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  /**
   * The violations of the path and query parameters in {@code request} (by wire name; {@code body} and
   * {@code parts} ignored) against their schemas in {@code operationId}'s declaration; empty when all are
   * valid. A query value is judged as the JSON value the case gives.
   */
  static List<String> parameterViolations(String vendor, String operationId, JsonNode request) {
    List<String> violations = new java.util.ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = request.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> value = it.next();
      if (value.getKey().equals("body") || value.getKey().equals("parts")) continue;
      String pointer = operationPointer(VendorClients.spec(vendor), operationId) + "/parameters";
      JsonNode declared = VendorClients.spec(vendor).at(pointer);
      for (int i = 0; i < declared.size(); i++) {
        if (declared.get(i).path("name").asText().equals(value.getKey())) {
          load(vendor, pointer + "/" + i + "/schema").validate(value.getValue()).stream()
              .map(m -> value.getKey() + ": " + m.getMessage()).forEach(violations::add);
        }
      }
    }
    return violations.stream().sorted().toList();
  }

  private static String operationPointer(JsonNode spec, String operationId) {
    for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (operationId.equals(op.getValue().path("operationId").asText(null))) {
          return "/paths/" + path.getKey().replace("~", "~0").replace("/", "~1") + "/" + op.getKey().toLowerCase(Locale.ROOT);
        }
      }
    }
    throw new IllegalArgumentException("no operation " + operationId);
  }

  private static JsonSchema schema(String vendor, String operationId) {
    String pointer = operationPointer(VendorClients.spec(vendor), operationId) + "/requestBody/content/application~1json/schema";
    if (VendorClients.spec(vendor).at(pointer).isMissingNode()) {
      throw new IllegalArgumentException(vendor + ": " + operationId + " has no JSON request body in " + VendorClients.specName(vendor));
    }
    return load(vendor, pointer);
  }

  /** The schema at {@code pointer} in the vendor's normalized spec, its {@code $ref}s resolved in it. */
  private static JsonSchema load(String vendor, String pointer) {
    return CACHE.computeIfAbsent(vendor + " " + pointer, key -> {
      JsonNode spec = VendorClients.spec(vendor);
      String name = "https://audiojobs.invalid/" + vendor + ".json";
      String document;
      try {
        document = ConformanceCase.MAPPER.writeValueAsString(spec);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      // Served from memory under a made-up https name: the validator fetches nothing.
      JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder
          .metaSchema(OpenApi30.getInstance())
          .defaultMetaSchemaIri(OpenApi30.getInstance().getIri())
          .schemaLoaders(loaders -> loaders.schemas(Map.of(name, document))));
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().nullableKeywordEnabled(true).build();
      return factory.getSchema(SchemaLocation.of(name + "#" + pointer), config);
    });
  }
}
