package dev.audiojobs.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds request bodies that satisfy every rule the spec states about them — required properties,
 * minimum and maximum, minLength and maxLength, pattern, minItems and maxItems, closed enums — so that
 * a derived case can break exactly one rule at a time and predict where the client must refuse it.
 *
 * <p>Values are deterministic rather than random: a request schema's rules are few and the bodies must
 * also agree with rules the spec states only in prose (minSpeakers at most maxSpeakers), which every
 * count set to the same value does. A string with a {@code pattern} takes the property's {@code
 * example}, which must match; a pattern without a matching example is refused with the spec path, as
 * no value can be derived for it.
 */
final class RequestInstances {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  enum Mode { MINIMAL, MAXIMAL }

  /** A built body and where the focused schema's object sits in it ({@code $.voiceprints[0]}). */
  record Built(ObjectNode root, String path) {}

  private final SpecModel spec;

  RequestInstances(SpecModel spec) {
    this.spec = spec;
  }

  /**
   * The variants of a union a request may send (AssemblyAI's speech understanding request): every one but
   * the fallback, which stands for what this client does not know and is refused in a request.
   */
  List<String> sendable(String union) {
    List<String> variants = new ArrayList<>(spec.variants(union));
    variants.remove(spec.fallback(union));
    return variants;
  }

