package dev.audiojobs.testsupport;

import dev.audiojobs.client.internal.WebhookScheme;
import dev.audiojobs.client.internal.WebhookScheme.SecretEncoding;
import dev.audiojobs.client.internal.WebhookScheme.SignatureEncoding;
import java.util.Set;

/**
 * The three vendors' schemes, written as the generator will write them from each normalized spec's
 * {@code x-audiojobs-webhooks.signature} (FACTS.md, "The write side and webhooks"; write-side
 * decision 6). Until the generator emits them, tests build them here.
 */
public final class WebhookSchemes {
  private WebhookSchemes() {}

  /** pyannoteAI: X-Signature = base64 (or hex) HMAC(secret, "v0:{timestamp}:{body}"). */
  public static final WebhookScheme PYANNOTE = WebhookScheme.builder()
      .signatureHeader("X-Signature")
      .timestampHeader("X-Request-Timestamp")
      .signedContent("v0:{timestamp}:{body}")
      .secretEncoding(SecretEncoding.UTF8)
      .signatureEncodings(Set.of(SignatureEncoding.BASE64, SignatureEncoding.HEX))
      .build();

  /** Daily: X-Webhook-Signature = base64 HMAC(base64-decoded hmac, "{timestamp}.{body}"). */
  public static final WebhookScheme DAILY = WebhookScheme.builder()
      .signatureHeader("X-Webhook-Signature")
      .timestampHeader("X-Webhook-Timestamp")
      .signedContent("{timestamp}.{body}")
      .secretEncoding(SecretEncoding.BASE64)
      .signatureEncodings(Set.of(SignatureEncoding.BASE64))
      .build();

  /** lyrcs.ai: X-Lyrcs-Signature = hex HMAC(webhook_secret, body); no timestamp. */
  public static final WebhookScheme LYRCS = WebhookScheme.builder()
      .signatureHeader("X-Lyrcs-Signature")
      .signedContent("{body}")
      .secretEncoding(SecretEncoding.UTF8)
      .signatureEncodings(Set.of(SignatureEncoding.HEX))
      .build();
}
