package dev.audiojobs.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * JSON comparison as the conformance suite defines it: key order does not matter, numbers compare by
 * value, strings that are both RFC 3339 date-times compare by instant; everything else exactly.
 */
public final class JsonTrees {
  private JsonTrees() {}

  /** Asserts that {@code actual} and {@code expected} are the same JSON under those rules. */
  public static void assertSameJson(String actual, String expected) {
    assertThat(normalize(parse(actual))).as("re-encoded JSON\n%s\nexpected\n%s", actual, expected)
        .isEqualTo(normalize(parse(expected)));
  }

  /** Reads a test resource next to {@code anchor} as UTF-8 text. */
  public static String resource(Class<?> anchor, String name) {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) throw new IllegalArgumentException("no resource " + name + " next to " + anchor.getName());
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object parse(String json) {
    try {
      return JsonReader.of(new Buffer().writeUtf8(json)).readJsonValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object normalize(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, normalize(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(normalize(v)));
      return out;
    }
    if (value instanceof String text && text.length() >= 20 && text.charAt(4) == '-') {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException notADateTime) {
        return text;
      }
    }
    return value; // numbers are Doubles from Moshi's readJsonValue, so 15 equals 15.0
  }
}
