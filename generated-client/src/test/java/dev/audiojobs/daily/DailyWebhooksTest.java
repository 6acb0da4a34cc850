package dev.audiojobs.daily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.audiojobs.client.WebhookVerificationException;
import dev.audiojobs.testsupport.WebhookCase;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The generated {@link DailyWebhooks} against Daily's webhook conformance cases (signed by openssl). */
final class DailyWebhooksTest {
  private static final List<WebhookCase> CASES = WebhookCase.all("daily");

  private static DailyWebhooks receiver(WebhookCase kase) {
    DailyWebhooks webhooks = DailyWebhooks.withSecrets(kase.secrets()).withClock(kase.clock());
    return kase.tolerance() == null ? webhooks : webhooks.withTolerance(kase.tolerance());
  }

  @TestFactory
  Stream<DynamicTest> everyCaseHasItsOutcomeAndVariant() {
    assertThat(CASES).hasSizeGreaterThanOrEqualTo(10);
    return CASES.stream().map(kase -> DynamicTest.dynamicTest(kase.name(), () -> {
      DailyWebhooks webhooks = receiver(kase);
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
  void aFinishedJobsPayloadIsTheSameBatchJobAsGetJobReturns() {
    WebhookCase kase = named("webhook-verified-job-finished.json");
    WebhookEvent event = receiver(kase).unwrap(kase.headers(), kase.body());
    assertThat(event).isInstanceOfSatisfying(JobFinishedEvent.class, finished -> {
      assertThat(finished.payload().id()).isEqualTo("3ab8faa2-8ba2-4ee6-bd15-003a92c18245");
      assertThat(finished.payload().status()).isEqualTo(JobStatus.FINISHED);
    });
  }

  @Test
  void aSecretThatIsNotBase64IsRefusedWithoutQuotingIt() {
    assertThatThrownBy(() -> DailyWebhooks.withSecret("not base64 at all!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("not base64 at all!");
  }

  private static WebhookCase named(String name) {
    return CASES.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
  }
}
