package dev.audiojobs.client.internal;

import com.squareup.moshi.JsonAdapter;
import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.ApiResponse;
import dev.audiojobs.client.DecodeException;
import dev.audiojobs.client.TransportException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ByteString;
import org.jspecify.annotations.Nullable;
import retrofit2.Response;

/**
 * Turns one final response into the result of an {@link Operation}: the decoded 2xx body in an
 * {@link ApiResponse}, or an {@link ApiException} / {@link DecodeException} that carries the body
 * as received, the API key masked.
 */
final class ResponseReader {
  private static final String REQUEST_ID = "X-Request-Id";
  private static final ByteString UTF8_BOM = ByteString.decodeHex("efbbbf");

  private final Secrets secrets;
  private final Clock clock;

  ResponseReader(String apiKey, Clock clock) {
    this.secrets = new Secrets(apiKey);
    this.clock = clock;
  }

  /**
   * The exception for a call that got no response, its cause masked: an I/O message can quote
   * what the server sent (a malformed status line).
   */
  TransportException transportFailure(String operation, IOException failure, int attempts) {
    return new TransportException(operation, secrets.mask(failure), attempts);
  }

  /**
   * Returns the result of {@code response}, closing its body.
   *
   * @throws ApiException if the status is not 2xx
   * @throws DecodeException if a 2xx JSON body does not decode with {@code op}'s success adapter, or
   *     has content after the JSON value. An empty body is one, so is the absent body of a 204
   *     answering an operation that declares a JSON body.
   * @throws TransportException if the body cannot be read
   */
  <T> ApiResponse<T> read(Operation<T> op, Response<ResponseBody> response, int attempts) {
    int code = response.code();
    Headers received = response.headers();
    String original = received.get(ClientAssembly.ORIGINAL_RETRY_AFTER);
    if (original != null) {
      received = received.newBuilder().set("Retry-After", original).removeAll(ClientAssembly.ORIGINAL_RETRY_AFTER).build();
    }
    // A hostile server may echo the key in any header (X-Request-Id); headers reach accessors.
    Map<String, List<String>> headers = secrets.mask(received.toMultimap());
    if (response.isSuccessful()) {
      // Retrofit hands out no body for 204 and 205; treat it as the empty body it is.
      ResponseBody body = response.body();
      Buffer bytes = readAll(op, body, attempts);
      return switch (op.successKind()) {
        case JSON -> ApiResponse.of(code, headers, new Decoding(op.operationId(), code, body, attempts).decode(op.success(), bytes));
        case TEXT -> {
          @SuppressWarnings("unchecked") // TEXT operations are Operation<String> (Operation.textBuilder)
          T text = (T) text(bytes, body);
          yield ApiResponse.of(code, headers, text);
        }
        case NONE -> {
          @SuppressWarnings("unchecked") // NONE operations are Operation<Void> (Operation.noContentBuilder)
          ApiResponse<T> empty = (ApiResponse<T>) ApiResponse.withoutBody(code, headers);
          yield empty;
        }
      };
    }
    throw apiException(op, response, headers, attempts);
  }

  /**
   * Decodes {@code text}, a 2xx body whose adapter generated code chose (one of several success bodies),
   * exactly as {@link #read} decodes: the key masked, the path exact, Moshi's wording kept out.
   */
  <V> V decodeText(String operation, int status, String text, JsonAdapter<V> adapter) {
    return new Decoding(operation, status, null, 1).decode(adapter, new Buffer().writeUtf8(text));
  }

  /** The exception for a 2xx the spec does not declare, its body masked. */
  DecodeException undeclaredSuccess(String operation, int status, String contentType, String text) {
    return new DecodeException(operation, status, "$",
        secrets.mask("a success the spec does not declare (Content-Type '" + contentType + "')"), secrets.mask(text), null);
  }

