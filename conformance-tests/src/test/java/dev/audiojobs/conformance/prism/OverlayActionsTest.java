package dev.audiojobs.conformance.prism;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The upstream report's attribution, on rejections whose explanation is known. */
final class OverlayActionsTest {
  private static final OverlayActions PYANNOTE = OverlayActions.of(UpstreamReportTest.OPENAPI.resolve("overlays"), "pyannote");

  private static Sweep.Outcome decodeFailure(String genericPath, String reason) {
    return new Sweep.Outcome("pyannote", "getJob", 1, Map.of(), null, Sweep.Kind.DECODE_FAILED, 200,
        genericPath.replace("[*]", "[0]").replace("{key}", "SPEAKER_00"), reason, "{}", "", genericPath);
  }

  private static List<String> cited(Sweep.Outcome outcome) {
    return PYANNOTE.explaining(outcome).stream().map(OverlayActions.Action::cite).toList();
  }

  @Test
  void aMissingJobIdIsExplainedByTheActionThatMakesItRequired() {
    assertThat(cited(decodeFailure("$.jobId", "required property missing")))
        .singleElement().asString()
        .startsWith("openapi/overlays/pyannote/30-job-union.yaml action 1 ")
        .contains("jobId and status are required on every job");
  }

  @Test
  void aValueInAMapIsExplainedByTheActionThatRetypesTheMap() {
    assertThat(cited(decodeFailure("$.output.diarization[*].confidence.{key}", "expected a number but found a string")))
        .singleElement().asString()
        .startsWith("openapi/overlays/pyannote/20-types.yaml action ")
        .contains("properties.confidence");
  }

  @Test
  void aFractionalTotalIsExplainedByTheActionThatMakesItAnInteger() {
    assertThat(cited(decodeFailure("$.total", "expected an integer in the int range")))
        .singleElement().asString()
        .startsWith("openapi/overlays/pyannote/20-types.yaml action 1 ");
  }

  @Test
  void aRejectionNoActionDecidedIsUnexplained() {
    // speaker is required upstream already: no overlay made it so.
    assertThat(cited(decodeFailure("$.output.diarization[*].speaker", "required property missing"))).isEmpty();
    // A name that only appears in actions of another kind (status is retyped, never made required here).
    assertThat(cited(decodeFailure("$.output.diarization[*].start", "expected a number but found a string"))).isEmpty();
  }

  @Test
  void aRejectedParameterIsExplainedByTheActionsOnThatParameter() {
    Sweep.Outcome rejected = new Sweep.Outcome("pyannote", "listJobs", 1, Map.of(), null, Sweep.Kind.REQUEST_REJECTED,
        422, null, null, null, "Prism's request validation: request.query.take: Request query parameter take must be number [Error]");
    assertThat(cited(rejected)).singleElement().asString().contains("take is a count of jobs");
  }

  @Test
  void aRequestBodyPropertyPrismRejectsIsExplainedByTheActionThatReshapesIt() {
    Sweep.Outcome rejected = new Sweep.Outcome("pyannote", "getMediaUploadUrl", 1, Map.of(), null, Sweep.Kind.REQUEST_REJECTED,
        422, null, null, null, "Prism's request validation: request.body.url: Request body property url must match pattern "
        + "\"/^media:\\/\\/[a-zA-Z0-9\\-_\\.\\/]+$/\" [Error]");
    assertThat(cited(rejected)).singleElement().asString()
        .startsWith("openapi/overlays/pyannote/40-write-side.yaml action ")
        .contains("GetMediaUploadUrl.properties.url");
  }

  @Test
  void aMissingRequestBodyPropertyIsExplainedByTheActionThatRequiresIt() {
    Sweep.Outcome rejected = new Sweep.Outcome("pyannote", "identify", 1, Map.of(), null, Sweep.Kind.REQUEST_REJECTED,
        422, null, null, null, "Prism's request validation: request.body: Request body must have required property 'url' [Error]");
    assertThat(cited(rejected)).singleElement().asString().contains("IdentifyRequest.required");
  }
}
