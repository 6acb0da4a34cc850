package dev.audiojobs.acme;

import static dev.audiojobs.testsupport.Outcomes.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.HttpLogLevel;
import dev.audiojobs.client.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * The key sent as each operation's security scheme declares it (openapi/src/test/resources/codegen/acme.yaml:
 * bearer by default, {@code Token } in {@code Authorization}, a query parameter, HTTP basic, a header of its
 * own, none), and never shown where a key in the query or another header would otherwise appear.
 */
final class AcmeAuthTest {
  /** Characters a URL query encodes, so the key appears percent-encoded on the wire and in a log. */
  private static final String KEY = "sk/acme+test=41f0";

  @StartStop final MockWebServer server = new MockWebServer();
  @StartStop final MockWebServer elsewhere = new MockWebServer();

  private AcmeClient client(List<String> log) {
    return AcmeClient.builder().apiKey(KEY).baseUrl(server.url("/").toString()).retryPolicy(RetryPolicy.none())
        .httpLog(HttpLogLevel.BODY, log::add).build();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  private RecordedRequest call(java.util.function.Consumer<AcmeClient> operation) throws InterruptedException {
    server.enqueue(json(200, "{\"name\": \"n\", \"id\": \"p1\", \"jobId\": \"j1\", \"state\": \"done\"}"));
    operation.accept(client(new ArrayList<>()));
    return server.takeRequest();
  }

  @Test
  void eachOperationSendsTheKeyExactlyAsItsSchemeSays() throws Exception {
    RecordedRequest bearer = call(c -> c.getJob("j1"));
    assertThat(bearer.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);

    RecordedRequest token = call(c -> c.updateProject("p1", ProjectRequest.builder().name("n").build()));
    assertThat(token.getHeaders().get("Authorization")).isEqualTo("Token " + KEY);

    RecordedRequest query = call(AcmeClient::getUsage);
    assertThat(query.getUrl().queryParameter("api_key")).isEqualTo(KEY);
    assertThat(query.getHeaders().get("Authorization")).isNull();

    RecordedRequest basic = call(AcmeClient::getAccount);
    assertThat(basic.getHeaders().get("Authorization"))
        .isEqualTo("Basic " + Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8)));

    RecordedRequest header = call(AcmeClient::getLimits);
    assertThat(header.getHeaders().get("X-Api-Key")).isEqualTo(KEY);
    assertThat(header.getHeaders().get("Authorization")).isNull();

    RecordedRequest none = call(AcmeClient::getStatus);
    assertThat(none.getHeaders().get("Authorization")).isNull();
    assertThat(none.getUrl().querySize()).isZero();
  }

  @Test
  void aKeyInTheQueryNeverShowsInTheLogNorInAnErrorThatEchoesTheUrl() throws Exception {
    List<String> log = new ArrayList<>();
    String encoded = "sk%2Facme%2Btest%3D41f0";
    server.enqueue(json(401, "{\"message\": \"bad key in /v1/usage?api_key=" + encoded + "\"}"));

    ApiException e = thrown(ApiException.class, () -> client(log).getUsage());

    assertThat(server.takeRequest().getUrl().encodedQuery()).isEqualTo("api_key=" + encoded); // it was sent
    assertThat(e.rawBody()).doesNotContain(encoded).contains("api_key=██");
    assertThat(e.error(ApiError.class).orElseThrow().message()).doesNotContain(encoded);
    assertThat(String.join("\n", log)).doesNotContain(encoded).doesNotContain(KEY).contains("api_key=");
    assertThat(log).anyMatch(line -> line.startsWith("--> GET ") && line.contains("/v1/usage?api_key=██ "));
  }

  @Test
  void aKeyInAHeaderOfItsOwnIsRedactedInTheLogAndNotFollowedToAnotherHost() throws Exception {
    List<String> log = new ArrayList<>();
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", elsewhere.url("/moved").toString()).build());
    elsewhere.enqueue(json(200, "{\"name\": \"n\"}"));

    client(log).getLimits();

    assertThat(server.takeRequest().getHeaders().get("X-Api-Key")).isEqualTo(KEY);
    RecordedRequest redirected = elsewhere.takeRequest();
    assertThat(redirected.getHeaders().get("X-Api-Key")).isNull();
    assertThat(log).contains("X-Api-Key: ██").noneMatch(line -> line.contains(KEY));
  }
}
