package dev.audiojobs.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiojobs.client.internal.WebhookScheme.SecretEncoding;
import dev.audiojobs.client.internal.WebhookScheme.SignatureEncoding;
import dev.audiojobs.testsupport.WebhookSchemes;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A scheme is checked when it is built, so that a typo in a spec fails when its vendor class loads. */
final class WebhookSchemeTest {
  private static WebhookScheme.Builder lyrcsLike() {
    return WebhookScheme.builder().signatureHeader("X-Sig").signedContent("{body}")
        .secretEncoding(SecretEncoding.UTF8).signatureEncodings(Set.of(SignatureEncoding.HEX));
  }

  @Test
  void theVendorsSchemesBuildWithTheDefaultTolerance() {
    assertThat(WebhookSchemes.PYANNOTE.signatureEncodings()).containsExactly(SignatureEncoding.BASE64, SignatureEncoding.HEX);
    assertThat(WebhookSchemes.DAILY.secretEncoding()).isEqualTo(SecretEncoding.BASE64);
    assertThat(WebhookSchemes.LYRCS.timestampHeader()).isNull();
    assertThat(WebhookSchemes.PYANNOTE.tolerance()).isEqualTo(Duration.ofMinutes(5)).isEqualTo(WebhookScheme.DEFAULT_TOLERANCE);
    assertThat(WebhookSchemes.DAILY.toString()).isEqualTo("WebhookScheme{X-Webhook-Signature = HMAC-SHA256(base64 secret,"
        + " \"{timestamp}.{body}\") as [BASE64], timestamp X-Webhook-Timestamp within PT5M}");
  }

  @Test
  void theSignedContentNeedsItsBodyOnceAndOnlyKnownPlaceholders() {
    assertThatThrownBy(() -> lyrcsLike().signedContent("v0:").build())
        .hasMessage("signedContent \"v0:\" must contain {body} exactly once");
    assertThatThrownBy(() -> lyrcsLike().signedContent("{body}{body}").build())
        .hasMessage("signedContent \"{body}{body}\" must contain {body} exactly once");
    assertThatThrownBy(() -> lyrcsLike().signedContent("{ts}.{body}").build())
        .hasMessage("signedContent \"{ts}.{body}\": unknown placeholder at index 0; only {timestamp} and {body} exist");
    assertThatThrownBy(() -> lyrcsLike().signedContent("{body}}").build())
        .hasMessage("signedContent \"{body}}\": unknown placeholder at index 6; only {timestamp} and {body} exist");
  }

  @Test
  void aTimestampHeaderAndTheTimestampPlaceholderGoTogether() {
    assertThatThrownBy(() -> lyrcsLike().signedContent("{timestamp}.{body}").build())
        .hasMessage("signedContent \"{timestamp}.{body}\" contains {timestamp} but the scheme has no timestampHeader");
    assertThatThrownBy(() -> lyrcsLike().timestampHeader("X-Ts").build())
        .hasMessage("signedContent \"{body}\" does not contain {timestamp}, so timestampHeader would not be signed");
  }

  @Test
  void settingsAreChecked() {
    assertThatThrownBy(() -> lyrcsLike().signatureHeader("X Sig").build())
        .hasMessage("signatureHeader \"X Sig\" is not an HTTP header name");
    assertThatThrownBy(() -> lyrcsLike().signatureEncodings(Set.of()).build()).hasMessage("signatureEncodings is empty");
    assertThatThrownBy(() -> WebhookScheme.builder().signedContent("{body}").build()).hasMessage("signatureHeader == null");
    assertThatThrownBy(() -> lyrcsLike().tolerance(Duration.ofSeconds(-5))).hasMessage("tolerance is negative: PT-5S");
  }

  @Test
  void theSpecExtensionsWireNamesMapToEncodings() {
    assertThat(SecretEncoding.of("base64")).isEqualTo(SecretEncoding.BASE64);
    assertThat(SignatureEncoding.of("hex")).isEqualTo(SignatureEncoding.HEX);
    assertThatThrownBy(() -> SecretEncoding.of("hex")).hasMessage("secretEncoding hex is neither utf8 nor base64");
    assertThatThrownBy(() -> SignatureEncoding.of("BASE64")).hasMessage("signature encoding BASE64 is neither base64 nor hex");
  }
}
