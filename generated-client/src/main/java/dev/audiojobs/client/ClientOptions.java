package dev.audiojobs.client;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import org.jspecify.annotations.Nullable;

/**
 * Settings shared by every vendor client: the API key, an optional base URL, the timeouts, the
 * retry policy and the opt-in HTTP log. Immutable; use {@link #toBuilder()} to derive changed
 * settings, or a client's {@code withOptions(…)} to derive a client.
 *
 * <pre>{@code
 * ClientOptions options = ClientOptions.builder().apiKey(System.getenv("PYANNOTEAI_API_KEY")).build();
 * }</pre>
 *
 * <p>The key is never shown: {@link #toString()} prints {@code apiKey=<redacted>}, no exception
 * message of this class contains it, and the HTTP log masks it.
 */
public final class ClientOptions {
  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

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
            && sleeper.equals(other.sleeper));
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        apiKey, baseUrl, connectTimeout, readTimeout, callTimeout, interceptors, retryPolicy,
        httpLogLevel, httpLogSink, clock, sleeper);
  }

  /** Every setting except the key, which shows as {@code apiKey=<redacted>}. */
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
     * Logs every HTTP exchange to {@code sink}, one line per call of {@code sink}, with OkHttp's
     * logging interceptor. The log shows what goes on the wire, each redirect included. {@code
     * Authorization} shows as {@code ██}, and the API key is replaced by {@code ██} anywhere else
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
     * Returns the settings.
     *
     * @throws IllegalStateException if no API key was set
     */
    public ClientOptions build() {
      if (apiKey == null) {
        throw new IllegalStateException("apiKey is required");
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
}