  private ApiException apiException(
      Operation<?> op, Response<ResponseBody> response, Map<String, List<String>> headers, int attempts) {
    int code = response.code();
    ResponseBody errorBody = response.errorBody();
    Buffer sent = readAll(op, errorBody, attempts);
    // A server that echoes the key in an error body ("invalid key sk_…") must not put it in the
    // exception: not in its message, its raw body, its decoded error or a request id taken from it.
    String rawBody = secrets.mask(text(sent, errorBody));
    Object error = null;
    JsonAdapter<?> adapter = op.error(code);
    if (adapter != null && !rawBody.isEmpty()) {
      try {
        // The text is decoded in its charset already; only a byte-order mark is left to drop.
        String json = rawBody.charAt(0) == '\uFEFF' ? rawBody.substring(1) : rawBody;
        error = new Decoding(op.operationId(), code, null, attempts).decode(adapter, new Buffer().writeUtf8(json));
      } catch (DecodeException e) {
        // An error body that does not fit its model (a proxy's HTML page, a changed schema) must
        // not hide the HTTP error itself: the error stays empty and rawBody keeps the text.
      }
    }
    String requestId = response.headers().get(REQUEST_ID);
    if (requestId == null) {
      requestId = op.requestId(error); // decoded from the masked body
    } else {
      requestId = secrets.mask(requestId);
    }
    Duration retryAfter = RetryAfter.parse(response.headers().get("Retry-After"), clock).orElse(null);
    return new ApiException(op.operationId(), code, headers, error, rawBody, requestId, retryAfter, attempts);
  }

  // Retrofit has already buffered the body in memory, so this does no I/O in practice; should a
  // body still fail to read, that is a failure of the transport, not of the schema.
  private Buffer readAll(Operation<?> op, @Nullable ResponseBody body, int attempts) {
    Buffer buffer = new Buffer();
    if (body == null) {
      return buffer;
    }
    try (body) {
      buffer.writeAll(body.source());
    } catch (IOException e) {
      throw transportFailure(op.operationId(), e, attempts);
    }
    return buffer;
  }

  private static String text(Buffer bytes, @Nullable ResponseBody body) {
    return bytes.snapshot().string(charset(body));
  }

  /** The charset the Content-Type names; UTF-8 when it names none, or one this JVM does not know. */
  private static Charset charset(@Nullable ResponseBody body) {
    MediaType type = body != null ? body.contentType() : null;
    Charset charset = type != null ? type.charset(StandardCharsets.UTF_8) : StandardCharsets.UTF_8;
    return Objects.requireNonNull(charset);
  }

  /**
   * {@code bytes} as the UTF-8 JSON text Moshi reads: transcoded from the charset the Content-Type
   * names (an ISO-8859-1 "é" would otherwise become U+FFFD without a word), and without a leading
   * UTF-8 byte-order mark, which RFC 8259 lets a parser ignore and Retrofit's Moshi converter does.
   * {@code bytes} itself is left as it is, for the raw text of an exception.
   */
  private static Buffer utf8Json(Buffer bytes, @Nullable ResponseBody body) {
    Charset charset = charset(body);
    if (!charset.equals(StandardCharsets.UTF_8)) {
      String text = bytes.snapshot().string(charset);
      return new Buffer().writeUtf8(text, text.startsWith("\uFEFF") ? 1 : 0, text.length());
    }
    if (bytes.rangeEquals(0, UTF8_BOM)) {
      Buffer rest = new Buffer();
      bytes.copyTo(rest, UTF8_BOM.size(), bytes.size() - UTF8_BOM.size()); // shares segments, copies no bytes
      return rest;
    }
    return bytes;
  }

  /** Decoding one body of one response; the one place a {@link DecodeException} is made. */
  private final class Decoding {
    private final String operation;
    private final int code;
    private final @Nullable ResponseBody body;
    private final int attempts;

    Decoding(String operation, int code, @Nullable ResponseBody body, int attempts) {
      this.operation = operation;
      this.code = code;
      this.body = body;
      this.attempts = attempts;
    }

    /**
     * Decodes all of {@code bytes} (which it leaves unconsumed, so that the raw text stays
     * available) with {@code adapter}, as {@link JsonDocument#decode} does. Whatever fails becomes a
     * DecodeException: JSON errors, I/O errors of a truncated or malformed body, and the runtime
     * exceptions a value conversion may throw (number format, date-time, a bug in an adapter) —
     * never an NPE or a ClassCastException escaping to the caller. Its cause is what the reader or
     * adapter threw.
     */
    <V> V decode(JsonAdapter<V> adapter, Buffer bytes) {
      if (bytes.size() == 0) {
        throw failure("$", "empty body", bytes, null);
      }
      try {
        return JsonDocument.decode(adapter, utf8Json(bytes, body));
      } catch (JsonPathException e) {
        throw failure(e.path(), e.reason(), bytes, e.getCause() != null ? e.getCause() : e);
      }
    }

    // A path names what was received (an unknown property named like the key); a reason may quote it.
    private DecodeException failure(String path, String reason, Buffer bytes, @Nullable Throwable cause) {
      return new DecodeException(operation, code, secrets.mask(path), secrets.mask(reason),
          secrets.mask(text(bytes, body)), cause == null ? null : secrets.maskCause(cause), attempts);
    }
  }
}
