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
   * nextDouble}/{@code nextLong}, which allocates only for a literal with a fraction.
   */
  @Test
  void readingNumbersAllocatesNoMoreThanMoshi() throws IOException {
    int count = 50_000;
    StringBuilder json = new StringBuilder("{\"output\":{\"confidence\":{\"score\":[");
    for (int i = 0; i < count; i++) json.append(i == 0 ? "" : ",").append(i % 101).append(i % 3 == 0 ? ".5" : "");
    String text = json.append("]}}}").toString();

    long viaJson = allocatedPerElement(text, count, Json::readDouble);
    long moshi = allocatedPerElement(text, count, JsonReader::nextDouble);

    assertThat(viaJson - moshi).isLessThan(4);
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
