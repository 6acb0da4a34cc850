package dev.audiojobs.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;

final class JsonTest {
  private static JsonReader reader(String json) {
    return JsonReader.of(new Buffer().writeUtf8(json));
  }

  // ------------------------------------------------------------ no path unless a value fails

  /**
   * Reading a number must not build the reader's path: the path is a new string per value (about 100
   * bytes), which more than doubled what decoding an hour's confidence scores allocates. Compared per
   * element, with the thread's allocation counter, with the same loop on Moshi's own {@code
   * nextDouble}: for decimals ({@code readDouble} takes the literal, as Moshi does for a fraction) and
   * for the integers of a score list ({@code readDoubleList}, which reads them without a string).
   */
  @Test
  void readingNumbersAllocatesNoMoreThanMoshi() throws IOException {
    int count = 50_000;
    StringBuilder decimals = new StringBuilder("{\"output\":{\"segments\":{\"start\":[");
    StringBuilder integers = new StringBuilder("{\"output\":{\"confidence\":{\"score\":[");
    for (int i = 0; i < count; i++) {
      decimals.append(i == 0 ? "" : ",").append(i % 3600).append('.').append(i % 1000);
      integers.append(i == 0 ? "" : ",").append(i % 101);
    }
    String decimalText = decimals.append("]}}}").toString();
    String integerText = integers.append("]}}}").toString();

    long viaJson = allocatedPerElement(decimalText, count, Json::readDouble);
    long moshi = allocatedPerElement(decimalText, count, JsonReader::nextDouble);
    assertThat(viaJson - moshi).isLessThan(4);

    assertThat(allocatedForScores(integerText, count) - allocatedPerElement(integerText, count, JsonReader::nextDouble))
        // The list's own storage: arrays grown by doubling (up to 32 bytes an element in all) and the
        // trimmed copy (8); a path per element would add about 150.
        .isLessThan(4 + 40);
  }

  /** Bytes allocated per element reading the array at {@code $.output.confidence.score} with {@code readDoubleList}. */
  private static long allocatedForScores(String text, int count) throws IOException {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long best = Long.MAX_VALUE;
    for (int round = 0; round < 4; round++) {
      Buffer source = new Buffer().writeUtf8(text);
      long before = threads.getCurrentThreadAllocatedBytes();
      JsonReader reader = JsonReader.of(source);
      reader.beginObject();
      reader.nextName();
      reader.beginObject();
      reader.nextName();
      reader.beginObject();
      reader.nextName();
      assertThat(Json.readDoubleList(reader).size()).isEqualTo(count);
      best = Math.min(best, (threads.getCurrentThreadAllocatedBytes() - before) / count);
    }
    return best;
  }