  /** Every schema a request body {@code root} reaches, root first; through a union, its sendable variants. */
  Set<String> reachable(String root) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of(root));
    while (!queue.isEmpty()) {
      String name = queue.poll();
      if (!seen.add(name)) continue;
      if (spec.isUnion(name)) queue.addAll(sendable(name));
      if (!spec.isObject(name)) continue;
      for (JsonNode p : spec.properties(name).values()) {
        String ref = SpecModel.referenced(p);
        if (ref != null) queue.add(ref);
      }
    }
    return seen;
  }

  /**
   * A body of {@code root} in which the object schema {@code focus} is built in {@code mode}: its
   * ancestors hold only their required properties and the one that leads to it (an array one element),
   * and everything inside a maximal focus is maximal too.
   */
  Built build(String root, String focus, Mode mode) {
    List<String> route = route(root, focus);
    if (route == null) throw new IllegalArgumentException(spec.vendor + ": " + focus + " is not reachable from " + root);
    String[] path = new String[1];
    ObjectNode body = object(root, new ArrayDeque<>(route), root.equals(focus) ? mode : Mode.MINIMAL, focus, mode, "$", path);
    return new Built(body, path[0]);
  }

  private ObjectNode object(String name, Deque<String> route, Mode mode, String focus, Mode focusMode, String at, String[] focusPath) {
    if (name.equals(focus) && route.isEmpty() && focusPath[0] == null) focusPath[0] = at;
    ObjectNode object = JSON.objectNode();
    Set<String> required = spec.required(name);
    String next = route.peek();
    for (Map.Entry<String, JsonNode> property : spec.properties(name).entrySet()) {
      String p = property.getKey();
      boolean onRoute = p.equals(next);
      if (!onRoute && mode == Mode.MINIMAL && !required.contains(p)) continue;
      if (onRoute) route.poll();
      JsonNode schema = property.getValue();
      String ref = SpecModel.referenced(schema);
      String where = at + "." + p + (schema.has("items") ? "[0]" : "");
      if (ref != null && spec.isUnion(ref)) {
        // A union is sent as one variant: the one the route goes through, else the first; each variant
        // holds the key its rule selects it by (required by the variant's own schema).
        String via = onRoute && !route.isEmpty() || onRoute && !focus.equals(ref)
            ? sendable(ref).stream().filter(v -> route(v, focus) != null).findFirst().orElseThrow()
            : sendable(ref).get(0);
        ref = via;
      }
      JsonNode value;
      if (ref != null && spec.isObject(ref)) {
        Mode childMode = onRoute ? (route.isEmpty() ? focusMode : Mode.MINIMAL) : mode;
        ObjectNode child = object(ref, onRoute ? route : new ArrayDeque<>(), childMode, focus, focusMode, where, focusPath);
        value = schema.has("items") ? items(schema, child, childMode, ref, where) : child;
      } else {
        value = value(schema, mode, SpecModel.SCHEMAS + name + ".properties." + p);
      }
      object.set(p, value);
    }
    return object;
  }

  /** An array of objects: the built element first, then further elements up to two (within minItems..maxItems). */
  private JsonNode items(JsonNode schema, ObjectNode first, Mode mode, String ref, String at) {
    ArrayNode array = JSON.arrayNode().add(first);
    int size = Math.max(schema.path("minItems").asInt(0), mode == Mode.MAXIMAL ? 2 : 1);
    if (schema.has("maxItems")) size = Math.min(size, schema.get("maxItems").asInt());
    for (int i = 1; i < size; i++) array.add(object(ref, new ArrayDeque<>(), mode, null, mode, at, new String[1]));
    return array;
  }

  /** A valid value of a non-object property. */
  JsonNode value(JsonNode schema, Mode mode, String specPath) {
    String ref = SpecModel.referenced(schema);
    // an array of enum values (AssemblyAI's language_codes) is an array, built below
    if (ref != null && spec.isEnum(ref) && !schema.has("items")) {
      List<String> values = spec.enumValues(ref);
      return JSON.textNode(values.get(mode == Mode.MINIMAL ? 0 : values.size() - 1));
    }
    if (ref != null && !schema.has("items") && !schema.path("additionalProperties").isObject() && spec.isScalar(ref)) {
      return value(spec.schema(ref), mode, SpecModel.SCHEMAS + ref); // a named scalar, referred to or narrowed with allOf
    }
    switch (schema.path("type").asText()) {
      case "array" -> {
        ArrayNode array = JSON.arrayNode();
        int size = Math.max(schema.path("minItems").asInt(0), mode == Mode.MAXIMAL ? 2 : 0);
        if (schema.has("maxItems")) size = Math.min(size, schema.get("maxItems").asInt());
        for (int i = 0; i < size; i++) array.add(value(schema.get("items"), mode, specPath + ".items"));
        return array;
      }
      case "string" -> {
        return JSON.textNode(string(schema, specPath));
      }
      case "integer" -> {
        return JSON.numberNode(integer(schema));
      }
      case "number" -> {
        double min = schema.path("minimum").asDouble(0);
        double max = schema.path("maximum").asDouble(min + 100);
        return JSON.numberNode(min + (max - min) / 4);
      }
      case "boolean" -> {
        return JSON.booleanNode(mode == Mode.MAXIMAL);
      }
      default -> throw new IllegalStateException(spec.vendor + ": no request value for " + specPath + ": " + schema);
    }
  }

  /** A count: one above the minimum where the maximum allows, so that every count of a body agrees. */
  static long integer(JsonNode schema) {
    long min = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
    long max = schema.has("maximum") ? schema.get("maximum").asLong() : Long.MAX_VALUE;
    return Math.min(min + 1, max);
  }

  private String string(JsonNode schema, String specPath) {
    if (schema.has("pattern")) {
      String example = schema.path("example").asText(null);
      if (example == null || !Pattern.compile(schema.get("pattern").asText()).matcher(example).find()) {
        throw new IllegalStateException(spec.vendor + ": " + specPath + " has a pattern but no example that matches it,"
            + " so no valid value can be derived; give the property an example");
      }
      return example;
    }
    String text = "derived-" + specPath.substring(specPath.lastIndexOf('.') + 1);
    int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
    int min = schema.path("minLength").asInt(0);
    if (text.length() > max) text = text.substring(0, max);
    while (text.length() < min) text += "x";
    return text;
  }

  /** A shortest list of property names from {@code from} to {@code target}, or null. */
  private List<String> route(String from, String target) {
    Map<String, List<String>> routes = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(from));
    routes.put(from, List.of());
    while (!queue.isEmpty()) {
      String name = queue.poll();
      if (name.equals(target)) return routes.get(name);
      if (spec.isUnion(name)) {
        // a variant is where its union is: no property leads from one to the other
        for (String v : sendable(name)) {
          if (routes.containsKey(v)) continue;
          routes.put(v, routes.get(name));
          queue.add(v);
        }
        continue;
      }
      if (!spec.isObject(name)) continue;
      for (Map.Entry<String, JsonNode> p : spec.properties(name).entrySet()) {
        String ref = SpecModel.referenced(p.getValue());
        if (ref == null || routes.containsKey(ref)) continue;
        List<String> longer = new ArrayList<>(routes.get(name));
        longer.add(p.getKey());
        routes.put(ref, longer);
        queue.add(ref);
      }
    }
    return null;
  }
}
