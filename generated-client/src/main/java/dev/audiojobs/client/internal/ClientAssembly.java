package dev.audiojobs.client.internal;

import dev.audiojobs.client.ClientOptions;
import dev.audiojobs.client.HttpLogLevel;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;

/**
 * Builds the OkHttp client and the Retrofit instance of one set of {@link ClientOptions}: timeouts,
 * authentication, the caller's interceptors, the opt-in log, and the base URL.
 */
final class ClientAssembly {
  /** Where the network interceptor keeps a rewritten "Retry-After: 0", so callers see what was sent. */
  static final String ORIGINAL_RETRY_AFTER = "X-Audiojobs-Original-Retry-After";
  /** Calls in flight at once per client (and per host), beyond which calls queue. */
  static final int MAX_CALLS = 64;

  /** The authenticated client, for the vendor's API. */
  final OkHttpClient api;
  /**
   * The same connections, threads and caller's interceptors without the {@code Authorization}
   * header and without the log, for pre-signed URLs (a storage bucket), which must never see the key.
   */
  final OkHttpClient anonymous;

  final Retrofit retrofit;

  /** Shared by every assembly derived from the same first one, as the pool and threads are. */
  private final AtomicBoolean closed;

  /** The caller's OkHttpClient this was built on (ClientOptions.httpClient), whose pool and threads are the caller's to close. */
  private final @Nullable OkHttpClient callerClient;

  /** How each operation sends the key; kept for the assemblies derived from this one. */
  private final Authentication authentication;

  private ClientAssembly(OkHttpClient api, OkHttpClient anonymous, Retrofit retrofit, AtomicBoolean closed,
      @Nullable OkHttpClient callerClient, Authentication authentication) {
    this.api = api;
    this.anonymous = anonymous;
    this.retrofit = retrofit;
    this.closed = closed;
    this.callerClient = callerClient;
    this.authentication = authentication;
  }

  /**
   * Shuts the dispatcher's threads (calls in flight finish; new ones are refused) and closes the idle
   * pooled connections, for this assembly and every one it shares them with. Idempotent.
   */
  void close() {
    if (closed.compareAndSet(false, true) && callerClient == null) {
      api.dispatcher().executorService().shutdown();
      api.connectionPool().evictAll();
    }
  }