  /** The fast path of {@code parseDouble} gives {@code Double.parseDouble}'s result bit for bit. */
  @Test
  void parsesDecimalsExactlyAsTheJdk() {
    java.util.Random random = new java.util.Random(20240220L);
    for (int i = 0; i < 200_000; i++) {
      int intDigits = 1 + random.nextInt(9);
      int fractionDigits = random.nextInt(12);
      StringBuilder literal = new StringBuilder(random.nextInt(4) == 0 ? "-" : "");
      if (random.nextInt(8) == 0) {
        literal.append('0'); // 0.xxx
      } else {
        literal.append(1 + random.nextInt(9));
        for (int d = 1; d < intDigits; d++) literal.append(random.nextInt(10));
      }
      if (fractionDigits > 0) {
        literal.append('.');
        for (int d = 0; d < fractionDigits; d++) literal.append(random.nextInt(10));
      }
      String text = literal.toString();
      assertThat(Double.doubleToRawLongBits(JsonNumbers.parseDouble(text)))
          .as(text)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
    for (String text : List.of("0", "-0", "-0.0", "0.1", "0.3", "9007199254740993", "123456789012345.6", "1.5e3",
        "1e400", "-1e-400", "4.9e-324", "0.000000000000000000000000000001", "999999999999999", "1234567890.123456789")) {
      assertThat(Double.doubleToRawLongBits(JsonNumbers.parseDouble(text))).as(text)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
  }

  @Test
  void readingIntegersAllocatesNoMoreThanMoshi() throws IOException {
    int count = 50_000;
    StringBuilder json = new StringBuilder("{\"output\":{\"counts\":{\"n\":[");
    for (int i = 0; i < count; i++) json.append(i == 0 ? "" : ",").append(i);
    String text = json.append("]}}}").toString();

    assertThat(allocatedPerElement(text, count, Json::readInt) - allocatedPerElement(text, count, JsonReader::nextInt))
        .isLessThan(4);
    assertThat(allocatedPerElement(text, count, Json::readLong) - allocatedPerElement(text, count, JsonReader::nextLong))
        .isLessThan(4);
  }

  private interface NumberRead {
    double read(JsonReader reader) throws IOException;
  }

  /** Bytes allocated per element reading the array at {@code $.output.*.*} with {@code read}, after a warm-up. */
  private static long allocatedPerElement(String text, int count, NumberRead read) throws IOException {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long best = Long.MAX_VALUE;
    for (int round = 0; round < 4; round++) { // the first rounds load classes and compile
      Buffer source = new Buffer().writeUtf8(text);
      long before = threads.getCurrentThreadAllocatedBytes();
      JsonReader reader = JsonReader.of(source);
      reader.beginObject();
      reader.nextName();
      reader.beginObject();
      reader.nextName();
      reader.beginObject();
      reader.nextName();
      reader.beginArray();
      double sum = 0;
      int elements = 0;
      while (reader.hasNext()) {
        sum += read.read(reader);
        elements++;
      }
      reader.endArray();
      long perElement = (threads.getCurrentThreadAllocatedBytes() - before) / count;
      assertThat(elements).isEqualTo(count);
      assertThat(sum).isPositive();
      best = Math.min(best, perElement);
    }
    return best;
  }

  // ------------------------------------------------------------ the failures still name the value

  @Test
  void aDoubleOutOfRangeNamesItsIndex() throws IOException {
    JsonReader reader = reader("{\"score\":[1, 2.5, 1e400]}");
    reader.beginObject();
    reader.nextName();

    assertThatThrownBy(() -> Json.readDoubleList(reader))
        .isInstanceOfSatisfying(JsonPathException.class, e -> {
          assertThat(e.path()).isEqualTo("$.score[2]");
          assertThat(e.reason()).isEqualTo("a number outside the range of a double");
        });
  }

  @Test
  void aDoubleOutOfRangeNamesItsProperty() throws IOException {
    JsonReader reader = reader("{\"start\":-1e999}");
    reader.beginObject();
    reader.nextName();

    assertThatThrownBy(() -> Json.readDouble(reader))
        .isInstanceOfSatisfying(JsonPathException.class, e -> assertThat(e.path()).isEqualTo("$.start"));
  }

  @Test
  void anIntOutOfRangeNamesItsIndex() throws IOException {
    JsonReader reader = reader("[7, 2147483648]");
    reader.beginArray();

    assertThat(Json.readInt(reader)).isEqualTo(7);
    assertThatThrownBy(() -> Json.readInt(reader))
        .isInstanceOfSatisfying(JsonPathException.class, e -> {
          assertThat(e.path()).isEqualTo("$[1]");
          assertThat(e.reason()).isEqualTo("expected an integer in the int range");
        });
  }

  @Test
  void anIntegerWithAFractionNamesItsIndex() throws IOException {
    JsonReader reader = reader("{\"counts\":[1, 2.0, 2.5]}");
    reader.beginObject();
    reader.nextName();
    reader.beginArray();

    assertThat(Json.readLong(reader)).isEqualTo(1);
    assertThat(Json.readLong(reader)).isEqualTo(2);
    assertThatThrownBy(() -> Json.readLong(reader))
        .isInstanceOfSatisfying(JsonPathException.class, e -> {
          assertThat(e.path()).isEqualTo("$.counts[2]");
          assertThat(e.reason()).isEqualTo("expected an integer in the long range");
        });
  }

  @Test
  void anIntOutOfRangeNamesItsProperty() throws IOException {
    JsonReader reader = reader("{\"n\":-2147483649}");
    reader.beginObject();
    reader.nextName();

    assertThatThrownBy(() -> Json.readInt(reader))
        .isInstanceOfSatisfying(JsonPathException.class, e -> assertThat(e.path()).isEqualTo("$.n"));
  }

  @Test
  void aBadDateTimeNamesItsIndexAndQuotesIt() throws IOException {
    JsonReader reader = reader("{\"at\":[\"2024-01-01T00:00:00Z\",\"2024-13-01T00:00:00Z\"]}");
    reader.beginObject();
    reader.nextName();

    assertThatThrownBy(() -> Json.readList(reader, Json::readDateTime))
        .isInstanceOfSatisfying(JsonPathException.class, e -> {
          assertThat(e.path()).isEqualTo("$.at[1]");
          assertThat(e.reason()).isEqualTo("expected an RFC 3339 date-time, found \"2024-13-01T00:00:00Z\"");
        });
  }

  @Test
  void aBadDateTimePropertyNamesIt() throws IOException {
    JsonReader reader = reader("{\"createdAt\":\"yesterday\"}");
    reader.beginObject();
    reader.nextName();

    assertThatThrownBy(() -> Json.readDateTime(reader))
        .isInstanceOfSatisfying(JsonPathException.class, e -> assertThat(e.path()).isEqualTo("$.createdAt"));
  }

  @Test
  void readsWhatItReadBefore() throws IOException {
    JsonReader reader = reader("[1.5, 3, 4.0, \"2024-01-01T05:30:00.1234567891+05:30\"]");
    reader.beginArray();

    assertThat(List.of(Json.readDouble(reader), (double) Json.readInt(reader), (double) Json.readLong(reader)))
        .containsExactly(1.5, 3.0, 4.0);
    assertThat(Json.readDateTime(reader)).hasToString("2024-01-01T05:30:00.123456789+05:30");
  }
}
