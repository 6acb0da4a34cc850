package dev.audiojobs.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A 2xx response with its decoded body.
 *
 * @param <T> the body's type, as the spec declares it for this operation
 */
public final class ApiResponse<T> {
  private final int statusCode;
  private final Map<String, List<String>> headers;
  // Null only in an ApiResponse<Void>, for an operation whose success has no body.
  private final @Nullable T body;

  private ApiResponse(int statusCode, Map<String, List<String>> headers, @Nullable T body) {
    this.statusCode = statusCode;
    this.headers = headers;
    this.body = body;
  }

  /**
   * Returns a response; for the runtime, and for tests of code that uses the clients.
   *
   * @param headers header values by name; copied
   * @throws NullPointerException if {@code headers}, a name or value in it, or {@code body} is null
   */
  public static <T> ApiResponse<T> of(int statusCode, Map<String, List<String>> headers, T body) {
    return new ApiResponse<>(
        statusCode, HeaderMap.copyOf(headers), Objects.requireNonNull(body, "body == null"));
  }

  /**
   * Returns the response of an operation whose success has no body (a {@code 204}, an upload to a
   * pre-signed URL): {@link #body()} is null.
   *
   * @throws NullPointerException if {@code headers}, or a name or value in it, is null
   */
  public static ApiResponse<Void> withoutBody(int statusCode, Map<String, List<String>> headers) {
    return new ApiResponse<>(statusCode, HeaderMap.copyOf(headers), null);
  }

  /** The HTTP status code, 200 to 299. */
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
   * The decoded body; never null, except in an {@code ApiResponse<Void>} of an operation whose
   * success has no body.
   */
  @SuppressWarnings("nullness") // null exactly when T is Void, which the signature cannot say
  public T body() {
    return body;
  }

  /** The {@code X-Request-Id} header, or empty when the server sent none. */
  public Optional<String> requestId() {
    return header("X-Request-Id");
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o == this
        || (o instanceof ApiResponse<?> other
            && statusCode == other.statusCode
            && headers.equals(other.headers)
            && Objects.equals(body, other.body));
  }

  @Override
  public int hashCode() {
    return Objects.hash(statusCode, headers, body);
  }

  @Override
  public String toString() {
    return "ApiResponse{statusCode=" + statusCode + ", body=" + body + "}";
  }
}
