package dev.audiojobs.client.internal;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.ApiResponse;
import dev.audiojobs.client.ClientOptions;
import dev.audiojobs.client.DecodeException;
import dev.audiojobs.client.FilePart;
import dev.audiojobs.client.RequestValidationException;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.client.TransportException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.ResponseBody;
import retrofit2.Call;

/**
 * What a generated client calls: its Retrofit services, and the execution of their calls with the
 * retries of {@link RetryPolicy} and the translation of responses into {@link ApiResponse} or one
 * of the {@link dev.audiojobs.client.AudioJobsException}s. For generated code; not API.
 *
 * <p>Generated services return {@code Call<ResponseBody>}: the runtime, not a Retrofit converter,
 * decodes bodies, so that it keeps the raw bytes for error reports and controls every failure path.
 * Assembly ({@link ClientAssembly}), retries ({@link RetryingCall}) and reading responses ({@link
 * ResponseReader}) each live in a file of their own. Thread-safe.
 */
public final class HttpCore {
  private final ClientOptions options;
  private final String defaultBaseUrl;
  private final ClientAssembly assembly;
  private final ResponseReader reader;

  private HttpCore(ClientOptions options, String defaultBaseUrl, ClientAssembly assembly) {
    this.options = options;
    this.defaultBaseUrl = defaultBaseUrl;
    this.assembly = assembly;
    this.reader = new ResponseReader(options.apiKey(), options.clock());
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
    return create(options, defaultBaseUrl, Authentication.bearerEverywhere());
  }

  /**
   * Returns the machinery for {@code options}, sending the key as {@code authentication} says for each
   * operation (the spec's security schemes), instead of {@code Authorization: Bearer <key>} everywhere.
   *
   * @param defaultBaseUrl the vendor's base URL, used when {@code options} has none
   * @throws IllegalArgumentException if {@code defaultBaseUrl} is not an http or https URL
   */
  public static HttpCore create(ClientOptions options, String defaultBaseUrl, Authentication authentication) {
    Objects.requireNonNull(options, "options == null");
    Objects.requireNonNull(defaultBaseUrl, "defaultBaseUrl == null");
    Objects.requireNonNull(authentication, "authentication == null");
    return new HttpCore(options, defaultBaseUrl, ClientAssembly.create(options, defaultBaseUrl, authentication));
  }

  /**
   * Returns machinery for {@code options} that shares this one's connection pool and dispatcher
   * (threads), so that a client derived for one call costs no new connections.
   */
  public HttpCore withOptions(ClientOptions options) {
    Objects.requireNonNull(options, "options == null");
    return new HttpCore(options, defaultBaseUrl, assembly.derive(options, defaultBaseUrl));
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
    return assembly.retrofit.create(serviceInterface);
  }

  /**
   * Runs {@code call} and decodes its response, retrying a {@code GET} as the {@link RetryPolicy}
   * of the options says; never anything else. The exception thrown reports in {@code attempts()}
   * how many times the request was sent.
   *
   * @throws TransportException if no response arrived, or the thread was interrupted (then the
   *     cause is an {@link java.io.InterruptedIOException}, the call in flight or the wait before a
   *     retry is cancelled, and the thread's interrupt flag is set again)
   * @throws ApiException if the status is not 2xx
   * @throws DecodeException if a 2xx body does not decode as {@code op} declares it (see {@link
   *     Operation.Success}); for JSON an empty body does not decode, so neither does the absent
   *     body of a 204
   * @throws IllegalStateException if this core was closed
   */
  public <T> ApiResponse<T> execute(Operation<T> op, Call<ResponseBody> call) {
    assembly.checkOpen();
    return RetryingCall.execute(op, call, options, reader);
  }

