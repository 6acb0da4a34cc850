package dev.audiojobs.client.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.audiojobs.client.DoubleList;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads and writes of schema values (strings, numbers, integers, booleans, date-times, lists,
 * maps), each read naming the JSON path of a value that does not fit; for generated code, not API.
 * Unknown properties are {@link JsonUnknown}'s, exact re-encoding {@link JsonText}'s, a union's
 * look-ahead {@link JsonLookAhead}'s, decoding a whole document {@link JsonDocument}'s.
 *
 * <p>Every read checks the JSON token type before consuming it: Moshi's own {@code nextString()}
 * accepts a number and {@code nextDouble()} accepts a numeric string, and either would let a value of
 * the wrong JSON type through. A mismatch throws {@link JsonPathException} with the path of the value.
 */
public final class Json {
  /** RFC 3339: {@code T} and {@code Z} in either case, any offset, any fraction. */
  private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
      .toFormatter();

  private Json() {}

  /** Reads one value of type {@code T}; used for list elements and map values. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(JsonReader reader) throws IOException;
  }

  /** Writes one non-null value of type {@code T}. */
  @FunctionalInterface
  public interface Writer<T> {
    void write(JsonWriter writer, T value) throws IOException;
  }

  // ------------------------------------------------------------------ reading

  /** Begins an object, or throws when the next value is anything else. */
  public static void beginObject(JsonReader reader) throws IOException {
    expect(reader, JsonReader.Token.BEGIN_OBJECT, "an object");
    begin(reader, true);
  }

  /** Checks that the next value is an object without consuming it; unions look ahead before choosing. */
  public static void expectObject(JsonReader reader) throws IOException {
    expect(reader, JsonReader.Token.BEGIN_OBJECT, "an object");
  }

  /**
   * As {@link #expectObject}, for a union that has a text variant, whose adapter has already taken a string:
   * the error then says that a string would have done too.
   */
  public static void expectObjectOrString(JsonReader reader) throws IOException {
    expect(reader, JsonReader.Token.BEGIN_OBJECT, "a string or an object");
  }

  public static String readString(JsonReader reader) throws IOException {
    expect(reader, JsonReader.Token.STRING, "a string");
    return reader.nextString();
  }

  /**
   * Reads a number as a double. The path is built only when the value fails: building it for every
   * number would cost more than reading the number (an hour-long job has hundreds of thousands).
   *
   * <p>Takes the literal and converts it itself ({@link JsonNumbers#parseDouble}): Moshi reads a literal with a
   * fraction into a string anyway and converts it with {@code Double.parseDouble}, which on Java 17 is
   * several times slower for the short decimals vendors send ({@code 15.213}).
   */
  public static double readDouble(JsonReader reader) throws IOException {
    expect(reader, JsonReader.Token.NUMBER, "a number");
    double value = JsonNumbers.parseDouble(reader.nextString()); // the literal as written
    if (Double.isInfinite(value)) {
      // Valid JSON such as 1e400 that no double holds: say what it is.
      throw new JsonPathException(pathOfConsumed(reader), "a number outside the range of a double");
    }
    return value;
  }

