package dev.audiojobs.client.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.ApiResponse;
import dev.audiojobs.client.ClientOptions;
import dev.audiojobs.client.DecodeException;
import dev.audiojobs.client.HttpLogLevel;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.client.TransportException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import okhttp3.logging.HttpLoggingInterceptor;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * The HTTP machinery of one client instance: an OkHttp client that authenticates every request, a
 * Retrofit instance for the generated service interfaces, the retries of {@link RetryPolicy}, and
 * the translation of responses into {@link ApiResponse} or one of the {@link
 * dev.audiojobs.client.AudioJobsException}s. For generated code; not API.
 *
 * <p>Generated services return {@code Call<ResponseBody>}: the runtime, not a Retrofit converter,
 * decodes bodies, so that it keeps the raw bytes for error reports and controls every failure path.
 * Thread-safe.
 */
public final class HttpCore {
  private static final String REQUEST_ID = "X-Request-Id";
  private static final String MASK = "██";
  /** Where the network interceptor keeps a rewritten "Retry-After: 0", so callers see what was sent. */
  private static final String ORIGINAL_RETRY_AFTER = "X-Audiojobs-Original-Retry-After";

  private final ClientOptions options;
  private final String defaultBaseUrl;
  private final OkHttpClient client;
  private final Retrofit retrofit;

  private HttpCore(ClientOptions options, String defaultBaseUrl, OkHttpClient client, Retrofit retrofit) {
    this.options = options;
    this.defaultBaseUrl = defaultBaseUrl;
    this.client = client;
    this.retrofit = retrofit;
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
    return build(new OkHttpClient.Builder(), options, defaultBaseUrl);
  }

  /**
   * Returns machinery for {@code options} that shares this one's connection pool and dispatcher
   * (threads), so that a client derived for one call costs no new connections.
   */
  public HttpCore withOptions(ClientOptions options) {
    Objects.requireNonNull(options, "options == null");
    OkHttpClient.Builder builder = client.newBuilder();
    // The key, the interceptors and the log may all have changed: they are added again below.
    builder.interceptors().clear();
    builder.networkInterceptors().clear();
    return build(builder, options, defaultBaseUrl);
  }

  private static HttpCore build(OkHttpClient.Builder builder, ClientOptions options, String defaultBaseUrl) {
    String authorization = "Bearer " + options.apiKey();
    builder
        .connectTimeout(options.connectTimeout())
        .readTimeout(options.readTimeout())
        .callTimeout(options.callTimeout())
        // OkHttp would otherwise silently send a request again after some connection failures,
        // a POST included; RetryPolicy is the one place that decides what is sent twice.
        .retryOnConnectionFailure(false)
        // Not a network interceptor: those run again for each redirect and would re-add the
        // header that OkHttp removed for a new host.
        .addInterceptor(
            chain ->
                chain.proceed(
                    chain.request().newBuilder().header("Authorization", authorization).build()));
    options.interceptors().forEach(builder::addInterceptor);
    // OkHttp re-sends any request, a POST included, at once when a 503 says "Retry-After: 0". The
    // same instant as an HTTP date means the same to RetryAfter and to the caller, and leaves the
    // decision to RetryPolicy. Added before the log, so that the log shows the header as received.
    builder.addNetworkInterceptor(
        chain -> {
          okhttp3.Response response = chain.proceed(chain.request());
          String retryAfter = response.header("Retry-After");
          return response.code() == 503 && retryAfter != null && retryAfter.matches("0+")
              ? response.newBuilder()
                  .header("Retry-After", "Thu, 01 Jan 1970 00:00:00 GMT")
                  .header(ORIGINAL_RETRY_AFTER, retryAfter)
                  .build()
              : response;
        });
    Consumer<String> sink = options.httpLogSink();
    if (sink != null && options.httpLogLevel() != HttpLogLevel.NONE) {
      String key = options.apiKey();
      // The header is redacted by name; the mask below also covers a server echoing the key.
      HttpLoggingInterceptor log = new HttpLoggingInterceptor(line -> sink.accept(line.replace(key, MASK)));
      log.redactHeader("Authorization");
      log.setLevel(HttpLoggingInterceptor.Level.valueOf(options.httpLogLevel().name()));
      // A network interceptor, so the log shows each redirect and the headers actually sent.
      builder.addNetworkInterceptor(log);
    }
    OkHttpClient client = builder.build();
    String baseUrl = options.baseUrl() != null ? options.baseUrl() : defaultBaseUrl;
    Retrofit retrofit =
        new Retrofit.Builder().baseUrl(withTrailingSlash(baseUrl)).client(client).build();
    return new HttpCore(options, defaultBaseUrl, client, retrofit);
  }

