package dev.audiojobs.pyannote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.AutoPager;
import dev.audiojobs.client.RetryPolicy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import dev.audiojobs.client.RequestValidationException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30) // a guard against hanging on an empty MockWebServer queue, not a timed assertion
final class PyannotePagingTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private PyannoteClient client() {
    return PyannoteClient.builder().apiKey("sk_page_0a1b").baseUrl(server.url("/").toString())
        .retryPolicy(RetryPolicy.none()).build();
  }

  /** A page of jobs {@code first} to {@code first + count - 1} reporting {@code total}. */
  private static MockResponse page(int first, int count, int total) {
    String items = IntStream.range(first, first + count)
        .mapToObj(i -> "{\"id\":\"job-" + i + "\",\"status\":\"succeeded\",\"createdAt\":\"2024-02-20T12:00:00Z\"}")
        .collect(Collectors.joining(","));
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"items\":[" + items + "],\"total\":" + total + "}").build();
  }

  private static List<String> ids(Iterable<JobListItem> items) {
    List<String> ids = new ArrayList<>();
    items.forEach(item -> ids.add(item.id()));
    return ids;
  }

  private List<String> targets() throws InterruptedException {
    List<String> targets = new ArrayList<>();
    for (int i = server.getRequestCount(); i > 0; i--) {
      targets.add(server.takeRequest().getTarget());
    }
    return targets;
  }

  @Test
  void walksEveryPageLazilyAndStopsAtTheTotal() throws Exception {
    server.enqueue(page(0, 2, 5));
    server.enqueue(page(2, 2, 5));
    server.enqueue(page(4, 1, 5));

    AutoPager<JobListItem> jobs = client().listJobsAll(2, null);
    assertThat(server.getRequestCount()).isZero();

    assertThat(ids(jobs)).containsExactly("job-0", "job-1", "job-2", "job-3", "job-4");
    assertThat(targets()).containsExactly(
        "/v1/jobs?take=2&skip=0", "/v1/jobs?take=2&skip=2", "/v1/jobs?take=2&skip=4");
  }

  @Test
  void aFullLastPageReachingTheTotalIsNotFollowedByAnEmptyOne() throws Exception {
    server.enqueue(page(0, 2, 4));
    server.enqueue(page(2, 2, 4));

    assertThat(ids(client().listJobsAll(2, null))).hasSize(4);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aShortPageEndsTheWalkWhateverTheTotalSays() {
    server.enqueue(page(0, 3, 100));
    server.enqueue(page(3, 1, 100));

    assertThat(ids(client().listJobsAll(3, null))).hasSize(4);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void anEmptyPageEndsTheWalkWhateverTheTotalSays() {
    server.enqueue(page(0, 0, 7));

    assertThat(ids(client().listJobsAll(2, null))).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aTotalThatShrinksBetweenPagesEndsTheWalkEarlyWithoutError() {
    server.enqueue(page(0, 2, 10));
    server.enqueue(page(2, 2, 3));

    assertThat(ids(client().listJobsAll(2, null))).containsExactly("job-0", "job-1", "job-2", "job-3");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void theStatusFilterAndTheDefaultPageSizeAreSent() throws Exception {
    server.enqueue(page(0, 1, 1));

    assertThat(ids(client().listJobsAll(null, JobStatus.FAILED))).hasSize(1);
    assertThat(targets()).containsExactly("/v1/jobs?take=10&status=failed&skip=0");
  }

  @Test
  void aFailureMidwayThrowsThatPagesExceptionAfterTheEarlierItemsAndIsNotFetchedAgain() {
    server.enqueue(page(0, 2, 5));
    server.enqueue(new MockResponse.Builder().code(402)
        .body("{\"requestId\":\"r-402\",\"message\":\"Subscription is required\"}").build());
    Iterator<JobListItem> jobs = client().listJobsAll(2, null).iterator();

    assertThat(jobs.next().id()).isEqualTo("job-0");
    assertThat(jobs.next().id()).isEqualTo("job-1");
    Throwable first = catchThrowable(jobs::hasNext);
    Throwable again = catchThrowable(jobs::next);

    assertThat(first).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(402);
      assertThat(e.requestId()).contains("r-402");
    });
    assertThat(again).isSameAs(first);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void theStreamIsLazyAndFetchesOnlyThePagesItConsumes() {
    server.enqueue(page(0, 2, 50));
    server.enqueue(page(2, 2, 50));

    List<String> firstThree = client().listJobsAll(2, null).stream().limit(3).map(JobListItem::id).toList();

    assertThat(firstThree).containsExactly("job-0", "job-1", "job-2");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void eachIterationWalksAgainFromTheFirstPage() throws Exception {
    server.enqueue(page(0, 1, 1));
    server.enqueue(page(0, 1, 1));
    AutoPager<JobListItem> jobs = client().listJobsAll();

    assertThat(ids(jobs)).containsExactly("job-0");
    assertThat(jobs.stream().count()).isEqualTo(1);
    assertThat(targets()).containsExactly("/v1/jobs?take=10&skip=0", "/v1/jobs?take=10&skip=0");
  }

  @Test
  void aPageSizeBelowOneIsRefused() {
    assertThatThrownBy(() -> client().listJobsAll(0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pageSize < 1: 0");
  }

  @Test
  void pageSizesOutsideTheirRangesAreRefusedAtTheParameterBeforeAnythingIsSent() {
    // answered, so that a client which sends the request anyway completes and fails below instead of waiting
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"items\": [], \"nextCursor\": null}").build());

    assertThat(catchThrowable(() -> client().listJobsV2(0, null, null)))
        .isInstanceOfSatisfying(RequestValidationException.class, e -> assertThat(e.path()).isEqualTo("limit"));
    assertThat(catchThrowable(() -> client().listJobsV2(101, null, null)))
        .isInstanceOfSatisfying(RequestValidationException.class, e -> assertThat(e.path()).isEqualTo("limit"));
    assertThat(catchThrowable(() -> client().listJobs(101, null, null)))
        .isInstanceOfSatisfying(RequestValidationException.class, e -> assertThat(e.path()).isEqualTo("take"));
    assertThat(catchThrowable(() -> client().listJobs(null, null, -1)))
        .isInstanceOfSatisfying(RequestValidationException.class, e -> assertThat(e.path()).isEqualTo("skip"));
    assertThat(server.getRequestCount()).isZero();
  }
}
