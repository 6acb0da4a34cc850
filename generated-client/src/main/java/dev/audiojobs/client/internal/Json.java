package dev.audiojobs.client.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.audiojobs.client.DoubleList;
import dev.audiojobs.client.Extras;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reading and writing helpers for generated adapters; for generated code, not API.
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

  public static String readString(JsonReader reader) throws IOException {
    expect(reader, JsonReader.Token.STRING, "a string");
    return reader.nextString();
  }

  /**
   * Reads a number as a double. The path is built only when the value fails: building it for every
   * number would cost more than reading the number (an hour-long job has hundreds of thousands).
   *
   * <p>Takes the literal and converts it itself ({@link #parseDouble}): Moshi reads a literal with a
   * fraction into a string anyway and converts it with {@code Double.parseDouble}, which on Java 17 is
   * several times slower for the short decimals vendors send ({@code 15.213}).
   */
  public static double readDouble(JsonReader reader) throws IOException {
    expect(reader, JsonReader.Token.NUMBER, "a number");
    double value = parseDouble(reader.nextString()); // the literal as written
    if (Double.isInfinite(value)) {
      // Valid JSON such as 1e400 that no double holds: say what it is.
      throw new JsonPathException(pathOfConsumed(reader), "a number outside the range of a double");
    }
    return value;
  }

  /** Powers of ten a double holds exactly. */
  private static final double[] EXACT_POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    1e19, 1e20, 1e21, 1e22,
  };

  /**
   * {@code Double.parseDouble(literal)} for a JSON number literal, bit for bit. A literal without an
   * exponent and with at most 15 digits is its digits as an integer (exact in a double, below 2^53)
   * divided by a power of ten at most 10^22 (exact too): one IEEE division, so one correct rounding,
   * which is what {@code parseDouble} returns (Clinger's fast path). Anything else goes to it.
   */
  static double parseDouble(String literal) {
    int length = literal.length();
    int i = 0;
    boolean negative = literal.charAt(0) == '-';
    if (negative) i++;
    long digits = 0;
    int count = 0;
    int fraction = -1; // digits after the point, once one is seen
    for (; i < length; i++) {
      char c = literal.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++count > 15) return Double.parseDouble(literal);
        digits = digits * 10 + (c - '0');
        if (fraction >= 0) fraction++;
      } else if (c == '.' && fraction < 0) {
        fraction = 0;
      } else {
        return Double.parseDouble(literal); // an exponent
      }
    }
    double value = fraction > 0 ? digits / EXACT_POWERS_OF_TEN[fraction] : digits;
    return negative ? -value : value;
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
    return new Frozen<>(list);
  }

  /** Reads an object as a map in arrival order; a null value is an error at its key. */
  public static <T> Map<String, T> readMap(JsonReader reader, Reader<T> value) throws IOException {
    beginObject(reader);
    Map<String, T> map = new LinkedHashMap<>();
    while (reader.hasNext()) {
      String name = reader.nextName();
      if (reader.peek() == JsonReader.Token.NULL) throw unexpectedNull(reader);
      map.put(name, value.read(reader));
    }
    reader.endObject();
    return new FrozenMap<>(map);
  }

  /**
   * Reads any JSON value exactly: objects as {@code LinkedHashMap}, arrays as {@code ArrayList}, numbers
   * as {@link BigDecimal} (so {@code 12345678901234567890} and {@code 1.50} survive re-encoding) or, when
   * no {@code BigDecimal} holds them ({@code 1e9999999999}), as a {@code Number} whose {@code toString()}
   * is the literal as sent; strings, booleans and null.
   *
   * @throws JsonPathException for a value nested deeper than Moshi's reader goes (255 levels)
   */
  public static @Nullable Object readValue(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT -> {
        begin(reader, true);
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        while (reader.hasNext()) map.put(reader.nextName(), readValue(reader));
        reader.endObject();
        return map;
      }
      case BEGIN_ARRAY -> {
        begin(reader, false);
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
        return number(reader.nextString());
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
   * Moshi refuses to nest deeper than 255 levels with an unchecked exception; report it as a decode
   * error. Every object and array the adapters open goes through here, so that the public adapters
   * throw an {@code IOException} for it, as for any other input that does not decode.
   */
  private static void begin(JsonReader reader, boolean object) throws IOException {
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

  /** The number a JSON literal denotes: a {@link BigDecimal}, or a {@link LiteralNumber} beyond its exponent range. */
  static Number number(String literal) {
    BigDecimal value;
    try {
      value = new BigDecimal(literal);
    } catch (NumberFormatException e) {
      return new LiteralNumber(literal);
    }
    // BigDecimal writes d.ddd…E±n with n = precision - scale - 1, which it cannot read back past the
    // int range (9…9e2147483647 with 65 nines): keep such a literal as sent too.
    long exponent = (long) value.precision() - value.scale() - 1;
    return exponent == (int) exponent ? value : new LiteralNumber(literal);
  }

  /**
   * A valid JSON number no {@link BigDecimal} holds, its exponent beyond the {@code int} range
   * ({@code 1e9999999999}): kept as the literal, which it writes back unchanged. Equal to another such
   * number with the same literal; {@link #doubleValue()} is infinite or zero.
   */
  static final class LiteralNumber extends Number {
    private static final long serialVersionUID = 1L;

    private final String literal;

    LiteralNumber(String literal) {
      this.literal = literal;
    }

    @Override
    public double doubleValue() {
      return Double.parseDouble(literal);
    }

    @Override
    public float floatValue() {
      return (float) doubleValue();
    }

    @Override
    public long longValue() {
      return (long) doubleValue();
    }

    @Override
    public int intValue() {
      return (int) doubleValue();
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof LiteralNumber other && literal.equals(other.literal);
    }

    @Override
    public int hashCode() {
      return literal.hashCode();
    }

    /** The literal as it was sent; {@code JsonWriter.value(Number)} writes this. */
    @Override
    public String toString() {
      return literal;
    }
  }

  /** The error for a null where the schema requires a value. */
  public static JsonPathException unexpectedNull(JsonReader reader) {
    return new JsonPathException(reader.getPath(), "null where a value is required");
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

  /** Reads an unknown property (its name and value) into {@code extras}, creating it on first use. */
  public static ExtrasBuilder readUnknown(JsonReader reader, @Nullable ExtrasBuilder extras) throws IOException {
    ExtrasBuilder builder = extras == null ? new ExtrasBuilder() : extras;
    String name = reader.nextName();
    if (builder.objectPath == null) {
      String path = reader.getPath();
      builder.objectPath = path.substring(0, path.length() - name.length() - 1);
    }
    builder.unknown.put(name, readUnknownValue(reader));
    return builder;
  }

  /**
   * Reads the value of an unknown property, including the valid numbers Moshi's strict reader refuses
   * ({@link StrictJsonText}). A strict look-ahead over the value tells whether Moshi accepts it; only
   * when it does not is the value's text taken (on a lenient look-ahead), parsed strictly here, and
   * skipped by the reader. Anything else that Moshi refuses is malformed: the strict read then fails at
   * the exact place.
   *
   * <p>The look-ahead about doubles the cost of an unknown value. The client, which decodes from memory
   * ({@link #singlePass}), reads without it and asks to be decoded again ({@link RetryExactly}) when
   * Moshi refuses the value; its second pass looks ahead. Direct callers of the adapters always do.
   */
  private static @Nullable Object readUnknownValue(JsonReader reader) throws IOException {
    if (singlePass(reader)) {
      try {
        return readValue(reader);
      } catch (com.squareup.moshi.JsonEncodingException refused) {
        throw new RetryExactly(refused); // maybe a number Moshi refuses; the exact pass looks ahead
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

  /** Records that the optional property {@code name} was sent as explicit null. */
  public static ExtrasBuilder explicitNull(@Nullable ExtrasBuilder extras, String name) {
    ExtrasBuilder builder = extras == null ? new ExtrasBuilder() : extras;
    builder.nulls.add(name);
    return builder;
  }

  public static Extras extras(@Nullable ExtrasBuilder extras) {
    return extras == null ? Extras.empty() : Extras.of(extras.unknown, extras.nulls);
  }

  /** What an adapter collects beyond the typed properties; created only for objects that need it. */
  public static final class ExtrasBuilder {
    final Map<String, @Nullable Object> unknown = new LinkedHashMap<>();
    final Set<String> nulls = new LinkedHashSet<>();
    /** The object's JSON path, taken when the first unknown property is read. */
    @Nullable String objectPath;

    ExtrasBuilder() {}
  }

  /** The keys of the object held by {@code property} of the object {@code reader} is at, without consuming it. */
  public static Set<String> keysOf(JsonReader reader, String property) throws IOException {
    Set<String> keys = new HashSet<>();
    scanKeys(reader, property, key -> {
      keys.add(key);
      return false;
    });
    return keys;
  }

  /**
   * The first key of the object held by {@code property} that is one of {@code keys}, without
   * consuming anything; null when there is none (no such property, not an object, no such key).
   * Values before it are skipped, so when the key comes early the look-ahead is short.
   */
  public static @Nullable String firstKeyOf(JsonReader reader, String property, Set<String> keys) throws IOException {
    String[] first = new String[1];
    scanKeys(reader, property, key -> {
      if (!keys.contains(key)) return false;
      first[0] = key;
      return true;
    });
    return first[0];
  }

  /**
   * Visits the keys of the object held by {@code property}, on a look-ahead, until {@code stop} says so.
   * The look-ahead is lenient and stops quietly where the input fails: it only chooses an adapter, and
   * that adapter reads the same input strictly and reports any failure with its exact path (a
   * look-ahead's own path is not exact: Moshi does not count elements it skips).
   */
  private static void scanKeys(JsonReader reader, String property, java.util.function.Predicate<String> stop) {
    JsonReader peek = reader.peekJson();
    peek.setLenient(true);
    try {
      peek.beginObject();
      while (peek.hasNext()) {
        if (peek.nextName().equals(property) && peek.peek() == JsonReader.Token.BEGIN_OBJECT) {
          peek.beginObject();
          while (peek.hasNext()) {
            if (stop.test(peek.nextName())) return;
            peek.skipValue();
          }
          return;
        }
        peek.skipValue();
      }
    } catch (IOException | RuntimeException e) {
      // the adapter chosen on what was seen fails at the same place, with the exact path
    }
  }

  /** Marks {@code reader} as one its caller can decode again from the start; see {@link RetryExactly}. */
  public static void allowSinglePass(JsonReader reader) {
    reader.setTag(SinglePass.class, SinglePass.INSTANCE);
  }

  /** Whether a union may decode from {@code reader} in one pass on a guess. */
  public static boolean singlePass(JsonReader reader) {
    return reader.tag(SinglePass.class) != null;
  }

  /** The tag {@link #allowSinglePass} sets. */
  public static final class SinglePass {
    static final SinglePass INSTANCE = new SinglePass();

    private SinglePass() {}
  }

  /**
   * Thrown by a union adapter that decoded in one pass on a guess and found the guess wrong (or could
   * not decode on it): the caller must decode again from the start, without {@link #allowSinglePass},
   * which applies the spec's rule exactly. Never reaches users.
   */
  public static final class RetryExactly extends IOException {
    private static final long serialVersionUID = 1L;

    public RetryExactly(@Nullable Throwable cause) {
      super("the single-pass guess did not hold; decode again exactly", cause);
    }
  }

  /**
   * The string value of {@code property} of the object {@code reader} is at, without consuming it; null
   * if absent, or when the input fails before it (leniently and quietly, as {@link #scanKeys} does).
   */
  public static @Nullable String stringProperty(JsonReader reader, String property) throws IOException {
    JsonReader peek = reader.peekJson();
    peek.setLenient(true);
    try {
      peek.beginObject();
      while (peek.hasNext()) {
        if (peek.nextName().equals(property) && peek.peek() == JsonReader.Token.STRING) {
          return peek.nextString();
        }
        peek.skipValue();
      }
    } catch (IOException | RuntimeException e) {
      // the adapter chosen without it fails at the same place, with the exact path
    }
    return null;
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

  /**
   * Writes a string. One that holds a lone UTF-16 surrogate (a JSON string may: {@code "\\ud800"}) is
   * written with that surrogate escaped, as received; Moshi's writer would put a {@code ?} in its place.
   */
  public static void writeString(JsonWriter writer, String value) throws IOException {
    if (!hasLoneSurrogate(value)) {
      writer.value(value);
      return;
    }
    try (okio.BufferedSink sink = writer.valueSink()) {
      sink.writeUtf8(quoted(value));
    }
  }

  private static boolean hasLoneSurrogate(String value) {
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
  private static String quoted(String value) {
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

  public static <T> void writeMap(JsonWriter writer, Map<String, T> values, Writer<T> value) throws IOException {
    writer.beginObject();
    for (Map.Entry<String, T> entry : values.entrySet()) {
      writer.name(entry.getKey());
      value.write(writer, entry.getValue());
    }
    writer.endObject();
  }

  /** Writes a null even when the writer drops nulls by default, as Moshi's writers do. */
  public static void writeNull(JsonWriter writer) throws IOException {
    boolean serializeNulls = writer.getSerializeNulls();
    writer.setSerializeNulls(true);
    writer.nullValue();
    writer.setSerializeNulls(serializeNulls);
  }

  /** Writes any value {@link #readValue} produces, and the boxed types a caller may have put in its place. */
  public static void writeValue(JsonWriter writer, @Nullable Object value) throws IOException {
    if (value == null) {
      writeNull(writer);
    } else if (value instanceof Map<?, ?> map && hasLoneSurrogateKey(map)) {
      // JsonWriter.name() would put a ? in place of the surrogate; write this object as text.
      try (okio.BufferedSink sink = writer.valueSink()) {
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

  private static boolean hasLoneSurrogateKey(Map<?, ?> map) {
    for (Object key : map.keySet()) {
      if (hasLoneSurrogate(String.valueOf(key))) return true;
    }
    return false;
  }

  /** A value {@link #readValue} produces as JSON text, for the rare object {@link #writeValue} cannot name. */
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

  /** Writes the unknown properties and nothing else; explicit nulls are written by each property. */
  public static void writeExtras(JsonWriter writer, Extras extras) throws IOException {
    for (Map.Entry<String, @Nullable Object> entry : extras.unknownProperties().entrySet()) {
      writer.name(entry.getKey());
      writeValue(writer, entry.getValue());
    }
  }

  // ------------------------------------------------------------------ copies

  /**
   * An unmodifiable copy keeping order and null elements ({@code List.copyOf} rejects nulls). A list
   * {@link #readList} made is returned as is: nobody else holds its backing list, so a record's
   * constructor need not copy thousands of decoded segments a second time.
   */
  public static <T> List<T> copyOf(List<T> list) {
    return list instanceof Frozen<T> ? list : new Frozen<>(new ArrayList<>(list));
  }

  /** An unmodifiable list over a backing list that no one else references. */
  private static final class Frozen<T> extends java.util.AbstractList<T> implements java.util.RandomAccess {
    private final List<T> elements;

    Frozen(List<T> elements) {
      this.elements = elements;
    }

    @Override
    public T get(int index) {
      return elements.get(index);
    }

    @Override
    public int size() {
      return elements.size();
    }
  }

  /** An unmodifiable copy keeping order and null values; a map {@link #readMap} made is returned as is. */
  public static <K, V> Map<K, V> copyOf(Map<K, V> map) {
    return map instanceof FrozenMap<K, V> ? map : new FrozenMap<>(new LinkedHashMap<>(map));
  }

  /** An unmodifiable map over a backing map that no one else references. */
  private static final class FrozenMap<K, V> extends java.util.AbstractMap<K, V> {
    private final Map<K, V> view;

    FrozenMap(Map<K, V> entries) {
      this.view = Collections.unmodifiableMap(entries);
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
      return view.entrySet();
    }

    @Override
    public @Nullable V get(@Nullable Object key) {
      return view.get(key);
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
      return view.containsKey(key);
    }

    @Override
    public int size() {
      return view.size();
    }
  }
}
