package dev.audiojobs.conformance.pact;

import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.core.model.V4Pact;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One documented response shape as a Pact interaction, and what the real client must make of it.
 *
 * <p>Every exchange differs from the others of its provider in method, path, query, API key or request
 * body, so that Pact's mock server can tell them apart while a single test exercises all of them. A
 * request body is matched exactly: the client must send that JSON.
 *
 * @param description the interaction's description, unique per provider (the comparison and the
 *     upstream verification name interactions by it)
 * @param state the provider state that produces this response
 * @param method the request method
 * @param path the request path, including the vendor's base path ({@code /api/v1} for lyrcs)
 * @param query the raw query string, or null for none
 * @param requestBody the JSON request body the client must send ({@code application/json}), or null for none
 * @param apiKey the key the client is built with; a revoked key is how a 401 is asked for
 * @param status the response status
 * @param headers further response headers; a {@code Content-Type} here replaces {@code application/json}
 *     (a text download)
 * @param body the response body, JSON text
 * @param check calls the real client at the mock server's base URL and asserts what it returns or throws
 */
record Exchange(
    String description,
    String state,
    String method,
    String path,
    String query,
    String requestBody,
    String apiKey,
    int status,
    Map<String, String> headers,
    String body,
    ClientCheck check) {
  static final String CONSUMER = "audiojobs-client";
  static final String API_KEY = "pact-key";
  static final String REVOKED_KEY = "revoked-key";

  Exchange {
    headers = Map.copyOf(headers);
  }

  /** Calls the client built against {@code baseUrl} (the mock server plus the vendor's base path). */
  @FunctionalInterface
  interface ClientCheck {
    void run(String baseUrl, String apiKey) throws Exception;
  }

  /** Writes every exchange into one V4 pact, in list order. */
  static V4Pact pact(PactDslWithProvider builder, List<Exchange> exchanges) {
    PactDslResponse response = null;
    for (Exchange e : exchanges) {
      PactDslWithState withState = response == null ? builder.given(e.state) : response.given(e.state);
      PactDslRequestWithPath request = withState.uponReceiving(e.description)
          .method(e.method)
          .path(e.path)
          .headers("Authorization", "Bearer " + e.apiKey);
      if (e.query != null) request = request.encodedQuery(e.query);
      if (e.requestBody != null) request = request.body(e.requestBody, "application/json");
      Map<String, String> responseHeaders = new LinkedHashMap<>();
      responseHeaders.put("Content-Type", "application/json");
      responseHeaders.putAll(new java.util.TreeMap<>(e.headers));
      String contentType = responseHeaders.get("Content-Type");
      PactDslResponse answer = request.willRespondWith().status(e.status).headers(responseHeaders);
      // A text body (an LRC file) is stored as text with its media type, not parsed as JSON.
      response = contentType.startsWith("application/json") ? answer.body(e.body) : answer.body(e.body, contentType);
    }
    if (response == null) throw new IllegalArgumentException("exchanges is empty");
    return response.toPact(V4Pact.class);
  }

  /** Runs every exchange's check; a failure names the interaction. */
  static void checkAll(String mockServerUrl, String basePath, List<Exchange> exchanges) {
    for (Exchange e : exchanges) {
      try {
        e.check.run(mockServerUrl + basePath, e.apiKey);
      } catch (AssertionError | Exception failure) {
        throw new AssertionError("interaction \"" + e.description + "\": " + failure.getMessage(), failure);
      }
    }
  }
}
