package dev.audiojobs.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Injected faults: what the client sees, for how many requests, and that a faulted POST changes nothing. */
@ExtendWith(SimulatorExtension.class)
final class FaultsTest {

  @Test
  void tooManyRequestsWithRetryAfterForTheNextTwoRequests(PyannoteSimulator sim) {
    Http http = new Http(sim.baseUrl(), "sk_test");
    sim.failNext(2, Fault.tooManyRequests(Duration.ofMillis(1500)));

    for (int i = 0; i < 2; i++) {
      HttpResponse<String> r = http.get("/v1/jobs");
      assertThat(r.statusCode()).isEqualTo(429);
      assertThat(r.headers().firstValue("Retry-After")).hasValue("2");
      assertThat(Http.json(r).get("requestId").asText()).isNotEmpty();
    }
    assertThat(http.get("/v1/jobs").statusCode()).isEqualTo(200);
    assertThat(sim.requests()).extracting(RecordedCall::status).containsExactly(429, 429, 200);
  }

  @Test
  void lyrcsRepeatsRetryAfterInTheBody(LyrcsSimulator sim) {
    sim.failNext(Fault.tooManyRequests(Duration.ofSeconds(30)));
    HttpResponse<String> r = new Http(sim.baseUrl(), "k").get("/languages");
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(Http.json(r).get("retry_after").asInt()).isEqualTo(30);
    assertThat(Http.json(r).get("code").asText()).isEqualTo("RATE_001");
  }

  @Test
  void aServerErrorOnAMatchingPathOnlyAndTheFaultedPostCreatesNoJob(DailySimulator sim) {
    Http http = new Http(sim.baseUrl(), "k");
    sim.failMatching("POST", "/v1/batch-processor", 1, Fault.status(503));

    assertThat(http.get("/batch-processor").statusCode()).isEqualTo(200);
    HttpResponse<String> failed = http.postJson("/batch-processor",
        "{\"preset\":\"transcript\",\"inParams\":{\"sourceType\":\"uri\",\"uri\":\"https://x/a.mp4\"},\"outParams\":{\"s3Config\":{\"s3KeyTemplate\":\"k\"}}}");
    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(Http.json(failed).get("error").asText()).isEqualTo("server-error");
    assertThat(sim.jobs()).isEmpty();
  }

  @Test
  void aResetGivesNoResponseAtAll(PyannoteSimulator sim) {
    Http http = new Http(sim.baseUrl(), "sk_test");
    sim.failNext(Fault.reset());
    assertThatThrownBy(() -> http.postJson("/v1/diarize", "{\"url\":\"https://example.com/a.wav\"}"))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(sim.jobs()).isEmpty();
    assertThat(sim.requests()).extracting(RecordedCall::status).containsExactly(-1);
    assertThat(http.get("/v1/jobs").statusCode()).isEqualTo(200);
  }

  @Test
  void aFaultOnThePresignedUrlStoresNothingAndIsNoViolation(PyannoteSimulator sim) {
    Http http = new Http(sim.baseUrl(), "sk_test");
    String presigned = Http.json(http.postJson("/v1/media/input", "{\"url\":\"media://a.wav\"}")).get("url").asText();
    sim.failMatching("PUT", "/_presigned/.*", 1, Fault.status(503));
    sim.failMatching("PUT", "/_presigned/.*", 1, Fault.reset());

    assertThat(http.putAbsolute(presigned, new byte[] {1}, false).statusCode()).isEqualTo(503);
    assertThatThrownBy(() -> http.putAbsolute(presigned, new byte[] {2}, false)).isInstanceOf(UncheckedIOException.class);
    assertThat(sim.media("media://a.wav")).isEmpty();
    assertThat(http.putAbsolute(presigned, new byte[] {3}, false).statusCode()).isEqualTo(200);
    assertThat(sim.media("media://a.wav")).hasValueSatisfying(b -> assertThat(b).containsExactly(3));
  }

  @Test
  void aSlowResponseArrivesLateButWhole(PyannoteSimulator sim) {
    Http http = new Http(sim.baseUrl(), "sk_test");
    sim.failNext(Fault.slow(Duration.ofMillis(700)));
    long start = System.nanoTime();
    HttpResponse<String> r = http.get("/v1/jobs");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    assertThat(r.statusCode()).isEqualTo(200);
  }
}
