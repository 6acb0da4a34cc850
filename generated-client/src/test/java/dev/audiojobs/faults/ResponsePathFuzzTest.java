package dev.audiojobs.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.DecodeException;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.daily.DailyClient;
import dev.audiojobs.lyrcs.LyrcsClient;
import dev.audiojobs.pyannote.PyannoteClient;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * Fuzzes what a response can be — status, Content-Type, an echoed key, the body — through each
 * vendor's client, from the status line to the typed result: the client's own decoding (one pass,
 * on a guess), its error bodies, its masking. The response is made in process by an interceptor in
 * front of the network, so an input costs a millisecond; the fault suite covers the network itself.
 *
 * <p>Input layout: byte 0 picks the status, byte 1 the Content-Type, byte 2 whether a header echoes
 * the key, the rest is the body, where {@code $KEY} stands for the key and {@code $ESC} for it
 * JSON-escaped. The outcome must be the documented one: for a 2xx, the decoded value or a {@link
 * DecodeException}; otherwise an {@link ApiException} with that status; never another exception,
 * and never the key in what an exception shows.
 */
final class ResponsePathFuzzTest {
  private static final String KEY = FaultSuite.KEY;
  private static final int[] CODES = {200, 201, 204, 301, 304, 400, 401, 402, 404, 422, 429, 500, 502, 503};
  private static final @Nullable String[] TYPES = {
    "application/json", "application/json; charset=utf-8", "application/json; charset=ISO-8859-1",
    "application/json; charset=UTF-16", "text/html", "application/problem+json; charset=x-unknown", null,
  };
  private static final ByteString KEY_MARK = ByteString.encodeUtf8("$KEY");
  private static final ByteString ESC_MARK = ByteString.encodeUtf8("$ESC");

  private static final AtomicReference<Response.Builder> NEXT = new AtomicReference<>();
  private static final Interceptor CANNED = chain -> NEXT.get().request(chain.request()).build();

  private static final PyannoteClient PYANNOTE = PyannoteClient.builder().apiKey(KEY).baseUrl("http://127.0.0.1:9/")
      .addInterceptor(CANNED).retryPolicy(RetryPolicy.none()).build();
  private static final DailyClient DAILY = DailyClient.builder().apiKey(KEY).baseUrl("http://127.0.0.1:9/")
      .addInterceptor(CANNED).retryPolicy(RetryPolicy.none()).build();
  private static final LyrcsClient LYRCS = LyrcsClient.builder().apiKey(KEY).baseUrl("http://127.0.0.1:9/")
      .addInterceptor(CANNED).retryPolicy(RetryPolicy.none()).build();

  @FuzzTest(maxDuration = "30s")
  void pyannoteGetJob(byte[] input) {
    answersAsDocumented(input, () -> PYANNOTE.getJob("j1"));
  }

  @FuzzTest(maxDuration = "30s")
  void pyannoteListJobs(byte[] input) {
    answersAsDocumented(input, () -> PYANNOTE.listJobs());
  }

  @FuzzTest(maxDuration = "30s")
  void dailyGetJob(byte[] input) {
    answersAsDocumented(input, () -> DAILY.getJob("j1"));
  }

  @FuzzTest(maxDuration = "30s")
  void lyrcsGetJob(byte[] input) {
    answersAsDocumented(input, () -> LYRCS.getJob("j1"));
  }

  private static void answersAsDocumented(byte[] input, Runnable call) {
    int code = CODES[Byte.toUnsignedInt(at(input, 0)) % CODES.length];
    String type = TYPES[Byte.toUnsignedInt(at(input, 1)) % TYPES.length];
    boolean echo = (at(input, 2) & 1) == 1;
    byte[] body = withKey(input.length > 3 ? Arrays.copyOfRange(input, 3, input.length) : new byte[0]);
    Response.Builder response = new Response.Builder().protocol(Protocol.HTTP_1_1).code(code).message("fuzzed")
        .body(ResponseBody.create(body, type == null ? null : MediaType.parse(type)));
    if (type != null) {
      response.header("Content-Type", type);
    }
    if (echo) {
      response.header("X-Request-Id", "req-" + KEY).header("WWW-Authenticate", "Bearer token=\"" + KEY + "\"");
    }
    NEXT.set(response);

    Throwable thrown = catchThrowable(call::run);

    boolean success = code >= 200 && code < 300;
    if (thrown == null) {
      assertThat(success).as("a %s answer decoded as a success", code).isTrue();
      return;
    }
    assertThat(thrown).isExactlyInstanceOf(success ? DecodeException.class : ApiException.class);
    if (thrown instanceof ApiException api) {
      assertThat(api.statusCode()).isEqualTo(code);
    }
    assertThat(FaultSuite.everything(thrown)).as("what the exception shows").doesNotContain(KEY);
  }

  private static byte at(byte[] input, int index) {
    return index < input.length ? input[index] : 0;
  }

  /** {@code body} with {@code $KEY} and {@code $ESC} replaced by the key, as is and JSON-escaped. */
  private static byte[] withKey(byte[] body) {
    Buffer out = new Buffer();
    ByteString bytes = ByteString.of(body);
    String escaped = KEY.chars().mapToObj(c -> String.format("\\u%04x", c)).reduce("", String::concat);
    for (int i = 0; i < bytes.size(); ) {
      if (bytes.rangeEquals(i, KEY_MARK, 0, 4)) {
        out.writeUtf8(KEY);
        i += 4;
      } else if (bytes.rangeEquals(i, ESC_MARK, 0, 4)) {
        out.writeString(escaped, StandardCharsets.UTF_8);
        i += 4;
      } else {
        out.writeByte(bytes.getByte(i++));
      }
    }
    return out.readByteArray();
  }
}
