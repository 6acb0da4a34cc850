package dev.audiojobs.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * HMAC-SHA256 built by hand from RFC 2104 over {@link MessageDigest}, to sign test deliveries by a
 * path that shares no code with the runtime's {@code javax.crypto.Mac}: a bug in how the verifier
 * builds its MAC cannot also be in the vectors it is tested with. Checked against RFC 4231 in
 * {@code ReferenceHmacTest}.
 */
public final class ReferenceHmac {
  private static final int BLOCK = 64; // SHA-256's block size in bytes

  private ReferenceHmac() {}

  /** HMAC-SHA256(key, message) = H((K ^ opad) || H((K ^ ipad) || message)). */
  public static byte[] hmacSha256(byte[] key, byte[] message) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    byte[] k = key.length > BLOCK ? sha256.digest(key) : key;
    k = Arrays.copyOf(k, BLOCK);
    byte[] inner = new byte[BLOCK];
    byte[] outer = new byte[BLOCK];
    for (int i = 0; i < BLOCK; i++) {
      inner[i] = (byte) (k[i] ^ 0x36);
      outer[i] = (byte) (k[i] ^ 0x5c);
    }
    sha256.update(inner);
    byte[] innerHash = sha256.digest(message);
    sha256.update(outer);
    return sha256.digest(innerHash);
  }

  /** The HMAC of {@code content}'s UTF-8 bytes under {@code secret}'s UTF-8 bytes, in base64. */
  public static String base64(String secret, String content) {
    return Base64.getEncoder().encodeToString(utf8(secret, content));
  }

  /** The HMAC of {@code content}'s UTF-8 bytes under {@code secret}'s UTF-8 bytes, in lowercase hex. */
  public static String hex(String secret, String content) {
    return HexFormat.of().formatHex(utf8(secret, content));
  }

  /** The HMAC of {@code content}'s UTF-8 bytes under the base64-decoded {@code secret}, in base64 (Daily). */
  public static String base64WithBase64Key(String secret, String content) {
    return Base64.getEncoder().encodeToString(
        hmacSha256(Base64.getDecoder().decode(secret), content.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] utf8(String secret, String content) {
    return hmacSha256(secret.getBytes(StandardCharsets.UTF_8), content.getBytes(StandardCharsets.UTF_8));
  }
}
