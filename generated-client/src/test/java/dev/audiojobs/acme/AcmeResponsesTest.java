package dev.audiojobs.acme;

import static dev.audiojobs.testsupport.Outcomes.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.ApiResponse;
import dev.audiojobs.client.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** Successes beyond a JSON object (204, text, arrays), submit-then-wait, and cursor paging, for the test spec. */
final class AcmeResponsesTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private AcmeClient client() {
    return AcmeClient.builder().apiKey("sk-acme-responses").baseUrl(server.url("/").toString())
        .retryPolicy(RetryPolicy.none()).build();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void aDeleteAnsweredWith204ReturnsNothing() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());

    client().deleteJob("j1");
    server.enqueue(new MockResponse.Builder().code(204).build());
    ApiResponse<Void> response = client().deleteJobWithResponse("j2");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("DELETE");
    assertThat(request.getTarget()).isEqualTo("/v1/jobs/j1");
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isNull();
  }

  @Test
  void aDeclaredErrorOfABodilessOperationIsDecoded() {
    server.enqueue(json(404, "{\"message\": \"no such job\", \"requestId\": \"r-1\"}"));

    ApiException e = thrown(ApiException.class, () -> client().deleteJob("missing"));

    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.error()).containsInstanceOf(ApiError.class);
  }

  @Test
  void aTextBodyIsDecodedInItsCharset() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain; charset=ISO-8859-1")
        .body(new Buffer().write("caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1))).build());

    assertThat(client().getTranscript("j1")).isEqualTo("caf\u00e9 au lait");
  }

  @Test
  void aJsonArrayAtTheTopLevelDecodesToAList() {
    server.enqueue(json(200, "[{\"name\": \"Sam\"}, {\"name\": \"Rick\", \"since\": 2020}]"));

    List<Speaker> speakers = client().listSpeakers();

    assertThat(speakers).extracting(Speaker::name).containsExactly("Sam", "Rick");
    assertThat(speakers.get(1).extras().unknownProperties()).containsKey("since");
  }

  @Test
  void submitAndWaitSubmitsOnceThenPollsTheCreatedJob() throws Exception {
    server.enqueue(json(200, "{\"jobId\": \"j7\", \"state\": \"queued\"}"));
    server.enqueue(json(200, "{\"jobId\": \"j7\", \"state\": \"done\", \"text\": \"hello\"}"));

    Job job = client().submitJobAndWait(
        SubmitRequest.builder().url("https://a/b.wav").voiceprints(List.of(new Voiceprint("Sam", "v"))).build(),
        Duration.ofSeconds(5));

    assertThat(job.text()).isEqualTo("hello");
    assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/jobs/j7");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void submitAndWaitAsynchronouslyCompletesWithTheJob() throws Exception {
    server.enqueue(json(200, "{\"jobId\": \"j8\", \"state\": \"queued\"}"));
    server.enqueue(json(200, "{\"jobId\": \"j8\", \"state\": \"done\"}"));

    Job job = client().submitJobAndWaitAsync(
        SubmitRequest.builder().url("https://a/b.wav").voiceprints(List.of(new Voiceprint("Sam", "v"))).build(),
        Duration.ofSeconds(5)).get();

    assertThat(job.jobId()).isEqualTo("j8");
  }

  @Test
  void cursorPagingFollowsNextCursorUntilItIsNull() throws Exception {
    server.enqueue(json(200, "{\"items\": [{\"jobId\": \"a\", \"state\": \"done\"}, {\"jobId\": \"b\", \"state\": \"done\"}],"
        + " \"nextCursor\": \"c2\"}"));
    server.enqueue(json(200, "{\"items\": [{\"jobId\": \"c\", \"state\": \"failed\"}], \"nextCursor\": null}"));

    List<String> ids = client().listJobsAll(2, JobState.DONE).stream().map(Job::jobId).toList();

    assertThat(ids).containsExactly("a", "b", "c");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/jobs?limit=2&state=done");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/jobs?limit=2&cursor=c2&state=done");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
