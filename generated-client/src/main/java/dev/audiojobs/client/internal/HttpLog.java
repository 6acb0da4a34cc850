package dev.audiojobs.client.internal;

import dev.audiojobs.client.HttpLogLevel;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Connection;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.GzipSource;

/**
 * The opt-in HTTP log ({@link dev.audiojobs.client.ClientOptions.Builder#httpLog}): a network
 * interceptor that writes each exchange, each redirect hop included, in the line format of OkHttp's
 * {@code logging-interceptor} ({@code --> GET url http/1.1}, headers, body, {@code --> END GET},
 * {@code <-- 200 OK url (12ms)}, …). {@code Authorization} and {@code Proxy-Authorization} show as {@code ██}, and every line passes
 * through {@link Secrets#mask(String, String)} before it reaches the sink.
 *
 * <p>Own code, not OkHttp's {@code logging-interceptor}: that artifact is versioned with OkHttp and
 * calls its internals ({@code okhttp3.internal.Internal.charsetOrUtf8} in 5.x, absent from 4.12), so
 * an application whose build picks another OkHttp than the interceptor's fails with {@code
 * NoSuchMethodError}. This class uses only API that OkHttp 4.12 and 5.x share.
 */
final class HttpLog implements Interceptor {
  private static final String REDACTED = Secrets.MASK;

  private final HttpLogLevel level;
  private final Consumer<String> sink;

  /** Headers and query parameters that carry the key (the spec's apiKey schemes): shown as ██ whatever the key's length. */
  private final java.util.Set<String> secretHeaders;
  private final java.util.Set<String> secretQuery;

  private HttpLog(HttpLogLevel level, Consumer<String> sink, java.util.Set<String> secretHeaders,
      java.util.Set<String> secretQuery) {
    this.level = level;
    this.sink = sink;
    this.secretHeaders = secretHeaders;
    this.secretQuery = secretQuery;
  }

  /**
   * Returns the log at {@code level} writing to {@code sink}, with {@code key} masked in every line.
   *
   * @throws IllegalArgumentException if {@code level} is {@link HttpLogLevel#NONE}, which is no log
   */
  static HttpLog create(HttpLogLevel level, Consumer<String> sink, String key) {
    return create(level, sink, key, java.util.Set.of(), java.util.Set.of());
  }

  /**
   * Like {@link #create(HttpLogLevel, Consumer, String)}, also redacting by name the headers and query
   * parameters {@code secretHeaders} and {@code secretQuery} (case-insensitive for headers), where the key
   * is sent instead of {@code Authorization}.
   */
  static HttpLog create(HttpLogLevel level, Consumer<String> sink, String key, java.util.Set<String> secretHeaders,
      java.util.Set<String> secretQuery) {
    Objects.requireNonNull(sink, "sink == null");
    Objects.requireNonNull(key, "key == null");
    if (level == HttpLogLevel.NONE) {
      throw new IllegalArgumentException("level NONE logs nothing: add no HttpLog");
    }
    java.util.Set<String> headers = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    headers.addAll(secretHeaders);
    return new HttpLog(level, line -> sink.accept(Secrets.mask(line, key)), java.util.Collections.unmodifiableSet(headers),
        java.util.Set.copyOf(secretQuery));
  }

