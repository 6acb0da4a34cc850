package dev.audiojobs.openapi.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the client relies on at one schema beyond its shape, each with the reason: enum values it selects
 * a union variant by or stops waiting on, property names a selection rule, the waiter or the pager
 * reads, and property names that would make a selection rule pick another variant if they appeared.
 *
 * <p>Built from the committed normalized spec (the decisions the client was generated from): a
 * {@code discriminator} mapping value, an {@code x-audiojobs-select} key, {@code x-audiojobs-terminal}
 * and {@code x-audiojobs-unsuccessful} values, the properties {@code x-audiojobs-wait} and
 * {@code x-audiojobs-paging} name. Immutable; {@link #merge} makes a new one.
 *
 * @param values enum value → why the client relies on it
 * @param keys property name → why the client relies on it being there
 * @param collisions property name → what goes wrong if it appears
 * @param properties the reliance of each property's schema, by property name
 */
record Reliance(Map<String, String> values, Map<String, String> keys, Map<String, String> collisions,
    Map<String, Reliance> properties) {
  static final Reliance NONE = new Reliance(Map.of(), Map.of(), Map.of(), Map.of());

  Reliance {
    values = ordered(values);
    keys = ordered(keys);
    collisions = ordered(collisions);
    properties = ordered(properties);
  }

  /** The reliance of property {@code name}'s schema; {@link #NONE} when nothing is known. */
  Reliance property(String name) {
    return properties.getOrDefault(name, NONE);
  }

  /** Both: reasons for the same value or name are joined with {@code "; "}, this one's first. */
  Reliance merge(Reliance other) {
    if (other == null || other == NONE) return this;
    if (this == NONE) return other;
    Map<String, Reliance> props = new LinkedHashMap<>(properties);
    other.properties.forEach((k, v) -> props.merge(k, v, Reliance::merge));
    return new Reliance(join(values, other.values), join(keys, other.keys), join(collisions, other.collisions), props);
  }

  /** The values of an enum schema's own {@code x-audiojobs-terminal} and {@code x-audiojobs-unsuccessful}. */
  static Reliance ofEnum(JsonNode schema) {
    Map<String, String> values = new LinkedHashMap<>();
    schema.path("x-audiojobs-terminal").forEach(v -> values.merge(v.asText(), "the waiter stops on it (x-audiojobs-terminal)", Reliance::both));
    schema.path("x-audiojobs-unsuccessful").forEach(v ->
        values.merge(v.asText(), "the waiter reports it as failed (x-audiojobs-unsuccessful)", Reliance::both));
    return values.isEmpty() ? NONE : new Reliance(values, Map.of(), Map.of(), Map.of());
  }

  /** One value the client relies on. */
  static Reliance value(String value, String why) {
    return new Reliance(Map.of(value, why), Map.of(), Map.of(), Map.of());
  }

  /** One property name the client relies on. */
  static Reliance key(String name, String why) {
    return new Reliance(Map.of(), Map.of(name, why), Map.of(), Map.of());
  }

  /** A property name whose appearance would mislead the client. */
  static Reliance collision(String name, String why) {
    return new Reliance(Map.of(), Map.of(), Map.of(name, why), Map.of());
  }

  /** {@code inner} as the reliance of property {@code name}. */
  static Reliance at(String name, Reliance inner) {
    return new Reliance(Map.of(), Map.of(), Map.of(), Map.of(name, inner));
  }

  /** {@code inner} at the end of the property path {@code names} (empty: {@code inner} itself). */
  static Reliance at(List<String> names, Reliance inner) {
    Reliance r = inner;
    for (int i = names.size() - 1; i >= 0; i--) r = at(names.get(i), r);
    return r;
  }

  /**
   * By component schema name: what the unions and the enums of {@code doc} make the client rely on
   * in each schema a union selects. Enum values marked terminal are found on the enum itself
   * ({@link #ofEnum}); the waiter's and the pager's properties per operation ({@link #ofOperation}).
   */
  static Map<String, Reliance> index(JsonNode doc) {
    Map<String, Reliance> index = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("components").path("schemas").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String union = e.getKey();
      JsonNode schema = e.getValue();
      JsonNode discriminator = schema.path("discriminator");
      String property = discriminator.path("propertyName").asText("");
      discriminator.path("mapping").fields().forEachRemaining(m -> {
        String variant = refName(m.getValue().asText());
        index.merge(variant, at(property, value(m.getKey(),
            union + " selects " + variant + " by " + property + " " + m.getKey() + " (discriminator)")), Reliance::merge);
      });
      JsonNode select = schema.path("x-audiojobs-select");
      String holder = select.path("property").asText("");
      List<JsonNode> rules = new ArrayList<>();
      select.path("byKeys").forEach(rules::add);
      Map<String, Integer> firstRule = new LinkedHashMap<>();
      for (int i = 0; i < rules.size(); i++) firstRule.putIfAbsent(refName(rules.get(i).path("schema").asText()), i);
      List<String> variants = new ArrayList<>();
      schema.path("oneOf").forEach(b -> variants.add(refName(b.path("$ref").asText())));
      for (int i = 0; i < rules.size(); i++) {
        String variant = refName(rules.get(i).path("schema").asText());
        for (JsonNode k : rules.get(i).path("keys")) {
          String key = k.asText();
          index.merge(variant, at(holder, key(key, union + " selects " + variant + " when " + holder + " holds " + key
              + " (x-audiojobs-select)")), Reliance::merge);
          for (String other : variants) {
            // First matching rule wins: a key of an earlier rule appearing in another variant's holder
            // selects the earlier rule's variant for it.
            if (other.equals(variant) || firstRule.getOrDefault(other, Integer.MAX_VALUE) < i) continue;
            index.merge(other, at(holder, collision(key, union + " would select " + variant + " for a " + other
                + " whose " + holder + " holds " + key + " (x-audiojobs-select)")), Reliance::merge);
          }
        }
      }
    }
    return index;
  }

  /** The properties of an operation's success body that {@code x-audiojobs-wait} and {@code x-audiojobs-paging} read. */
  static Reliance ofOperation(JsonNode operation) {
    Reliance r = NONE;
    JsonNode wait = operation.path("x-audiojobs-wait");
    if (wait.has("status")) r = r.merge(key(wait.get("status").asText(), "waitForJob reads it (x-audiojobs-wait)"));
    List<String> error = new ArrayList<>();
    wait.path("error").forEach(p -> error.add(p.asText()));
    if (!error.isEmpty()) {
      r = r.merge(at(error.subList(0, error.size() - 1), key(error.get(error.size() - 1),
          "waitForJob reports it as the job's error (x-audiojobs-wait)")));
    }
    JsonNode paging = operation.path("x-audiojobs-paging");
    for (String name : List.of("items", "total")) {
      if (paging.has(name)) r = r.merge(key(paging.get(name).asText(), "the pager reads it (x-audiojobs-paging " + name + ")"));
    }
    return r;
  }

  /** An unmodifiable copy that keeps the order reasons were found in (they are printed in it). */
  private static <V> Map<String, V> ordered(Map<String, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  static String refName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private static Map<String, String> join(Map<String, String> a, Map<String, String> b) {
    Map<String, String> out = new LinkedHashMap<>(a);
    b.forEach((k, v) -> out.merge(k, v, Reliance::both));
    return out;
  }

  private static String both(String a, String b) {
    return a.equals(b) || a.contains(b) ? a : a + "; " + b;
  }
}
