package dev.audiojobs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The lyrcs.ai lifecycle over raw HTTP. */
@ExtendWith(SimulatorExtension.class)
final class LyrcsSimulatorTest {

  @Test
  void transcribeByUrlThenPollAndDownload(LyrcsSimulator sim) {
    Http http = new Http(sim.baseUrl(), "lyrcs_sk_test");
    assertThat(sim.baseUrl()).endsWith("/api/v1");
    HttpResponse<String> accepted = http.postJson("/transcribe", "{\"audio_url\":\"https://example.com/song.mp3\",\"language\":\"Tamil\"}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    JsonNode a = Http.json(accepted);
    assertThat(a.get("status").asText()).isEqualTo("queued");
    assertThat(a.get("align_requested").asBoolean()).isTrue();
    String id = a.get("job_id").asText();
    assertThat(sim.uploadedFile(id)).as("sent by audio_url: no file").isEmpty();

    HttpResponse<String> notYet = http.get("/jobs/" + id + "/download/lrc/original");
    assertThat(notYet.statusCode()).isEqualTo(202);
    assertThat(Http.json(notYet).get("status").asText()).isEqualTo("processing");
    sim.advance(Duration.ofSeconds(2));
    JsonNode processing = Http.json(http.get("/jobs/" + id));
    assertThat(processing.get("status").asText()).isEqualTo("processing");
    assertThat(processing.get("completed_at").isNull()).isTrue();
    sim.advance(Duration.ofSeconds(10));

    JsonNode complete = Http.json(http.get("/jobs/" + id));
    assertThat(complete.get("status").asText()).isEqualTo("complete");
    assertThat(complete.get("results").get("transcript").asText()).isNotBlank();
    assertThat(complete.get("results").get("cultural_notes").isNull()).isTrue();
    assertThat(complete.get("results").get("downloads").get("words_original").asText()).endsWith("/download/words/original");

    HttpResponse<String> lrc = http.get("/jobs/" + id + "/download/lrc/original");
    assertThat(lrc.statusCode()).isEqualTo(200);
    assertThat(lrc.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(lrc.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment; filename="));
    assertThat(lrc.body().lines()).allMatch(l -> l.matches("\\[\\d\\d:\\d\\d\\.\\d\\d].+"));
    assertThat(http.get("/jobs/" + id + "/download/srt/transliterated").body()).contains(" --> ");
    JsonNode words = Http.json(http.get("/jobs/" + id + "/download/words/original"));
    assertThat(words.get(0).get("timestamp").asText()).matches("\\[\\d\\d:\\d\\d\\.\\d\\d]");
  }

  @Test
  void transcribeAFileAsMultipartWithoutAlignHasNoDownloadsEver(LyrcsSimulator sim) {
    Http http = new Http(sim.baseUrl(), "lyrcs_sk_test");
    String boundary = "b0undary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\nHindi\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"align\"\r\n\r\nfalse\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"song.wav\"\r\nContent-Type: audio/wav\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(PyannoteSimulatorTest.wav(1));
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> accepted = http.post("/transcribe", "multipart/form-data; boundary=" + boundary, body.toByteArray());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertThat(Http.json(accepted).get("align_requested").asBoolean()).isFalse();
    String id = Http.json(accepted).get("job_id").asText();

    sim.advance(Duration.ofMinutes(5));
    JsonNode job = Http.json(http.get("/jobs/" + id));
    assertThat(job.get("status").asText()).isEqualTo("complete");
    assertThat(job.get("results").has("downloads")).isFalse();
    assertThat(http.get("/jobs/" + id + "/download/lrc/original").statusCode()).isEqualTo(202);
    assertThat(sim.job(id).orElseThrow().request()).contains("\"file\":\"song.wav\"");
    assertThat(sim.uploadedFile(id)).hasValueSatisfying(b -> assertThat(b).isEqualTo(PyannoteSimulatorTest.wav(1)));
  }

  @Test
  void languagesAreExactNames(LyrcsSimulator sim) {
    Http http = new Http(sim.baseUrl(), "lyrcs_sk_test");
    assertThat(Http.json(http.get("/languages")).findValuesAsText("x")).isEmpty();
    assertThat(Http.json(http.get("/languages")).toString()).contains("\"Tamil\"");
    HttpResponse<String> r = http.postJson("/transcribe", "{\"audio_url\":\"https://example.com/song.mp3\",\"language\":\"tamil\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Http.json(r).get("code").asText()).isEqualTo("VAL_001");
    assertThat(http.postJson("/transcribe", "{\"audio_url\":\"http://example.com/song.mp3\",\"language\":\"Tamil\"}").statusCode()).isEqualTo(400);
    // The spec's pattern (https only) makes that request a caller's violation, recorded as such.
    assertThat(sim.takeViolations()).singleElement().asString().contains("/audio_url");
  }

  @Test
  void signsTheWebhookWithHexHmacOfTheBody(LyrcsSimulator sim) throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      Http http = new Http(sim.baseUrl(), "lyrcs_sk_test");
      sim.scriptNextJob(JobScript.fails("alignment timed out"));
      String id = Http.json(http.postJson("/transcribe", "{\"audio_url\":\"https://example.com/song.mp3\",\"language\":\"Tamil\",\"webhook_url\":\""
          + receiver.url() + "\"}")).get("job_id").asText();
      sim.advance(Duration.ofSeconds(12));
      assertThat(receiver.received).hasSize(1);
      WebhookReceiver.Received r = receiver.received.get(0);
      JsonNode event = new ObjectMapper().readTree(r.body());
      assertThat(event.get("event").asText()).isEqualTo("job.failed");
      assertThat(event.get("job_id").asText()).isEqualTo(id);
      assertThat(event.get("error").asText()).isEqualTo("alignment timed out");
      String expected = HexFormat.of().formatHex(Hmac.sha256(sim.webhookSecret().getBytes(StandardCharsets.UTF_8), r.body()));
      assertThat(r.header("X-Lyrcs-Signature")).isEqualTo(expected);
      assertThat(http.get("/jobs/" + id + "/download/lrc/original").statusCode()).isEqualTo(404);
    }
  }
}
