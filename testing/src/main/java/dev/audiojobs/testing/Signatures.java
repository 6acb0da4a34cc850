package dev.audiojobs.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The three vendors' webhook signatures (FACTS, "The write side and webhooks"). */
final class Signatures {
  private Signatures() {}

  /** pyannoteAI: base64 HMAC-SHA256 with the team secret over {@code v0:<timestamp>:<body>}. */
  static String pyannote(String secret, long timestamp, String body) {
    return Base64.getEncoder().encodeToString(hmac(secret.getBytes(StandardCharsets.UTF_8), "v0:" + timestamp + ":" + body));
  }

  /** Daily: base64 HMAC-SHA256 keyed with the base64-decoded secret over {@code <timestamp>.<body>}. */
  static String daily(String base64Secret, long timestamp, String body) {
    return Base64.getEncoder().encodeToString(hmac(Base64.getDecoder().decode(base64Secret), timestamp + "." + body));
  }

  /** lyrcs.ai: hex HMAC-SHA256 with the secret over the raw body; no timestamp. */
  static String lyrcs(String secret, String body) {
    return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
  }

  private static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
    }
  }
}
