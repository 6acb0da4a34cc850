package dev.audiojobs.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.squareup.moshi.JsonAdapter;
import dev.audiojobs.pyannote.DiarizationJob;
import dev.audiojobs.pyannote.Job;
import dev.audiojobs.pyannote.PyannoteJson;
import java.io.IOException;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What a hostile or unusual server can send, through the public adapters {@code PyannoteJson.adapter}. */
final class JsonFaultsTest {
  private static final JsonAdapter<Job> JOB = PyannoteJson.adapter(Job.class);
  private static final String HEAD =
      "{\"jobId\":\"j\",\"status\":\"succeeded\",\"createdAt\":\"2024-01-01T00:00:00Z\","
          + "\"updatedAt\":\"2024-01-01T00:00:00Z\",\"output\":{\"diarization\":[]}";

  private static Job decode(String json) throws IOException {
    return JOB.fromJson(json);
  }

  private static Object unknown(Job job, String name) {
    return ((DiarizationJob) job).extras().unknownProperties().get(name);
  }

  /** Valid numbers Moshi or BigDecimal cannot take: decoded, written back as sent, decoded to an equal job. */
  @ParameterizedTest
  @ValueSource(strings = {
      "1e9999999999", // exponent beyond BigDecimal's int scale
      "-2.5E-9999999999",
      "0e99999999999",
      "1e-2147483649",
      "99999999999999999999999999999999999999999999999999999999999999999e2147483647", // BigDecimal reads, cannot write back
  })
  void numbersBeyondBigDecimalRoundTripAsSent(String number) throws IOException {
    Job job = decode(HEAD + ",\"x\":" + number + "}");

    String encoded = JOB.toJson(job);

    assertThat(encoded).endsWith(",\"x\":" + number + "}");
    assertThat(decode(encoded)).isEqualTo(job);
  }

  /**
   * Moshi's reader refuses an integer whose digits so far are a multiple of 2^64 (its overflow check
   * wraps to 0, which it takes for a leading zero): here at the top of an unknown property, inside an
   * unknown array and object, and next to values that must still decode exactly.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "1" + "00000000000000000000000000000000000000000000000000000000000000000", // 10^65: 10^64 is a multiple of 2^64, one more digit follows
      "-100000000000000000000000000000000000000000000000000000000000000000.5e3",
      "184467440737095516160", // 2^64 then one more digit
      "[1, 184467440737095516161, \"\\u00e9\\ud800\", {\"k\": 1" + "0000000000000000000000000000000000000000000000000000000000000000000000" + "}, null, true]",
  })
  void integersMoshiRefusesDecodeAndRoundTrip(String value) throws IOException {
    Job job = decode(HEAD + ",\"x\":" + value + ",\"y\":\"after\"}");

    assertThat(unknown(job, "y")).isEqualTo("after");
    assertThat(decode(JOB.toJson(job))).isEqualTo(job);
  }

  @Test
  void anIntegerMoshiRefusesKeepsItsValue() throws IOException {
    Job job = decode(HEAD + ",\"x\":1" + "0".repeat(65) + "}");

    assertThat(unknown(job, "x")).isEqualTo(new BigDecimal("1e65").setScale(0));
  }

  /**
   * The client decodes from memory in one pass without the look-ahead that finds such numbers, and
   * decodes again exactly (as {@code HttpCore.decode} does on {@code RetryExactly}) when Moshi refuses one.
   */
  @Test
  void theClientsSinglePassAsksForTheExactPassWhenMoshiRefusesANumber() throws IOException {
    String json = HEAD + ",\"x\":1" + "0".repeat(65) + "}";
    com.squareup.moshi.JsonReader reader = com.squareup.moshi.JsonReader.of(new okio.Buffer().writeUtf8(json));
    JsonLookAhead.allowSinglePass(reader);

    Throwable thrown = catchThrowable(() -> JOB.fromJson(reader));

    assertThat(thrown).isInstanceOf(JsonLookAhead.RetryExactly.class);
    assertThat(unknown(decode(json), "x")).isEqualTo(new BigDecimal("1e65").setScale(0));
  }

