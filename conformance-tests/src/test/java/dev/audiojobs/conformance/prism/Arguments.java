package dev.audiojobs.conformance.prism;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Arguments for one call, generated from the parameter schemas of the normalized spec (the client's
 * own) with a seeded {@link Random}, so a run's requests can be replayed: ids of several shapes,
 * integers within their minimum and maximum, enum values, and an optional parameter absent one time in
 * four; a {@code format: uuid} string is a UUID.
 */
final class Arguments {
  private static final String ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
  /** Characters an id may hold that the client must percent-encode in a path segment. */
  private static final String[] ESCAPED = {" ", "/", "%", "?", "#", "é", "+", ":", "@", "日"};
  private static final int UNBOUNDED_SPAN = 10_000;

  /** The values in the client method's order, and the same by wire name for messages. */
  record Call(List<Object> values, Map<String, Object> byName, String bodySchema, JsonNode body) {
    Call(List<Object> values, Map<String, Object> byName) {
      this(values, byName, null, null);
    }

    /** The same call with a file of a few random bytes as its binary request body, appended last. */
    Call withFile(Random random) {
      byte[] bytes = new byte[1 + random.nextInt(64)];
      random.nextBytes(bytes);
      List<Object> all = new ArrayList<>(values);
      all.add(dev.audiojobs.client.FilePart.of(bytes));
      Map<String, Object> named = new LinkedHashMap<>(byName);
      named.put("file", bytes.length + " bytes");
      return new Call(all, named, null, null);
    }

    /** The same call with a JSON request body of schema {@code schema}, shown as {@code body} in messages. */
    Call withBody(String schema, JsonNode json) {
      Map<String, Object> named = new LinkedHashMap<>(byName);
      named.put("body", json);
      return new Call(values, named, schema, json);
    }

    /**
     * The arguments, the body (when there is one) decoded into the client's request model and appended
     * last; decoding throws what the client's adapter throws.
     */
    List<Object> decodedBody(VendorClient client) throws Throwable {
      if (body == null) return values;
      List<Object> all = new ArrayList<>(values);
      all.add(client.decode(bodySchema, body.toString()));
      return all;
    }
  }

  private Arguments() {}

  static Call generate(Random random, List<Spec.Parameter> parameters, java.lang.reflect.Type[] types) {
    List<Object> values = new ArrayList<>();
    Map<String, Object> byName = new LinkedHashMap<>();
    for (int i = 0; i < parameters.size(); i++) {
      Spec.Parameter parameter = parameters.get(i);
      if (!parameter.required() && random.nextInt(4) == 0) {
        values.add(null);
        continue;
      }
      String text = value(random, parameter);
      Object value = convert(text, types[i]);
      values.add(value);
      byName.put(parameter.name(), text);
    }
    return new Call(values, byName);
  }

  private static String value(Random random, Spec.Parameter parameter) {
    JsonNode schema = parameter.schema();
    if (schema.path("type").asText().equals("array")) {
      // an array parameter (AssemblyAI's words): one item, passed as a list of one
      return value(random, new Spec.Parameter(parameter.name(), parameter.in(), true, schema.path("items")));
    }
    if ("date".equals(schema.path("format").asText())) {
      return java.time.LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2000)).toString();
    }
    if (schema.has("enum")) {
      JsonNode values = schema.get("enum");
      return values.get(random.nextInt(values.size())).asText();
    }
    String type = schema.path("type").asText("string");
    if (type.equals("integer") || type.equals("number")) {
      long min = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
      long max = schema.has("maximum") ? schema.get("maximum").asLong() : min + UNBOUNDED_SPAN;
      // Both ends often: they are where an off-by-one between client and spec shows.
      int pick = random.nextInt(10);
      long value = pick == 0 ? min : pick == 1 ? max : min + (long) (random.nextDouble() * (max - min + 1));
      return Long.toString(Math.min(value, max));
    }
    if (type.equals("boolean")) return Boolean.toString(random.nextBoolean());
    // A cursor is handed out by the server as a UUID (format uuid): sending anything else is a request the spec refuses.
    if ("uuid".equals(schema.path("format").asText())) return new UUID(random.nextLong(), random.nextLong()).toString();
    return parameter.in().equals("path") ? id(random) : word(random, 1 + random.nextInt(12));
  }

  /** A UUID half the time (what the vendors hand out), else a word, sometimes with characters to escape. */
  private static String id(Random random) {
    int shape = random.nextInt(10);
    if (shape < 5) return new UUID(random.nextLong(), random.nextLong()).toString();
    String word = word(random, 1 + random.nextInt(30));
    if (shape < 8) return word;
    int at = random.nextInt(word.length() + 1);
    return word.substring(0, at) + ESCAPED[random.nextInt(ESCAPED.length)] + word.substring(at);
  }

  private static String word(Random random, int length) {
    StringBuilder word = new StringBuilder(length);
    for (int i = 0; i < length; i++) word.append(ID_CHARACTERS.charAt(random.nextInt(ID_CHARACTERS.length())));
    return word.toString();
  }

  private static Object convert(String text, java.lang.reflect.Type type) {
    if (type instanceof java.lang.reflect.ParameterizedType list && list.getRawType() == List.class) {
      return List.of(convert(text, list.getActualTypeArguments()[0]));
    }
    return convert(text, (Class<?>) type);
  }

  private static Object convert(String text, Class<?> type) {
    if (type == String.class) return text;
    if (type == Integer.class || type == int.class) return Integer.valueOf(text);
    if (type == Long.class || type == long.class) return Long.valueOf(text);
    if (type == Double.class || type == double.class) return Double.valueOf(text);
    if (type == Boolean.class || type == boolean.class) return Boolean.valueOf(text);
    try {
      // The generated open enums: JobStatus.of("running").
      return type.getMethod("of", String.class).invoke(null, text);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no way to pass \"" + text + "\" as a " + type.getName(), e);
    }
  }
}