  /**
   * @throws IllegalStateException if this assembly, or one it shares its pool and threads with, was
   *     closed
   */
  void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the client was closed (by itself or by a client derived with withOptions, which shares its connections)");
    }
  }

  /** Assembles new clients, sending {@code Authorization: Bearer <key>} on every request. */
  static ClientAssembly create(ClientOptions options, String defaultBaseUrl) {
    return create(options, defaultBaseUrl, Authentication.bearerEverywhere());
  }

  /** Assembles new clients with a connection pool and dispatcher of their own, sending the key as {@code authentication} says. */
  static ClientAssembly create(ClientOptions options, String defaultBaseUrl, Authentication authentication) {
    OkHttpClient caller = options.httpClient();
    if (caller != null) {
      // The caller's dispatcher is shared with the rest of the application: left as configured.
      return assemble(caller.newBuilder(), options, defaultBaseUrl, new AtomicBoolean(), caller, authentication);
    }
    Dispatcher dispatcher = new Dispatcher();
    // Every call, synchronous ones included, runs on the dispatcher (RetryingCall); OkHttp's
    // default of 5 calls per host would make the sixth thread calling one vendor queue.
    dispatcher.setMaxRequests(MAX_CALLS);
    dispatcher.setMaxRequestsPerHost(MAX_CALLS);
    return assemble(new OkHttpClient.Builder().dispatcher(dispatcher), options, defaultBaseUrl, new AtomicBoolean(), null,
        authentication);
  }

  /** Assembles clients for {@code options} that share this one's connection pool and dispatcher. */
  ClientAssembly derive(ClientOptions options, String defaultBaseUrl) {
    if (options.httpClient() != callerClient) {
      return create(options, defaultBaseUrl, authentication); // another transport: nothing to share
    }
    // From the pool and threads alone (or the caller's client as given), not from this assembly's
    // settings: the key, interceptors, log, proxy and TLS may all have changed or been taken away,
    // and are applied again below.
    OkHttpClient.Builder builder = callerClient != null
        ? callerClient.newBuilder()
        : new OkHttpClient.Builder().dispatcher(api.dispatcher()).connectionPool(api.connectionPool());
    return assemble(builder, options, defaultBaseUrl, closed, callerClient, authentication);
  }

  private static ClientAssembly assemble(
      OkHttpClient.Builder builder, ClientOptions options, String defaultBaseUrl, AtomicBoolean closed,
      @Nullable OkHttpClient callerClient, Authentication authentication) {
    applyTransport(builder, options);
    builder
        .connectTimeout(options.connectTimeout())
        .readTimeout(options.readTimeout())
        // Not OkHttp's per-attempt call timeout: RetryingCall bounds the whole call, retries included.
        .callTimeout(java.time.Duration.ZERO)
        // OkHttp would otherwise silently send a request again after some connection failures,
        // a POST included; RetryPolicy is the one place that decides what is sent twice.
        .retryOnConnectionFailure(false);
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
    String userAgent = options.userAgent();
    // Before the caller's interceptors, which may set a User-Agent of their own.
    builder.addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build()));
    options.interceptors().forEach(builder::addInterceptor);
    // Last of the application interceptors: nearest to OkHttp's decompression.
    builder.addInterceptor(BodyReadFailure.tagger());
    // Before authentication and the log are added: a pre-signed URL carries its own credentials,
    // in its query, which a log line would show.
    OkHttpClient anonymous = builder.build();

    // An application interceptor, not a network one: those run again for each redirect and would
    // re-add the header that OkHttp removed for a new host. First, so the caller's interceptors see it.
    builder.interceptors().add(0, authentication.adding(options.apiKey()));
    // OkHttp drops Authorization from a redirect to another host; a key in another header or the query
    // is dropped here. Before the log, so that the log shows what was sent.
    builder.addNetworkInterceptor(authentication.guardingRedirects());
    Consumer<String> sink = options.httpLogSink();
    if (sink != null && options.httpLogLevel() != HttpLogLevel.NONE) {
      // A network interceptor, so the log shows each redirect and the headers actually sent. At
      // BODY it reads (and decompresses) the body itself, before the application-level tagger
      // could see a failure: it is told apart from a connection failure here too.
      BodyReadFailure.around(HttpLog.create(options.httpLogLevel(), sink, options.apiKey(), authentication.secretHeaders(),
          authentication.secretQueryParameters()))
          .forEach(builder::addNetworkInterceptor);
    }
    OkHttpClient api = builder.build();
    String baseUrl = options.baseUrl() != null ? options.baseUrl() : defaultBaseUrl;
    Retrofit retrofit = new Retrofit.Builder().baseUrl(withTrailingSlash(baseUrl)).client(api).build();
    return new ClientAssembly(api, anonymous, retrofit, closed, callerClient, authentication);
  }

  /** Proxy and TLS, each only when set, so that a caller's OkHttpClient keeps its own otherwise. */
  private static void applyTransport(OkHttpClient.Builder builder, ClientOptions options) {
    if (options.proxy() != null) {
      builder.proxy(options.proxy());
    }
    if (options.proxyAuthenticator() != null) {
      builder.proxyAuthenticator(options.proxyAuthenticator());
    }
    if (options.sslSocketFactory() != null && options.trustManager() != null) {
      builder.sslSocketFactory(options.sslSocketFactory(), options.trustManager());
    }
    if (options.hostnameVerifier() != null) {
      builder.hostnameVerifier(options.hostnameVerifier());
    }
  }

  private static HttpUrl withTrailingSlash(String baseUrl) {
    HttpUrl url = HttpUrl.get(baseUrl);
    List<String> segments = url.pathSegments();
    // Retrofit resolves "v1/jobs" against the base URL like a browser: without the slash,
    // https://lyrcs.ai/api/v1 would lose its "v1".
    return segments.get(segments.size() - 1).isEmpty() ? url : url.newBuilder().addPathSegment("").build();
  }
}
