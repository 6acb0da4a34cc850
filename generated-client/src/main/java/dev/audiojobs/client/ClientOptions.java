package dev.audiojobs.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;
import org.jspecify.annotations.Nullable;

/**
 * Settings shared by every vendor client: the API key, an optional base URL, the timeouts, the
 * retry policy, the opt-in HTTP log, and the transport (proxy, TLS, or the caller's own {@link
 * OkHttpClient}). Immutable; use {@link #toBuilder()} to derive changed settings, or a client's
 * {@code withOptions(…)} to derive a client.
 *
 * <pre>{@code
 * ClientOptions options = ClientOptions.builder().fromEnv("pyannote").build(); // PYANNOTE_API_KEY
 * }</pre>
 *
 * <p>The key is never shown: {@link #toString()} prints {@code apiKey=<redacted>}, no exception
 * message of this class contains it, and the HTTP log masks it.
 */
public final class ClientOptions {
  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
  private static final String USER_AGENT = "audiojobs-java/" + version();

  private final String apiKey;
  private final @Nullable String baseUrl;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration callTimeout;
  private final List<Interceptor> interceptors;
  private final RetryPolicy retryPolicy;
  private final HttpLogLevel httpLogLevel;
  private final @Nullable Consumer<String> httpLogSink;
  private final Clock clock;
  private final Sleeper sleeper;
  private final @Nullable Proxy proxy;
  private final @Nullable Authenticator proxyAuthenticator;
  private final @Nullable SSLSocketFactory sslSocketFactory;
  private final @Nullable X509TrustManager trustManager;
  private final @Nullable HostnameVerifier hostnameVerifier;
  private final @Nullable OkHttpClient httpClient;

  private ClientOptions(Builder builder) {
    this.apiKey = Objects.requireNonNull(builder.apiKey);
    this.baseUrl = builder.baseUrl;
    this.connectTimeout = builder.connectTimeout;
    this.readTimeout = builder.readTimeout;
    this.callTimeout = builder.callTimeout;
    this.interceptors = List.copyOf(builder.interceptors);
    this.retryPolicy = builder.retryPolicy;
    this.httpLogLevel = builder.httpLogLevel;
    this.httpLogSink = builder.httpLogSink;
    this.clock = builder.clock;
    this.sleeper = builder.sleeper;
    this.proxy = builder.proxy;
    this.proxyAuthenticator = builder.proxyAuthenticator;
    this.sslSocketFactory = builder.sslSocketFactory;
    this.trustManager = builder.trustManager;
    this.hostnameVerifier = builder.hostnameVerifier;
    this.httpClient = builder.httpClient;
  }

  /** Returns a builder with no key, the vendor's default base URL and the default timeouts. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The API key, sent as {@code Authorization: Bearer <key>} to the base URL's host only. */
  public String apiKey() {
    return apiKey;
  }

  /**
   * The base URL in OkHttp's canonical form ({@code http://localhost/}), or null for the vendor's
   * default. Paths of operations resolve under it, so {@code https://lyrcs.ai/api/v1} keeps its
   * {@code /api/v1} prefix.
   */
  public @Nullable String baseUrl() {
    return baseUrl;
  }

  /** How long to wait for a connection; {@link Duration#ZERO} means no limit. Default 10 s. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** How long to wait between two reads of a response; {@link Duration#ZERO} means no limit. Default 60 s. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /**
   * How long a whole call may take, retries and the waits between them included, from the first
   * connection to the last byte of the final response; {@link Duration#ZERO}, the default, means no
   * limit. When it passes, the attempt in flight or the wait is cancelled and the call fails with a
   * {@link TransportException} whose cause is an {@link java.io.InterruptedIOException} "timeout".
   * Measured in real time, not on the {@link #clock()}. Waiting for a job is not a call: each poll
   * is one.
   */
  public Duration callTimeout() {
    return callTimeout;
  }

