package dev.audiojobs.lyrcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.audiojobs.client.WebhookVerificationException;
import dev.audiojobs.testsupport.WebhookCase;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The generated {@link LyrcsWebhooks} against lyrcs.ai's webhook conformance cases (signed by openssl). */
final class LyrcsWebhooksTest {
  private static final List<WebhookCase> CASES = WebhookCase.all("lyrcs");

  @TestFactory
  Stream<DynamicTest> everyCaseHasItsOutcomeAndVariant() {
    assertThat(CASES).hasSizeGreaterThanOrEqualTo(10);
    return CASES.stream().map(kase -> DynamicTest.dynamicTest(kase.name(), () -> {
      LyrcsWebhooks webhooks = LyrcsWebhooks.withSecrets(kase.secrets());
      if (kase.outcome().equals("verified")) {
        WebhookEvent event = webhooks.unwrap(kase.headers(), kase.body());
        if (kase.variant() != null) assertThat(event.getClass().getSimpleName()).as(kase.name()).isEqualTo(kase.variant());
      } else {
        WebhookVerificationException e = catchThrowableOfType(WebhookVerificationException.class,
            () -> webhooks.unwrap(kase.headers(), kase.body()));
        assertThat(e).as(kase.name() + ": expected a rejection (" + kase.reason() + ")").isNotNull();
        assertThat(e.reason().wireName()).as(kase.name() + ": " + e.getMessage()).isEqualTo(kase.reason());
        if (kase.path() != null) assertThat(e.path()).as(kase.name()).contains(kase.path());
      }
    }));
  }

  @Test
  void aCompleteJobCarriesTheSameResultsAsGetJob() {
    WebhookCase kase = CASES.stream().filter(c -> c.name().equals("webhook-verified-job-complete.json")).findFirst().orElseThrow();
    WebhookEvent event = LyrcsWebhooks.withSecrets(kase.secrets()).unwrap(kase.headers(), kase.body());
    assertThat(event).isInstanceOfSatisfying(JobCompleteEvent.class, complete -> {
      assertThat(complete.jobId()).isEqualTo("a1b2c3d4-e5f6-7890-abcd-ef1234567890");
      assertThat(complete.results()).isInstanceOf(JobResults.class);
    });
  }

  @Test
  void withoutASignedTimestampThereIsNoToleranceToSet() {
    // lyrcs.ai signs no timestamp: a tolerance or clock setting would suggest a replay check that cannot exist.
    assertThat(Arrays.stream(LyrcsWebhooks.class.getMethods()).filter(m -> !Modifier.isStatic(m.getModifiers()))
        .map(java.lang.reflect.Method::getName)).doesNotContain("withTolerance", "withClock");
  }
}
