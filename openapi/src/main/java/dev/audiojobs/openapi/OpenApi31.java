package dev.audiojobs.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts an OpenAPI 3.1 document into the OpenAPI 3.0.3 the rest of the pipeline reads, one
 * reasoned rule per construct, or refuses it naming the file, the JSON pointer and the reason.
 *
 * <p>The rules, each the 3.0 spelling of the same constraint (nothing a 3.1 reader would accept or
 * reject changes, unless the rule says so):
 * <ol>
 *   <li>{@code openapi: 3.1.x} becomes {@code 3.0.3}; {@code webhooks} (no 3.0 field) becomes
 *       {@code x-webhooks}, still converted; {@code info.summary} and {@code info.license.identifier}
 *       become {@code x-summary} and {@code x-identifier}; a missing {@code paths} becomes {@code {}}.
 *   <li>{@code type: [T, "null"]} becomes {@code type: T, nullable: true}; {@code type: [T]} becomes
 *       {@code type: T}; {@code null} in an {@code enum} becomes {@code nullable: true}.
 *   <li>A {@code oneOf}/{@code anyOf} member {@code {type: "null"}} is removed and the schema becomes
 *       {@code nullable: true}; when one member remains, a {@code $ref} becomes {@code allOf: [$ref]}
 *       (the 3.0 way to put {@code nullable} beside a reference) and an inline member is merged into
 *       the schema.
 *   <li>{@code const: v} becomes {@code enum: [v]}.
 *   <li>{@code examples: [a, …]} in a schema becomes {@code example: a} (3.0 schemas hold one example;
 *       the {@code examples} map of a parameter or media type is 3.0 already and stays).
 *   <li>A numeric {@code exclusiveMinimum: n} becomes {@code minimum: n, exclusiveMinimum: true}
 *       unless a stricter {@code minimum} is there; {@code exclusiveMaximum} alike.
 *   <li>Siblings of a {@code $ref}: annotations ({@code description}, {@code title}, {@code default},
 *       {@code deprecated}, {@code readOnly}, {@code writeOnly}, {@code example}, {@code x-…}) stay, as
 *       3.0 readers ignore them and they change no value; a {@code type} equal to the referenced
 *       schema's is dropped as redundant; any other constraint turns the schema into
 *       {@code allOf: [$ref]} with the constraint beside it, which is what 3.1 means.
 *   <li>{@code contentEncoding: base64} becomes {@code format: byte}; a string with a
 *       {@code contentMediaType} and no encoding is raw bytes, {@code format: binary}, unless the media
 *       type is text or JSON; the media type is kept as {@code x-content-media-type}.
 *   <li>{@code prefixItems} whose members are all equal become {@code items} with {@code minItems}
 *       (and {@code maxItems} when {@code items: false} closes the tuple).
 *   <li>A boolean schema {@code true} becomes {@code {}}; {@code $comment} becomes {@code x-comment}.
 * </ol>
 * Refused, because 3.0 cannot say them: several non-null types, a schema that only allows
 * {@code null}, a {@code false} schema, {@code $defs}, {@code $id}, {@code $anchor},
 * {@code $dynamicRef}, {@code if}/{@code then}/{@code else}, {@code dependentSchemas},
 * {@code dependentRequired}, {@code unevaluatedProperties}, {@code unevaluatedItems},
 * {@code patternProperties}, {@code propertyNames}, {@code contains}, tuples of different items,
 * {@code const} outside its {@code enum}, encodings other than base64, {@code jsonSchemaDialect}
 * other than the OpenAPI default, {@code components.pathItems} and {@code mutualTLS} security.
 */
final class OpenApi31 {
  private static final String DEFAULT_DIALECT = "https://spec.openapis.org/oas/3.1/dialect/base";
  private static final Set<String> REF_ANNOTATIONS = Set.of(
      "description", "summary", "title", "default", "deprecated", "readOnly", "writeOnly", "example", "examples", "$comment");
  private static final Map<String, String> UNSUPPORTED = unsupported();
  private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final String file;
  private final Map<String, JsonNode> schemas = new LinkedHashMap<>();

  private OpenApi31(String file) {
    this.file = file;
  }

