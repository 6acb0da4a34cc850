package dev.audiojobs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Daily batch processor lifecycle over raw HTTP. */
@ExtendWith(SimulatorExtension.class)
final class DailySimulatorTest {
  private static final String SUBMIT = "{\"preset\":\"transcript\",\"inParams\":{\"sourceType\":\"uri\",\"uri\":\"https://example.com/rec.mp4\",\"language\":\"en\"},"
      + "\"outParams\":{\"s3Config\":{\"s3KeyTemplate\":\"{domain_name}/{job_id}\",\"useReplacement\":true}}}";

  @Test
  void submitGetAccessLinkAndDelete(DailySimulator sim) {
    Http http = new Http(sim.baseUrl(), "daily_key");
    assertThat(sim.baseUrl()).endsWith("/v1");
    HttpResponse<String> submitted = http.postJson("/batch-processor", SUBMIT);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    String id = Http.json(submitted).get("id").asText();

    assertThat(Http.json(http.get("/batch-processor/" + id)).get("status").asText()).isEqualTo("submitted");
    HttpResponse<String> early = http.get("/batch-processor/" + id + "/access-link");
    assertThat(early.statusCode()).isEqualTo(400);
    assertThat(Http.json(early).get("error").asText()).isEqualTo("invalid-request-error");
    sim.advance(Duration.ofSeconds(2));
    assertThat(Http.json(http.get("/batch-processor/" + id)).get("status").asText()).isEqualTo("processing");
    assertThat(http.get("/batch-processor/" + id + "/access-link").statusCode()).isEqualTo(400);
    sim.advance(Duration.ofSeconds(10));

    JsonNode job = Http.json(http.get("/batch-processor/" + id));
    assertThat(job.get("status").asText()).isEqualTo("finished");
    assertThat(job.get("input").get("uri").asText()).isEqualTo("https://example.com/rec.mp4");
    assertThat(job.get("output").get("transcription").findValuesAsText("format")).containsExactly("txt", "vtt", "json");
    assertThat(job.get("output").get("transcription").get(0).get("s3Config").get("key").asText()).isEqualTo("simulated/" + id + "/transcript.txt");

    JsonNode links = Http.json(http.get("/batch-processor/" + id + "/access-link"));
    String txt = links.get("transcription").get(0).get("link").asText();
    HttpResponse<String> transcript = http.getAbsolute(txt);
    assertThat(transcript.statusCode()).isEqualTo(200);
    assertThat(transcript.body()).isNotBlank();

    HttpResponse<String> deleted = http.delete("/batch-processor/" + id);
    assertThat(Http.json(deleted).get("id").asText()).isEqualTo(id);
    assertThat(http.get("/batch-processor/" + id).statusCode()).isEqualTo(404);
    assertThat(sim.job(id)).isEmpty();
  }

  @Test
  void aFailedJobCarriesItsErrorAndHasNoAccessLink(DailySimulator sim) {
    Http http = new Http(sim.baseUrl(), "daily_key");
    sim.scriptNextJob(JobScript.fails("Error: Failed to transcribe. May be invalid audio or silent file"));
    String id = Http.json(http.postJson("/batch-processor", SUBMIT)).get("id").asText();
    sim.advance(Duration.ofMinutes(1));
    JsonNode job = Http.json(http.get("/batch-processor/" + id));
    assertThat(job.get("status").asText()).isEqualTo("error");
    assertThat(job.get("error").asText()).startsWith("Error: Failed to transcribe");
    assertThat(http.get("/batch-processor/" + id + "/access-link").statusCode()).isEqualTo(400);
  }

  @Test
  void listsWithStartingAfterEndingBeforeAndRecordingId(DailySimulator sim) {
    Http http = new Http(sim.baseUrl(), "daily_key");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) ids.add(Http.json(http.postJson("/batch-processor", SUBMIT)).get("id").asText());
    String byRecording = Http.json(http.postJson("/batch-processor",
        "{\"preset\":\"summarize\",\"inParams\":{\"sourceType\":\"recordingId\",\"recordingId\":\"rec-1\"},\"outParams\":{\"s3Config\":{\"s3KeyTemplate\":\"k\"}}}")).get("id").asText();
    List<String> newestFirst = new ArrayList<>(ids);
    Collections.reverse(newestFirst);

