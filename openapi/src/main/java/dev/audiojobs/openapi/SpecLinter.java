package dev.audiojobs.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a normalized spec must satisfy before code is generated from it.
 *
 * <ol>
 *   <li>It is OpenAPI 3.0 ({@code openapi: 3.0.x}; the normalizer converts a 3.1 upstream first,
 *       {@link OpenApi31}), and valid: swagger-parser reads it with no messages at all.
 *   <li>Every operation has an operation id, unique in the document.
 *   <li>Every schema a response reaches is named: response bodies, object properties, array items
 *       and union members are {@code $ref}s to {@code components/schemas}, never anonymous inline
 *       objects (which generators name {@code InlineResponse200}); a response body may also be an
 *       inline scalar (a string, raw bytes) or an array of named schemas or scalars; an inline
 *       {@code allOf} member is a part of its schema, not a type, and may stay inline; a
 *       {@code type: object} says what it holds ({@code properties}, {@code additionalProperties} or
 *       its {@code allOf} parts).
 *   <li>Every {@code oneOf} says how a variant is chosen — a {@code discriminator} or an
 *       {@code x-audiojobs-select} rule ({@code byKeys} reads the keys of its {@code property}'s
 *       object, or of the object itself when there is no {@code property}) — and names its fallback,
 *       whose schema exists. A union only query parameters use, whose members are scalars, enums or arrays
 *       of them ({@code detect_language: true} or a list of languages), is exempt: the client sends it and
 *       never decodes it, so nothing is chosen, and a scalar member needs no name.
 *   <li>Counts are integers: a property or parameter whose name means a count ({@code take},
 *       {@code skip}, {@code total}, {@code limit}, {@code offset}, {@code …Count}, {@code num…},
 *       {@code …Speakers}) is not {@code type: number}.
 *   <li>A request body ({@code $ref}s to {@code components/requestBodies} resolved) is sent by a
 *       POST, PUT or PATCH only, as {@code application/json} or {@code multipart/form-data}, each a
 *       {@code $ref} to a named schema, or as raw bytes of any other media type, whose schema is
 *       {@code {type: string, format: binary}}.
 *   <li>Every enum is named: a property, item or parameter with an {@code enum} is a {@code $ref} to a
 *       named enum, or narrows one ({@code enum} beside {@code allOf: [$ref]}); the generator refuses
 *       anything else.
 *   <li>A {@code pattern} is a regular expression Java compiles, not a JavaScript literal in slashes
 *       ({@code /^a$/}), which would never match.
 *   <li>The {@code x-audiojobs-…} extensions the generator reads name things that exist
 *       ({@link ExtensionLinter}).
 * </ol>
 */
final class SpecLinter {
  /** Names that mean a count; times and scores ({@code start}, {@code score}) are not counts. */
  static final Pattern COUNT_NAME =
      Pattern.compile("take|skip|total|limit|offset|count|page|pageSize|size|num[A-Z_].*|.*Count|.*_count|total_.*|.*Speakers");

  /** Names that end in a unit: a measure, never a count, whatever they start with. */
  static final Pattern MEASURE_NAME =
      Pattern.compile("(?i).*(hours|minutes|seconds|secs|_ms|millis|duration|amount|cost|price|usd|bytes)");

  /** The request media types the generated client can send. */
  static final List<String> REQUEST_MEDIA_TYPES = List.of("application/json", "multipart/form-data");

  /** The methods that may carry a request body. */
  private static final Set<String> BODY_METHODS = Set.of("post", "put", "patch");

  private static final String SCHEMAS = "#/components/schemas/";

  private SpecLinter() {}

  /** One violated rule at one place. */
  record Violation(String path, String problem) {}

