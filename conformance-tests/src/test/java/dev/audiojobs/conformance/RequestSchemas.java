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

  /**
   * A copy of the spec with two of its own statements made explicit for a JSON Schema validator, which
   * knows neither:
   *
   * <ul>
   *   <li>an object composed with {@code allOf} is one object with the members' properties merged and
   *       their required lists unioned (issue 16's composition rule, which the generator follows). Judged
   *       literally, members that each say {@code additionalProperties: false} (AssemblyAI's {@code
   *       TranscriptParams}) forbid each other's properties, and no body at all is valid;
   *   <li>an enum marked {@code x-audiojobs-closed: false} is open: its list names the values known
   *       today, and another value is valid;
   *   <li>{@code nullable: true} beside a lone {@code allOf: [$ref]} and no {@code type} is that schema
   *       or null: it is how the normalizer writes OpenAPI 3.1's {@code oneOf: [$ref, {type: "null"}]}
   *       (README, "The spec pipeline", step 2), which OpenAPI 3.0.3 cannot say otherwise for a
   *       reference, and what the generator reads. Judged literally (3.0.3: {@code nullable} only adds
   *       null to a {@code type} beside it), AssemblyAI's documented null {@code language_code} would be
   *       invalid.
   * </ul>
   *
   * Nothing else changes: a {@code nullable} without a {@code type} beside anything else is judged as
   * OpenAPI 3.0.3 says (it adds nothing).
   */
  static JsonNode asTheClientReadsIt(String vendor, JsonNode spec) {
    com.fasterxml.jackson.databind.node.ObjectNode copy = spec.deepCopy();
    SpecModel model = new SpecModel(vendor, spec);
    JsonNode schemas = copy.path("components").path("schemas");
    for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      com.fasterxml.jackson.databind.node.ObjectNode schema = (com.fasterxml.jackson.databind.node.ObjectNode) entry.getValue();
      if (schema.has("allOf") && model.isObject(entry.getKey())) {
        com.fasterxml.jackson.databind.node.ObjectNode properties = schema.putObject("properties");
        model.properties(entry.getKey()).forEach(properties::set);
        com.fasterxml.jackson.databind.node.ArrayNode required = schema.putArray("required");
        model.required(entry.getKey()).forEach(required::add);
        schema.remove("allOf");
        schema.put("type", "object");
      }
      if (schema.has("enum") && schema.path("x-audiojobs-closed").isBoolean() && !schema.get("x-audiojobs-closed").asBoolean()) {
        schema.remove("enum");
      }
    }
    com.fasterxml.jackson.databind.node.ObjectNode judged = copy.deepCopy(); // the merge above shares the spec's nodes
    nullableReferences(judged.path("components").path("schemas"));
    return judged;
  }

  /** Rewrites every {@code {nullable: true, allOf: [$ref]}} without a {@code type} as {@code anyOf: [$ref, null]}. */
  private static void nullableReferences(JsonNode node) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
      JsonNode allOf = object.path("allOf");
      if (object.path("nullable").asBoolean(false) && !object.has("type") && allOf.size() == 1 && allOf.get(0).has("$ref")) {
        com.fasterxml.jackson.databind.node.ArrayNode anyOf = object.putArray("anyOf");
        anyOf.add(allOf.get(0));
        anyOf.addObject().putArray("enum").addNull();
        object.remove("allOf");
        object.remove("nullable");
      }
    }
    node.forEach(RequestSchemas::nullableReferences);
  }

  /** The schema at {@code pointer} in the vendor's normalized spec, its {@code $ref}s resolved in it. */
  private static JsonSchema load(String vendor, String pointer) {
    return CACHE.computeIfAbsent(vendor + " " + pointer, key -> {
      JsonNode spec = asTheClientReadsIt(vendor, VendorClients.spec(vendor));
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
