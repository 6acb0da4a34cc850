package dev.audiojobs.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The extension, seen from outside: it injects simulators, fails a test that broke the spec, and closes them. */
final class SimulatorExtensionTest {
  /** Simulators the fixtures were given, to check afterwards that they were closed. */
  static final List<VendorSimulator> GIVEN = new ArrayList<>();

  @Test
  void failsATestWhoseRequestBrokeTheSpecAndClosesItsSimulators() {
    TestExecutionSummary summary = run(BadRequestFixture.class);
    assertThat(summary.getTestsFailedCount()).isEqualTo(1);
    Throwable failure = summary.getFailures().get(0).getException();
    assertThat(failure).isInstanceOf(AssertionError.class).hasMessageContaining("INVALID_REQUEST POST /v1/diarize");
    assertThat(GIVEN).hasSize(1);
    assertThatClosed(GIVEN.get(0));
  }

  @Test
  void passesAGoodTestAndHandsOneSimulatorPerTypeWithTheRegisteredOptions() {
    TestExecutionSummary summary = run(GoodRequestFixture.class);
    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    assertThat(summary.getTestsFailedCount()).isZero();
    assertThat(GIVEN).hasSize(3);
    assertThat(GIVEN.get(0)).isSameAs(GIVEN.get(1));
    GIVEN.forEach(SimulatorExtensionTest::assertThatClosed);
  }

  private static TestExecutionSummary run(Class<?> fixture) {
    GIVEN.clear();
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture)).build();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request, listener);
    return listener.getSummary();
  }

  private static void assertThatClosed(VendorSimulator sim) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Http(sim.baseUrl(), "k").get("/v1/jobs"))
        .as("the simulator's server is stopped").isInstanceOf(java.io.UncheckedIOException.class);
  }

  // Fixtures: run only through the launcher above (Surefire skips nested classes that are not @Nested).
  @ExtendWith(SimulatorExtension.class)
  static final class BadRequestFixture {
    @Test
    void sendsNumSpeakersZero(PyannoteSimulator sim) {
      GIVEN.add(sim);
      HttpResponse<String> r = new Http(sim.baseUrl(), "k").postJson("/v1/diarize", "{\"url\":\"https://x/a.wav\",\"numSpeakers\":0}");
      assertThat(r.statusCode()).isEqualTo(400);
    }
  }

  static final class GoodRequestFixture {
    @RegisterExtension
    static final SimulatorExtension SIMS = SimulatorExtension.withOptions(SimulatorOptions.defaults().withApiKey("sk_only"));

    @Test
    void usesTheKeyItWasGiven(PyannoteSimulator first, PyannoteSimulator second, DailySimulator daily) {
      GIVEN.add(first);
      GIVEN.add(second);
      GIVEN.add(daily);
      assertThat(new Http(first.baseUrl(), "sk_only").get("/v1/jobs").statusCode()).isEqualTo(200);
      assertThat(new Http(daily.baseUrl(), "sk_other").get("/batch-processor").statusCode()).isEqualTo(401);
    }
  }
}
