package dev.audiojobs.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A read-only view of one normalized spec for deriving cases: named schemas, what each one is, and
 * which are reachable from a response. It reads the spec as committed, independently of the
 * generator, so that the derived cases test the generated client rather than mirror it.
 */
final class SpecModel {
  static final String SCHEMAS = "#/components/schemas/";

  final String vendor;
  final JsonNode spec;
  final JsonNode schemas;
  /**
   * Response bodies whose schema is written inline rather than named (AssemblyAI's subtitles: {@code
   * type: string} as {@code text/plain} and {@code text/html}), by the name cases and coverage give them:
   * {@code "getSubtitles 200 text/plain"}.
   */
  private final Map<String, JsonNode> inline = new LinkedHashMap<>();

  SpecModel(String vendor, JsonNode spec) {
    this.vendor = vendor;
    this.spec = spec;
    this.schemas = spec.path("components").path("schemas");
  }

  JsonNode schema(String name) {
    JsonNode s = schemas.get(name);
    if (s == null) s = inline.get(name);
    if (s == null) throw new IllegalArgumentException(vendor + ": no schema " + name);
    return s;
  }

  static String refName(JsonNode node) {
    return node.path("$ref").asText().substring(SCHEMAS.length());
  }

  boolean isUnion(String name) {
    return schema(name).has("oneOf");
  }

  boolean isEnum(String name) {
    return schema(name).has("enum");
  }

  boolean isObject(String name) {
    return !isUnion(name) && !isEnum(name) && !isArray(name) && !isScalar(name);
  }

  /**
   * Whether {@code name} is a named scalar: a string (also {@link #isText}), number, integer or boolean
   * schema without {@code enum} (AssemblyAI's {@code SpeechModel}, a string every model name is).
   */
  boolean isScalar(String name) {
    return java.util.Set.of("string", "number", "integer", "boolean").contains(schema(name).path("type").asText()) && !isEnum(name);
  }

  /** The union's variants in spec order, then its fallback. */
  List<String> variants(String union) {
    List<String> variants = new ArrayList<>();
    schema(union).get("oneOf").forEach(m -> variants.add(refName(m)));
    variants.add(fallback(union));
    return variants;
  }

  String fallback(String union) {
    return schema(union).path("x-audiojobs-select").path("fallback").asText().substring(SCHEMAS.length());
  }