  /**
   * The OkHttp application interceptors added with {@link Builder#addInterceptor}, in order. They run
   * after the client has set {@code Authorization}, once per call (not per redirect or retry).
   */
  public List<Interceptor> interceptors() {
    return interceptors;
  }

  /** When a request is sent again; {@link RetryPolicy#defaults()} unless set. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** How much the HTTP log shows; {@link HttpLogLevel#NONE}, the default, logs nothing. */
  public HttpLogLevel httpLogLevel() {
    return httpLogLevel;
  }

  /** Where the HTTP log's lines go, or null when there is no log. */
  public @Nullable Consumer<String> httpLogSink() {
    return httpLogSink;
  }

  /**
   * The clock of retry budgets, {@code Retry-After} dates and job waiting; the system UTC clock
   * unless set (tests set a fake one).
   */
  public Clock clock() {
    return clock;
  }

  /** How retries and job waiting wait; {@link Sleeper#system()} unless set. */
  public Sleeper sleeper() {
    return sleeper;
  }

  /**
   * The proxy every connection goes through, or null for OkHttp's default: the JVM's {@link
   * java.net.ProxySelector} (system properties {@code https.proxyHost}, …), or the {@link
   * #httpClient()}'s proxy when one is given. {@link Proxy#NO_PROXY} connects directly.
   */
  public @Nullable Proxy proxy() {
    return proxy;
  }

  /**
   * Answers a proxy's {@code 407 Proxy Authentication Required}, or null for none. Set by {@link
   * Builder#proxyCredentials} or {@link Builder#proxyAuthenticator}.
   */
  public @Nullable Authenticator proxyAuthenticator() {
    return proxyAuthenticator;
  }

  /** The TLS socket factory, or null for the JDK's default; set together with {@link #trustManager()}. */
  public @Nullable SSLSocketFactory sslSocketFactory() {
    return sslSocketFactory;
  }

  /** The trust manager that {@link #sslSocketFactory()} was made with, or null for the JDK's default. */
  public @Nullable X509TrustManager trustManager() {
    return trustManager;
  }

  /** Checks a server certificate's host name, or null for OkHttp's (RFC 2818) check. */
  public @Nullable HostnameVerifier hostnameVerifier() {
    return hostnameVerifier;
  }

  /**
   * The caller's own OkHttp client the client is built on, sharing its connection pool, threads,
   * interceptors, cache and event listener; null for a client of its own.
   */
  public @Nullable OkHttpClient httpClient() {
    return httpClient;
  }

