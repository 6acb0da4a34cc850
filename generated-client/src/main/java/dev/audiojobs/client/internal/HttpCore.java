package dev.audiojobs.client.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.ApiResponse;
import dev.audiojobs.client.ClientOptions;
import dev.audiojobs.client.DecodeException;
import dev.audiojobs.client.TransportException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * The HTTP machinery of one client instance: an OkHttp client that authenticates every request, a
 * Retrofit instance for the generated service interfaces, and the translation of responses into
 * {@link ApiResponse} or one of the {@link dev.audiojobs.client.AudioJobsException}s. For generated
 * code; not API.
 *
 * <p>Generated services return {@code Call<ResponseBody>}: the runtime, not a Retrofit converter,
 * decodes bodies, so that it keeps the raw bytes for error reports and controls every failure path.
 * Thread-safe.
 */
public final class HttpCore {
  private static final String REQUEST_ID = "X-Request-Id";

  private final Retrofit retrofit;
  private final Clock clock;

  private HttpCore(Retrofit retrofit, Clock clock) {
    this.retrofit = retrofit;
    this.clock = clock;
  }

  /**
   * Returns the machinery for {@code options}.
   *
   * <p>Every request carries {@code Authorization: Bearer <key>}. The header is added by an
   * application interceptor, which runs before OkHttp follows redirects; OkHttp drops {@code
   * Authorization} from a redirected request whose scheme, host or port differ, so the key never
   * reaches another host.
   *
   * @param defaultBaseUrl the vendor's base URL, used when {@code options} has none
   * @throws IllegalArgumentException if {@code defaultBaseUrl} is not an http or https URL
   */
  public static HttpCore create(ClientOptions options, String defaultBaseUrl) {
    Objects.requireNonNull(options, "options == null");
    Objects.requireNonNull(defaultBaseUrl, "defaultBaseUrl == null");
    String authorization = "Bearer " + options.apiKey();
    OkHttpClient.Builder builder =
        new OkHttpClient.Builder()
            .connectTimeout(options.connectTimeout())
            .readTimeout(options.readTimeout())
            .callTimeout(options.callTimeout())
            // Not a network interceptor: those run again for each redirect and would re-add the
            // header that OkHttp removed for a new host.
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain.request().newBuilder().header("Authorization", authorization).build()));
    options.interceptors().forEach(builder::addInterceptor);
    OkHttpClient client = builder.build();
    String baseUrl = options.baseUrl() != null ? options.baseUrl() : defaultBaseUrl;
    Retrofit retrofit =
        new Retrofit.Builder().baseUrl(withTrailingSlash(baseUrl)).client(client).build();
    return new HttpCore(retrofit, Clock.systemUTC());
  }

  /**
   * Returns an implementation of the generated Retrofit interface {@code serviceInterface}, whose
   * methods return {@code Call<ResponseBody>}.
   */
  public <S> S service(Class<S> serviceInterface) {
    return retrofit.create(serviceInterface);
  }

  /**
   * Runs {@code call} and decodes its response.
   *
   * @throws TransportException if no response arrived
   * @throws ApiException if the status is not 2xx
   * @throws DecodeException if a 2xx body does not decode with {@code op}'s success adapter, or
   *     has content after the JSON value. An empty body is one, so is the absent body of a 204:
   *     every operation this runtime serves declares a JSON success body.
   */
  public <T> ApiResponse<T> execute(Operation<T> op, Call<ResponseBody> call) {
    Response<ResponseBody> response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw new TransportException(op.operationId(), e);
    }
    return handle(op, response);
  }

  /**
   * Runs {@code call} asynchronously. The future completes with what {@link #execute} would return,
   * or exceptionally with what it would throw. Cancelling the future cancels the HTTP call.
   */
  public <T> CompletableFuture<ApiResponse<T>> executeAsync(
      Operation<T> op, Call<ResponseBody> call) {
    return enqueue(op, call, Function.identity());
  }

  /** Like {@link #executeAsync}, completing with the decoded body only. */
  public <T> CompletableFuture<T> executeAsyncBody(Operation<T> op, Call<ResponseBody> call) {
    // Not executeAsync(…).thenApply(…): cancelling a dependent future would not cancel the call.
    return enqueue(op, call, ApiResponse::body);
  }

  @Override
  public String toString() {
    return "HttpCore{" + retrofit.baseUrl() + "}";
  }

  private <T, R> CompletableFuture<R> enqueue(
      Operation<T> op, Call<ResponseBody> call, Function<ApiResponse<T>, R> result) {
    CallFuture<R> future = new CallFuture<>(call);
    call.enqueue(
        new Callback<ResponseBody>() {
          @Override
          public void onResponse(Call<ResponseBody> c, Response<ResponseBody> response) {
            try {
              future.complete(result.apply(handle(op, response)));
            } catch (RuntimeException e) {
              future.completeExceptionally(e);
            }
          }

          @Override
          public void onFailure(Call<ResponseBody> c, Throwable t) {
            future.completeExceptionally(
                t instanceof IOException e ? new TransportException(op.operationId(), e) : t);
          }
        });
    return future;
  }

  private <T> ApiResponse<T> handle(Operation<T> op, Response<ResponseBody> response) {
    int code = response.code();
    Map<String, List<String>> headers = response.headers().toMultimap();
    if (response.isSuccessful()) {
      // Retrofit hands out no body for 204 and 205; treat it as the empty body it is.
      Buffer bytes = readAll(op, response.body());
      T body = decode(op.success(), bytes, op.operationId(), code, response.body());
      return ApiResponse.of(code, headers, body);
    }
    ResponseBody errorBody = response.errorBody();
    Buffer bytes = readAll(op, errorBody);
    Object error = null;
    JsonAdapter<?> adapter = op.error(code);
    if (adapter != null && bytes.size() > 0) {
      try {
        error = decode(adapter, bytes, op.operationId(), code, errorBody);
      } catch (DecodeException e) {
        // An error body that does not fit its model (a proxy's HTML page, a changed schema) must
        // not hide the HTTP error itself: the error stays empty and rawBody keeps the text.
      }
    }
    String requestId = response.headers().get(REQUEST_ID);
    if (requestId == null) {
      requestId = op.requestId(error);
    }
    Duration retryAfter = RetryAfter.parse(response.headers().get("Retry-After"), clock).orElse(null);
    throw new ApiException(
        op.operationId(),
        code,
        headers,
        error,
        text(bytes, errorBody),
        requestId,
        retryAfter);
  }

  // Retrofit has already buffered the body in memory, so this does no I/O in practice; should a
  // body still fail to read, that is a failure of the transport, not of the schema.
  private static Buffer readAll(Operation<?> op, @Nullable ResponseBody body) {
    Buffer buffer = new Buffer();
    if (body == null) {
      return buffer;
    }
    try (body) {
      buffer.writeAll(body.source());
    } catch (IOException e) {
      throw new TransportException(op.operationId(), e);
    }
    return buffer;
  }

  /**
   * Decodes all of {@code bytes} (which it leaves unconsumed, so that the raw text stays available)
   * with {@code adapter}. Whatever the reader or adapter throws becomes a DecodeException: JSON
   * errors, I/O errors of a truncated or malformed body, and the runtime exceptions a value
   * conversion may throw (number format, date-time, a bug in an adapter) — never an NPE or a
   * ClassCastException escaping to the caller.
   */
  private static <V> V decode(
      JsonAdapter<V> adapter, Buffer bytes, String operation, int code, @Nullable ResponseBody body) {
    if (bytes.size() == 0) {
      throw new DecodeException(operation, code, "$", "empty body", "", null);
    }
    JsonReader reader = JsonReader.of(bytes.peek());
    // The whole body is in memory, so a union may decode in one pass on a guess and ask to be
    // decoded again, exactly, when the guess was wrong (Json.RetryExactly).
    Json.allowSinglePass(reader);
    V value;
    try {
      try {
        value = adapter.fromJson(reader);
      } catch (Json.RetryExactly guessWasWrong) {
        reader = JsonReader.of(bytes.peek());
        value = adapter.fromJson(reader);
      }
    } catch (JsonPathException e) {
      throw new DecodeException(operation, code, e.path(), e.reason(), text(bytes, body), e);
    } catch (IOException | RuntimeException e) {
      String path = path(reader);
      throw new DecodeException(operation, code, path, reason(e), text(bytes, body), e);
    }
    boolean trailing;
    try {
      trailing = reader.peek() != JsonReader.Token.END_DOCUMENT;
    } catch (IOException e) {
      trailing = true; // a strict reader refuses to even look at a second value
    }
    if (trailing) {
      throw new DecodeException(
          operation, code, path(reader), "content after the JSON value", text(bytes, body), null);
    }
    if (value == null) {
      throw new DecodeException(
          operation, code, "$", "null where a value is required", text(bytes, body), null);
    }
    return value;
  }

  // Moshi's path inside an object before the first name is "$.x." style; the object is the
  // offending value then.
  private static String path(JsonReader reader) {
    String path = reader.getPath();
    return path.length() > 1 && path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
  }

  private static String reason(Exception e) {
    String message = e.getMessage();
    if (message != null) {
      // Moshi ends its messages with " at path $.x"; the path is reported separately.
      int at = message.lastIndexOf(" at path $");
      if (at >= 0) {
        message = message.substring(0, at);
      }
    }
    if (e instanceof JsonEncodingException) {
      // Moshi's advice to call setLenient(true) is for whoever owns the reader, not for our caller.
      return message == null || message.startsWith("Use JsonReader.setLenient")
          ? "malformed JSON"
          : "malformed JSON: " + message;
    }
    if (e instanceof EOFException) {
      return "unexpected end of input";
    }
    if (e instanceof JsonDataException) {
      return message == null ? "JSON does not fit the schema" : message;
    }
    String name = e.getClass().getSimpleName();
    return message == null || message.isEmpty() ? name : name + ": " + message;
  }

  private static String text(Buffer bytes, @Nullable ResponseBody body) {
    MediaType type = body != null ? body.contentType() : null;
    Charset charset = type != null ? type.charset(StandardCharsets.UTF_8) : StandardCharsets.UTF_8;
    return bytes.snapshot().string(Objects.requireNonNull(charset));
  }

  private static HttpUrl withTrailingSlash(String baseUrl) {
    HttpUrl url = HttpUrl.get(baseUrl);
    List<String> segments = url.pathSegments();
    // Retrofit resolves "v1/jobs" against the base URL like a browser: without the slash,
    // https://lyrcs.ai/api/v1 would lose its "v1".
    return segments.get(segments.size() - 1).isEmpty()
        ? url
        : url.newBuilder().addPathSegment("").build();
  }

  /** A future whose cancellation cancels the HTTP call. */
  private static final class CallFuture<R> extends CompletableFuture<R> {
    private final Call<?> call;

    CallFuture(Call<?> call) {
      this.call = call;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      call.cancel();
      return cancelled;
    }
  }
}
