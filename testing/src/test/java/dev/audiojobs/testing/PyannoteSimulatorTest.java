package dev.audiojobs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The pyannoteAI lifecycle as a user's test drives it, over raw HTTP; the extension checks no violation happened. */
@ExtendWith(SimulatorExtension.class)
final class PyannoteSimulatorTest {

  @Test
  void uploadDiarizeWaitAndReadTheSegments(PyannoteSimulator sim) {
    Http http = new Http(sim.baseUrl(), "sk_test");
    byte[] wav = wav(8.0);

    HttpResponse<String> upload = http.postJson("/v1/media/input", "{\"url\":\"media://meetings/call.wav\"}");
    assertThat(upload.statusCode()).isEqualTo(201);
    String presigned = Http.json(upload).get("url").asText();
    assertThat(http.putAbsolute(presigned, wav, false).statusCode()).isEqualTo(200);
    assertThat(sim.media("media://meetings/call.wav")).hasValueSatisfying(b -> assertThat(b).isEqualTo(wav));

    HttpResponse<String> submitted = http.postJson("/v1/diarize",
        "{\"url\":\"media://meetings/call.wav\",\"numSpeakers\":3,\"turnLevelConfidence\":true,\"confidence\":true,\"transcription\":true,\"exclusive\":true}");
    assertThat(submitted.statusCode()).isEqualTo(200);
    String jobId = Http.json(submitted).get("jobId").asText();
    assertThat(Http.json(submitted).get("status").asText()).isEqualTo("pending");

    assertThat(status(http, jobId)).isEqualTo("pending");
    sim.advance(Duration.ofSeconds(2));
    assertThat(status(http, jobId)).isEqualTo("running");
    assertThat(Http.json(http.get("/v1/jobs/" + jobId)).has("output")).isFalse();
    sim.advance(Duration.ofSeconds(10));

    JsonNode job = Http.json(http.get("/v1/jobs/" + jobId));
    assertThat(job.get("status").asText()).isEqualTo("succeeded");
    JsonNode segments = job.get("output").get("diarization");
    assertThat(segments.size()).isGreaterThan(1);
    List<String> speakers = new ArrayList<>();
    double lastEnd = 0;
    for (JsonNode s : segments) {
      speakers.add(s.get("speaker").asText());
      assertThat(s.get("start").asDouble()).isGreaterThanOrEqualTo(lastEnd);
      assertThat(s.get("end").asDouble()).isGreaterThan(s.get("start").asDouble()).isLessThanOrEqualTo(8.0);
      assertThat(s.get("confidence").size()).isEqualTo(3);
      lastEnd = s.get("end").asDouble();
    }
    assertThat(speakers).allMatch(s -> s.matches("SPEAKER_0[0-2]"));
    assertThat(job.get("output").get("confidence").get("score").size()).isEqualTo(400); // 8 s at 0.02 s
    assertThat(job.get("output").get("turnLevelTranscription").size()).isEqualTo(segments.size());
    assertThat(job.get("output").get("exclusiveDiarization").size()).isEqualTo(segments.size());
    assertThat(job.get("output").get("wordLevelTranscription").size()).isGreaterThanOrEqualTo(segments.size());
  }

  @Test
  void aPresignedUploadWithTheApiKeyIsRefusedAndRecorded(PyannoteSimulator sim) {
    Http http = new Http(sim.baseUrl(), "sk_test");
    String presigned = Http.json(http.postJson("/v1/media/input", "{\"url\":\"media://a.wav\"}")).get("url").asText();

    HttpResponse<String> put = http.putAbsolute(presigned, wav(1), true);

    assertThat(put.statusCode()).isEqualTo(400);
    assertThat(sim.media("media://a.wav")).isEmpty();
    assertThat(sim.takeViolations()).singleElement()
        .satisfies(v -> assertThat(v.kind()).isEqualTo(Violation.Kind.AUTHORIZATION_ON_PRESIGNED_URL));
  }