  /** The settings this machinery was made from. */
  public ClientOptions options() {
    return options;
  }

  /**
   * Returns an implementation of the generated Retrofit interface {@code serviceInterface}, whose
   * methods return {@code Call<ResponseBody>}.
   */
  public <S> S service(Class<S> serviceInterface) {
    return retrofit.create(serviceInterface);
  }

  /**
   * Runs {@code call} and decodes its response, retrying a {@code GET} as the {@link RetryPolicy}
   * of the options says. The exception thrown reports in {@code attempts()} how many times the
   * request was sent.
   *
   * @throws TransportException if no response arrived, or the thread was interrupted while
   *     waiting to retry (then the cause is an {@link InterruptedIOException} and the thread's
   *     interrupt flag is set again)
   * @throws ApiException if the status is not 2xx
   * @throws DecodeException if a 2xx body does not decode with {@code op}'s success adapter, or
   *     has content after the JSON value. An empty body is one, so is the absent body of a 204:
   *     every operation this runtime serves declares a JSON success body.
   */
  public <T> ApiResponse<T> execute(Operation<T> op, Call<ResponseBody> call) {
    Retries retries = new Retries(call);
    for (Call<ResponseBody> current = call; ; current = current.clone()) {
      Response<ResponseBody> response;
      try {
        response = current.execute();
      } catch (IOException e) {
        Duration wait = Thread.currentThread().isInterrupted() || current.isCanceled() ? null : retries.afterFailure();
        if (wait == null) {
          throw new TransportException(op.operationId(), e, retries.attempts);
        }
        sleep(op, wait, retries.attempts);
        retries.attempts++;
        continue;
      }
      Duration wait = retries.afterResponse(response);
      if (wait == null) {
        return handle(op, response, retries.attempts);
      }
      discard(response);
      sleep(op, wait, retries.attempts);
      retries.attempts++;
    }
  }

  /**
   * Runs {@code call} asynchronously, with the retries of {@link #execute}. The future completes
   * with what {@link #execute} would return, or exceptionally with what it would throw. Cancelling
   * the future cancels the HTTP call in flight, or the wait before a retry; nothing is sent after.
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
    RetryingFuture<R> future = new RetryingFuture<>();
    attempt(op, call, result, future, new Retries(call));
    return future;
  }

  private <T, R> void attempt(
      Operation<T> op,
      Call<ResponseBody> call,
      Function<ApiResponse<T>, R> result,
      RetryingFuture<R> future,
      Retries retries) {
    if (!future.track(call)) {
      return; // cancelled while waiting to retry: nothing more is sent
    }
    call.enqueue(
        new Callback<ResponseBody>() {
          @Override
          public void onResponse(Call<ResponseBody> c, Response<ResponseBody> response) {
            try {
              Duration wait = future.isDone() ? null : retries.afterResponse(response);
              if (wait == null) {
                future.complete(result.apply(handle(op, response, retries.attempts)));
              } else {
                discard(response);
                retryLater(op, c, result, future, retries, wait);
              }
            } catch (RuntimeException e) {
              future.completeExceptionally(e);
            }
          }

          @Override
          public void onFailure(Call<ResponseBody> c, Throwable t) {
            if (!(t instanceof IOException e)) {
              future.completeExceptionally(t);
              return;
            }
            Duration wait = future.isDone() || c.isCanceled() ? null : retries.afterFailure();
            if (wait == null) {
              future.completeExceptionally(new TransportException(op.operationId(), e, retries.attempts));
            } else {
              retryLater(op, c, result, future, retries, wait);
            }
          }
        });
  }

  private <T, R> void retryLater(
      Operation<T> op,
      Call<ResponseBody> previous,
      Function<ApiResponse<T>, R> result,
      RetryingFuture<R> future,
      Retries retries,
      Duration wait) {
    CompletableFuture<Void> delay = options.sleeper().delay(wait);
    if (!future.track(delay)) {
      return;
    }
    delay.whenComplete(
        (ignored, failure) -> {
          if (future.isDone()) {
            return;
          }
          if (failure != null) {
            future.completeExceptionally(failure);
            return;
          }
          retries.attempts++;
          attempt(op, previous.clone(), result, future, retries);
        });
  }

  /** The retry state of one logical call: the policy, how many attempts so far, since when. */
  private final class Retries {
    final RetryPolicy policy = options.retryPolicy();
    final boolean retryable;
    final Instant start = options.clock().instant();
    int attempts = 1;

