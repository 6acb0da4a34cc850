package dev.audiojobs.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A caller's bad request fails loudly, and the simulator's own responses are held to the spec. Uses the
 * plain API (start, close) rather than the extension, since these tests provoke violations on purpose.
 */
final class ValidationTest {

  @Test
  void aRequestTheSpecDoesNotAllowIsA400WithTheValidatorsMessageAndAViolation() {
    try (PyannoteSimulator sim = PyannoteSimulator.start()) {
      Http http = new Http(sim.baseUrl(), "sk_test");
      HttpResponse<String> r = http.postJson("/v1/diarize", "{\"url\":\"https://example.com/a.wav\",\"numSpeakers\":0}");

      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(Http.json(r).get("errors").get(0).get("message").asText()).contains("/numSpeakers").contains("minimum");
      assertThat(sim.jobs()).isEmpty();
      assertThat(sim.violations()).singleElement().satisfies(v -> {
        assertThat(v.kind()).isEqualTo(Violation.Kind.INVALID_REQUEST);
        assertThat(v.target()).isEqualTo("/v1/diarize");
        assertThat(v.message()).contains("/numSpeakers");
      });
      assertThatThrownBy(sim::assertNoViolations).isInstanceOf(AssertionError.class)
          .hasMessageContaining("1 violation(s) against dev/audiojobs/testing/specs/pyannote.yaml")
          .hasMessageContaining("INVALID_REQUEST POST /v1/diarize");
    }
  }

  @Test
  void aPropertyTheSpecDoesNotNameIsAllowedInARequestAsOpenApiSays() {
    try (DailySimulator sim = DailySimulator.start()) {
      Http http = new Http(sim.baseUrl(), "k");
      HttpResponse<String> r = http.postJson("/batch-processor", "{\"preset\":\"transcript\",\"inParams\":{\"sourceType\":\"recordingId\","
          + "\"recordingId\":\"rec-1\"},\"outParams\":{\"s3Config\":{\"s3KeyTemplate\":\"{job_id}\"}},"
          + "\"transformParams\":{\"transcript\":{\"punctuate\":true,\"redact\":[\"pci\"]}}}");

      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(sim.jobs()).singleElement().satisfies(j -> assertThat(j.request()).contains("\"redact\":[\"pci\"]"));
      assertThat(sim.violations()).isEmpty();
    }
  }

  @Test
  void anUnknownPathIsA404AndAViolation() {
    try (LyrcsSimulator sim = LyrcsSimulator.start()) {
      HttpResponse<String> r = new Http(sim.baseUrl(), "k").get("/usage");
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(Http.json(r).get("code").asText()).isEqualTo("NOT_001");
      assertThat(sim.takeViolations()).extracting(Violation::kind).containsExactly(Violation.Kind.INVALID_REQUEST);
      assertThat(sim.violations()).isEmpty();
    }
  }

  @Test
  void aMissingKeyIs401AndAViolationAndAWrongKeyIs401Only() {
    try (PyannoteSimulator sim = PyannoteSimulator.start(SimulatorOptions.defaults().withApiKey("sk_right"))) {
      assertThat(new Http(sim.baseUrl(), null).get("/v1/jobs").statusCode()).isEqualTo(401);
      assertThat(sim.takeViolations()).extracting(Violation::kind).containsExactly(Violation.Kind.MISSING_API_KEY);
      assertThat(new Http(sim.baseUrl(), "sk_wrong").get("/v1/jobs").statusCode()).isEqualTo(401);
      assertThat(new Http(sim.baseUrl(), "sk_right").get("/v1/jobs").statusCode()).isEqualTo(200);
      assertThat(sim.violations()).isEmpty();
      assertThat(sim.requests()).extracting(RecordedCall::authorized).containsExactly(false, true, true);
      assertThat(sim.toString()).doesNotContain("sk_right");
    }
  }

  @Test
  void theValidatorRejectsAResponseThatDriftsFromTheSpec() {
    SpecValidator pyannote = new SpecValidator("pyannote");
    Map<String, String> json = Map.of("Content-Type", "application/json");
    // A succeeded diarization whose segment lacks its required speaker.
    byte[] drifted = "{\"jobId\":\"j\",\"status\":\"succeeded\",\"output\":{\"diarization\":[{\"start\":0,\"end\":1}]}}".getBytes(StandardCharsets.UTF_8);
    List<SpecValidator.Finding> findings = pyannote.validateResponse("GET", "/v1/jobs/j", 200, json, drifted);
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("DiarizationJob").contains("speaker");
      assertThat(f.where()).contains("/output/diarization/0");
    });
    // A pending job without output is the fallback variant and conforms.
    byte[] pending = "{\"jobId\":\"j\",\"status\":\"pending\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(pyannote.validateResponse("GET", "/v1/jobs/j", 200, json, pending)).isEmpty();
    // lyrcs.ai: a complete job without results.
    byte[] noResults = "{\"job_id\":\"j\",\"status\":\"complete\",\"created_at\":\"2026-01-01T00:00:00Z\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(new SpecValidator("lyrcs").validateResponse("GET", "/api/v1/jobs/j", 200, json, noResults))
        .singleElement().satisfies(f -> assertThat(f.message()).contains("CompleteJob").contains("results"));
    // Daily: a job without its status.
    assertThat(new SpecValidator("daily").validateResponse("GET", "/v1/batch-processor/j", 200, json, "{\"id\":\"j\"}".getBytes(StandardCharsets.UTF_8)))
        .isNotEmpty();
  }
}