  @Test
  void aDownloadUrlServesTheUploadedBytesWithoutAKey(PyannoteSimulator sim) {
    Http http = new Http(sim.baseUrl(), "sk_test");
    sim.putMedia("media://out/result.wav", new byte[] {7, 8, 9});
    HttpResponse<String> r = http.postJson("/v1/media/output", "{\"url\":\"media://out/result.wav\"}");
    assertThat(r.statusCode()).isEqualTo(201);
    HttpResponse<String> download = http.getAbsolute(Http.json(r).get("url").asText());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body().getBytes(StandardCharsets.ISO_8859_1)).containsExactly(7, 8, 9);
  }

  @Test
  void submissionsFromManyThreadsGetDistinctJobs(PyannoteSimulator sim) throws Exception {
    Http http = new Http(sim.baseUrl(), "sk_test");
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<String>> ids = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int n = i;
        ids.add(pool.submit(() -> submitDiarization(http, "https://example.com/" + n + ".wav")));
      }
      java.util.Set<String> distinct = new java.util.HashSet<>();
      for (java.util.concurrent.Future<String> f : ids) distinct.add(f.get());
      assertThat(distinct).hasSize(40);
      assertThat(sim.jobs()).hasSize(40);
      assertThat(Http.json(http.get("/v1/jobs?take=100")).get("total").asInt()).isEqualTo(40);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aJobOnMediaNeverUploadedFails(PyannoteSimulator sim) {
    Http http = new Http(sim.baseUrl(), "sk_test");
    String jobId = Http.json(http.postJson("/v1/diarize", "{\"url\":\"media://missing.wav\"}")).get("jobId").asText();
    sim.advance(Duration.ofMinutes(1));
    JsonNode job = Http.json(http.get("/v1/jobs/" + jobId));
    assertThat(job.get("status").asText()).isEqualTo("failed");
    assertThat(job.get("output").get("error").asText()).contains("media://missing.wav");
  }

  @Test
  void scriptedFailureAndCancellation(PyannoteSimulator sim) {
    Http http = new Http(sim.baseUrl(), "sk_test");
    sim.scriptNextJob(JobScript.fails("Audio file is corrupted").runningFor(Duration.ofSeconds(3)));
    sim.scriptNextJob(JobScript.canceled().queuedFor(Duration.ZERO).runningFor(Duration.ofSeconds(1)));
    String failed = submitDiarization(http, "https://example.com/a.wav");
    String canceled = submitDiarization(http, "https://example.com/b.wav");

    sim.advance(Duration.ofSeconds(1));
    assertThat(status(http, canceled)).isEqualTo("canceled");
    assertThat(status(http, failed)).isEqualTo("pending");
    sim.advance(Duration.ofSeconds(4));
    JsonNode job = Http.json(http.get("/v1/jobs/" + failed));
    assertThat(job.get("status").asText()).isEqualTo("failed");
    assertThat(job.get("output").get("error").asText()).isEqualTo("Audio file is corrupted");
  }

  @Test
  void voiceprintThenIdentify(PyannoteSimulator sim) {
    Http http = new Http(sim.baseUrl(), "sk_test");
    String vp = Http.json(http.postJson("/v1/voiceprint", "{\"url\":\"https://example.com/sam.wav\"}")).get("jobId").asText();
    sim.advance(Duration.ofSeconds(12));
    String print = Http.json(http.get("/v1/jobs/" + vp)).get("output").get("voiceprint").asText();
    assertThat(Base64.getDecoder().decode(print)).hasSize(512);

    String id = Http.json(http.postJson("/v1/identify", "{\"url\":\"https://example.com/call.wav\",\"voiceprints\":["
        + "{\"label\":\"Sam\",\"voiceprint\":\"" + print + "\"},{\"label\":\"Rick\",\"voiceprint\":\"" + print + "\"}]}")).get("jobId").asText();
    sim.advance(Duration.ofSeconds(12));
    JsonNode output = Http.json(http.get("/v1/jobs/" + id)).get("output");
    assertThat(output.get("identification").findValuesAsText("match")).containsOnly("Sam", "Rick");
    assertThat(output.get("voiceprints").findValuesAsText("match")).containsExactly("Sam", "Rick");
    assertThat(output.get("voiceprints").get(0).get("confidence").has("Rick")).isTrue();
  }

  @Test
  void listsJobsByOffsetAndByCursorNewestFirst(PyannoteSimulator sim) {
    Http http = new Http(sim.baseUrl(), "sk_test");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) ids.add(submitDiarization(http, "https://example.com/" + i + ".wav"));
    List<String> newestFirst = new ArrayList<>(ids);
    java.util.Collections.reverse(newestFirst);

    JsonNode page = Http.json(http.get("/v1/jobs?take=2&skip=2"));
    assertThat(page.get("total").asInt()).isEqualTo(5);
    assertThat(page.get("items").findValuesAsText("id")).containsExactly(newestFirst.get(2), newestFirst.get(3));

    List<String> walked = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode p = Http.json(http.get("/v2/jobs?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)));
      walked.addAll(p.get("items").findValuesAsText("id"));
      cursor = p.get("nextCursor").isNull() ? null : p.get("nextCursor").asText();
      pages++;
    } while (cursor != null);
    assertThat(walked).isEqualTo(newestFirst);
    assertThat(pages).isEqualTo(3);

    sim.advance(Duration.ofSeconds(2));
    assertThat(Http.json(http.get("/v2/jobs?status=running")).get("items").size()).isEqualTo(5);
    assertThat(Http.json(http.get("/v1/jobs?status=pending")).get("total").asInt()).isZero();
  }

  @Test
  void signsTheWebhookOfAFinishedJob(PyannoteSimulator sim) throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      Http http = new Http(sim.baseUrl(), "sk_test");
      String jobId = Http.json(http.postJson("/v1/diarize",
          "{\"url\":\"https://example.com/a.wav\",\"webhook\":\"" + receiver.url() + "\"}")).get("jobId").asText();
      String statusOnly = Http.json(http.postJson("/v1/diarize",
          "{\"url\":\"https://example.com/b.wav\",\"webhook\":\"" + receiver.url() + "\",\"webhookStatusOnly\":true}")).get("jobId").asText();

      sim.advance(Duration.ofSeconds(11));
      assertThat(receiver.received).isEmpty();
      sim.advance(Duration.ofSeconds(1));

      assertThat(receiver.received).hasSize(2);
      WebhookReceiver.Received full = receiver.received.get(0);
      JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(full.body());
      assertThat(body.get("jobId").asText()).isEqualTo(jobId);
      assertThat(body.get("status").asText()).isEqualTo("succeeded");
      assertThat(body.get("output").get("diarization").size()).isPositive();
      String ts = full.header("X-Request-Timestamp");
      assertThat(ts).isEqualTo(Long.toString(sim.clock().instant().getEpochSecond()));
      String expected = Base64.getEncoder().encodeToString(
          Hmac.sha256(sim.webhookSecret().getBytes(StandardCharsets.UTF_8), "v0:" + ts + ":" + full.body()));
      assertThat(full.header("X-Signature")).isEqualTo(expected);

      JsonNode second = new com.fasterxml.jackson.databind.ObjectMapper().readTree(receiver.received.get(1).body());
      assertThat(second.get("jobId").asText()).isEqualTo(statusOnly);
      assertThat(second.has("output")).isFalse();
      assertThat(sim.webhookDeliveries()).allMatch(WebhookDelivery::delivered);
    }
  }

  static String submitDiarization(Http http, String url) {
    HttpResponse<String> r = http.postJson("/v1/diarize", "{\"url\":\"" + url + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Http.json(r).get("jobId").asText();
  }

  static String status(Http http, String jobId) {
    return Http.json(http.get("/v1/jobs/" + jobId)).get("status").asText();
  }

  /** A silent 16 kHz mono 16-bit PCM WAV file of {@code seconds}. */
  static byte[] wav(double seconds) {
    int dataBytes = (int) (seconds * 16000) * 2;
    ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes).put("WAVE".getBytes(StandardCharsets.US_ASCII));
    b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
        .putInt(16000).putInt(32000).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
    return b.array();
  }
}
