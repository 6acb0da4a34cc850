package dev.audiojobs.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A non-2xx response.
 *
 * <p>Carries the status, the headers, the body as received and, when the spec declares an error
 * model for this status and the body fits it, the decoded error. The message is {@code "<operation>:
 * HTTP <code>"}, then {@code " after <n> attempts"} when the request was retried, then {@code "
 * (request id <id>)"} when known, then {@code ": <body>"} when the body is not empty: its first 200
 * characters with runs of whitespace collapsed to one space.
 */
public final class ApiException extends AudioJobsException {
  private static final long serialVersionUID = 1L;
  private static final int MESSAGE_BODY_LIMIT = 200;

  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final @Nullable Object error;
  private final String rawBody;
  private final @Nullable String requestId;
  private final @Nullable Duration retryAfter;

  /** Like the constructor with {@code attempts}, for a request sent once. */
  public ApiException(
      String operation,
      int statusCode,
      Map<String, List<String>> headers,
      @Nullable Object error,
      String rawBody,
      @Nullable String requestId,
      @Nullable Duration retryAfter) {
    this(operation, statusCode, headers, error, rawBody, requestId, retryAfter, 1);
  }

  /**
   * Creates the exception; for the runtime, and for tests of code that uses the clients.
   *
   * @param headers header values by name; copied
   * @param error the decoded error body, or null when none is declared or it did not decode
   * @param rawBody the body as received, {@code ""} when none
   * @param requestId the request id from a header or the error body, or null
   * @param retryAfter the wait the server asked for, or null
   * @param attempts how many times the request was sent, this response's included
   * @throws IllegalArgumentException if {@code attempts} is below 1
   */
  public ApiException(
      String operation,
      int statusCode,
      Map<String, List<String>> headers,
      @Nullable Object error,
      String rawBody,
      @Nullable String requestId,
      @Nullable Duration retryAfter,
      int attempts) {
    super(
        Objects.requireNonNull(operation, "operation == null"),
        message(
            operation,
            statusCode,
            requestId,
            Objects.requireNonNull(rawBody, "rawBody == null"),
            attempts),
        null,
        attempts);
    this.statusCode = statusCode;
    this.headers = HeaderMap.copyOf(headers);
    this.error = error;
    this.rawBody = rawBody;
    this.requestId = requestId;
    this.retryAfter = retryAfter;
  }

  /** The HTTP status code. */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The response headers: names lower-case as OkHttp reports them, looked up case-insensitively,
   * values in arrival order. Unmodifiable.
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of the header {@code name} (any case), or empty when absent. */
  public Optional<String> header(String name) {
    return HeaderMap.first(headers, name);
  }

  /**
   * The decoded error body: an instance of the model the spec declares for this status. Empty when
   * the spec declares none for this status, or when the body does not fit it (then see {@link
   * #rawBody()}).
   */
  public Optional<Object> error() {
    return Optional.ofNullable(error);
  }

  /**
   * The decoded error body if it is a {@code type}; empty when absent or of another type.
   *
   * @throws NullPointerException if {@code type} is null
   */
  public <T> Optional<T> error(Class<T> type) {
    Objects.requireNonNull(type, "type == null");
    return type.isInstance(error) ? Optional.of(type.cast(error)) : Optional.empty();
  }

  /**
   * The body as received, decoded as text (the charset of its {@code Content-Type}, else UTF-8);
   * {@code ""} when there was none. This is where an HTML page from a proxy ends up.
   */
  public String rawBody() {
    return rawBody;
  }

  /** The {@code X-Request-Id} header, else the request id in the decoded error body, else empty. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * The wait the server asked for in {@code Retry-After}, as sent: {@link Duration#ZERO} for a date
   * in the past, no cap applied. Empty when the header is absent or not understood.
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  // The API key cannot end up here: it is only ever in a request header, and the message is built
  // from the status, a response header or body, and the operation id.
  private static String message(
      String operation, int statusCode, @Nullable String requestId, String rawBody, int attempts) {
    StringBuilder message = new StringBuilder(operation).append(": HTTP ").append(statusCode);
    if (attempts > 1) {
      message.append(" after ").append(attempts).append(" attempts");
    }
    if (requestId != null) {
      message.append(" (request id ").append(requestId).append(')');
    }
    String excerpt = excerpt(rawBody);
    if (!excerpt.isEmpty()) {
      message.append(": ").append(excerpt);
    }
    return message.toString();
  }

  /**
   * The first {@value #MESSAGE_BODY_LIMIT} characters of {@code rawBody} with whitespace runs
   * collapsed to one space and trimmed, then "…" when there is more. Scans only that prefix, since a
   * proxy's error page can be large.
   */
  static String excerpt(String rawBody) {
    StringBuilder out = new StringBuilder();
    boolean space = false;
    for (int i = 0; i < rawBody.length(); i++) {
      char c = rawBody.charAt(i);
      if (Character.isWhitespace(c)) {
        space = out.length() > 0;
        continue;
      }
      if (out.length() + (space ? 1 : 0) >= MESSAGE_BODY_LIMIT) {
        if (Character.isHighSurrogate(out.charAt(out.length() - 1))) {
          out.setLength(out.length() - 1); // do not split a surrogate pair
        }
        return out.append('…').toString();
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(c);
    }
    return out.toString();
  }
}