  /**
   * The {@code User-Agent} every request carries: {@code audiojobs-java/<version>}, the version of
   * this jar (read from the {@code dev/audiojobs/client/audiojobs.properties} it holds). A caller's
   * interceptor may replace it.
   */
  public String userAgent() {
    return USER_AGENT;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o == this
        || (o instanceof ClientOptions other
            && apiKey.equals(other.apiKey)
            && Objects.equals(baseUrl, other.baseUrl)
            && connectTimeout.equals(other.connectTimeout)
            && readTimeout.equals(other.readTimeout)
            && callTimeout.equals(other.callTimeout)
            && interceptors.equals(other.interceptors)
            && retryPolicy.equals(other.retryPolicy)
            && httpLogLevel == other.httpLogLevel
            && Objects.equals(httpLogSink, other.httpLogSink)
            && clock.equals(other.clock)
            && sleeper.equals(other.sleeper)
            && Objects.equals(proxy, other.proxy)
            && Objects.equals(proxyAuthenticator, other.proxyAuthenticator)
            && Objects.equals(sslSocketFactory, other.sslSocketFactory)
            && Objects.equals(trustManager, other.trustManager)
            && Objects.equals(hostnameVerifier, other.hostnameVerifier)
            && Objects.equals(httpClient, other.httpClient));
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        apiKey, baseUrl, connectTimeout, readTimeout, callTimeout, interceptors, retryPolicy,
        httpLogLevel, httpLogSink, clock, sleeper, proxy, proxyAuthenticator, sslSocketFactory,
        trustManager, hostnameVerifier, httpClient);
  }

  /**
   * Every setting except the key, which shows as {@code apiKey=<redacted>}; proxy credentials show as
   * {@code <redacted>} too.
   */
  @Override
  public String toString() {
    return "ClientOptions{apiKey=<redacted>"
        + ", baseUrl=" + baseUrl
        + ", connectTimeout=" + connectTimeout
        + ", readTimeout=" + readTimeout
        + ", callTimeout=" + callTimeout
        + ", interceptors=" + interceptors.size()
        + ", retryPolicy=" + retryPolicy
        + ", httpLogLevel=" + httpLogLevel
        + (proxy != null ? ", proxy=" + proxy : "")
        + (proxyAuthenticator != null ? ", proxyAuthenticator=" + proxyAuthenticator : "")
        + (sslSocketFactory != null ? ", sslSocketFactory=" + sslSocketFactory.getClass().getName() : "")
        + (hostnameVerifier != null ? ", hostnameVerifier=" + hostnameVerifier.getClass().getName() : "")
        + (httpClient != null ? ", httpClient=" + httpClient : "")
        + "}";
  }

  /** Collects settings for {@link ClientOptions}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String apiKey;
    private @Nullable String baseUrl;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration callTimeout = Duration.ZERO;
    private final List<Interceptor> interceptors = new ArrayList<>();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private HttpLogLevel httpLogLevel = HttpLogLevel.NONE;
    private @Nullable Consumer<String> httpLogSink;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private @Nullable Proxy proxy;
    private @Nullable Authenticator proxyAuthenticator;
    private @Nullable SSLSocketFactory sslSocketFactory;
    private @Nullable X509TrustManager trustManager;
    private @Nullable HostnameVerifier hostnameVerifier;
    private @Nullable OkHttpClient httpClient;
    /** The variable {@link #fromEnv} read the key from, for the message when it was not set. */
    private @Nullable String apiKeyVariable;

    private Builder() {}

    private Builder(ClientOptions options) {
      this.apiKey = options.apiKey;
      this.baseUrl = options.baseUrl;
      this.connectTimeout = options.connectTimeout;
      this.readTimeout = options.readTimeout;
      this.callTimeout = options.callTimeout;
      this.interceptors.addAll(options.interceptors);
      this.retryPolicy = options.retryPolicy;
      this.httpLogLevel = options.httpLogLevel;
      this.httpLogSink = options.httpLogSink;
      this.clock = options.clock;
      this.sleeper = options.sleeper;
      this.proxy = options.proxy;
      this.proxyAuthenticator = options.proxyAuthenticator;
      this.sslSocketFactory = options.sslSocketFactory;
      this.trustManager = options.trustManager;
      this.hostnameVerifier = options.hostnameVerifier;
      this.httpClient = options.httpClient;
    }

    /**
     * Reads the settings of the vendor {@code vendorToken} from the environment: the API key from
     * {@code <TOKEN>_API_KEY} and, when set, the base URL from {@code <TOKEN>_BASE_URL}, where
     * {@code <TOKEN>} is the token in upper case ({@code pyannote} → {@code PYANNOTE_API_KEY},
     * {@code PYANNOTE_BASE_URL}; {@code daily} → {@code DAILY_API_KEY}; {@code lyrcs} → {@code
     * LYRCS_API_KEY}). A variable that is unset or empty changes nothing; settings made after this
     * call override it. Generated clients call it from their {@code fromEnv()}.
     *
     * @throws IllegalArgumentException if {@code vendorToken} is not a lower-case vendor token, or a
     *     variable holds a value its setter refuses; the message names the variable, never the key
     * @throws IllegalStateException from {@link #build()} when no key was set and {@code
     *     <TOKEN>_API_KEY} is unset; the message names the variable
     */
    public Builder fromEnv(String vendorToken) {
      return fromEnv(vendorToken, System::getenv);
    }

    /** {@link #fromEnv(String)} with another environment, for tests. */
    Builder fromEnv(String vendorToken, UnaryOperator<@Nullable String> environment) {
      Objects.requireNonNull(vendorToken, "vendorToken == null");
      if (!vendorToken.matches("[a-z][a-z0-9]*")) {
        throw new IllegalArgumentException("vendorToken is not a lower-case vendor token such as pyannote: " + vendorToken);
      }
      String prefix = vendorToken.toUpperCase(Locale.ROOT);
      String keyVariable = prefix + "_API_KEY";
      String key = environment.apply(keyVariable);
      if (key != null && !key.isEmpty()) {
        try {
          apiKey(key.strip());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(keyVariable + ": " + e.getMessage(), e);
        }
      } else if (apiKey == null) {
        apiKeyVariable = keyVariable;
      }
      String baseUrlVariable = prefix + "_BASE_URL";
      String url = environment.apply(baseUrlVariable);
      if (url != null && !url.isEmpty()) {
        try {
          baseUrl(url.strip());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(baseUrlVariable + ": " + e.getMessage(), e);
        }
      }
      return this;
    }

    /**
     * Sets the API key. Required.
     *
     * @throws NullPointerException if {@code apiKey} is null
     * @throws IllegalArgumentException if {@code apiKey} is blank, or contains a character that
     *     cannot be sent in an HTTP header (anything but visible ASCII)
     */
    public Builder apiKey(String apiKey) {
      Objects.requireNonNull(apiKey, "apiKey == null");
      if (apiKey.isBlank()) {
        throw new IllegalArgumentException("apiKey is blank");
      }
      for (int i = 0; i < apiKey.length(); i++) {
        char c = apiKey.charAt(i);
        if (c < '!' || c > '~') {
          // Checked here because OkHttp would only fail at the first request. The key, and the
          // character, which may be part of it, stay out of the message.
          throw new IllegalArgumentException(
              "apiKey contains a character not allowed in an HTTP header, at index " + i);
        }
      }
      this.apiKey = apiKey;
      return this;
    }

    /**
     * Sets the base URL, replacing the vendor's default. A path prefix is kept: operations resolve
     * under it, whether or not it ends with {@code /}.
     *
     * @param baseUrl an https URL, or an http URL whose host is a loopback address ({@code
     *     localhost}, {@code 127.0.0.0/8}, {@code ::1}) for tests and local mocks; null restores the
     *     vendor's default
     * @throws IllegalArgumentException if {@code baseUrl} is not an http or https URL, or is http to
     *     a host that is not loopback, since the key would travel in clear text
     */
    public Builder baseUrl(@Nullable String baseUrl) {
      if (baseUrl == null) {
        this.baseUrl = null;
        return this;
      }
      HttpUrl url = HttpUrl.parse(baseUrl);
      if (url == null) {
        throw new IllegalArgumentException("baseUrl is not an http or https URL: " + baseUrl);
      }
      if (!url.isHttps() && !isLoopback(url.host())) {
        throw new IllegalArgumentException(
            "baseUrl must use https unless it is a loopback address: " + withoutUserInfo(url));
      }
      this.baseUrl = url.toString();
      return this;
    }

    /**
     * Sets how long to wait for a connection; {@link Duration#ZERO} means no limit.
     *
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative, shorter than a millisecond
     *     but not zero, or longer than {@link Integer#MAX_VALUE} milliseconds
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = checkTimeout("connectTimeout", timeout);
      return this;
    }

    /**
     * Sets how long to wait between two reads of a response; {@link Duration#ZERO} means no limit.
     *
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException as for {@link #connectTimeout(Duration)}
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = checkTimeout("readTimeout", timeout);
      return this;
    }

    /**
     * Sets how long a whole call may take, retries included (see {@link ClientOptions#callTimeout()});
     * {@link Duration#ZERO} means no limit.
     *
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException as for {@link #connectTimeout(Duration)}
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = checkTimeout("callTimeout", timeout);
      return this;
    }

    /**
     * Adds an OkHttp application interceptor: custom headers, tracing, a test server's {@code Prefer}
     * header. It sees the request with {@code Authorization} already set, so it must not log headers
     * unredacted.
     *
     * @throws NullPointerException if {@code interceptor} is null
     */
    public Builder addInterceptor(Interceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor == null"));
      return this;
    }

    /**
     * Sets when a request is sent again: {@link RetryPolicy#none()} switches retries off.
     *
     * @throws NullPointerException if {@code policy} is null
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /**
     * Logs every HTTP exchange to {@code sink}, one line per call of {@code sink}, in the format of
     * OkHttp's logging interceptor (with code of its own that works on OkHttp 4.12 and 5). The log
     * shows what goes on the wire, each redirect included. {@code Authorization} and {@code
     * Proxy-Authorization} show as {@code ██}, and the API key is replaced by {@code ██} anywhere else
     * in a line (a server that echoes it in an error body). {@link HttpLogLevel#NONE} switches the
     * log off.
     *
     * @throws NullPointerException if an argument is null
     */
    public Builder httpLog(HttpLogLevel level, Consumer<String> sink) {
      Objects.requireNonNull(level, "level == null");
      Objects.requireNonNull(sink, "sink == null");
      this.httpLogLevel = level;
      this.httpLogSink = level == HttpLogLevel.NONE ? null : sink;
      return this;
    }

    /**
     * Sets the clock that retry budgets, {@code Retry-After} dates and job waiting read. For tests:
     * with a fake {@link #sleeper} that advances it, no test has to really wait.
     *
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets how retries and job waiting wait. For tests; see {@link #clock}.
     *
     * @throws NullPointerException if {@code sleeper} is null
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * Sends every request through {@code proxy}; {@link Proxy#NO_PROXY} connects directly, null
     * restores the default (the JVM's {@link java.net.ProxySelector}). The key still goes only to the
     * base URL's host: an https call is tunnelled ({@code CONNECT}), so the proxy never sees it.
     */
    public Builder proxy(@Nullable Proxy proxy) {
      this.proxy = proxy;
      return this;
    }

    /**
     * Answers a proxy's {@code 407} with HTTP Basic credentials ({@code Proxy-Authorization}), once
     * per challenge. The password is never shown: not in {@code toString}, not in the HTTP log.
     *
     * @throws NullPointerException if an argument is null
     */
    public Builder proxyCredentials(String username, String password) {
      this.proxyAuthenticator = new BasicProxyCredentials(
          Objects.requireNonNull(username, "username == null"), Objects.requireNonNull(password, "password == null"));
      return this;
    }

    /**
     * Answers a proxy's {@code 407} with {@code authenticator}, for schemes other than Basic; null
     * for none. Replaces {@link #proxyCredentials}.
     */
    public Builder proxyAuthenticator(@Nullable Authenticator authenticator) {
      this.proxyAuthenticator = authenticator;
      return this;
    }

    /**
     * Sets the TLS socket factory and the trust manager it was initialised with (OkHttp needs both,
     * to clean certificate chains), e.g. to trust a corporate CA or pin a private one.
     *
     * @throws NullPointerException if an argument is null
     */
    public Builder tls(SSLSocketFactory socketFactory, X509TrustManager trustManager) {
      this.sslSocketFactory = Objects.requireNonNull(socketFactory, "socketFactory == null");
      this.trustManager = Objects.requireNonNull(trustManager, "trustManager == null");
      return this;
    }

    /** Sets how a server certificate's host name is checked; null restores OkHttp's RFC 2818 check. */
    public Builder hostnameVerifier(@Nullable HostnameVerifier verifier) {
      this.hostnameVerifier = verifier;
      return this;
    }

    /**
     * Builds the client on the caller's {@code client} (null: a client of its own): its connection
     * pool, dispatcher (threads), interceptors, cache, event listener, proxy and TLS settings are
     * shared, so one application keeps one pool. The settings of these options are applied on top,
     * on a copy ({@link OkHttpClient#newBuilder()}): timeouts, proxy and TLS when set, {@code
     * Authorization}, {@code User-Agent} and the log; {@code client} itself is not changed, and
     * closing the vendor client leaves its pool and threads running. Every call, synchronous ones
     * too, runs on {@code client}'s dispatcher: its {@code maxRequestsPerHost} (OkHttp's default is
     * 5) bounds the calls in flight to one vendor. OkHttp's own retry on connection failure is
     * switched off in the copy, since {@link #retryPolicy} decides what is sent twice.
     */
    public Builder httpClient(@Nullable OkHttpClient client) {
      this.httpClient = client;
      return this;
    }

    /**
     * Returns the settings.
     *
     * @throws IllegalStateException if no API key was set
     */
    public ClientOptions build() {
      if (apiKey == null) {
        throw new IllegalStateException(
            apiKeyVariable == null ? "apiKey is required" : "apiKey is required: " + apiKeyVariable + " is not set");
      }
      return new ClientOptions(this);
    }

    // OkHttp takes timeouts as int milliseconds and rejects a non-zero one that rounds to zero;
    // checking here makes a bad value fail when it is set rather than when a client is created.
    private static Duration checkTimeout(String name, Duration timeout) {
      Objects.requireNonNull(timeout, name + " == null");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException(name + " is negative: " + timeout);
      }
      if (!timeout.isZero() && timeout.compareTo(Duration.ofMillis(1)) < 0) {
        throw new IllegalArgumentException(name + " is shorter than 1 ms: " + timeout);
      }
      if (timeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
        throw new IllegalArgumentException(name + " is too long: " + timeout);
      }
      return timeout;
    }

    // HttpUrl gives hosts in canonical form: lower case, IPv4 as four decimal numbers, IPv6
    // without brackets and compressed, so "[0:0:0:0:0:0:0:1]" arrives here as "::1".
    private static boolean isLoopback(String host) {
      if (host.equals("localhost") || host.equals("::1")) {
        return true;
      }
      if (!host.startsWith("127.")) {
        return false;
      }
      String[] parts = host.split("\\.", -1);
      if (parts.length != 4) {
        return false; // a name such as 127.example.com
      }
      for (String part : parts) {
        if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
          return false;
        }
      }
      return true;
    }

    // User info may hold a password; the message must not carry secrets.
    private static HttpUrl withoutUserInfo(HttpUrl url) {
      return url.newBuilder().username("").password("").build();
    }
  }

  /** HTTP Basic credentials for a proxy; equal by value, the password never shown. */
  private static final class BasicProxyCredentials implements Authenticator {
    private final String username;
    private final String password;

    BasicProxyCredentials(String username, String password) {
      this.username = username;
      this.password = password;
    }

    @Override
    public @Nullable Request authenticate(@Nullable Route route, Response response) {
      if (response.request().header("Proxy-Authorization") != null) {
        return null; // these credentials were refused: give up rather than loop
      }
      return response.request().newBuilder()
          .header("Proxy-Authorization", Credentials.basic(username, password))
          .build();
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof BasicProxyCredentials other && username.equals(other.username) && password.equals(other.password);
    }

    @Override
    public int hashCode() {
      return Objects.hash(username, password);
    }

    @Override
    public String toString() {
      return "BasicProxyCredentials{username=" + username + ", password=<redacted>}";
    }
  }

  /** This jar's version, from the resource the build filters; "unknown" outside a build. */
  private static String version() {
    try (InputStream in = ClientOptions.class.getResourceAsStream("audiojobs.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dev/audiojobs/client/audiojobs.properties", e);
    }
  }
}