    Retries(Call<ResponseBody> call) {
      // Only GET: the server may have acted on anything else even when no response arrived.
      this.retryable = policy.isEnabled() && call.request().method().equals("GET");
    }

    /** The wait before retrying after a failure with no response, or null for no retry. */
    @Nullable Duration afterFailure() {
      return retryable ? next(null) : null;
    }

    /** The wait before retrying after {@code response}, or null to keep it. */
    @Nullable Duration afterResponse(Response<ResponseBody> response) {
      int code = response.code();
      if (!retryable || (code != 429 && code != 502 && code != 503 && code != 504)) {
        return null;
      }
      Duration retryAfter =
          RetryAfter.parse(response.headers().get("Retry-After"), options.clock()).orElse(null);
      if (retryAfter != null && retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
        return null; // the server asked for longer than the caller allows: its answer stands
      }
      return next(retryAfter);
    }

    private @Nullable Duration next(@Nullable Duration retryAfter) {
      if (attempts >= policy.maxAttempts()) {
        return null;
      }
      // A zero Retry-After (a date already past) says nothing useful: back off as usual.
      Duration wait = retryAfter != null && !retryAfter.isZero() ? retryAfter : backoff();
      Duration elapsed = Duration.between(start, options.clock().instant());
      if (elapsed.isNegative()) {
        elapsed = Duration.ZERO; // a clock set back must not stretch the budget
      }
      return elapsed.plus(wait).compareTo(policy.timeBudget()) > 0 ? null : wait;
    }

    private Duration backoff() {
      Duration cap = policy.maxBackoff();
      int doublings = attempts - 1;
      Duration base = policy.initialBackoff();
      for (int i = 0; i < doublings && base.compareTo(cap) < 0; i++) {
        base = base.multipliedBy(2);
      }
      if (base.compareTo(cap) > 0) {
        base = cap;
      }
      // Up to a quarter less, at random, so that clients throttled together spread out.
      double jitter = 1 - 0.25 * ThreadLocalRandom.current().nextDouble();
      return Duration.ofNanos((long) (base.toNanos() * jitter));
    }
  }

  private void sleep(Operation<?> op, Duration wait, int attempts) {
    try {
      options.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting to retry");
      interrupted.initCause(e);
      throw new TransportException(op.operationId(), interrupted, attempts);
    }
  }

  // The connection can only be reused once the body of a response that is dropped is closed.
  private static void discard(Response<ResponseBody> response) {
    ResponseBody body = response.isSuccessful() ? response.body() : response.errorBody();
    if (body != null) {
      body.close();
    }
  }