  /**
   * The object's properties in spec order; an object composed with {@code allOf} (AssemblyAI's {@code
   * TranscriptParams}: an inline object and a {@code $ref}) has those of every member, in member order,
   * then its own.
   */
  Map<String, JsonNode> properties(String object) {
    Map<String, JsonNode> properties = new LinkedHashMap<>();
    for (JsonNode part : composition(schema(object))) {
      part.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue()));
    }
    return properties;
  }

  /** The object's required properties; for an {@code allOf} composition, the union of every member's. */
  Set<String> required(String object) {
    Set<String> required = new LinkedHashSet<>();
    for (JsonNode part : composition(schema(object))) part.path("required").forEach(r -> required.add(r.asText()));
    return required;
  }

  /** The schemas an object is made of: its {@code allOf} members (references followed, recursively), then itself. */
  private List<JsonNode> composition(JsonNode schema) {
    List<JsonNode> parts = new ArrayList<>();
    for (JsonNode member : schema.path("allOf")) parts.addAll(composition(member.has("$ref") ? schema(refName(member)) : member));
    parts.add(schema);
    return parts;
  }

  List<String> enumValues(String name) {
    List<String> values = new ArrayList<>();
    schema(name).get("enum").forEach(v -> values.add(v.asText()));
    return values;
  }

  /** The schema names a property, item or map value refers to, following allOf narrowing. */
  static String referenced(JsonNode schema) {
    if (schema.has("$ref")) return refName(schema);
    if (schema.has("allOf")) return refName(schema.get("allOf").get(0));
    if (schema.has("items")) return referenced(schema.get("items"));
    if (schema.path("additionalProperties").isObject()) return referenced(schema.get("additionalProperties"));
    return null;
  }

  /**
   * One declared response body: its status, media type and schema.
   *
   * @param severalAtStatus whether the status declares more than one body (lyrcs.ai's download: 200 as
   *     text/plain or application/json), so that cases and coverage name the media type too
   * @param severalSuccess whether the operation's success bodies have more than one schema, so that its
   *     answer is a variant of a sealed result named after the schema ({@code DownloadResult.WordTimings});
   *     one schema in two media types (AssemblyAI's subtitles as text/plain or text/html) answers with it
   * @param mediaType null for a bodiless response
   * @param schema null for a bodiless response
   */
  record Response(int status, String mediaType, String schema, boolean severalAtStatus, boolean severalSuccess) {
    /** Whether the spec declares this status without a body ({@code 503} with no {@code content}). */
    boolean bodiless() {
      return schema == null;
    }

    /** How cases and the coverage line name it: {@code "download 200 text/plain"}, {@code "getJob 404"}. */
    String name(String operation) {
      return operation + " " + status + (severalAtStatus ? " " + mediaType : "");
    }
  }

  /**
   * One operation and the responses derived cases are made for: every body of a named schema — JSON
   * objects, unions, top-level arrays (lyrcs.ai's {@code listLanguages}, the words of {@code download})
   * and text ({@code DownloadText}) — by status and media type.
   */
  record Operation(String id, JsonNode node, List<Response> responses) {
    /** The first success body, the one a request-side case asks for. */
    Response success() {
      return responses.stream().filter(r -> r.status() / 100 == 2 && !r.bodiless()).findFirst().orElse(null);
    }
  }

  /**
   * Every operation with its responses. A response written as {@code $ref: '#/components/responses/…'}
   * is the one it names; a response without {@code content} (AssemblyAI's 503 and 504) is declared
   * without a body and listed with a null schema; an inline body schema is registered under the
   * response's name ({@link #inline}).
   */
  List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> items = spec.path("paths").fields(); items.hasNext(); ) {
      Map.Entry<String, JsonNode> item = items.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = item.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> method = ops.next();
        JsonNode op = method.getValue();
        if (!op.has("operationId")) continue;
        String id = op.get("operationId").asText();
        String at = "paths." + item.getKey() + "." + method.getKey() + ".responses";
        Set<JsonNode> successSchemas = new java.util.HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> r = op.path("responses").fields(); r.hasNext(); ) {
          Map.Entry<String, JsonNode> response = r.next();
          if (!response.getKey().startsWith("2")) continue;
          resolve(response.getValue(), at + "." + response.getKey()).path("content").forEach(m -> successSchemas.add(m.path("schema")));
        }
        List<Response> responses = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> r = op.path("responses").fields(); r.hasNext(); ) {
          Map.Entry<String, JsonNode> response = r.next();
          int status = Integer.parseInt(response.getKey());
          JsonNode content = resolve(response.getValue(), at + "." + response.getKey()).path("content");
          if (content.isEmpty()) {
            responses.add(new Response(status, null, null, false, successSchemas.size() > 1));
            continue;
          }
          for (Iterator<Map.Entry<String, JsonNode>> m = content.fields(); m.hasNext(); ) {
            Map.Entry<String, JsonNode> media = m.next();
            JsonNode schema = media.getValue().path("schema");
            Response declared = new Response(status, media.getKey(), null, content.size() > 1, successSchemas.size() > 1);
            String name;
            if (schema.has("$ref")) {
              name = refName(schema);
            } else if ("string".equals(schema.path("type").asText()) && !schema.has("enum") && !schema.has("format")) {
              name = declared.name(id);
              inline.put(name, schema);
            } else {
              throw new IllegalStateException(vendor + ": " + at + "." + response.getKey() + ".content." + media.getKey()
                  + ": an inline response schema other than a plain string; the derived cases need it named");
            }
            responses.add(new Response(status, media.getKey(), name, content.size() > 1, successSchemas.size() > 1));
          }
        }
        operations.add(new Operation(id, op, responses));
      }
    }
    return operations;
  }

  /** The response a {@code $ref: '#/components/responses/…'} names, or {@code response} itself. */
  private JsonNode resolve(JsonNode response, String at) {
    if (!response.has("$ref")) return response;
    String ref = response.get("$ref").asText();
    JsonNode target = ref.startsWith("#/") ? spec.at(ref.substring(1)) : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    if (target.isMissingNode()) throw new IllegalStateException(vendor + ": " + at + ": $ref " + ref + " names no response in the spec");
    return target;
  }

  /** Whether {@code name} is a top-level array schema ({@code type: array}). */
  boolean isArray(String name) {
    return "array".equals(schema(name).path("type").asText());
  }

  /** Whether {@code name} is a plain string schema sent as text ({@code DownloadText}). */
  boolean isText(String name) {
    return "string".equals(schema(name).path("type").asText()) && !isEnum(name);
  }

  /** Every schema reachable from some response, in discovery order. */
  Set<String> reachable() {
    Set<String> seen = new LinkedHashSet<>();
    List<String> queue = new ArrayList<>();
    for (Operation op : operations()) op.responses().stream().filter(r -> !r.bodiless()).forEach(r -> queue.add(r.schema()));
    while (!queue.isEmpty()) {
      String name = queue.remove(0);
      if (!seen.add(name)) continue;
      if (isArray(name)) {
        String items = referenced(schema(name));
        if (items != null) queue.add(items);
      } else if (isUnion(name)) {
        queue.addAll(variants(name));
      } else if (isObject(name)) {
        for (JsonNode p : properties(name).values()) {
          String ref = referenced(p);
          if (ref != null) queue.add(ref);
        }
      }
    }
    return seen;
  }
}
