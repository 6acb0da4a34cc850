package dev.audiojobs.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The hand-built HMAC the webhook tests sign with agrees with RFC 4231 and with openssl. */
final class ReferenceHmacTest {
  private static String hmac(byte[] key, String data) {
    return HexFormat.of().formatHex(ReferenceHmac.hmacSha256(key, data.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] repeated(int value, int count) {
    byte[] bytes = new byte[count];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  @Test
  void agreesWithRfc4231TestCases1And2And6() {
    assertThat(hmac(repeated(0x0b, 20), "Hi There"))
        .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    assertThat(hmac("Jefe".getBytes(StandardCharsets.UTF_8), "what do ya want for nothing?"))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    // A key longer than the block is hashed first.
    assertThat(hmac(repeated(0xaa, 131), "Test Using Larger Than Block-Size Key - Hash Key First"))
        .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  }

  @Test
  void agreesWithOpensslOnTheVendorsSignedContent() {
    // printf '%s' 'v0:1793613585:{"jobId":"j1","status":"succeeded"}' | openssl dgst -sha256 -hmac whsec_test_secret_0001
    assertThat(ReferenceHmac.hex("whsec_test_secret_0001", "v0:1793613585:{\"jobId\":\"j1\",\"status\":\"succeeded\"}"))
        .isEqualTo("702ed16d7ce25ff59d19a1ff1bb1f4c24849709b6928ffa40a92f95e4dc498f3");
    // printf '%s' '1793613585.{"type":"batch-processor.job-finished"}' | openssl dgst -sha256 -mac HMAC
    //   -macopt hexkey:$(printf '%s' aXQ0eKO9oDFzfeT15+ZA4EGYxTq7czmVR9gDQiIAbhg= | base64 -d | xxd -p -c 256) -binary | base64
    assertThat(ReferenceHmac.base64WithBase64Key("aXQ0eKO9oDFzfeT15+ZA4EGYxTq7czmVR9gDQiIAbhg=",
        "1793613585.{\"type\":\"batch-processor.job-finished\"}"))
        .isEqualTo("v58TrAuE9MtgsvLRn4VYHD7T6pFUkZXanfnye5OiXQQ=");
  }
}
