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

  private static JsonSchema schema(String vendor, String operationId) {
    return CACHE.computeIfAbsent(vendor + " " + operationId, key -> {
      JsonNode spec = VendorClients.spec(vendor);
      String pointer = null;
      for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
        Map.Entry<String, JsonNode> path = paths.next();
        for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
          Map.Entry<String, JsonNode> op = ops.next();
          if (operationId.equals(op.getValue().path("operationId").asText(null))) {
            pointer = "/paths/" + path.getKey().replace("~", "~0").replace("/", "~1") + "/" + op.getKey().toLowerCase(Locale.ROOT)
                + "/requestBody/content/application~1json/schema";
          }
        }
      }
      if (pointer == null || spec.at(pointer).isMissingNode()) {
        throw new IllegalArgumentException(vendor + ": " + operationId + " has no JSON request body in openapi/normalized/" + vendor + ".yaml");
      }
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
