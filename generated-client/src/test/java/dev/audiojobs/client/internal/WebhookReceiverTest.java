package dev.audiojobs.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.audiojobs.client.WebhookVerificationException;
import dev.audiojobs.daily.DailyWebhooks;
import dev.audiojobs.daily.JobFinishedEvent;
import dev.audiojobs.lyrcs.JobCompleteEvent;
import dev.audiojobs.lyrcs.LyrcsWebhooks;
import dev.audiojobs.pyannote.DiarizationJob;
import dev.audiojobs.pyannote.Job;
import dev.audiojobs.pyannote.PyannoteWebhooks;
import dev.audiojobs.testsupport.ReferenceHmac;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A receiver as an application would write one, on the JDK's own HTTP server over loopback: read
 * the raw body, verify, hand the payload to a queue, answer at once — 204 when verified, 401 when
 * not, 202 for an authentic payload that does not fit (kept for a newer client; a retry of the same
 * bytes could not help). The vendors give a receiver 10 s; the work after the answer is the queue's.
 *
 * <p>Written with the generated classes ({@code PyannoteWebhooks.withSecret(…)} and its siblings), as an
 * application would.
 */
final class WebhookReceiverTest {
  private static final String PYANNOTE_SECRET = "whsec_receiver_test_7d1a";
  private static final String DAILY_HMAC = "aXQ0eKO9oDFzfeT15+ZA4EGYxTq7czmVR9gDQiIAbhg=";
  private static final String LYRCS_SECRET = "lyrcs_whsec_receiver_3e9b";
  private static final Duration VENDOR_DEADLINE = Duration.ofSeconds(10);

