package dev.audiojobs.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** YAML 1.2's booleans (only true and false) when reading specs: the "Norway problem" of YAML 1.1. */
final class Yaml12FactoryTest {
  @Test
  void onlyTrueAndFalseAreBooleans() throws Exception {
    JsonNode values = Yaml12Factory.mapper().readTree("e: [no, yes, on, off, y, n, NO, true, False, 'no']").get("e");

    assertThat(values.toString()).isEqualTo("[\"no\",\"yes\",\"on\",\"off\",\"y\",\"n\",\"NO\",true,false,\"no\"]");
  }

  @Test
  void aNorwegianLanguageCodeSurvivesNormalizingAndIsWrittenQuoted() {
    // AssemblyAI's TranscriptLanguageCode lists Norwegian as an unquoted `- no` (upstream line 2421).
    String normalized = new Normalizer(ThirdPartySpecsTest.THIRD_PARTY, ThirdPartySpecsTest.LABEL).normalize("assemblyai");

    assertThat(normalized).contains("        - \"no\"\n").doesNotContain("        - false\n");
  }
}
