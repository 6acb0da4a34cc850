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

  SpecModel(String vendor, JsonNode spec) {
    this.vendor = vendor;
    this.spec = spec;
    this.schemas = spec.path("components").path("schemas");
  }

  JsonNode schema(String name) {
    JsonNode s = schemas.get(name);
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
    return !isUnion(name) && !isEnum(name) && !isArray(name) && !isText(name);
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

  Map<String, JsonNode> properties(String object) {
    Map<String, JsonNode> properties = new LinkedHashMap<>();
    schema(object).path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue()));
    return properties;
  }

  Set<String> required(String object) {
    Set<String> required = new LinkedHashSet<>();
    schema(object).path("required").forEach(r -> required.add(r.asText()));
    return required;
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
   * @param severalSuccess whether the operation has more than one success body, so that its answer is
   *     a variant of a sealed result named after the schema ({@code DownloadResult.WordTimings})
   */
  record Response(int status, String mediaType, String schema, boolean severalAtStatus, boolean severalSuccess) {
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
      return responses.stream().filter(r -> r.status() / 100 == 2).findFirst().orElse(null);
    }
  }

  List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    for (Iterator<JsonNode> items = spec.path("paths").elements(); items.hasNext(); ) {
      for (Iterator<JsonNode> ops = items.next().elements(); ops.hasNext(); ) {
        JsonNode op = ops.next();
        if (!op.has("operationId")) continue;
        long successBodies = 0;
        for (Iterator<Map.Entry<String, JsonNode>> r = op.path("responses").fields(); r.hasNext(); ) {
          Map.Entry<String, JsonNode> response = r.next();
          if (response.getKey().startsWith("2")) successBodies += response.getValue().path("content").size();
        }
        List<Response> responses = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> r = op.path("responses").fields(); r.hasNext(); ) {
          Map.Entry<String, JsonNode> response = r.next();
          JsonNode content = response.getValue().path("content");
          for (Iterator<Map.Entry<String, JsonNode>> m = content.fields(); m.hasNext(); ) {
            Map.Entry<String, JsonNode> media = m.next();
            JsonNode schema = media.getValue().path("schema");
            if (!schema.has("$ref")) continue;
            responses.add(new Response(Integer.parseInt(response.getKey()), media.getKey(), refName(schema), content.size() > 1,
                successBodies > 1));
          }
        }
        operations.add(new Operation(op.get("operationId").asText(), op, responses));
      }
    }
    return operations;
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
    for (Operation op : operations()) op.responses().forEach(r -> queue.add(r.schema()));
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
