package dev.audiojobs.client.internal;

import com.squareup.moshi.JsonReader;
import dev.audiojobs.client.Extras;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a record adapter keeps beyond its typed properties, so that re-encoding loses nothing: unknown
 * properties (any JSON value, read exactly), explicit nulls, and the object's path for the error of a
 * missing property. For generated code; not API.
 *
 * <p>A name sent twice in one object is refused ({@link Json#duplicate}): the value kept could only be
 * one of the two, and a union choosing its variant on a look-ahead sees the first.
 */
public final class JsonUnknown {
  private JsonUnknown() {}

  /** What an adapter collects beyond the typed properties; created only for objects that need it. */
  public static final class ExtrasBuilder {
    final Map<String, @Nullable Object> unknown = new LinkedHashMap<>();
    final Set<String> nulls = new LinkedHashSet<>();
    /** The object's JSON path, taken when the first unknown property is read. */
    @Nullable String objectPath;

    ExtrasBuilder() {}
  }

  /** Records that the optional property {@code name} was sent as explicit null. */
  public static ExtrasBuilder explicitNull(@Nullable ExtrasBuilder extras, String name) {
    ExtrasBuilder builder = extras == null ? new ExtrasBuilder() : extras;
    builder.nulls.add(name);
    return builder;
  }

  public static Extras extras(@Nullable ExtrasBuilder extras) {
    return extras == null ? Extras.empty() : Extras.of(extras.unknown, extras.nulls);
  }

  /**
   * The error for a required property that is absent from the object being read. Call it before
   * {@code endObject()}: the path is the object's path plus {@code name}.
   *
   * @param extras what the adapter collected; when it read an unknown property it knows the object's
   *     path exactly, whatever that property's name (a server may send {@code "x.y"})
   */
  public static JsonPathException missing(JsonReader reader, @Nullable ExtrasBuilder extras, String name) {
    String object;
    if (extras != null && extras.objectPath != null) {
      object = extras.objectPath;
    } else {
      // Only names of the schema were read: Moshi's path ends with the last of them, or with "."
      // when none was; the spec's property names have no dots.
      String path = reader.getPath();
      int dot = path.lastIndexOf('.');
      object = dot < 0 ? path : path.substring(0, dot);
    }
    return new JsonPathException(object + "." + name, "required property missing");
  }

  /**
   * Reads an unknown property (its name and value) into {@code extras}, creating it on first use.
   *
   * @throws JsonPathException if the object already had a property of that name
   */
  public static ExtrasBuilder readUnknown(JsonReader reader, @Nullable ExtrasBuilder extras) throws IOException {
    ExtrasBuilder builder = extras == null ? new ExtrasBuilder() : extras;
    String name = reader.nextName();
    if (builder.objectPath == null) {
      String path = reader.getPath();
      builder.objectPath = path.substring(0, path.length() - name.length() - 1);
    }
    if (builder.unknown.containsKey(name)) throw Json.duplicate(reader);
    builder.unknown.put(name, readUnknownValue(reader));
    return builder;
  }

  /**
   * Reads any JSON value exactly: objects as {@code LinkedHashMap}, arrays as {@code ArrayList}, numbers
   * as {@link java.math.BigDecimal} (so {@code 12345678901234567890} and {@code 1.50} survive
   * re-encoding) or, when no {@code BigDecimal} holds them ({@code 1e9999999999}), as a {@code Number}
   * whose {@code toString()} is the literal as sent; strings, booleans and null.
   *
   * @throws JsonPathException for a value nested deeper than Moshi's reader goes (255 levels), or an
   *     object that names a property twice
   */
  public static @Nullable Object readValue(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT -> {
        Json.begin(reader, true);
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        while (reader.hasNext()) {
          String name = reader.nextName();
          if (map.containsKey(name)) throw Json.duplicate(reader);
          map.put(name, readValue(reader));
        }
        reader.endObject();
        return map;
      }
      case BEGIN_ARRAY -> {
        Json.begin(reader, false);
        List<@Nullable Object> list = new ArrayList<>();
        while (reader.hasNext()) list.add(readValue(reader));
        reader.endArray();
        return list;
      }
      case STRING -> {
        return reader.nextString();
      }
      case NUMBER -> {
        // nextString() on a NUMBER token returns the literal as written.
        return JsonNumbers.number(reader.nextString());
      }
      case BOOLEAN -> {
        return reader.nextBoolean();
      }
      case NULL -> {
        return reader.nextNull();
      }
      default -> throw new JsonPathException(reader.getPath(), "expected a value, found " + reader.peek());
    }
  }

  /**
   * A deep, unmodifiable copy of a JSON value as {@link #readValue} produces it, or as a caller puts one in a
   * record's property of any value: maps (string keys) and lists copied, strings, numbers, booleans and null
   * kept. Anything else is refused now, when the record is made, rather than when it is sent.
   *
   * @throws IllegalArgumentException naming the value's class and where it is ({@code $.a[1]}) for a value
   *     that is no JSON value, or a map with a null key
   */
  public static @Nullable Object copyValue(@Nullable Object value) {
    return copyValue(value, "$");
  }

  private static @Nullable Object copyValue(@Nullable Object value, String at) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) return value;
    if (value instanceof Map<?, ?> map) {
      Map<String, @Nullable Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (entry.getKey() == null) throw new IllegalArgumentException("not a JSON value: a null key at " + at);
        String name = entry.getKey().toString();
        copy.put(name, copyValue(entry.getValue(), at + "." + name));
      }
      return java.util.Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> copy = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) copy.add(copyValue(list.get(i), at + "[" + i + "]"));
      return java.util.Collections.unmodifiableList(copy);
    }
    throw new IllegalArgumentException("not a JSON value: a " + value.getClass().getName() + " at " + at);
  }

  /**
   * Reads the value of an unknown property, including the valid numbers Moshi's strict reader refuses
   * ({@link StrictJsonText}). A strict look-ahead over the value tells whether Moshi accepts it; only
   * when it does not is the value's text taken (on a lenient look-ahead), parsed strictly here, and
   * skipped by the reader. Anything else that Moshi refuses is malformed: the strict read then fails at
   * the exact place.
   *
   * <p>The look-ahead about doubles the cost of an unknown value. A reader that can be decoded again
   * ({@link JsonLookAhead#singlePass}) reads without it and asks to be decoded again ({@link
   * JsonLookAhead.RetryExactly}) when Moshi refuses the value; its second pass looks ahead.
   */
  private static @Nullable Object readUnknownValue(JsonReader reader) throws IOException {
    if (JsonLookAhead.singlePass(reader)) {
      try {
        return readValue(reader);
      } catch (com.squareup.moshi.JsonEncodingException refused) {
        throw new JsonLookAhead.RetryExactly(refused); // maybe a number Moshi refuses; the exact pass looks ahead
      }
    }
    if (moshiAccepts(reader)) return readValue(reader);
    StrictJsonText.Parsed parsed = null;
    JsonReader lenient = reader.peekJson();
    lenient.setLenient(true);
    try (okio.BufferedSource source = lenient.nextSource()) {
      parsed = StrictJsonText.parse(source.readUtf8());
    } catch (IOException | RuntimeException e) {
      // not even lenient JSON: the strict read below reports it
    }
    if (parsed == null || !parsed.hasMoshiTrap()) return readValue(reader);
    reader.setLenient(true); // Moshi reads the refused number as an unquoted literal, which it skips
    try {
      reader.skipValue();
    } finally {
      reader.setLenient(false);
    }
    return parsed.value();
  }

  /** Whether Moshi's strict reader reads the next value through; looks ahead on a copy. */
  private static boolean moshiAccepts(JsonReader reader) {
    JsonReader probe = reader.peekJson();
    try {
      probe.skipValue();
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
