package dev.audiojobs.conformance.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.audiojobs.client.ApiException;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shorthands for declaring {@link Exchange}s. */
final class Exchanges {
  private Exchanges() {}

  static Exchange ok(String description, String state, String path, String query, String body, Exchange.ClientCheck check) {
    return new Exchange(description, state, "GET", path, query, null, Exchange.API_KEY, 200, Map.of(), body, check);
  }

  /** A POST with a JSON request body that succeeds with {@code status}. */
  static Exchange posted(String description, String state, String path, String requestBody, int status, String body,
      Exchange.ClientCheck check) {
    return new Exchange(description, state, "POST", path, null, requestBody, Exchange.API_KEY, status, Map.of(), body, check);
  }

  /** A POST with a JSON request body that the API answers with an error. */
  static Exchange postError(String description, String state, String path, String requestBody, String apiKey, int status,
      Map<String, String> headers, String body, Exchange.ClientCheck check) {
    return new Exchange(description, state, "POST", path, null, requestBody, apiKey, status, headers, body, check);
  }

  /** A DELETE without a request body. */
  static Exchange deleted(String description, String state, String path, String apiKey, int status, String body,
      Exchange.ClientCheck check) {
    return new Exchange(description, state, "DELETE", path, null, null, apiKey, status, Map.of(), body, check);
  }

  /**
   * A GET answered 200 with a body that is not JSON ({@code contentType}, e.g. {@code text/plain;
   * charset=utf-8} for an LRC file) and further response headers.
   */
  static Exchange text(String description, String state, String path, String contentType, Map<String, String> headers,
      String body, Exchange.ClientCheck check) {
    Map<String, String> all = new java.util.LinkedHashMap<>(headers);
    all.put("Content-Type", contentType);
    return new Exchange(description, state, "GET", path, null, null, Exchange.API_KEY, 200, all, body, check);
  }

  static Exchange error(String description, String state, String path, String query, String apiKey, int status,
      Map<String, String> headers, String body, Exchange.ClientCheck check) {
    return new Exchange(description, state, "GET", path, query, null, apiKey, status, headers, body, check);
  }

  /**
   * Asserts that {@code call} throws an {@link ApiException} with {@code status} whose body decoded as
   * {@code errorType}, the model the normalized spec declares for that status; returns it for more checks.
   */
  static ApiException assertApiError(ThrowingCallable call, int status, Class<?> errorType) {
    ApiException e = catchThrowableOfType(ApiException.class, call);
    assertThat(e).as("the call throws ApiException").isNotNull();
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.error()).as("decoded error body; raw: %s", e.rawBody()).get().isInstanceOf(errorType);
    return e;
  }
}
