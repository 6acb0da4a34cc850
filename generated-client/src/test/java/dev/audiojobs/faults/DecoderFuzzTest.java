package dev.audiojobs.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.squareup.moshi.JsonAdapter;
import dev.audiojobs.daily.BatchJob;
import dev.audiojobs.daily.DailyJson;
import dev.audiojobs.lyrcs.LyrcsJson;
import dev.audiojobs.pyannote.GetJobsResponse;
import dev.audiojobs.pyannote.Job;
import dev.audiojobs.pyannote.PyannoteJson;
import dev.audiojobs.client.internal.JsonPathException;
import java.io.IOException;
import okio.Buffer;

/**
 * Fuzzes every vendor's top-level decoders through the public {@code <Vendor>Json.adapter(…)}, as a
 * caller who decodes stored JSON (a webhook, a cache) would. Under Surefire it runs as a regression
 * test over the committed seeds in {@code src/test/resources/dev/audiojobs/faults/DecoderFuzzTestInputs/<method>/};
 * {@code JAZZER_FUZZ=1 ./mvnw -pl generated-client test -Dtest=DecoderFuzzTest} fuzzes for real.
 *
 * <p>Each input must either decode, or fail with the one exception the adapters document: a {@link
 * JsonPathException} with a {@code $}-rooted path and a reason in the project's words (no advice of
 * Moshi's to call {@code setLenient}). Nothing else may escape: no Moshi {@code JsonEncodingException},
 * {@code EOFException} or {@code JsonDataException} ("Nesting too deep", seeds {@code deep-300-*}), no
 * Error, no NullPointerException. A decoded value must survive the round trip exactly: decode → encode →
 * decode gives an equal value, for lone UTF-16 surrogates in values and names too (seeds {@code
 * lone-surrogate*}); an object that names a key twice does not decode (seeds {@code duplicate-*}).
 */
final class DecoderFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void pyannoteJob(byte[] input) throws IOException {
    decodesOrFailsAsDocumented(PyannoteJson.adapter(Job.class), input);
  }

  @FuzzTest(maxDuration = "30s")
  void pyannoteJobList(byte[] input) throws IOException {
    decodesOrFailsAsDocumented(PyannoteJson.adapter(GetJobsResponse.class), input);
  }

  @FuzzTest(maxDuration = "30s")
  void dailyBatchJob(byte[] input) throws IOException {
    decodesOrFailsAsDocumented(DailyJson.adapter(BatchJob.class), input);
  }

  @FuzzTest(maxDuration = "30s")
  void lyrcsJob(byte[] input) throws IOException {
    decodesOrFailsAsDocumented(LyrcsJson.adapter(dev.audiojobs.lyrcs.Job.class), input);
  }

  static <T> void decodesOrFailsAsDocumented(JsonAdapter<T> adapter, byte[] input) throws IOException {
    T value;
    try {
      value = adapter.fromJson(new Buffer().write(input));
    } catch (JsonPathException documented) {
      assertThat(documented.path()).as("path of %s", documented).startsWith("$");
      assertThat(documented.reason()).as("reason").isNotEmpty().doesNotContain("setLenient");
      return;
    } catch (IOException | RuntimeException e) {
      throw new AssertionError("decoding threw " + e + ", not the documented JsonPathException", e);
    }
    if (value == null) {
      return; // the JSON literal null, which Moshi's fromJson(BufferedSource) passes on as is
    }
    String encoded = adapter.toJson(value);
    T again;
    try {
      again = adapter.fromJson(encoded);
    } catch (IOException e) {
      throw new AssertionError("the re-encoded value does not decode: " + encoded, e);
    }
    assertThat(again).as("decode → encode → decode of %s", encoded).isEqualTo(value);
  }
}
