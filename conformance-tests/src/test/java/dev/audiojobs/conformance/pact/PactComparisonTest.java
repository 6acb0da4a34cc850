package dev.audiojobs.conformance.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Negative controls for the committed-pact comparison: what it ignores and what it reports. */
final class PactComparisonTest {
  private static final Path PACT = Path.of(System.getProperty("audiojobs.pacts.committed", "pacts"))
      .resolve("audiojobs-client-lyrcs-api.json");

  @Test
  void theVersionOfThePactWriterIsIgnored() throws IOException {
    String pact = Files.readString(PACT);
    String other = pact.replace("\"version\": \"4.7.5\"", "\"version\": \"4.7.9\"");
    assertThat(other).isNotEqualTo(pact);
    assertThat(PactComparison.difference(pact, other)).isEmpty();
  }

  @Test
  void aChangedResponseFieldIsReportedWithItsInteractionAndPointer() throws IOException {
    String pact = Files.readString(PACT);
    String other = pact.replace("\"processing_failed\"", "\"failed_processing\"");
    assertThat(PactComparison.difference(pact, other)).hasValueSatisfying(d -> assertThat(d)
        .contains("(\"a failed job\")/response/body/content/error: committed \"processing_failed\", generated \"failed_processing\""));
  }
}
