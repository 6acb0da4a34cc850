package dev.audiojobs.pyannote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.audiojobs.client.WebhookVerificationException;
import dev.audiojobs.testsupport.WebhookCase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The generated {@link PyannoteWebhooks} against pyannoteAI's webhook conformance cases (signed by openssl). */
final class PyannoteWebhooksTest {
  private static final List<WebhookCase> CASES = WebhookCase.all("pyannote");

  private static PyannoteWebhooks receiver(WebhookCase kase) {
    PyannoteWebhooks webhooks = PyannoteWebhooks.withSecrets(kase.secrets()).withClock(kase.clock());
    return kase.tolerance() == null ? webhooks : webhooks.withTolerance(kase.tolerance());
  }

  @TestFactory
  Stream<DynamicTest> everyCaseHasItsOutcomeAndVariant() {
    assertThat(CASES).hasSizeGreaterThanOrEqualTo(10);
    return CASES.stream().map(kase -> DynamicTest.dynamicTest(kase.name(), () -> {
      PyannoteWebhooks webhooks = receiver(kase);
      if (kase.outcome().equals("verified")) {
        Job job = webhooks.unwrap(kase.headers(), kase.body());
        assertThat(job.jobId()).as(kase.name()).isNotBlank();
        if (kase.variant() != null) assertThat(job.getClass().getSimpleName()).as(kase.name()).isEqualTo(kase.variant());
      } else {
        WebhookVerificationException e = catchThrowableOfType(WebhookVerificationException.class,
            () -> webhooks.unwrap(kase.headers(), kase.body()));
        assertThat(e).as(kase.name() + ": expected a rejection (" + kase.reason() + ")").isNotNull();
        assertThat(e.reason().wireName()).as(kase.name() + ": " + e.getMessage()).isEqualTo(kase.reason());
        if (kase.path() != null) assertThat(e.path()).as(kase.name()).contains(kase.path());
        for (String secret : kase.secrets()) assertThat(e.getMessage()).doesNotContain(secret);
      }
    }));
  }

  @Test
  void aStatusOnlyDeliveryDecodesAsAnUnknownJobWithItsIdAndStatus() {
    WebhookCase kase = named("webhook-verified-status-only.json");
    Job job = receiver(kase).unwrap(kase.headers(), new String(kase.body(), StandardCharsets.UTF_8));
    assertThat(job).isInstanceOf(UnknownJob.class);
    assertThat(job.status()).isNotNull();
  }

  @Test
  void theDefaultToleranceIsFiveMinutesAndANarrowerOneRejectsTheSameDelivery() {
    WebhookCase kase = named("webhook-verified-at-tolerance-bound.json");
    receiver(kase).verify(kase.headers(), kase.body());
    WebhookVerificationException e = catchThrowableOfType(WebhookVerificationException.class,
        () -> receiver(kase).withTolerance(Duration.ofSeconds(299)).verify(kase.headers(), kase.body()));
    assertThat(e.reason()).isEqualTo(WebhookVerificationException.Reason.TIMESTAMP);
  }

  @Test
  void toStringNamesTheSchemeButNoSecret() {
    String text = PyannoteWebhooks.withSecret("whsec_do_not_print").toString();
    assertThat(text).contains("X-Signature", "v0:{timestamp}:{body}", "PT5M").doesNotContain("whsec_do_not_print");
  }

  @Test
  void aRemovedHeaderIsAMissingHeader() {
    WebhookCase kase = named("webhook-verified-diarization-hex.json");
    WebhookVerificationException e = catchThrowableOfType(WebhookVerificationException.class,
        () -> receiver(kase).verify(Map.of("X-Signature", kase.headers().get("X-Signature")), kase.body()));
    assertThat(e.reason()).isEqualTo(WebhookVerificationException.Reason.MISSING_HEADER);
  }

  private static WebhookCase named(String name) {
    return CASES.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
  }
}
