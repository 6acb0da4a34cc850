package dev.audiojobs.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiojobs.client.WebhookVerificationException;
import dev.audiojobs.testsupport.WebhookCase;
import org.junit.jupiter.api.Test;

/**
 * The README's webhook snippets run as written on deliveries of the webhook cases. The pyannoteAI and
 * Daily cases are signed at a fixed time long past, so only the lyrcs.ai snippet (no timestamp) and
 * the rejection paths can run on the system clock the snippets use.
 */
final class QuickstartWebhooksTest {
  private static WebhookCase kase(String vendor, String name) {
    return WebhookCase.all(vendor).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void theLyrcsSnippetPrintsACompleteJobsTranscriptAndAReviewLink() {
    WebhookCase complete = kase("lyrcs", "webhook-verified-job-complete.json");
    assertThat(Quickstart.webhooksLyrcs(complete.secrets().get(0), complete.headers(), complete.body()))
        .isEqualTo("a1b2c3d4-e5f6-7890-abcd-ef1234567890: ਸਤ ਸ੍ਰੀ ਅਕਾਲ");
    WebhookCase review = kase("lyrcs", "webhook-verified-job-awaiting-review.json");
    assertThat(Quickstart.webhooksLyrcs(review.secrets().get(0), review.headers(), review.body()))
        .startsWith("review at https://lyrcs.ai/review/");
  }

  @Test
  void thePyannoteSnippetRejectsAStaleOrForgedDeliveryWithItsReason() {
    // signed in 2026-11-02 and checked against today's clock: outside the 5-minute tolerance
    WebhookCase authentic = kase("pyannote", "webhook-verified-diarization-base64.json");
    assertThat(Quickstart.webhooksPyannote(authentic.secrets().get(0), authentic.headers(), authentic.body()))
        .isEqualTo("rejected: TIMESTAMP");
    assertThat(Quickstart.webhooksPyannote("whsec_other", authentic.headers(), authentic.body()))
        .isEqualTo("rejected: SIGNATURE");
  }

  @Test
  void theDailySnippetThrowsOnAForgedDelivery() {
    WebhookCase finished = kase("daily", "webhook-verified-job-finished.json");
    assertThatThrownBy(() -> Quickstart.webhooksDaily("b3RoZXItc2VjcmV0", finished.headers(), finished.body()))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageNotContaining("b3RoZXItc2VjcmV0");
  }
}