  private final BlockingQueue<Object> work = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> deadLetters = new LinkedBlockingQueue<>();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private ExecutorService executor;
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    PyannoteWebhooks pyannote = PyannoteWebhooks.withSecret(PYANNOTE_SECRET);
    DailyWebhooks daily = DailyWebhooks.withSecret(DAILY_HMAC);
    LyrcsWebhooks lyrcs = LyrcsWebhooks.withSecret(LYRCS_SECRET);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/webhooks/pyannote", exchange -> receive(exchange, (headers, body) ->
        work.add(pyannote.unwrap(headers, body))));
    server.createContext("/webhooks/daily", exchange -> receive(exchange, (headers, body) ->
        work.add(daily.unwrap(headers, body))));
    server.createContext("/webhooks/lyrcs", exchange -> receive(exchange, (headers, body) ->
        work.add(lyrcs.unwrap(headers, body))));
    executor = Executors.newFixedThreadPool(2);
    server.setExecutor(executor);
    server.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.stop(0);
    executor.shutdownNow();
    assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  /** What a route does with a delivery's headers and raw body; throws when it refuses it. */
  private interface Route {
    void accept(java.util.Map<String, List<String>> headers, byte[] body);
  }

  // The handler: raw bytes in (never a parsed and re-written body), one verification, one answer.
  private void receive(HttpExchange exchange, Route route) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    int status;
    try {
      // com.sun.net.httpserver.Headers normalises names to "X-signature"; lookups ignore case.
      route.accept(exchange.getRequestHeaders(), body);
      status = 204;
    } catch (WebhookVerificationException e) {
      if (e.reason() == WebhookVerificationException.Reason.MALFORMED) {
        deadLetters.add(e.rawBody().orElseThrow());
        status = 202;
      } else {
        status = 401;
      }
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private record Delivery(int status, Duration elapsed) {}

  private Delivery post(String vendor, String body, String... headers) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/webhooks/" + vendor))
        .headers(headers)
        .header("Content-Type", "application/json")
        .timeout(VENDOR_DEADLINE)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    long start = System.nanoTime();
    HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
    return new Delivery(response.statusCode(), Duration.ofNanos(System.nanoTime() - start));
  }

  @Test
  void signedDeliveriesOfTheThreeVendorsAreAcceptedWithinTheVendorsDeadline() throws Exception {
    String ts = Long.toString(Instant.now().getEpochSecond());
    String pyannoteBody = "{\"jobId\":\"j1\",\"status\":\"succeeded\",\"output\":{\"diarization\":"
        + "[{\"speaker\":\"SPEAKER_00\",\"start\":0.5,\"end\":7.25}]}}";
    String dailyBody = "{\"version\":\"1.0.0\",\"type\":\"batch-processor.job-finished\",\"id\":\"evt-1\","
        + "\"payload\":{\"id\":\"b1\",\"status\":\"finished\"},\"event_ts\":" + ts + "}";
    String lyrcsBody = "{\"event\":\"job.complete\",\"job_id\":\"l1\"}";

    List<Delivery> deliveries = List.of(
        post("pyannote", pyannoteBody, "X-Request-Timestamp", ts,
            "X-Signature", ReferenceHmac.base64(PYANNOTE_SECRET, "v0:" + ts + ":" + pyannoteBody)),
        post("pyannote", pyannoteBody, "X-Request-Timestamp", ts,
            "X-Signature", ReferenceHmac.hex(PYANNOTE_SECRET, "v0:" + ts + ":" + pyannoteBody)),
        post("daily", dailyBody, "X-Webhook-Timestamp", ts,
            "X-Webhook-Signature", ReferenceHmac.base64WithBase64Key(DAILY_HMAC, ts + "." + dailyBody)),
        post("lyrcs", lyrcsBody, "X-Lyrcs-Signature", ReferenceHmac.hex(LYRCS_SECRET, lyrcsBody)));

    for (Delivery delivery : deliveries) {
      assertThat(delivery.status()).isEqualTo(204);
      assertThat(delivery.elapsed()).isLessThan(VENDOR_DEADLINE);
    }
    Object first = work.poll(5, TimeUnit.SECONDS);
    assertThat(first).isInstanceOf(DiarizationJob.class);
    assertThat(((Job) first).jobId()).isEqualTo("j1");
    assertThat(work.poll(5, TimeUnit.SECONDS)).isInstanceOf(DiarizationJob.class);
    assertThat(work.poll(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(JobFinishedEvent.class,
        finished -> assertThat(finished.payload().id()).isEqualTo("b1"));
    assertThat(work.poll(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(JobCompleteEvent.class,
        complete -> assertThat(complete.jobId()).isEqualTo("l1"));
    // The first delivery includes the HTTP client's and the server's start-up (class loading, the
    // first connection); the measured figures are in the report of this change.
    System.out.println("webhook receiver: verified deliveries answered in " + deliveries.stream()
        .map(d -> d.elapsed().toMillis() + " ms").toList());
  }

  @Test
  void forgedStaleAndUnsignedDeliveriesAreRefusedAndNothingIsQueued() throws Exception {
    String ts = Long.toString(Instant.now().getEpochSecond());
    String stale = Long.toString(Instant.now().getEpochSecond() - 3600);
    String body = "{\"jobId\":\"j1\",\"status\":\"succeeded\"}";

    assertThat(post("pyannote", body, "X-Request-Timestamp", ts,
        "X-Signature", ReferenceHmac.base64("whsec_forger_guess_0000", "v0:" + ts + ":" + body)).status()).isEqualTo(401);
    assertThat(post("pyannote", body, "X-Request-Timestamp", stale,
        "X-Signature", ReferenceHmac.base64(PYANNOTE_SECRET, "v0:" + stale + ":" + body)).status()).isEqualTo(401);
    assertThat(post("daily", body, "X-Webhook-Timestamp", ts).status()).isEqualTo(401);
    assertThat(post("lyrcs", body + " ", "X-Lyrcs-Signature", ReferenceHmac.hex(LYRCS_SECRET, body)).status()).isEqualTo(401);
    assertThat(work).isEmpty();
  }

  @Test
  void anAuthenticPayloadThatDoesNotFitIsAcknowledgedAndKept() throws Exception {
    String ts = Long.toString(Instant.now().getEpochSecond());
    String body = "{\"status\":\"succeeded\"}"; // no jobId
    Delivery delivery = post("pyannote", body, "X-Request-Timestamp", ts,
        "X-Signature", ReferenceHmac.base64(PYANNOTE_SECRET, "v0:" + ts + ":" + body));

    assertThat(delivery.status()).isEqualTo(202);
    assertThat(deadLetters.poll(5, TimeUnit.SECONDS)).isEqualTo(body);
    assertThat(work).isEmpty();
  }
}
