package dev.audiojobs.daily;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.RetryPolicy;
import java.util.Iterator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * {@code listJobsAll}: Daily's list paged by the id of the last job of each page ({@code starting_after}),
 * from {@code x-audiojobs-paging.lastItemCursor} in openapi/overlays/daily/60-paging.yaml.
 */
final class DailyPagingTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private DailyClient client() {
    return DailyClient.builder().apiKey("daily-key").baseUrl(server.url("/v1/").toString())
        .retryPolicy(RetryPolicy.none()).build();
  }

  private static MockResponse page(int total, String... ids) {
    StringBuilder data = new StringBuilder();
    for (String id : ids) {
      if (data.length() > 0) data.append(", ");
      data.append("{\"id\": \"").append(id).append("\", \"preset\": \"transcript\", \"status\": \"finished\"}");
    }
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"total_count\": " + total + ", \"data\": [" + data + "]}").build();
  }

  @Test
  void eachNextPageStartsAfterTheLastJobOfThePageBeforeUntilAnEmptyPage() throws Exception {
    server.enqueue(page(3, "j3", "j2"));
    server.enqueue(page(3, "j1"));
    server.enqueue(page(3));

    assertThat(client().listJobsAll(2, null, "rec-1").stream().map(JobListItem::id)).containsExactly("j3", "j2", "j1");

    RecordedRequest first = server.takeRequest();
    assertThat(first.getUrl().encodedPath()).isEqualTo("/v1/batch-processor");
    assertThat(first.getUrl().queryParameter("limit")).isEqualTo("2");
    assertThat(first.getUrl().queryParameter("recordingId")).isEqualTo("rec-1");
    assertThat(first.getUrl().queryParameter("starting_after")).isNull();
    assertThat(server.takeRequest().getUrl().queryParameter("starting_after")).isEqualTo("j2");
    assertThat(server.takeRequest().getUrl().queryParameter("starting_after")).isEqualTo("j1");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void nothingIsFetchedBeforeTheFirstItemIsAskedForAndAServerThatDoesNotAdvanceEndsTheWalk() {
    Iterator<JobListItem> jobs = client().listJobsAll().iterator();
    assertThat(server.getRequestCount()).isZero();

    server.enqueue(page(9, "j2"));
    server.enqueue(page(9, "j2")); // starting_after=j2 answered with j2 again: the walk must not loop

    assertThat(jobs.next().id()).isEqualTo("j2");
    assertThat(jobs.next().id()).isEqualTo("j2");
    assertThat(jobs.hasNext()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
