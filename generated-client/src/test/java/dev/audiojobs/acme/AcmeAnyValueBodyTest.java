package dev.audiojobs.acme;

import static dev.audiojobs.testsupport.JsonTrees.assertSameJson;
import static dev.audiojobs.testsupport.Outcomes.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.RequestValidationException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * A JSON request body the spec leaves open ({@code createKey} of the test spec,
 * openapi/src/test/resources/codegen/acme.yaml: {@code KeyRequest} is "Any type", as in Deepgram's spec):
 * the caller passes maps, lists and scalars, sent exactly; anything JSON cannot hold is refused before
 * sending, at its path.
 */
final class AcmeAnyValueBodyTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private AcmeClient client() {
    return AcmeClient.builder().apiKey("sk-acme-test-41f0").baseUrl(server.url("/").toString()).build();
  }

  @Test
  void anyJsonValueIsSentExactly() throws Exception {
    server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
        .body("{\"url\": \"https://keys.example.test/k1\"}").build());
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("comment", "ci");
    key.put("scopes", List.of("usage:read", "keys:write"));
    key.put("time_to_live_in_seconds", 3600);
    key.put("expiration_date", null);

    MediaUrl created = client().createKey(key);

    assertThat(created.url()).isEqualTo("https://keys.example.test/k1");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertSameJson(request.getBody().utf8(),
        "{\"comment\": \"ci\", \"scopes\": [\"usage:read\", \"keys:write\"], \"time_to_live_in_seconds\": 3600, \"expiration_date\": null}");
  }

  @Test
  void whatJsonCannotHoldIsRefusedAtItsPathBeforeSending() {
    Map<String, Object> key = Map.of("scopes", Arrays.asList("usage:read", new Object()));

    RequestValidationException e = thrown(RequestValidationException.class, () -> client().createKey(key));

    assertThat(e.path()).isEqualTo("$.scopes[1]");
    assertThat(e.reason()).startsWith("not a JSON value (java.lang.Object)");
    RequestValidationException nan = thrown(RequestValidationException.class, () -> client().createKey(List.of(Double.NaN)));
    assertThat(nan.path()).isEqualTo("$[0]");
    assertThat(server.getRequestCount()).isZero();
  }
}