  private <T> ApiResponse<T> handle(Operation<T> op, Response<ResponseBody> response, int attempts) {
    int code = response.code();
    okhttp3.Headers received = response.headers();
    String original = received.get(ORIGINAL_RETRY_AFTER);
    if (original != null) {
      received = received.newBuilder().set("Retry-After", original).removeAll(ORIGINAL_RETRY_AFTER).build();
    }
    Map<String, List<String>> headers = received.toMultimap();
    if (response.isSuccessful()) {
      // Retrofit hands out no body for 204 and 205; treat it as the empty body it is.
      Buffer bytes = readAll(op, response.body(), attempts);
      T body = decode(op.success(), bytes, op.operationId(), code, response.body(), attempts, options.apiKey());
      return ApiResponse.of(code, headers, body);
    }
    ResponseBody errorBody = response.errorBody();
    Buffer sent = readAll(op, errorBody, attempts);
    // A server that echoes the key in an error body ("invalid key sk_…") must not put it in the
    // exception: not in its message, its raw body, its decoded error or a request id taken from it.
    String rawBody = text(sent, errorBody).replace(options.apiKey(), MASK);
    Buffer bytes = new Buffer().writeUtf8(rawBody);
    Object error = null;
    JsonAdapter<?> adapter = op.error(code);
    if (adapter != null && bytes.size() > 0) {
      try {
        error = decode(adapter, bytes, op.operationId(), code, null, attempts, options.apiKey());
      } catch (DecodeException e) {
        // An error body that does not fit its model (a proxy's HTML page, a changed schema) must
        // not hide the HTTP error itself: the error stays empty and rawBody keeps the text.
      }
    }
    String requestId = response.headers().get(REQUEST_ID);
    if (requestId == null) {
      requestId = op.requestId(error);
    }
    Duration retryAfter =
        RetryAfter.parse(response.headers().get("Retry-After"), options.clock()).orElse(null);
    throw new ApiException(
        op.operationId(), code, headers, error, rawBody, requestId, retryAfter, attempts);
  }

  // Retrofit has already buffered the body in memory, so this does no I/O in practice; should a
  // body still fail to read, that is a failure of the transport, not of the schema.
  private static Buffer readAll(Operation<?> op, @Nullable ResponseBody body, int attempts) {
    Buffer buffer = new Buffer();
    if (body == null) {
      return buffer;
    }
    try (body) {
      buffer.writeAll(body.source());
    } catch (IOException e) {
      throw new TransportException(op.operationId(), e, attempts);
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
      JsonAdapter<V> adapter,
      Buffer bytes,
      String operation,
      int code,
      @Nullable ResponseBody body,
      int attempts,
      String apiKey) {
    if (bytes.size() == 0) {
      throw new DecodeException(operation, code, "$", "empty body", "", null, attempts);
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
      throw new DecodeException(
          operation, code, e.path(), e.reason(), text(bytes, body).replace(apiKey, MASK), e, attempts);
    } catch (IOException | RuntimeException e) {
      String path = path(reader);
      throw new DecodeException(operation, code, path, reason(e), text(bytes, body).replace(apiKey, MASK), e, attempts);
    }
    boolean trailing;
    try {
      trailing = reader.peek() != JsonReader.Token.END_DOCUMENT;
    } catch (IOException e) {
      trailing = true; // a strict reader refuses to even look at a second value
    }
    if (trailing) {
      throw new DecodeException(
          operation,
          code,
          path(reader),
          "content after the JSON value",
          text(bytes, body).replace(apiKey, MASK),
          null,
          attempts);
    }
    if (value == null) {
      throw new DecodeException(
          operation, code, "$", "null where a value is required", text(bytes, body).replace(apiKey, MASK), null, attempts);
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

  /**
   * A future whose cancellation cancels what it waits on: the HTTP call in flight, or the delay
   * before the next attempt. Whatever is tracked after cancellation is cancelled at once.
   */
  private static final class RetryingFuture<R> extends CompletableFuture<R> {
    private @Nullable Call<?> call;
    private @Nullable Future<?> delay;

    /** Tracks {@code call}; false, having cancelled it, when this future is done already. */
    synchronized boolean track(Call<?> call) {
      this.call = call;
      this.delay = null;
      if (isDone()) {
        call.cancel();
        return false;
      }
      return true;
    }

    /** Tracks {@code delay}; false, having cancelled it, when this future is done already. */
    synchronized boolean track(Future<?> delay) {
      this.delay = delay;
      if (isDone()) {
        delay.cancel(false);
        return false;
      }
      return true;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      Call<?> call;
      Future<?> delay;
      synchronized (this) {
        call = this.call;
        delay = this.delay;
      }
      if (call != null) {
        call.cancel();
      }
      if (delay != null) {
        delay.cancel(false);
      }
      return cancelled;
    }
  }
}