  public static int readInt(JsonReader reader) throws IOException {
    return (int) readIntegral(reader, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
  }

  public static long readLong(JsonReader reader) throws IOException {
    return readIntegral(reader, Long.MIN_VALUE, Long.MAX_VALUE, "long");
  }

  /** A JSON number without a fraction in {@code [min, max]}; {@code 2.0} counts, {@code 2.5} does not. */
  private static long readIntegral(JsonReader reader, long min, long max, String range) throws IOException {
    expect(reader, JsonReader.Token.NUMBER, "an integer");
    String path;
    try {
      long value = reader.nextLong();
      if (value >= min && value <= max) return value;
      path = pathOfConsumed(reader);
    } catch (com.squareup.moshi.JsonDataException | NumberFormatException e) {
      path = reader.getPath(); // a failed nextLong leaves the reader at the value
    }
    throw new JsonPathException(path, "expected an integer in the " + range + " range");
  }

  public static boolean readBoolean(JsonReader reader) throws IOException {
    expect(reader, JsonReader.Token.BOOLEAN, "a boolean");
    return reader.nextBoolean();
  }

  /** Reads an RFC 3339 date-time such as {@code 2024-01-01T00:00:00.000Z} or {@code 2024-01-01T05:30:00+05:30}. */
  public static OffsetDateTime readDateTime(JsonReader reader) throws IOException {
    expect(reader, JsonReader.Token.STRING, "a date-time string");
    String text = reader.nextString();
    try {
      return OffsetDateTime.parse(nanosecondFraction(text), RFC_3339);
    } catch (DateTimeParseException e) {
      throw new JsonPathException(
          pathOfConsumed(reader), "expected an RFC 3339 date-time, found \"" + abbreviate(text) + "\"");
    }
  }

  /**
   * The path of the scalar value {@code reader} has just consumed, built only for an error. Moshi
   * counts an array element as read once it is consumed ({@code [3]} names the next one), so the
   * last index goes back by one; a property's path still ends with its name.
   */
  private static String pathOfConsumed(JsonReader reader) {
    String path = reader.getPath();
    if (!path.endsWith("]")) return path;
    int open = path.lastIndexOf('[');
    int index = Integer.parseInt(path.substring(open + 1, path.length() - 1));
    return path.substring(0, open + 1) + (index - 1) + "]";
  }

  /**
   * RFC 3339 allows any number of fraction digits; Java keeps nine. Digits past the ninth are cut, so a
   * value decodes to the nanosecond instead of failing (the re-encoding then carries nine digits).
   */
  private static String nanosecondFraction(String text) {
    int dot = text.indexOf('.');
    if (dot < 0) return text;
    int end = dot + 1;
    while (end < text.length() && Character.isDigit(text.charAt(end))) end++;
    return end - dot - 1 <= 9 ? text : text.substring(0, dot + 10) + text.substring(end);
  }

  /**
   * Reads a number with Moshi's {@code nextDouble}, which reads an integer literal without allocating:
   * the arrays vendors send are mostly integers (confidence scores from 0 to 100), where {@link
   * #readDouble} would make a string of each.
   */
  private static double readListedDouble(JsonReader reader) throws IOException {
    expect(reader, JsonReader.Token.NUMBER, "a number");
    try {
      return reader.nextDouble();
    } catch (IOException | com.squareup.moshi.JsonDataException e) {
      // 1e400: a failed nextDouble leaves the reader at the value, so its path is the value's.
      throw new JsonPathException(reader.getPath(), "a number outside the range of a double");
    }
  }

  /** Reads an array of numbers into a {@link DoubleList}, without a boxed {@code Double} per element. */
  public static DoubleList readDoubleList(JsonReader reader) throws IOException {
    expect(reader, JsonReader.Token.BEGIN_ARRAY, "an array");
    begin(reader, false);
    double[] values = new double[16];
    int size = 0;
    while (reader.hasNext()) {
      if (size == values.length) values = Arrays.copyOf(values, size * 2);
      values[size++] = readListedDouble(reader);
    }
    reader.endArray();
    // Growing by doubling leaves up to half the array unused; a decoded job may be kept for long.
    if (values.length - size > 64) values = Arrays.copyOf(values, size);
    return DoubleList.wrap(values, size);
  }

  /** Reads an array; a null element is an error at its index. */
  public static <T> List<T> readList(JsonReader reader, Reader<T> element) throws IOException {
    expect(reader, JsonReader.Token.BEGIN_ARRAY, "an array");
    begin(reader, false);
    List<T> list = new ArrayList<>();
    while (reader.hasNext()) {
      if (reader.peek() == JsonReader.Token.NULL) throw unexpectedNull(reader);
      list.add(element.read(reader));
    }
    reader.endArray();
    return new FrozenCollections.FrozenList<>(list);
  }

  /** Reads an object as a map in arrival order; a null value, or a key sent twice, is an error at its key. */
  public static <T> Map<String, T> readMap(JsonReader reader, Reader<T> value) throws IOException {
    beginObject(reader);
    Map<String, T> map = new LinkedHashMap<>();
    while (reader.hasNext()) {
      String name = reader.nextName();
      if (map.containsKey(name)) throw duplicate(reader);
      if (reader.peek() == JsonReader.Token.NULL) throw unexpectedNull(reader);
      map.put(name, value.read(reader));
    }
    reader.endObject();
    return new FrozenCollections.FrozenMap<>(map);
  }

  /**
   * Moshi refuses to nest deeper than 255 levels with an unchecked exception; report it as a decode
   * error. Every object and array the adapters open goes through here, so that the public adapters
   * throw an {@code IOException} for it, as for any other input that does not decode.
   */
  static void begin(JsonReader reader, boolean object) throws IOException {
    try {
      if (object) {
        reader.beginObject();
      } else {
        reader.beginArray();
      }
    } catch (com.squareup.moshi.JsonDataException e) {
      throw new JsonPathException(reader.getPath(), "nested deeper than 255 levels");
    }
  }

  /** The error for a null where the schema requires a value. */
  public static JsonPathException unexpectedNull(JsonReader reader) {
    return new JsonPathException(reader.getPath(), "null where a value is required");
  }

  /**
   * Notes that the property at {@code index} of the adapter's names was read, in {@code seen} (one bit
   * per property, for a record of at most 64), and returns the new set.
   *
   * @throws JsonPathException at the property's path if it was read before: an object that names a
   *     property twice is refused rather than decoded to one of its values
   */
  public static long once(JsonReader reader, long seen, int index) throws JsonPathException {
    long bit = 1L << index;
    if ((seen & bit) != 0) throw duplicate(reader);
    return seen | bit;
  }

  /** Like {@link #once(JsonReader, long, int)} for a record of more than 64 properties. */
  public static void once(JsonReader reader, boolean[] seen, int index) throws JsonPathException {
    if (seen[index]) throw duplicate(reader);
    seen[index] = true;
  }

  /**
   * The error for a name the object being read has already had; {@code reader} has just read the second.
   * RFC 8259 leaves what such an object means to each reader; a union that chose its variant from the
   * first value and a record that kept the second would not even agree with each other.
   */
  static JsonPathException duplicate(JsonReader reader) {
    return new JsonPathException(reader.getPath(), "property sent twice");
  }

  private static void expect(JsonReader reader, JsonReader.Token token, String what) throws IOException {
    JsonReader.Token actual = reader.peek();
    if (actual != token) {
      throw new JsonPathException(reader.getPath(), "expected " + what + " but found " + describe(actual));
    }
  }

  private static String describe(JsonReader.Token token) {
    return switch (token) {
      case BEGIN_OBJECT -> "an object";
      case BEGIN_ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case END_DOCUMENT -> "the end of the document";
      default -> token.toString();
    };
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  // ------------------------------------------------------------------ writing

  /** Writes a string, a lone surrogate escaped as received ({@link JsonText#writeString}). */
  public static void writeString(JsonWriter writer, String value) throws IOException {
    JsonText.writeString(writer, value);
  }

  /** Writes a number, integral values without a fraction ({@code 15}, not {@code 15.0}), as most servers send them. */
  public static void writeDouble(JsonWriter writer, double value) throws IOException {
    if (value == Math.rint(value) && Math.abs(value) < 1e15 && !(value == 0 && 1 / value < 0)) {
      writer.value((long) value);
    } else {
      writer.value(value);
    }
  }

  public static void writeInt(JsonWriter writer, int value) throws IOException {
    writer.value(value);
  }

  public static void writeLong(JsonWriter writer, long value) throws IOException {
    writer.value(value);
  }

  public static void writeBoolean(JsonWriter writer, boolean value) throws IOException {
    writer.value(value);
  }

  public static void writeDateTime(JsonWriter writer, OffsetDateTime value) throws IOException {
    writer.value(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
  }

  public static void writeDoubleList(JsonWriter writer, DoubleList values) throws IOException {
    writer.beginArray();
    for (int i = 0; i < values.size(); i++) writeDouble(writer, values.getDouble(i));
    writer.endArray();
  }

  public static <T> void writeList(JsonWriter writer, List<T> values, Writer<T> element) throws IOException {
    writer.beginArray();
    for (T value : values) element.write(writer, value);
    writer.endArray();
  }

  /** Writes a map; a key with a lone surrogate is written as received ({@link JsonText}). */
  public static <T> void writeMap(JsonWriter writer, Map<String, T> values, Writer<T> value) throws IOException {
    JsonText.writeMap(writer, values, value);
  }


  /** Writes a null even when the writer drops nulls by default, as Moshi's writers do. */
  public static void writeNull(JsonWriter writer) throws IOException {
    boolean serializeNulls = writer.getSerializeNulls();
    writer.setSerializeNulls(true);
    writer.nullValue();
    writer.setSerializeNulls(serializeNulls);
  }

  // ------------------------------------------------------------------ copies

  /**
   * An unmodifiable copy keeping order and null elements ({@code List.copyOf} rejects nulls). A list
   * {@link #readList} made is returned as is (see {@link FrozenCollections}).
   */
  public static <T> List<T> copyOf(List<T> list) {
    return list instanceof FrozenCollections.FrozenList<T> ? list : new FrozenCollections.FrozenList<>(new ArrayList<>(list));
  }

  /** An unmodifiable copy keeping order and null values; a map {@link #readMap} made is returned as is. */
  public static <K, V> Map<K, V> copyOf(Map<K, V> map) {
    return map instanceof FrozenCollections.FrozenMap<K, V> ? map : new FrozenCollections.FrozenMap<>(new LinkedHashMap<>(map));
  }
}
