package dev.audiojobs.conformance.prism;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Request bodies for the sweep, generated from the client's own request schema with the call's seeded
 * {@link Random} and kept inside every rule the schema states, so that Prism's request validation has
 * nothing to refuse unless the client changes the body on the way: an optional property absent one
 * time in four, an explicit null now and then where the spec says {@code nullable}, enum values,
 * numbers within their minimum and maximum (both ends often), strings within their length (a pattern
 * takes the property's example), arrays within minItems and maxItems.
 *
 * <p>All integer properties of one body share a value, so that rules stated only in prose (pyannote's
 * minSpeakers at most maxSpeakers) hold too.
 */
final class Bodies {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_/:.é日";

  private final Spec spec;
  private final Random random;
  private final long count;

  private Bodies(Spec spec, Random random) {
    this.spec = spec;
    this.random = random;
    this.count = 1 + random.nextInt(4);
  }

  /** A body valid against {@code schema} (a request body schema of {@code spec}, $refs resolved on the way). */
  static JsonNode generate(Spec spec, JsonNode schema, Random random) {
    return new Bodies(spec, random).value(schema, "#");
  }

  private JsonNode value(JsonNode unresolved, String where) {
    JsonNode schema = merged(spec.resolve(unresolved));
    if (schema.path("nullable").asBoolean() && random.nextInt(8) == 0) return JSON.nullNode();
    if (schema.has("oneOf")) {
      // a union a request sends (AssemblyAI's speech understanding request): one of its variants, each of
      // which holds the key its rule selects it by
      JsonNode variants = schema.get("oneOf");
      return value(variants.get(random.nextInt(variants.size())), where);
    }
    if (schema.has("enum")) {
      JsonNode values = schema.get("enum");
      return values.get(random.nextInt(values.size())).deepCopy();
    }
    String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
    switch (type) {
      case "object" -> {
        ObjectNode object = JSON.objectNode();
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> p = it.next();
          if (!required.contains(p.getKey()) && random.nextInt(4) == 0) continue;
          object.set(p.getKey(), value(p.getValue(), where + "." + p.getKey()));
        }
        return object;
      }
      case "array" -> {
        int min = schema.path("minItems").asInt(0);
        int max = Math.min(schema.path("maxItems").asInt(Integer.MAX_VALUE), min + 3);
        int size = random.nextInt(10) == 0 ? max : min + random.nextInt(max - min + 1);
        ArrayNode array = JSON.arrayNode();
        for (int i = 0; i < size; i++) array.add(value(schema.get("items"), where + "[]"));
        return array;
      }
      case "integer" -> {
        long min = schema.path("minimum").asLong(0);
        long max = schema.has("maximum") ? schema.get("maximum").asLong() : min + 9;
        return JSON.numberNode(Math.max(min, Math.min(max, min + count - 1)));
      }
      case "number" -> {
        double min = schema.path("minimum").asDouble(0);
        double max = schema.path("maximum").asDouble(min + 1000);
        int pick = random.nextInt(10);
        double value = pick == 0 ? min : pick == 1 ? max : min + Math.round(random.nextDouble() * (max - min) * 100) / 100.0;
        return value == Math.rint(value) ? JSON.numberNode((long) value) : JSON.numberNode(Math.min(value, max));
      }
      case "boolean" -> {
        return JSON.booleanNode(random.nextBoolean());
      }
      case "string" -> {
        return JSON.textNode(string(schema, where));
      }
      default -> throw new IllegalStateException(spec.file() + ": no request value for " + where + ": " + schema);
    }
  }

  /**
   * {@code schema} with its {@code allOf} members folded in: an object composed of several (AssemblyAI's
   * TranscriptParams) gets their properties and required lists, a narrowing {@code allOf: [$ref]} its
   * target's type and enum; what the schema itself says wins.
   */
  private JsonNode merged(JsonNode schema) {
    if (!schema.has("allOf")) return schema;
    ObjectNode out = ((ObjectNode) schema).deepCopy();
    out.remove("allOf");
    for (JsonNode member : schema.get("allOf")) {
      JsonNode part = merged(spec.resolve(member));
      for (Iterator<Map.Entry<String, JsonNode>> it = part.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        switch (field.getKey()) {
          case "properties" -> field.getValue().fields().forEachRemaining(p -> {
            if (!out.with("properties").has(p.getKey())) out.with("properties").set(p.getKey(), p.getValue());
          });
          case "required" -> field.getValue().forEach(r -> out.withArray("required").add(r));
          default -> {
            if (!out.has(field.getKey())) out.set(field.getKey(), field.getValue());
          }
        }
      }
    }
    return out;
  }

  private String string(JsonNode schema, String where) {
    if (schema.has("pattern")) {
      String example = schema.path("example").asText(null);
      if (example == null || !Pattern.compile(schema.get("pattern").asText()).matcher(example).find()) {
        throw new IllegalStateException(spec.file() + ": " + where + " has a pattern but no example that matches it");
      }
      return example;
    }
    int min = schema.path("minLength").asInt(0);
    int max = Math.min(schema.path("maxLength").asInt(40), 40);
    int length = Math.max(min, random.nextInt(10) == 0 ? max : 1 + random.nextInt(Math.max(1, max)));
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) text.append(CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
    return text.toString();
  }
}
