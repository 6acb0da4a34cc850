package dev.audiojobs.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiojobs.client.RetryPolicy;
import java.util.Iterator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * {@code listEventsAll}: paging by a next-page URL ({@code x-audiojobs-paging.nextUrl} in
 * openapi/src/test/resources/codegen/acme.yaml), fetched with the key from the vendor's origin only.
 */
final class AcmeNextUrlPagingTest {
  private static final String KEY = "sk-acme-test-41f0";

  @StartStop final MockWebServer server = new MockWebServer();
  @StartStop final MockWebServer elsewhere = new MockWebServer();

  private AcmeClient client() {
    return AcmeClient.builder().apiKey(KEY).baseUrl(server.url("/").toString()).retryPolicy(RetryPolicy.none()).build();
  }

  private static MockResponse page(String nextUrl, String... names) {
    StringBuilder events = new StringBuilder();
    for (String name : names) {
      if (events.length() > 0) events.append(", ");
      events.append("{\"name\": \"").append(name).append("\"}");
    }
    String next = nextUrl == null ? "null" : "\"" + nextUrl + "\"";
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"events\": [" + events + "], \"next_url\": " + next + "}").build();
  }

  @Test
  void eachNextPageIsFetchedFromTheUrlThePageBeforeGaveWithTheKeyUntilThereIsNone() throws Exception {
    server.enqueue(page("/v1/events?page=2&limit=2", "a", "b"));
    server.enqueue(page(server.url("/v1/events?page=3&limit=2").toString(), "c"));
    server.enqueue(page(null, "d"));

    assertThat(client().listEventsAll(2).stream().map(Speaker::name)).containsExactly("a", "b", "c", "d");

    RecordedRequest first = server.takeRequest();
    assertThat(first.getTarget()).isEqualTo("/v1/events?limit=2");
    RecordedRequest second = server.takeRequest();
    assertThat(second.getTarget()).isEqualTo("/v1/events?page=2&limit=2"); // a relative URL is the vendor's
    assertThat(second.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/events?page=3&limit=2");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aNextUrlAtAnotherOriginIsNeverFetchedAndTheWalkThrows() {
    server.enqueue(page(elsewhere.url("/steal?page=2").toString(), "a"));

    Iterator<Speaker> events = client().listEventsAll().iterator();
    assertThat(events.next().name()).isEqualTo("a");
    assertThatThrownBy(events::hasNext)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("listEvents: the next page's URL leads away from");
    assertThat(elsewhere.getRequestCount()).isZero();
  }
}
