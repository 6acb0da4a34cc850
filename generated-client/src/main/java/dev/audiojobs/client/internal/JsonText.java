package dev.audiojobs.client.internal;

import com.squareup.moshi.JsonWriter;
import dev.audiojobs.client.Extras;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * Re-encoding exactly what was decoded: any value {@link JsonUnknown#readValue} produces, the unknown
 * properties of a record, and the strings and names Moshi's writer cannot write as received (a lone
 * UTF-16 surrogate, which a JSON string may hold as {@code "\ud800"}, becomes {@code ?} in its output).
 * For generated code; not API.
 */
public final class JsonText {
  private JsonText() {}

  /**
   * Writes a record: {@code properties} between the braces. An object whose unknown properties
   * include a name with a lone surrogate is written to a buffer first, each such name marked, then
   * spliced in escaped as received, and the whole written as one value ({@code JsonWriter.name} has
   * no way to write it).
   */
  public static <T> void writeObject(JsonWriter writer, T value, Extras extras, Json.Writer<T> properties)
      throws IOException {
    if (hasLoneSurrogateName(extras)) {
      writeWithExactNames(writer, value, properties);
    } else {
      writer.beginObject();
      properties.write(writer, value);
      writer.endObject();
    }
  }

  /** Writes a map of typed values, a key with a lone surrogate as received (see {@link #writeObject}). */
  static <T> void writeMap(JsonWriter writer, Map<String, T> values, Json.Writer<T> value) throws IOException {
    Json.Writer<Map<String, T>> entries = (w, map) -> {
      Names names = w.tag(Names.class);
      for (Map.Entry<String, T> entry : map.entrySet()) {
        if (names != null && hasLoneSurrogate(entry.getKey())) {
          names.write(w, entry.getKey(), () -> value.write(w, entry.getValue()));
        } else {
          w.name(entry.getKey());
          value.write(w, entry.getValue());
        }
      }
    };
    if (hasLoneSurrogateKey(values)) {
      writeWithExactNames(writer, values, entries);
    } else {
      writer.beginObject();
      entries.write(writer, values);
      writer.endObject();
    }
  }

  private static <T> void writeWithExactNames(JsonWriter writer, T value, Json.Writer<T> properties)
      throws IOException {
    Buffer text = new Buffer();
    JsonWriter out = JsonWriter.of(text);
    out.setSerializeNulls(writer.getSerializeNulls());
    Names names = new Names(text);
    out.setTag(Names.class, names);
    out.beginObject();
    properties.write(out, value);
    out.endObject();
    out.flush();
    try (BufferedSink sink = writer.valueSink()) {
      names.splice(sink);
    }
  }

  /**
   * Writes the unknown properties and nothing else; explicit nulls are written by each property. A
   * name with a lone surrogate is only written exactly inside {@link #writeObject}.
   */
  public static void writeExtras(JsonWriter writer, Extras extras) throws IOException {
    Names names = writer.tag(Names.class);
    for (Map.Entry<String, @Nullable Object> entry : extras.unknownProperties().entrySet()) {
      String name = entry.getKey();
      if (names != null && hasLoneSurrogate(name)) {
        names.write(writer, name, () -> writeValue(writer, entry.getValue()));
      } else {
        writer.name(name);
        writeValue(writer, entry.getValue());
      }
    }
  }

  /** Writes one value to the writer it closes over. */
  @FunctionalInterface
  private interface ValueWrite {
    void write() throws IOException;
  }

  /**
   * Names {@link #writeObject} splices into the text Moshi wrote: each written as {@code ""} at an
   * offset noted here, then replaced by the escaped name.
   */
  private static final class Names {
    private final Buffer text;
    private final List<Long> offsets = new ArrayList<>();
    private final List<String> quotedNames = new ArrayList<>();

    Names(Buffer text) {
      this.text = text;
    }

    /** Writes {@code name} and, with {@code value}, the property's value. */
    void write(JsonWriter writer, String name, ValueWrite value) throws IOException {
      long before = text.size();
      writer.name("");
      value.write(); // Moshi writes the name with the value: [,]"":value
      long at = text.getByte(before) == ',' ? before + 1 : before;
      offsets.add(at);
      quotedNames.add(quoted(name));
    }

    /** Writes the text to {@code sink} with each marked {@code ""} replaced by its name. */
    void splice(BufferedSink sink) throws IOException {
      long done = 0;
      for (int i = 0; i < offsets.size(); i++) {
        sink.write(text, offsets.get(i) - done);
        text.skip(2); // ""
        sink.writeUtf8(quotedNames.get(i));
        done = offsets.get(i) + 2;
      }
      sink.writeAll(text);
    }
  }

  /**
   * Writes a string. One that holds a lone UTF-16 surrogate is written with that surrogate escaped,
   * as received; Moshi's writer would put a {@code ?} in its place.
   */
  public static void writeString(JsonWriter writer, String value) throws IOException {
    if (!hasLoneSurrogate(value)) {
      writer.value(value);
      return;
    }
    try (BufferedSink sink = writer.valueSink()) {
      sink.writeUtf8(quoted(value));
    }
  }

  /** Writes any value {@link JsonUnknown#readValue} produces, and the boxed types a caller may have put in its place. */
  public static void writeValue(JsonWriter writer, @Nullable Object value) throws IOException {
    if (value == null) {
      Json.writeNull(writer);
    } else if (value instanceof Map<?, ?> map && hasLoneSurrogateKey(map)) {
      // JsonWriter.name() would put a ? in place of the surrogate; write this object as text.
      try (BufferedSink sink = writer.valueSink()) {
        sink.writeUtf8(text(map));
      }
    } else if (value instanceof Map<?, ?> map) {
      writer.beginObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        writer.name(String.valueOf(entry.getKey()));
        writeValue(writer, entry.getValue());
      }
      writer.endObject();
    } else if (value instanceof List<?> list) {
      writer.beginArray();
      for (Object element : list) writeValue(writer, element);
      writer.endArray();
    } else if (value instanceof String string) {
      writeString(writer, string);
    } else if (value instanceof Boolean bool) {
      writer.value(bool);
    } else if (value instanceof Number number) {
      writer.value(number);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  private static boolean hasLoneSurrogateName(Extras extras) {
    return !extras.unknownProperties().isEmpty() && hasLoneSurrogateKey(extras.unknownProperties());
  }

  private static boolean hasLoneSurrogateKey(Map<?, ?> map) {
    for (Object key : map.keySet()) {
      if (hasLoneSurrogate(String.valueOf(key))) return true;
    }
    return false;
  }

  static boolean hasLoneSurrogate(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** {@code value} as a JSON string literal, lone surrogates and what JSON requires escaped. */
  static String quoted(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
      if (pair) {
        out.append(c).append(value.charAt(++i));
      } else if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** A value {@link JsonUnknown#readValue} produces as JSON text, for the rare object {@link #writeValue} cannot name. */
  private static String text(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      StringBuilder out = new StringBuilder("{");
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (out.length() > 1) out.append(',');
        out.append(quoted(String.valueOf(entry.getKey()))).append(':').append(text(entry.getValue()));
      }
      return out.append('}').toString();
    }
    if (value instanceof List<?> list) {
      StringBuilder out = new StringBuilder("[");
      for (Object element : list) {
        if (out.length() > 1) out.append(',');
        out.append(text(element));
      }
      return out.append(']').toString();
    }
    if (value instanceof String string) return quoted(string);
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) throw new IllegalArgumentException("not a JSON number: " + d);
    }
    return String.valueOf(value); // numbers, booleans, null
  }
}
