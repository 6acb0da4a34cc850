package dev.audiojobs.conformance.pact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.openapi.upstream.UpstreamPactVerification;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Bi-directional verification: every interaction of the committed pacts validates against its vendor's
 * upstream spec (openapi/upstream/, not the normalized spec), request and response, status and body —
 * except where openapi/overlays/&lt;vendor&gt;/exceptions/upstream-pacts.yaml records why the upstream is
 * wrong about reality, next to the overlay that works around it.
 */
final class UpstreamPactVerificationTest {
  private static final Path OPENAPI = Path.of(System.getProperty("audiojobs.openapi", "../openapi"));
  private static final Path PACTS = Path.of(System.getProperty("audiojobs.pacts.committed", "pacts"));

  @Test
  void everyCommittedInteractionValidatesAgainstTheUpstreamSpecOrHasARecordedException() {
    UpstreamPactVerification.Result result = UpstreamPactVerification.verify(OPENAPI, PACTS);
    assertThat(result.interactions()).as("interactions in %s", PACTS).isGreaterThanOrEqualTo(30);
    assertThat(result.failures()).as("interactions that do not validate against the upstream spec (excused: %s)", result.excused()).isEmpty();
    assertThat(result.unusedExceptions()).as("recorded exceptions that no longer apply").isEmpty();
  }
}