  private static Map<String, String> unsupported() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("$defs", "local definitions ($defs) have no 3.0 place; move them to components/schemas");
    m.put("$id", "a schema identifier ($id) has no 3.0 meaning; refer by components/schemas instead");
    m.put("$anchor", "a schema anchor ($anchor) has no 3.0 meaning; refer by components/schemas instead");
    m.put("$dynamicRef", "dynamic references have no 3.0 meaning");
    m.put("$dynamicAnchor", "dynamic anchors have no 3.0 meaning");
    m.put("if", "conditional schemas (if/then/else) cannot be said in 3.0");
    m.put("then", "conditional schemas (if/then/else) cannot be said in 3.0");
    m.put("else", "conditional schemas (if/then/else) cannot be said in 3.0");
    m.put("dependentSchemas", "dependentSchemas cannot be said in 3.0");
    m.put("dependentRequired", "dependentRequired cannot be said in 3.0");
    m.put("unevaluatedProperties", "unevaluatedProperties cannot be said in 3.0");
    m.put("unevaluatedItems", "unevaluatedItems cannot be said in 3.0");
    m.put("patternProperties", "patternProperties cannot be said in 3.0");
    m.put("propertyNames", "propertyNames cannot be said in 3.0");
    m.put("contains", "contains cannot be said in 3.0");
    m.put("minContains", "minContains cannot be said in 3.0");
    m.put("maxContains", "maxContains cannot be said in 3.0");
    return m;
  }

  /** Whether {@code document} declares OpenAPI 3.1. */
  static boolean is31(ObjectNode document) {
    return document.path("openapi").asText("").startsWith("3.1");
  }

  /**
   * Converts {@code document} in place when it declares OpenAPI 3.1; leaves any other version alone.
   *
   * @param file how the document's file is named in errors
   * @throws SpecException naming {@code file}, the JSON pointer ({@code #/components/schemas/X/type})
   *     and the reason, for a construct 3.0 cannot say
   */
  static void convert(ObjectNode document, String file) {
    if (!is31(document)) return;
    new OpenApi31(file).document(document);
  }

  private void document(ObjectNode doc) {
    doc.path("components").path("schemas").fields().forEachRemaining(e -> schemas.put(e.getKey(), e.getValue()));
    doc.put("openapi", "3.0.3");
    JsonNode dialect = doc.remove("jsonSchemaDialect");
    if (dialect != null && !dialect.asText().equals(DEFAULT_DIALECT)) {
      throw refuse("#/jsonSchemaDialect", "a JSON Schema dialect other than the OpenAPI default: " + dialect.asText());
    }
    if (doc.get("info") instanceof ObjectNode info) {
      rename(info, "summary", "x-summary");
      if (info.get("license") instanceof ObjectNode license) rename(license, "identifier", "x-identifier");
    }
    if (!doc.has("paths")) doc.putObject("paths");
    if (doc.get("paths") instanceof ObjectNode paths) {
      for (Map.Entry<String, JsonNode> item : fields(paths)) pathItem(item.getValue(), "#/paths/" + escape(item.getKey()));
    }
    if (doc.has("webhooks")) {
      JsonNode webhooks = doc.remove("webhooks");
      for (Map.Entry<String, JsonNode> item : fields(webhooks)) pathItem(item.getValue(), "#/webhooks/" + escape(item.getKey()));
      doc.set("x-webhooks", webhooks);
    }
    if (doc.get("components") instanceof ObjectNode components) components(components);
  }

  private void components(ObjectNode components) {
    if (components.get("pathItems") instanceof ObjectNode items && !items.isEmpty()) {
      throw refuse("#/components/pathItems", "reusable path items have no 3.0 place; write them under paths");
    }
    components.remove("pathItems");
    for (Map.Entry<String, JsonNode> e : fields(components.path("schemas"))) {
      components.with("schemas").set(e.getKey(), schema(e.getValue(), "#/components/schemas/" + escape(e.getKey())));
    }
    for (Map.Entry<String, JsonNode> e : fields(components.path("parameters"))) {
      parameter(e.getValue(), "#/components/parameters/" + escape(e.getKey()));
    }
    for (Map.Entry<String, JsonNode> e : fields(components.path("headers"))) {
      parameter(e.getValue(), "#/components/headers/" + escape(e.getKey()));
    }
    for (Map.Entry<String, JsonNode> e : fields(components.path("responses"))) {
      response(e.getValue(), "#/components/responses/" + escape(e.getKey()));
    }
    for (Map.Entry<String, JsonNode> e : fields(components.path("requestBodies"))) {
      content(e.getValue(), "#/components/requestBodies/" + escape(e.getKey()));
    }
    for (Map.Entry<String, JsonNode> e : fields(components.path("securitySchemes"))) {
      if ("mutualTLS".equals(e.getValue().path("type").asText())) {
        throw refuse("#/components/securitySchemes/" + escape(e.getKey()) + "/type", "mutualTLS security has no 3.0 spelling");
      }
    }
  }

  private void pathItem(JsonNode item, String at) {
    for (int i = 0; i < item.path("parameters").size(); i++) parameter(item.get("parameters").get(i), at + "/parameters/" + i);
    for (Map.Entry<String, JsonNode> op : fields(item)) {
      if (!OPERATIONS.contains(op.getKey())) continue;
      String opAt = at + "/" + op.getKey();
      JsonNode operation = op.getValue();
      for (int i = 0; i < operation.path("parameters").size(); i++) {
        parameter(operation.get("parameters").get(i), opAt + "/parameters/" + i);
      }
      if (operation.has("requestBody")) content(operation.get("requestBody"), opAt + "/requestBody");
      for (Map.Entry<String, JsonNode> response : fields(operation.path("responses"))) {
        response(response.getValue(), opAt + "/responses/" + escape(response.getKey()));
      }
      for (Map.Entry<String, JsonNode> callback : fields(operation.path("callbacks"))) {
        for (Map.Entry<String, JsonNode> expression : fields(callback.getValue())) {
          pathItem(expression.getValue(), opAt + "/callbacks/" + escape(callback.getKey()) + "/" + escape(expression.getKey()));
        }
      }
    }
  }

  private void parameter(JsonNode parameter, String at) {
    if (parameter instanceof ObjectNode p && p.has("schema")) p.set("schema", schema(p.get("schema"), at + "/schema"));
    if (parameter.has("content")) content(parameter, at);
  }

  private void response(JsonNode response, String at) {
    content(response, at);
    for (Map.Entry<String, JsonNode> header : fields(response.path("headers"))) {
      parameter(header.getValue(), at + "/headers/" + escape(header.getKey()));
    }
  }

  /** The media types of a request body, a response or a parameter. */
  private void content(JsonNode holder, String at) {
    for (Map.Entry<String, JsonNode> media : fields(holder.path("content"))) {
      if (media.getValue() instanceof ObjectNode type && type.has("schema")) {
        type.set("schema", schema(type.get("schema"), at + "/content/" + escape(media.getKey()) + "/schema"));
      }
    }
  }

  /** Returns the 3.0 form of {@code node}, a schema at {@code at} (an object edited in place, or a new node). */
  private JsonNode schema(JsonNode node, String at) {
    if (node.isBoolean()) {
      if (node.booleanValue()) return JsonNodeFactory.instance.objectNode();
      throw refuse(at, "the schema `false` (nothing is valid) cannot be said in 3.0");
    }
    if (!(node instanceof ObjectNode schema)) return node;
    for (Map.Entry<String, String> keyword : UNSUPPORTED.entrySet()) {
      if (schema.has(keyword.getKey())) throw refuse(at + "/" + escape(keyword.getKey()), keyword.getValue());
    }
    rename(schema, "$comment", "x-comment");
    if (schema.has("$ref")) return reference(schema, at);
    types(schema, at);
    constant(schema, at);
    examples(schema);
    exclusive(schema, "exclusiveMinimum", "minimum", at, true);
    exclusive(schema, "exclusiveMaximum", "maximum", at, false);
    content(schema, at);
    tuple(schema, at);
    for (Map.Entry<String, JsonNode> property : fields(schema.path("properties"))) {
      schema.with("properties").set(property.getKey(),
          schema(property.getValue(), at + "/properties/" + escape(property.getKey())));
    }
    if (schema.has("items")) schema.set("items", schema(schema.get("items"), at + "/items"));
    if (schema.get("additionalProperties") instanceof ObjectNode values) {
      schema.set("additionalProperties", schema(values, at + "/additionalProperties"));
    }
    if (schema.has("not")) schema.set("not", schema(schema.get("not"), at + "/not"));
    for (String composition : List.of("allOf", "anyOf", "oneOf")) {
      if (!(schema.get(composition) instanceof ArrayNode members)) continue;
      for (int i = 0; i < members.size(); i++) {
        // A null member means nullable (nullMembers, below); converting it alone would refuse it.
        if (!isNullOnly(members.get(i))) members.set(i, schema(members.get(i), at + "/" + composition + "/" + i));
      }
    }
    nullMembers(schema, at);
    return schema;
  }

  private JsonNode reference(ObjectNode schema, String at) {
    List<String> constraints = new ArrayList<>();
    for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("$ref") && !name.startsWith("x-") && !REF_ANNOTATIONS.contains(name)) constraints.add(name);
    }
    examples(schema);
    if (constraints.equals(List.of("type")) && schema.get("type").equals(referenced(schema).path("type"))) {
      schema.remove("type");
      return schema;
    }
    if (constraints.isEmpty()) return schema;
    // 3.0 ignores a $ref's siblings; allOf keeps both the reference and the constraint beside it.
    ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
    wrapped.putArray("allOf").addObject().put("$ref", schema.get("$ref").asText());
    schema.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("$ref")) wrapped.set(e.getKey(), e.getValue());
    });
    return schema(wrapped, at);
  }

  private JsonNode referenced(ObjectNode schema) {
    String ref = schema.get("$ref").asText();
    String prefix = "#/components/schemas/";
    return ref.startsWith(prefix) ? schemas.getOrDefault(unescape(ref.substring(prefix.length())), JsonNodeFactory.instance.missingNode())
        : JsonNodeFactory.instance.missingNode();
  }

  private void types(ObjectNode schema, String at) {
    JsonNode type = schema.get("type");
    if (type != null && type.isArray()) {
      List<String> named = new ArrayList<>();
      boolean nullable = false;
      for (JsonNode t : type) {
        if (t.asText().equals("null")) nullable = true;
        else if (!named.contains(t.asText())) named.add(t.asText());
      }
      if (named.isEmpty()) throw refuse(at + "/type", "a schema that allows only null cannot be said in 3.0");
      if (named.size() > 1) {
        throw refuse(at + "/type", "several types " + named + ": a 3.0 schema has one type; write a oneOf of one schema per type");
      }
      schema.put("type", named.get(0));
      if (nullable) schema.put("nullable", true);
    } else if (type != null && type.asText().equals("null")) {
      throw refuse(at + "/type", "a schema that allows only null cannot be said in 3.0 (outside a oneOf/anyOf, where it means nullable)");
    }
    if (schema.get("enum") instanceof ArrayNode values) {
      for (int i = values.size() - 1; i >= 0; i--) {
        if (values.get(i).isNull()) {
          values.remove(i);
          schema.put("nullable", true);
        }
      }
    }
  }

  private void constant(ObjectNode schema, String at) {
    JsonNode constant = schema.remove("const");
    if (constant == null) return;
    if (schema.get("enum") instanceof ArrayNode values) {
      boolean listed = false;
      for (JsonNode v : values) listed |= v.equals(constant);
      if (!listed) throw refuse(at + "/const", "const " + constant + " is not one of the enum's values " + values + ": nothing is valid");
    }
    if (constant.isNull()) {
      throw refuse(at + "/const", "a schema that allows only null cannot be said in 3.0");
    }
    schema.putArray("enum").add(constant);
  }

  private static void examples(ObjectNode schema) {
    JsonNode examples = schema.get("examples");
    if (examples == null || !examples.isArray()) return;
    schema.remove("examples");
    if (!schema.has("example") && !examples.isEmpty()) schema.set("example", examples.get(0));
  }

  private void exclusive(ObjectNode schema, String keyword, String inclusive, String at, boolean lower) {
    JsonNode bound = schema.get(keyword);
    if (bound == null) return;
    if (!bound.isNumber()) throw refuse(at + "/" + keyword, "a 3.1 " + keyword + " is a number, found " + bound);
    JsonNode other = schema.get(inclusive);
    boolean otherStricter = other != null && other.isNumber()
        && (lower ? other.decimalValue().compareTo(bound.decimalValue()) > 0 : other.decimalValue().compareTo(bound.decimalValue()) < 0);
    if (otherStricter) {
      schema.remove(keyword);
    } else {
      schema.set(inclusive, bound);
      schema.put(keyword, true);
    }
  }

  private void content(ObjectNode schema, String at) {
    JsonNode encoding = schema.remove("contentEncoding");
    JsonNode mediaType = schema.remove("contentMediaType");
    schema.remove("contentSchema");
    if (mediaType != null) schema.set("x-content-media-type", mediaType);
    if (encoding != null) {
      if (!encoding.asText().equals("base64")) {
        throw refuse(at + "/contentEncoding", "the encoding " + encoding.asText() + " has no 3.0 format (base64 has: byte)");
      }
      schema.put("format", "byte");
    } else if (mediaType != null && !schema.has("format")) {
      String type = mediaType.asText();
      if (!type.startsWith("text/") && !type.endsWith("json")) schema.put("format", "binary");
    }
    if ((encoding != null || mediaType != null) && !schema.has("type")) schema.put("type", "string");
  }

  private void tuple(ObjectNode schema, String at) {
    if (!(schema.get("prefixItems") instanceof ArrayNode prefix)) return;
    JsonNode rest = schema.get("items");
    for (JsonNode item : prefix) {
      if (!item.equals(prefix.get(0))) throw refuse(at + "/prefixItems", "a tuple of different items cannot be said in 3.0");
    }
    if (rest != null && !rest.isBoolean() && !rest.equals(prefix.get(0))) {
      throw refuse(at + "/items", "a tuple whose further items differ from its first ones cannot be said in 3.0");
    }
    schema.remove("prefixItems");
    boolean closed = rest != null && rest.isBoolean() && !rest.booleanValue();
    schema.set("items", prefix.isEmpty() ? JsonNodeFactory.instance.objectNode() : prefix.get(0));
    if (!prefix.isEmpty() && !schema.has("minItems")) schema.put("minItems", prefix.size());
    if (closed) schema.put("maxItems", prefix.size());
    if (!schema.has("type")) schema.put("type", "array");
  }

  /** {@code oneOf/anyOf: [X, {type: null}]}: a nullable X. */
  private void nullMembers(ObjectNode schema, String at) {
    for (String composition : List.of("oneOf", "anyOf")) {
      if (!(schema.get(composition) instanceof ArrayNode members)) continue;
      boolean removed = false;
      for (int i = members.size() - 1; i >= 0; i--) {
        if (isNullOnly(members.get(i))) {
          members.remove(i);
          removed = true;
        }
      }
      if (!removed) continue;
      schema.put("nullable", true);
      if (members.isEmpty()) throw refuse(at + "/" + composition, "a schema that allows only null cannot be said in 3.0");
      if (members.size() > 1) continue;
      schema.remove(composition);
      JsonNode only = members.get(0);
      if (only.has("$ref")) {
        if (schema.has("allOf")) {
          ((ArrayNode) schema.get("allOf")).add(only);
        } else {
          schema.putArray("allOf").add(only);
        }
        continue;
      }
      for (Map.Entry<String, JsonNode> e : fields(only)) {
        JsonNode existing = schema.get(e.getKey());
        if (existing != null && !existing.equals(e.getValue())) {
          throw refuse(at + "/" + composition + "/0/" + escape(e.getKey()),
              "the one non-null member says " + e.getKey() + " differently from the schema around it");
        }
        schema.set(e.getKey(), e.getValue());
      }
    }
  }

  private static boolean isNullOnly(JsonNode member) {
    if (!member.isObject()) return false;
    JsonNode type = member.get("type");
    boolean nullType = type != null && (type.asText().equals("null")
        || type.isArray() && type.size() == 1 && type.get(0).asText().equals("null"));
    boolean nullEnum = member.has("enum") && member.get("enum").size() == 1 && member.get("enum").get(0).isNull();
    for (Iterator<String> names = member.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("type") && !name.equals("enum") && !name.equals("nullable") && !REF_ANNOTATIONS.contains(name)
          && !name.startsWith("x-")) return false;
    }
    return nullType || nullEnum;
  }

  private SpecException refuse(String pointer, String reason) {
    return new SpecException(file, pointer, "OpenAPI 3.1 → 3.0: " + reason);
  }

  private static void rename(ObjectNode node, String from, String to) {
    JsonNode value = node.remove(from);
    if (value != null) node.set(to, value);
  }

  private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    if (node != null && node.isObject()) node.fields().forEachRemaining(out::add);
    return out;
  }

  static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  private static String unescape(String segment) {
    return segment.replace("~1", "/").replace("~0", "~");
  }
}