  /**
   * The URL of a next page that a page of {@code operationId} gave ({@code x-audiojobs-paging.nextUrl}),
   * resolved against the base URL (a relative one is the vendor's own), for the service's {@code @Url}
   * method.
   *
   * @throws IllegalStateException if it leads to another scheme, host or port than the base URL: the
   *     key is sent to the vendor only, and a page is not trusted to say where else to send it (the URL,
   *     masked, is in the message)
   */
  public String nextPageUrl(String operationId, String url) {
    okhttp3.HttpUrl base = assembly.retrofit.baseUrl();
    okhttp3.HttpUrl next = base.resolve(url);
    if (next == null || !next.scheme().equals(base.scheme()) || !next.host().equals(base.host()) || next.port() != base.port()) {
      throw new IllegalStateException(operationId + ": the next page's URL leads away from " + base.scheme() + "://"
          + base.host() + ":" + base.port() + ", where alone the key is sent: " + Secrets.mask(url, options.apiKey()));
    }
    return next.toString();
  }

  /**
   * Runs {@code call} asynchronously, with the retries of {@link #execute}. The future completes
   * with what {@link #execute} would return, or exceptionally with what it would throw. Cancelling
   * the future cancels the HTTP call in flight, or the wait before a retry; nothing is sent after.
   */
  public <T> CompletableFuture<ApiResponse<T>> executeAsync(Operation<T> op, Call<ResponseBody> call) {
    assembly.checkOpen();
    return RetryingCall.start(op, call, options, reader, Function.identity());
  }

  /** Like {@link #executeAsync}, completing with the decoded body only. */
  public <T> CompletableFuture<T> executeAsyncBody(Operation<T> op, Call<ResponseBody> call) {
    // Not executeAsync(…).thenApply(…): cancelling a dependent future would not cancel the call.
    assembly.checkOpen();
    return RetryingCall.start(op, call, options, reader, ApiResponse::body);
  }

  /**
   * Decodes {@code text}, the body of a 2xx response whose schema generated code chose by status and
   * {@code Content-Type} (an operation with several success bodies), as {@link #execute} would.
   *
   * @throws DecodeException if it does not fit {@code adapter}; the key is masked in it
   */
  public <V> V decode(String operationId, int status, String text, com.squareup.moshi.JsonAdapter<V> adapter) {
    return reader.decodeText(operationId, status, text, adapter);
  }

  /** The exception for a 2xx answer the spec does not declare for {@code operationId}, the key masked. */
  public DecodeException undeclaredSuccess(String operationId, int status, String contentType, String text) {
    return reader.undeclaredSuccess(operationId, status, contentType, text);
  }

  /**
   * PUTs {@code file} to {@code presignedUrl}, a URL that carries its own credentials (a storage
   * bucket's signed upload URL): without {@code Authorization}, without the HTTP log (the URL's
   * query is a credential), and never retried. Any 2xx is success.
   *
   * @param operationId the name the exceptions carry, such as {@code upload}
   * @throws RequestValidationException if {@code presignedUrl} is not an http or https URL; nothing is sent
   * @throws ApiException for a non-2xx answer (the storage's error body in {@code rawBody()})
   * @throws TransportException if no response arrived, or the file could not be read while sending
   */
  public ApiResponse<Void> upload(String operationId, String presignedUrl, FilePart file) {
    Objects.requireNonNull(operationId, "operationId == null");
    Objects.requireNonNull(presignedUrl, "presignedUrl == null");
    Objects.requireNonNull(file, "file == null");
    HttpUrl url = HttpUrl.parse(presignedUrl);
    if (url == null) {
      throw new RequestValidationException(operationId, "$", "the upload URL the server returned is not an http or https URL");
    }
    Request request = new Request.Builder().url(url).put(RequestBodies.file(file)).build();
    Operation<Void> op = Operation.noContentBuilder(operationId).build();
    return execute(op, new RawCall(assembly.anonymous.newCall(request)));
  }

  /**
   * Releases the threads and pooled connections this core shares with every core derived from the
   * same {@link #create} through {@link #withOptions}: closing one closes them all. Calls in flight
   * finish; a later call throws {@link IllegalStateException}. Idempotent.
   */
  public void close() {
    assembly.close();
  }

  @Override
  public String toString() {
    return "HttpCore{" + assembly.retrofit.baseUrl() + "}";
  }
}
