package dev.audiojobs.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The runner judges the clients, so it is judged too: every case under
 * {@code src/test/resources/negative-cases} has a deliberately wrong expectation or a malformed file,
 * and each must fail with the reason below. A runner that passed them would pass anything.
 */
final class NegativeControlTest {
  private static final Map<String, String> EXPECTED_FAILURE = Map.ofEntries(
      Map.entry("pyannote/wrong-variant.json", "expected variant VoiceprintJob but was DiarizationJob"),
      Map.entry("pyannote/wrong-path.json", "expected decode error at $.output.diarization[0].speaker but it was at $.output.diarization[1].speaker"),
      Map.entry("pyannote/wrong-status.json", "expected HTTP error status 429 but was 402"),
      Map.entry("pyannote/wrong-reencoding.json", "re-encoding differs at $.output: unexpected"),
      Map.entry("pyannote/wrong-request-path.json", "expected request path /v1/jobs/a/b but was /v1/jobs/a%2Fb"),
      Map.entry("pyannote/wrong-query.json", "expected query {skip=5, take=10} but was {skip=5}"),
      Map.entry("pyannote/wrong-outcome.json", "expected the decode exception but the call returned DiarizationJob"),
      Map.entry("pyannote/wrong-error-type.json", "expected error body ApiError but was ValidationErrorResponse"),
      Map.entry("pyannote/wrong-retry-after.json", "expected Retry-After 12s but was 30s"),
      Map.entry("pyannote/unknown-key.json", "does not follow case.schema.json"),
      Map.entry("pyannote/missing-expect.json", "does not follow case.schema.json"),
      Map.entry("pyannote/unknown-operation.json", "operation deleteJob is not in openapi/normalized/pyannote.yaml"),
      Map.entry("pyannote/unknown-parameter.json", "request.limit: getJob has no parameter limit"),
      Map.entry("pyannote/wrong-request-body.json", "request body differs at $.numSpeakers: missing"),
      Map.entry("pyannote/wrong-content-type.json", "expected request content type multipart/form-data but was application/json"),
      Map.entry("pyannote/invalid-request-that-is-valid.json", "expected the request-validation exception but the call returned JobCreated"),
      Map.entry("pyannote/wrong-invalid-request-path.json", "expected the request to be refused at $.minSpeakers but it was refused at $.numSpeakers"),
      Map.entry("pyannote/wrong-type-wrong-path.json", "expected the request to be refused at $.minSpeakers but it was refused at $.numSpeakers"),
      Map.entry("pyannote/wrong-parts.json", "expected multipart/form-data parts but the request's content type was application/json"),
      Map.entry("pyannote/parts-for-a-json-operation.json", "request.parts: diarize takes no multipart/form-data body"),
      Map.entry("pyannote/body-for-a-get.json", "request.body: getJob takes no JSON request body"),
      Map.entry("pyannote/text-and-json.json", "does not follow case.schema.json"),
      Map.entry("pyannote/wrong-text.json", "expected the text \"[00:01.00] la\" but the call returned UnknownJob"),
      Map.entry("lyrcs/wrong-header.json", "expected header Authorization: Bearer other-key but was Bearer conformance-key"),
      Map.entry("lyrcs/wrong-download-variant.json", "expected variant DownloadText but was DownloadPending"),
      Map.entry("lyrcs/wrong-download-text.json", "expected the text \"[00:01.00]la la\\n\" but the call returned the text \"[00:01.00]la\\n\""),
      Map.entry("lyrcs/wrong-list-reencoding.json", "re-encoding differs at $[1]"),
      Map.entry("lyrcs/wrong-multipart-file.json", "part file: expected 4 bytes"),
      Map.entry("lyrcs/size-limit-that-is-allowed.json", "expected the request-validation exception but the call returned TranscribeAccepted"),
      Map.entry("lyrcs/parameter-refused-that-is-valid.json", "expected the request-validation exception but the call returned"),
      Map.entry("daily/parameter-refused-at-a-body-path.json", "expected the request to be refused at $.limit but it was refused at limit"),
      Map.entry("daily/not-json.json", "daily/not-json.json: not JSON"));

  @Test
  void everyNegativeControlFailsForItsOwnReason() throws IOException {
    Path root = Path.of("src/test/resources/negative-cases");
    List<CaseRunner.Result> results = new ArrayList<>();
    List<DynamicTest> tests = CaseFiles.tests(root, results);
    assertThat(tests).hasSize(EXPECTED_FAILURE.size());
    for (DynamicTest test : tests) {
      try {
        test.getExecutable().execute();
      } catch (AssertionFailedError expected) {
        // recorded in results; judged below
      } catch (Throwable t) {
        throw new AssertionError(test.getDisplayName() + " threw instead of failing", t);
      }
    }
    assertThat(results).hasSize(EXPECTED_FAILURE.size());
    for (CaseRunner.Result result : results) {
      assertThat(result.passed()).as(result.name() + " must fail").isFalse();
      assertThat(result.message()).as(result.name()).contains(EXPECTED_FAILURE.get(result.name()));
    }
  }
}