    JsonNode first = Http.json(http.get("/batch-processor?limit=2&starting_after=" + byRecording));
    assertThat(first.get("total_count").asInt()).isEqualTo(6);
    assertThat(first.get("data").findValuesAsText("id")).containsExactly(newestFirst.get(0), newestFirst.get(1));
    JsonNode next = Http.json(http.get("/batch-processor?limit=2&starting_after=" + newestFirst.get(1)));
    assertThat(next.get("data").findValuesAsText("id")).containsExactly(newestFirst.get(2), newestFirst.get(3));
    JsonNode previous = Http.json(http.get("/batch-processor?limit=2&ending_before=" + newestFirst.get(2)));
    assertThat(previous.get("data").findValuesAsText("id")).containsExactly(newestFirst.get(0), newestFirst.get(1));
    JsonNode recording = Http.json(http.get("/batch-processor?recordingId=rec-1"));
    assertThat(recording.get("data").findValuesAsText("id")).containsExactly(byRecording);
    assertThat(recording.get("data").get(0).get("preset").asText()).isEqualTo("summarize");
  }

  @Test
  void aSourceTypeWithoutItsFieldIsAnInvalidRequestError(DailySimulator sim) {
    Http http = new Http(sim.baseUrl(), "daily_key");
    HttpResponse<String> r = http.postJson("/batch-processor",
        "{\"preset\":\"transcript\",\"inParams\":{\"sourceType\":\"uri\"},\"outParams\":{\"s3Config\":{\"s3KeyTemplate\":\"k\"}}}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Http.json(r).get("info").asText()).contains("inParams.uri");
  }

  @Test
  void aMissingKeyIsDailysAuthorizationHeaderError(DailySimulator sim) {
    HttpResponse<String> r = new Http(sim.baseUrl(), null).get("/batch-processor");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Http.json(r).get("error").asText()).isEqualTo("authorization-header-error");
    assertThat(sim.takeViolations()).extracting(Violation::kind).containsExactly(Violation.Kind.MISSING_API_KEY);
  }

  @Test
  void sendsSignedEnvelopesToTheDomainsWebhook(DailySimulator sim) throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      sim.subscribeWebhook(receiver.url());
      Http http = new Http(sim.baseUrl(), "daily_key");
      String ok = Http.json(http.postJson("/batch-processor", SUBMIT)).get("id").asText();
      sim.scriptNextJob(JobScript.fails("Error: no audio").runningFor(Duration.ofSeconds(20)));
      String bad = Http.json(http.postJson("/batch-processor", SUBMIT)).get("id").asText();

      sim.advance(Duration.ofSeconds(30));

      assertThat(receiver.received).hasSize(2);
      ObjectMapper mapper = new ObjectMapper();
      JsonNode finished = mapper.readTree(receiver.received.get(0).body());
      assertThat(finished.get("type").asText()).isEqualTo("batch-processor.job-finished");
      assertThat(finished.get("payload").get("id").asText()).isEqualTo(ok);
      assertThat(finished.get("event_ts").asLong()).isEqualTo(sim.clock().instant().getEpochSecond());
      assertThat(finished.fieldNames()).toIterable().containsExactly("version", "type", "id", "payload", "event_ts");
      JsonNode error = mapper.readTree(receiver.received.get(1).body());
      assertThat(error.get("type").asText()).isEqualTo("batch-processor.error");
      assertThat(error.get("payload").get("id").asText()).isEqualTo(bad);
      assertThat(error.get("payload").get("error").asText()).isEqualTo("Error: no audio");

      WebhookReceiver.Received r = receiver.received.get(0);
      String ts = r.header("X-Webhook-Timestamp");
      String expected = Base64.getEncoder().encodeToString(Hmac.sha256(Base64.getDecoder().decode(sim.webhookSecret()), ts + "." + r.body()));
      assertThat(r.header("X-Webhook-Signature")).isEqualTo(expected);
    }
  }
}