  /** Returns every violation in {@code document}, in document order; empty when it passes. */
  static List<Violation> lint(ObjectNode document, String text) {
    List<Violation> violations = new ArrayList<>();
    String version = document.path("openapi").asText("");
    if (!version.startsWith("3.0.")) {
      // swagger-parser reads 3.1 without a message: saying "valid 3.0" of it would be false.
      violations.add(new Violation("$.openapi", "OpenAPI " + (version.isEmpty() ? "(no version)" : version)
          + " is not 3.0: the lint and the generator read OpenAPI 3.0 (the normalizer converts a 3.1 upstream)"));
      return violations;
    }
    parserMessages(text, violations);
    operations(document, violations);
    schemas(document, violations);
    ExtensionLinter.lint(document, violations);
    return violations;
  }

  private static void parserMessages(String text, List<Violation> out) {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
    if (result.getMessages() != null) {
      for (String message : result.getMessages()) out.add(new Violation("$", "swagger-parser: " + message));
    }
    if (result.getOpenAPI() == null) out.add(new Violation("$", "swagger-parser could not read the document"));
  }

  private static void operations(ObjectNode document, List<Violation> out) {
    Set<String> ids = new HashSet<>();
    Map<String, JsonNode> byName = new HashMap<>();
    document.path("components").path("schemas").fields().forEachRemaining(e -> byName.put(e.getKey(), e.getValue()));
    forEachOperation(document, (path, operation) -> {
      requestBody(path, operation, document, out);
      JsonNode id = operation.get("operationId");
      if (id == null || !id.isTextual() || id.asText().isBlank()) {
        out.add(new Violation(path, "operation has no operationId"));
      } else if (!ids.add(id.asText())) {
        out.add(new Violation(path + ".operationId", "duplicate operationId " + id.asText()));
      }
      JsonNode parameters = operation.get("parameters");
      if (parameters != null) {
        for (int i = 0; i < parameters.size(); i++) {
          JsonNode parameter = parameters.get(i);
          String schemaPath = JsonPaths.index(path + ".parameters", i) + ".schema";
          countsAreIntegers(parameter.path("name").asText(), parameter.path("schema"), schemaPath, out);
          if (parameter.get("schema") instanceof ObjectNode schema) checkSchema(schema, schemaPath, false, byName, out);
        }
      }
      JsonNode responses = operation.get("responses");
      if (responses != null) {
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> response = it.next();
          String responsePath = JsonPaths.child(path + ".responses", response.getKey());
          JsonNode content = response.getValue().get("content");
          if (content == null) continue;
          for (Iterator<Map.Entry<String, JsonNode>> media = content.fields(); media.hasNext(); ) {
            Map.Entry<String, JsonNode> type = media.next();
            JsonNode schema = type.getValue().get("schema");
            String schemaPath = JsonPaths.child(responsePath + ".content", type.getKey()) + ".schema";
            if (schema != null && !schema.has("$ref") && !scalarOrListBody(schema)) {
              out.add(new Violation(schemaPath, "a response body is a $ref to a named schema, not an inline schema"));
            }
          }
        }
      }
    });
  }

  /** An inline response body the generator reads without a name: a scalar, or an array of named schemas or scalars. */
  private static boolean scalarOrListBody(JsonNode schema) {
    Set<String> scalars = Set.of("string", "integer", "number", "boolean");
    String type = schema.path("type").asText("");
    if (scalars.contains(type)) return !schema.has("enum") && !schema.has("properties");
    if (!type.equals("array")) return false;
    JsonNode items = schema.path("items");
    return items.has("$ref") || scalars.contains(items.path("type").asText("")) && !items.has("enum");
  }

  private static boolean binary(JsonNode schema) {
    return "string".equals(schema.path("type").asText()) && "binary".equals(schema.path("format").asText());
  }

  private static void requestBody(String path, ObjectNode operation, JsonNode document, List<Violation> out) {
    JsonNode body = operation.get("requestBody");
    if (body == null) return;
    if (body.has("$ref")) {
      String ref = body.get("$ref").asText();
      String prefix = "#/components/requestBodies/";
      body = ref.startsWith(prefix) ? document.path("components").path("requestBodies").path(ref.substring(prefix.length())) : null;
      if (body == null || body.isMissingNode()) {
        out.add(new Violation(path + ".requestBody.$ref", "refers to a request body that does not exist: " + ref));
        return;
      }
    }
    String bodyPath = path + ".requestBody";
    String method = path.substring(path.lastIndexOf('.') + 1);
    if (!BODY_METHODS.contains(method)) {
      out.add(new Violation(bodyPath, "a " + method.toUpperCase(java.util.Locale.ROOT)
          + " carries no request body; only POST, PUT and PATCH do"));
    }
    JsonNode content = body.path("content");
    if (content.isEmpty()) {
      out.add(new Violation(bodyPath + ".content", "a request body says what it holds: one of " + REQUEST_MEDIA_TYPES));
    }
    for (Iterator<Map.Entry<String, JsonNode>> media = content.fields(); media.hasNext(); ) {
      Map.Entry<String, JsonNode> type = media.next();
      String typePath = JsonPaths.child(bodyPath + ".content", type.getKey());
      if (!REQUEST_MEDIA_TYPES.contains(type.getKey())) {
        if (!binary(type.getValue().path("schema"))) {
          out.add(new Violation(typePath + ".schema", "the " + type.getKey() + " body is sent as raw bytes: its schema is"
              + " {type: string, format: binary} (the client sends JSON and multipart bodies from named schemas: "
              + REQUEST_MEDIA_TYPES + ")"));
        }
        continue;
      }
      if (!type.getValue().path("schema").has("$ref")) {
        out.add(new Violation(typePath + ".schema", "a request body is a $ref to a named schema, not an inline schema"));
      }
    }
  }

  private static void schemas(ObjectNode document, List<Violation> out) {
    JsonNode schemas = document.path("components").path("schemas");
    Map<String, JsonNode> byName = new HashMap<>();
    schemas.fields().forEachRemaining(e -> byName.put(e.getKey(), e.getValue()));
    Set<String> queryOnly = queryOnly(document);
    for (Map.Entry<String, JsonNode> entry : byName.entrySet().stream()
        .sorted(Map.Entry.comparingByKey()).toList()) {
      String path = JsonPaths.child("$.components.schemas", entry.getKey());
      if (queryOnly.contains(entry.getKey()) && entry.getValue().has("oneOf") && !entry.getValue().has("properties")) {
        queryUnion(entry.getValue(), path, byName, out);
      } else {
        checkSchema(entry.getValue(), path, true, byName, out);
      }
    }
  }

  /** The schemas that query parameters' schemas refer to (directly) and nothing else does. */
  private static Set<String> queryOnly(ObjectNode document) {
    Map<String, Integer> all = new HashMap<>();
    references(document, all);
    Map<String, Integer> fromQueries = new HashMap<>();
    forEachOperation(document, (path, operation) -> {
      for (JsonNode parameter : operation.path("parameters")) {
        if ("query".equals(parameter.path("in").asText())) references(parameter.path("schema"), fromQueries);
      }
    });
    for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext(); ) {
      for (JsonNode parameter : it.next().getValue().path("parameters")) { // path-level parameters
        if ("query".equals(parameter.path("in").asText())) references(parameter.path("schema"), fromQueries);
      }
    }
    Set<String> only = new HashSet<>();
    fromQueries.forEach((name, count) -> {
      if (count.equals(all.get(name))) only.add(name);
    });
    return only;
  }

  private static void references(JsonNode node, Map<String, Integer> out) {
    if (node.isTextual() && node.asText().startsWith(SCHEMAS)) out.merge(node.asText().substring(SCHEMAS.length()), 1, Integer::sum);
    for (JsonNode child : node) references(child, out);
  }

  /** A union only query parameters send: each member a scalar, an enum, or an array of them; no rule needed. */
  private static void queryUnion(JsonNode union, String path, Map<String, JsonNode> byName, List<Violation> out) {
    JsonNode members = union.get("oneOf");
    for (int i = 0; i < members.size(); i++) {
      String memberPath = JsonPaths.index(path + ".oneOf", i);
      JsonNode member = members.get(i);
      JsonNode target = member;
      if (member.has("$ref")) {
        checkSchema(member, memberPath, false, byName, out);
        target = byName.get(member.get("$ref").asText().substring(SCHEMAS.length()));
        if (target == null) continue;
      }
      JsonNode items = target.path("items");
      boolean scalar = scalarOrEnum(target, member != target, byName);
      boolean list = "array".equals(target.path("type").asText()) && scalarOrEnum(items.has("$ref")
          ? byName.getOrDefault(items.get("$ref").asText().substring(SCHEMAS.length()), items) : items, items.has("$ref"), byName);
      if (!scalar && !list) {
        out.add(new Violation(memberPath, "a member of a union query parameter is a scalar, a named enum, or an array of"
            + " them (a query value is text)"));
      }
    }
  }

  private static boolean scalarOrEnum(JsonNode schema, boolean named, Map<String, JsonNode> byName) {
    String type = schema.path("type").asText("");
    if (!Set.of("string", "integer", "number", "boolean").contains(type) || schema.has("properties")) return false;
    return named || !schema.has("enum"); // an inline enum is unnamed: the lint wants every enum named
  }

  private static void checkSchema(JsonNode schema, String path, boolean named, Map<String, JsonNode> byName,
      List<Violation> out) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      if (!ref.startsWith(SCHEMAS) || !byName.containsKey(ref.substring(SCHEMAS.length()))) {
        out.add(new Violation(path + ".$ref", "refers to a schema that does not exist: " + ref));
      }
      return;
    }
    String type = schema.path("type").asText("");
    JsonNode properties = schema.get("properties");
    if (!named && properties != null) {
      out.add(new Violation(path, "anonymous inline object: name it in components/schemas"));
    }
    if (type.equals("object") && properties == null && !schema.has("additionalProperties") && !schema.has("allOf")
        && !schema.has("oneOf") && !schema.has("anyOf")) {
      out.add(new Violation(path, "bare `type: object`: say what it holds (properties or additionalProperties)"));
    }
    if (!named && schema.has("enum") && !schema.has("allOf")) {
      out.add(new Violation(path, "an inline enum: name it in components/schemas and refer to it"));
    }
    if (schema.has("pattern")) checkPattern(schema.get("pattern").asText(), path + ".pattern", out);
    if (properties != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> property = it.next();
        String propertyPath = JsonPaths.child(path + ".properties", property.getKey());
        countsAreIntegers(property.getKey(), property.getValue(), propertyPath, out);
        checkSchema(property.getValue(), propertyPath, false, byName, out);
      }
    }
    if (schema.get("items") instanceof ObjectNode items) checkSchema(items, path + ".items", false, byName, out);
    if (schema.get("additionalProperties") instanceof ObjectNode values) {
      checkSchema(values, path + ".additionalProperties", false, byName, out);
    }
    for (String composition : List.of("allOf", "anyOf", "oneOf")) {
      JsonNode members = schema.get(composition);
      if (members == null) continue;
      for (int i = 0; i < members.size(); i++) {
        String memberPath = JsonPaths.index(path + "." + composition, i);
        if (composition.equals("allOf") && !members.get(i).has("$ref")) {
          // A part of this schema (merged into it by the generator), not a type: its own inside is checked.
          checkSchema(members.get(i), memberPath, true, byName, out);
        } else if (!members.get(i).has("$ref")) {
          out.add(new Violation(memberPath, composition + " members are $refs to named schemas"));
        } else {
          checkSchema(members.get(i), memberPath, false, byName, out);
        }
      }
    }
    if (schema.has("oneOf")) selectionRule(schema, path, byName, out);
  }

  private static void selectionRule(JsonNode union, String path, Map<String, JsonNode> byName, List<Violation> out) {
    JsonNode select = union.get("x-audiojobs-select");
    boolean discriminated = union.has("discriminator");
    if (select == null) {
      out.add(new Violation(path, "oneOf without a selection rule: add a discriminator or x-audiojobs-select"));
      return;
    }
    if (!discriminated && !select.has("byKeys")) {
      out.add(new Violation(path + ".x-audiojobs-select", "no discriminator and no byKeys rule: how is a variant chosen?"));
    }
    JsonNode fallback = select.get("fallback");
    if (fallback == null || !fallback.asText().startsWith(SCHEMAS)
        || !byName.containsKey(fallback.asText().substring(SCHEMAS.length()))) {
      out.add(new Violation(path + ".x-audiojobs-select.fallback",
          "every union names an existing fallback schema for what no rule selects, found " + fallback));
    }
    JsonNode rules = select.path("byKeys");
    JsonNode property = select.get("property");
    if (property != null && (!property.isTextual() || property.asText().isBlank())) {
      // Absent, byKeys reads the keys of the object itself; present, the keys of that property's object.
      out.add(new Violation(path + ".x-audiojobs-select.property", "names the property whose keys byKeys reads, found " + property));
    }
    Set<String> members = new HashSet<>();
    union.get("oneOf").forEach(member -> members.add(member.path("$ref").asText()));
    for (int i = 0; i < rules.size(); i++) {
      String rulePath = JsonPaths.index(path + ".x-audiojobs-select.byKeys", i);
      JsonNode rule = rules.get(i);
      if (!rule.path("keys").isArray() || rule.path("keys").isEmpty()) {
        out.add(new Violation(rulePath + ".keys", "a rule lists at least one key"));
      }
      if (!members.contains(rule.path("schema").asText())) {
        out.add(new Violation(rulePath + ".schema", "not one of the oneOf members: " + rule.path("schema")));
      }
    }
    if (discriminated) {
      union.path("discriminator").path("mapping").fields().forEachRemaining(e -> {
        if (!members.contains(e.getValue().asText())) {
          out.add(new Violation(JsonPaths.child(path + ".discriminator.mapping", e.getKey()),
              "not one of the oneOf members: " + e.getValue().asText()));
        }
      });
    }
  }

  private static void checkPattern(String pattern, String path, List<Violation> out) {
    if (pattern.length() > 1 && pattern.startsWith("/") && (pattern.endsWith("/") || pattern.matches("/.*/[a-z]+"))) {
      out.add(new Violation(path, "a JavaScript regex literal (" + pattern + ") never matches as a pattern: drop the slashes"));
      return;
    }
    try {
      Pattern.compile(pattern);
    } catch (java.util.regex.PatternSyntaxException e) {
      out.add(new Violation(path, "not a regular expression (" + e.getDescription() + "): " + pattern));
    }
  }

  private static void countsAreIntegers(String name, JsonNode schema, String path, List<Violation> out) {
    // total_hours, total_cost: a total of a measure, not a count of things.
    boolean measure = MEASURE_NAME.matcher(name).matches();
    if (COUNT_NAME.matcher(name).matches() && !measure && "number".equals(schema.path("type").asText())) {
      out.add(new Violation(path + ".type", "`" + name + "` is a count: use type integer, not number"));
    }
  }

  interface OperationVisitor {
    void visit(String path, ObjectNode operation);
  }

  static void forEachOperation(ObjectNode document, OperationVisitor visitor) {
    JsonNode paths = document.path("paths");
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> item = it.next();
      for (String method : List.of("get", "put", "post", "delete", "options", "head", "patch", "trace")) {
        if (item.getValue().get(method) instanceof ObjectNode operation) {
          visitor.visit(JsonPaths.child(JsonPaths.child("$.paths", item.getKey()), method), operation);
        }
      }
    }
  }
}
