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
    return !isUnion(name) && !isEnum(name);
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
   * One operation and the responses derived cases are made for: JSON objects and unions by status.
   * Not derived (yet): a top-level array or alias (lyrcs.ai's {@code listLanguages}, {@code WordTimings}),
   * and every response of an operation with several success bodies (lyrcs.ai's {@code download}, text or
   * words or "not ready"); the generated client's tests cover those (LyrcsWriteSideTest).
   */
  record Operation(String id, JsonNode node, Map<Integer, String> responses) {}

  List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    for (Iterator<JsonNode> items = spec.path("paths").elements(); items.hasNext(); ) {
      for (Iterator<JsonNode> ops = items.next().elements(); ops.hasNext(); ) {
        JsonNode op = ops.next();
        if (!op.has("operationId")) continue;
        Map<Integer, String> responses = new LinkedHashMap<>();
        long successBodies = 0;
        for (Iterator<Map.Entry<String, JsonNode>> r = op.path("responses").fields(); r.hasNext(); ) {
          Map.Entry<String, JsonNode> response = r.next();
          if (response.getKey().startsWith("2")) successBodies += response.getValue().path("content").size();
        }
        boolean severalSuccessBodies = successBodies > 1;
        op.path("responses").fields().forEachRemaining(r -> {
          JsonNode schema = r.getValue().path("content").path("application/json").path("schema");
          if (!schema.has("$ref")) return;
          String name = refName(schema);
          boolean record = schema(name).has("properties") || "object".equals(schema(name).path("type").asText());
          if (severalSuccessBodies || !(record || isUnion(name))) return;
          responses.put(Integer.parseInt(r.getKey()), name);
        });
        operations.add(new Operation(op.get("operationId").asText(), op, responses));
      }
    }
    return operations;
  }

  /** Every schema reachable from some response, in discovery order. */
  Set<String> reachable() {
    Set<String> seen = new LinkedHashSet<>();
    List<String> queue = new ArrayList<>();
    for (Operation op : operations()) queue.addAll(op.responses().values());
    while (!queue.isEmpty()) {
      String name = queue.remove(0);
      if (!seen.add(name)) continue;
      if (isUnion(name)) {
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
