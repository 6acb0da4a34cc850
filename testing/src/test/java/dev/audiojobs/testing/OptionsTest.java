package dev.audiojobs.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The value types refuse what makes no sense, and never show a secret. */
final class OptionsTest {

  @Test
  void optionsShowNeitherKeyNorSecret() {
    SimulatorOptions options = SimulatorOptions.defaults().withApiKey("sk_secret_key").withWebhookSecret("whsec_hidden");
    assertThat(options.toString()).doesNotContain("sk_secret_key").doesNotContain("whsec_hidden").contains("apiKey set");
  }

  @Test
  void dailyRefusesAWebhookSecretThatIsNotBase64() {
    assertThatThrownBy(() -> DailySimulator.start(SimulatorOptions.defaults().withWebhookSecret("not base64!")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base64");
  }

  @Test
  void scriptsAndFaultsRefuseNegativeDurationsAndOddCounts() {
    assertThatThrownBy(() -> JobScript.succeeds().runningFor(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.tooManyRequests(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.status(200)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("400..599");
    try (PyannoteSimulator sim = PyannoteSimulator.start()) {
      assertThatThrownBy(() -> sim.failNext(0, Fault.reset())).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> sim.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
      assertThat(sim.clock().instant()).isEqualTo(SimulatorOptions.defaults().startTime());
    }
  }

  @Test
  void theSameSeedGivesTheSameJobIdsAndOutputs() {
    String[] outputs = new String[2];
    for (int i = 0; i < 2; i++) {
      try (PyannoteSimulator sim = PyannoteSimulator.start(SimulatorOptions.defaults().withSeed(42))) {
        Http http = new Http(sim.baseUrl(), "k");
        String id = PyannoteSimulatorTest.submitDiarization(http, "https://example.com/a.wav");
        sim.advance(Duration.ofMinutes(1));
        outputs[i] = http.get("/v1/jobs/" + id).body();
      }
    }
    assertThat(outputs[0]).isEqualTo(outputs[1]);
  }
}