  /** What Moshi refuses and is not valid JSON is still refused, at the exact place. */
  @ParameterizedTest
  @ValueSource(strings = {
      "[1, 1" + "00000000000000000000000000000000000000000000000000000000000000000" + ", 'single']",
      "[1" + "00000000000000000000000000000000000000000000000000000000000000000" + ",,2]",
      "{\"k\" /* comment */ : 1" + "00000000000000000000000000000000000000000000000000000000000000000" + "}",
      "NaN",
      "01",
  })
  void malformedValuesStayRefused(String value) {
    Throwable thrown = catchThrowable(() -> decode(HEAD + ",\"x\":" + value + "}"));

    assertThat(thrown).isInstanceOf(IOException.class);
  }

  /** Moshi stops at 256 levels with an unchecked JsonDataException; the adapters throw their IOException with a path. */
  @Test
  void nestingTooDeepIsAJsonPathException() {
    String deep = "[".repeat(300) + "]".repeat(300);

    Throwable thrown = catchThrowable(() -> decode(HEAD + ",\"x\":" + deep + "}"));

    assertThat(thrown).isInstanceOfSatisfying(JsonPathException.class, e -> {
      assertThat(e.reason()).isEqualTo("nested deeper than 255 levels");
      assertThat(e.path()).startsWith("$.x[0][0]");
    });
  }

  /** The exact rule's look-ahead skips the deep value; the strict read then reports it. */
  @Test
  void nestingTooDeepInsideTheUnionsLookAheadIsAJsonPathException() {
    String deep = "{\"a\":".repeat(300) + "1" + "}".repeat(300);

    Throwable thrown = catchThrowable(() -> decode(HEAD.replace("\"output\":{", "\"output\":{\"deep\":" + deep + ",") + "}"));

    assertThat(thrown).isInstanceOfSatisfying(JsonPathException.class, e -> {
      assertThat(e.reason()).isEqualTo("nested deeper than 255 levels");
      assertThat(e.path()).startsWith("$.output.deep.a.a");
    });
  }

  @Test
  void aLoneSurrogateIsWrittenBackEscaped() throws IOException {
    Job job = decode(HEAD + ",\"x\":\"a\\ud800b\",\"y\":{\"\\udc00\":[\"\\ud83d\\ude00\\ud83d\"]}}");

    String encoded = JOB.toJson(job);

    assertThat(encoded).contains("\"x\":\"a\\ud800b\"", "\"y\":{\"\\udc00\":[\"\uD83D\uDE00\\ud83d\"]}");
    assertThat(decode(encoded)).isEqualTo(job);
  }

  @Test
  void aLoneSurrogateInATypedStringIsWrittenBackEscaped() throws IOException {
    Job job = decode(HEAD.replace("\"jobId\":\"j\"", "\"jobId\":\"\\udbff\"") + "}");

    assertThat(JOB.toJson(job)).startsWith("{\"jobId\":\"\\udbff\"");
  }

  /**
   * A malformed body inside {@code output}: the union's look-ahead used to report it at its own
   * position, with indexes Moshi does not count while skipping ({@code [0]} for the third element)
   * and a path ending in a dot; the adapter now reports where the strict read fails.
   */
  @Test
  void aMalformedValueInsideTheUnionIsReportedAtItsIndex() {
    String body = HEAD.replace("\"diarization\":[]", "\"x\":[1,2,[3,tru]]") + "}";

    Throwable thrown = catchThrowable(() -> decode(body));

    assertThat(thrown).isInstanceOfSatisfying(JsonPathException.class, e -> {
      assertThat(e.path()).isEqualTo("$.output.x[2][1]");
      assertThat(e.reason()).isEqualTo("malformed JSON");
    });
  }

  @Test
  void aTruncatedBodyInsideTheUnionIsReportedWhereItEnds() {
    Throwable thrown = catchThrowable(() -> decode(HEAD.replace("\"diarization\":[]}", "\"diarization\":[{\"speaker\":\"S\"")));

    assertThat(thrown).isInstanceOfSatisfying(JsonPathException.class, e -> {
      assertThat(e.path()).isEqualTo("$.output.diarization[0].speaker");
      assertThat(e.reason()).isEqualTo("unexpected end of input");
      assertThat(e).hasCauseInstanceOf(java.io.EOFException.class);
    });
  }
}
