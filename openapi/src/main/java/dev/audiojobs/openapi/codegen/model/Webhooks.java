package dev.audiojobs.openapi.codegen.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A spec's {@code x-audiojobs-webhooks}: what a vendor's webhook deliveries carry and how they are
 * signed. Every scheme is HMAC-SHA256; the rest is data.
 *
 * @param payload the schema a verified body decodes into (a record or a union)
 * @param source where the vendor documents the scheme (a URL, or an inference with its reasons)
 * @param signatureHeader the header holding the signature ({@code X-Signature})
 * @param timestampHeader the header holding the signed Unix timestamp; null when the vendor signs none
 * @param signedContent what is signed, a template over {@code {timestamp}} and {@code {body}}
 * @param secretEncoding {@code utf8} (the secret's bytes are the key) or {@code base64} (decoded)
 * @param encodings how a signature may be written: {@code base64}, {@code hex}; at least one
 * @param toleranceSeconds the default timestamp tolerance; null without a timestamp header
 */
public record Webhooks(String payload, String source, String signatureHeader, @Nullable String timestampHeader,
    String signedContent, String secretEncoding, List<String> encodings, @Nullable Long toleranceSeconds) {

  public Webhooks {
    Objects.requireNonNull(payload, "payload == null");
    Objects.requireNonNull(source, "source == null");
    Objects.requireNonNull(signatureHeader, "signatureHeader == null");
    Objects.requireNonNull(signedContent, "signedContent == null");
    Objects.requireNonNull(secretEncoding, "secretEncoding == null");
    encodings = List.copyOf(encodings);
  }
}