  /** {@code url} with the value of every secret query parameter shown as ██. */
  private String shown(okhttp3.HttpUrl url) {
    String shown = url.toString();
    if (secretQuery.isEmpty() || url.querySize() == 0) return shown;
    for (String name : secretQuery) {
      String encodedName = okhttp3.HttpUrl.get("http://h/").newBuilder().addQueryParameter(name, "").build().encodedQuery();
      encodedName = encodedName.substring(0, encodedName.length() - 1); // "name=" without the "="
      shown = shown.replaceAll("([?&]" + java.util.regex.Pattern.quote(encodedName) + "=)[^&#]*",
          "$1" + java.util.regex.Matcher.quoteReplacement(REDACTED));
    }
    return shown;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    boolean logHeaders = level != HttpLogLevel.BASIC;
    boolean logBody = level == HttpLogLevel.BODY;
    Request request = chain.request();
    RequestBody requestBody = request.body();
    Connection connection = chain.connection();

    String start = "--> " + request.method() + " " + shown(request.url())
        + (connection != null ? " " + connection.protocol() : "");
    if (!logHeaders && requestBody != null) {
      start += " (" + requestBody.contentLength() + "-byte body)";
    }
    sink.accept(start);
    if (logHeaders) {
      logRequestHeadersAndBody(request, requestBody, logBody);
    }

    long startNs = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException | RuntimeException e) {
      sink.accept("<-- HTTP FAILED: " + e);
      throw e;
    }
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);

    ResponseBody responseBody = response.body();
    long contentLength = responseBody == null ? 0 : responseBody.contentLength();
    String bodySize = contentLength != -1 ? contentLength + "-byte" : "unknown-length";
    sink.accept("<-- " + response.code() + (response.message().isEmpty() ? "" : " " + response.message())
        + " " + shown(response.request().url()) + " (" + tookMs + "ms" + (!logHeaders ? ", " + bodySize + " body" : "") + ")");
    if (logHeaders) {
      Headers headers = response.headers();
      for (int i = 0; i < headers.size(); i++) {
        logHeader(headers, i);
      }
      if (!logBody || responseBody == null || !promisesBody(response)) {
        sink.accept("<-- END HTTP");
      } else if (hasUnknownEncoding(headers)) {
        sink.accept("<-- END HTTP (encoded body omitted)");
      } else if (isStreaming(responseBody.contentType())) {
        sink.accept("<-- END HTTP (streaming)");
      } else {
        logResponseBody(headers, responseBody, contentLength);
      }
    }
    return response;
  }

  private void logRequestHeadersAndBody(Request request, RequestBody requestBody, boolean logBody) throws IOException {
    Headers headers = request.headers();
    if (requestBody != null) {
      // A network interceptor sees these headers already; kept for a body OkHttp did not describe.
      MediaType type = requestBody.contentType();
      if (type != null && headers.get("Content-Type") == null) {
        sink.accept("Content-Type: " + type);
      }
      if (requestBody.contentLength() != -1 && headers.get("Content-Length") == null) {
        sink.accept("Content-Length: " + requestBody.contentLength());
      }
    }
    for (int i = 0; i < headers.size(); i++) {
      logHeader(headers, i);
    }
    String method = request.method();
    if (!logBody || requestBody == null) {
      sink.accept("--> END " + method);
    } else if (hasUnknownEncoding(headers)) {
      sink.accept("--> END " + method + " (encoded body omitted)");
    } else if (requestBody.isDuplex()) {
      sink.accept("--> END " + method + " (duplex request body omitted)");
    } else if (requestBody.isOneShot()) {
      // A streamed file upload: writing it here would consume what the request must send.
      sink.accept("--> END " + method + " (one-shot body omitted)");
    } else {
      Buffer buffer = new Buffer();
      requestBody.writeTo(buffer);
      Long gzippedLength = null;
      if ("gzip".equalsIgnoreCase(headers.get("Content-Encoding"))) {
        gzippedLength = buffer.size();
        buffer = gunzip(buffer);
      }
      sink.accept("");
      if (!isProbablyText(buffer)) {
        sink.accept("--> END " + method + " (binary " + requestBody.contentLength() + "-byte body omitted)");
      } else if (gzippedLength != null) {
        sink.accept("--> END " + method + " (" + buffer.size() + "-byte, " + gzippedLength + "-gzipped-byte body)");
      } else {
        sink.accept(buffer.readString(charset(requestBody.contentType())));
        sink.accept("--> END " + method + " (" + requestBody.contentLength() + "-byte body)");
      }
    }
  }

  private void logResponseBody(Headers headers, ResponseBody responseBody, long contentLength) throws IOException {
    BufferedSource source = responseBody.source();
    source.request(Long.MAX_VALUE); // the whole body, which stays buffered for the caller
    Buffer buffer = source.getBuffer();
    Long gzippedLength = null;
    if ("gzip".equalsIgnoreCase(headers.get("Content-Encoding"))) {
      gzippedLength = buffer.size();
      buffer = gunzip(buffer.clone());
    }
    if (!isProbablyText(buffer)) {
      sink.accept("");
      sink.accept("<-- END HTTP (binary " + buffer.size() + "-byte body omitted)");
      return;
    }
    if (contentLength != 0) {
      sink.accept("");
      sink.accept(buffer.clone().readString(charset(responseBody.contentType())));
    }
    sink.accept(gzippedLength != null
        ? "<-- END HTTP (" + buffer.size() + "-byte, " + gzippedLength + "-gzipped-byte body)"
        : "<-- END HTTP (" + buffer.size() + "-byte body)");
  }

  private void logHeader(Headers headers, int i) {
    String name = headers.name(i);
    boolean secret = name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Proxy-Authorization")
        || secretHeaders.contains(name);
    sink.accept(name + ": " + (secret ? REDACTED : headers.value(i)));
  }

  private static Buffer gunzip(Buffer gzipped) throws IOException {
    Buffer plain = new Buffer();
    try (GzipSource source = new GzipSource(gzipped)) {
      plain.writeAll(source);
    }
    return plain;
  }

  private static Charset charset(MediaType type) {
    Charset charset = type == null ? null : type.charset(StandardCharsets.UTF_8);
    return charset == null ? StandardCharsets.UTF_8 : charset;
  }

  /** OkHttp's {@code promisesBody}, which is internal in both versions. */
  private static boolean promisesBody(Response response) {
    if (response.request().method().equals("HEAD")) {
      return false;
    }
    int code = response.code();
    if ((code < 100 || code >= 200) && code != 204 && code != 304) {
      return true;
    }
    String length = response.header("Content-Length");
    return (length != null && !length.equals("-1"))
        || "chunked".equalsIgnoreCase(response.header("Transfer-Encoding"));
  }

  private static boolean hasUnknownEncoding(Headers headers) {
    String encoding = headers.get("Content-Encoding");
    return encoding != null && !encoding.equalsIgnoreCase("identity") && !encoding.equalsIgnoreCase("gzip");
  }

  private static boolean isStreaming(MediaType type) {
    return type != null && type.type().equals("text") && type.subtype().equals("event-stream");
  }

  /**
   * True when the first 16 code points (within the first 64 bytes) hold no control character but
   * whitespace: how OkHttp's logger decides that a body is text worth printing.
   */
  static boolean isProbablyText(Buffer buffer) {
    try {
      Buffer prefix = new Buffer();
      buffer.copyTo(prefix, 0, Math.min(buffer.size(), 64));
      for (int i = 0; i < 16 && !prefix.exhausted(); i++) {
        int codePoint = prefix.readUtf8CodePoint();
        if (Character.isISOControl(codePoint) && !Character.isWhitespace(codePoint)) {
          return false;
        }
      }
      return true;
    } catch (EOFException e) {
      return false; // a truncated UTF-8 sequence
    }
  }
}
