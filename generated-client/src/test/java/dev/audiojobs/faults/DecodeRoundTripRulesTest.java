package dev.audiojobs.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.squareup.moshi.JsonAdapter;
import dev.audiojobs.client.internal.JsonPathException;
import dev.audiojobs.lyrcs.LyrcsJson;
import dev.audiojobs.pyannote.DiarizationJob;
import dev.audiojobs.pyannote.Job;
import dev.audiojobs.pyannote.PyannoteJson;
import java.io.IOException;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules of the public {@code <Vendor>Json} adapters for input at the edges of JSON: a name sent
 * twice is refused with its path; a lone UTF-16 surrogate in a property name survives decode → encode →
 * decode; every failure, whatever Moshi's reader throws, is the documented {@link JsonPathException}.
 */
final class DecodeRoundTripRulesTest {
  private static final JsonAdapter<Job> JOB = PyannoteJson.adapter(Job.class);
  private static final String PENDING =
      "\"jobId\":\"j\",\"status\":\"pending\",\"createdAt\":\"2024-01-01T00:00:00Z\",\"updatedAt\":\"2024-01-01T00:00:00Z\"";
  private static final String SUCCEEDED =
      "\"jobId\":\"j\",\"status\":\"succeeded\",\"createdAt\":\"2024-01-01T00:00:00Z\",\"updatedAt\":\"2024-01-01T00:00:00Z\"";

  private static JsonPathException refusal(JsonAdapter<?> adapter, String json) {
    Throwable thrown = catchThrowable(() -> adapter.fromJson(new Buffer().writeUtf8(json)));
    assertThat(thrown).as("what decoding %s threw", json).isInstanceOf(JsonPathException.class);
    return (JsonPathException) thrown;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a known property | {\"jobId\":\"a\",\"jobId\":\"b\",\"status\":\"pending\"} | $.jobId",
      "a known property, another value | {\"jobId\":\"j\",\"status\":\"pending\",\"status\":\"succeeded\"} | $.status",
      "an unknown property | {" + PENDING + ",\"x\":1,\"x\":2} | $.x",
      "inside an unknown value | {" + PENDING + ",\"x\":{\"k\":1,\"k\":1}} | $.x.k",
      "in a nested record | {" + SUCCEEDED + ",\"output\":{\"diarization\":[{\"speaker\":\"A\",\"start\":1,\"start\":2,\"end\":3}]}} | $.output.diarization[0].start",
      "a union's selecting key | {" + SUCCEEDED + ",\"output\":{\"diarization\":[],\"diarization\":[]}} | $.output.diarization",
  })
  void aNameSentTwiceIsRefusedAtTheSecond(String what, String json, String path) {
    JsonPathException e = refusal(JOB, json);

    assertThat(e.path()).isEqualTo(path);
    assertThat(e.reason()).isEqualTo("property sent twice");
  }

  /** lyrcs.ai's union chooses by the first {@code status} on a look-ahead; the record would have kept the last. */
  @Test
  void aDiscriminatorSentTwiceIsRefused() {
    String json = "{\"job_id\":\"j\",\"status\":\"processing\",\"status\":\"complete\",\"created_at\":\"2024-01-01T00:00:00Z\"}";

    JsonPathException e = refusal(LyrcsJson.adapter(dev.audiojobs.lyrcs.Job.class), json);

    assertThat(e.path()).isEqualTo("$.status");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "top level | {" + PENDING + ",\"\\ud800x\":1,\"y\":2} | \"\\ud800x\":1",
      "a low surrogate first | {" + PENDING + ",\"y\":2,\"\\udc00\":[\"\\ud800\"]} | \"\\udc00\":[\"\\ud800\"]",
      "in a nested record | {" + SUCCEEDED + ",\"output\":{\"diarization\":[{\"speaker\":\"A\",\"start\":1,\"end\":2,\"\\udbff\":true}]}} | \"\\udbff\":true",
      "a key of a typed map | {" + SUCCEEDED + ",\"output\":{\"diarization\":[{\"speaker\":\"A\",\"start\":1,\"end\":2,\"confidence\":{\"B\":0.25,\"\\ud800\":0.5}}]}} | {\"B\":0.25,\"\\ud800\":0.5}",
  })
  void aLoneSurrogateInAPropertyNameIsWrittenBackAsReceived(String what, String json, String written) throws IOException {
    Job job = JOB.fromJson(json);

    String encoded = JOB.toJson(job);

    assertThat(encoded).contains(written).doesNotContain("?");
    assertThat(JOB.fromJson(encoded)).isEqualTo(job);
  }

  @Test
  void aLoneSurrogateNameKeepsTheOtherPropertiesInOrder() throws IOException {
    Job job = JOB.fromJson("{" + PENDING + ",\"a\":1,\"\\ud800\":2,\"b\":{\"\\udfff\":3},\"\\ud801\":4}");

    assertThat(JOB.toJson(job)).endsWith(",\"a\":1,\"\\ud800\":2,\"b\":{\"\\udfff\":3},\"\\ud801\":4}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "malformed | {\"jobId\":\"j\" \"status\":1} | $.jobId | malformed JSON",
      "truncated | {\"jobId\":\"j\",\"status\": | $.status | unexpected end of input",
      "empty | '' | $ | unexpected end of input",
      "unquoted name | {jobId:1} | $ | malformed JSON",
  })
  void malformedInputIsAJsonPathExceptionWithoutMoshisAdvice(String what, String json, String path, String reason) {
    JsonPathException e = refusal(JOB, json);

    assertThat(e.path()).isEqualTo(path);
    assertThat(e.reason()).startsWith(reason).doesNotContain("setLenient");
  }

  /** The union's look-ahead over {@code output} is where Moshi's reader first meets the depth. */
  @Test
  void nestingTooDeepInTheLookAheadIsAJsonPathException() {
    String deep = "[".repeat(300) + "]".repeat(300);

    JsonPathException e = refusal(JOB, "{" + SUCCEEDED + ",\"output\":{\"x\":" + deep + ",\"diarization\":[]}}");

    assertThat(e.reason()).isEqualTo("nested deeper than 255 levels");
    assertThat(e.path()).startsWith("$.output.x[0][0]");
  }

  /** {@code JsonAdapter.fromJson(String)} checks the end itself with an unchecked exception; the adapter checks first. */
  @Test
  void contentAfterTheValueIsAJsonPathException() {
    Throwable thrown = catchThrowable(() -> JOB.fromJson("{" + PENDING + "} {}"));

    assertThat(thrown).isInstanceOfSatisfying(JsonPathException.class,
        e -> assertThat(e.reason()).isEqualTo("content after the JSON value"));
  }

  @Test
  void aValueThatDoesNotDecodeKeepsItsPath() {
    JsonPathException e = refusal(JOB, "{" + SUCCEEDED + ",\"output\":{\"diarization\":[{\"speaker\":\"A\",\"start\":\"1\",\"end\":2}]}}");

    assertThat(e.path()).isEqualTo("$.output.diarization[0].start");
  }

  @Test
  void aDecodedJobIsStillTyped() throws IOException {
    Job job = JOB.fromJson("{" + SUCCEEDED + ",\"output\":{\"diarization\":[{\"speaker\":\"A\",\"start\":1,\"end\":2}]}}");

    assertThat(job).isInstanceOf(DiarizationJob.class);
  }
}
