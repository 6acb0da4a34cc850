package dev.audiojobs.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.audiojobs.client.WebhookVerificationException;
import dev.audiojobs.daily.DailyWebhooks;
import dev.audiojobs.lyrcs.LyrcsWebhooks;
import dev.audiojobs.pyannote.PyannoteWebhooks;
import dev.audiojobs.testsupport.ReferenceHmac;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Fuzzes every vendor's webhook verifier as a receiver meets it: a body, signed correctly or not. Under
 * Surefire it runs as a regression test over the committed seeds in {@code
 * src/test/resources/dev/audiojobs/faults/WebhookFuzzTestInputs/<method>/} (a seed is the body, then one
 * last byte: odd signs it with the right secret, even sends the bytes before the body as the signature);
 * {@code JAZZER_FUZZ=1 ./mvnw -pl generated-client -am test -Dtest=WebhookFuzzTest} fuzzes for real.
 *
 * <p>A delivery signed with the right secret either unwraps to a value or is refused as {@code malformed}
 * with its path and the body kept; one with any other signature is refused, never unwrapped. Nothing else
 * escapes (no Moshi exception, no NullPointerException), and no message quotes the secret.
 */
final class WebhookFuzzTest {
  private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
  private static final String TS = Long.toString(NOW.getEpochSecond());
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String PYANNOTE_SECRET = "whsec_fuzz_pyannote_41c2";
  private static final String DAILY_SECRET = "aXQ0eKO9oDFzfeT15+ZA4EGYxTq7czmVR9gDQiIAbhg=";
  private static final String LYRCS_SECRET = "lyrcs_whsec_fuzz_8a0d";

  @FuzzTest(maxDuration = "30s")
  void pyannote(FuzzedDataProvider data) {
    boolean signed = data.consumeBoolean();
    String forged = signed ? "" : data.consumeString(64);
    String body = data.consumeRemainingAsString();
    String signature = signed ? ReferenceHmac.base64(PYANNOTE_SECRET, "v0:" + TS + ":" + body) : forged;
    PyannoteWebhooks webhooks = PyannoteWebhooks.withSecret(PYANNOTE_SECRET).withClock(CLOCK);
    answersAsDocumented(signed, PYANNOTE_SECRET, () -> webhooks.unwrap(
        Map.of("X-Request-Timestamp", List.of(TS), "X-Signature", List.of(signature)), body));
  }

  @FuzzTest(maxDuration = "30s")
  void daily(FuzzedDataProvider data) {
    boolean signed = data.consumeBoolean();
    String forged = signed ? "" : data.consumeString(64);
    String body = data.consumeRemainingAsString();
    String signature = signed ? ReferenceHmac.base64WithBase64Key(DAILY_SECRET, TS + "." + body) : forged;
    DailyWebhooks webhooks = DailyWebhooks.withSecret(DAILY_SECRET).withClock(CLOCK);
    answersAsDocumented(signed, DAILY_SECRET, () -> webhooks.unwrap(
        Map.of("X-Webhook-Timestamp", List.of(TS), "X-Webhook-Signature", List.of(signature)), body));
  }

  @FuzzTest(maxDuration = "30s")
  void lyrcs(FuzzedDataProvider data) {
    boolean signed = data.consumeBoolean();
    String forged = signed ? "" : data.consumeString(64);
    String body = data.consumeRemainingAsString();
    String signature = signed ? ReferenceHmac.hex(LYRCS_SECRET, body) : forged;
    LyrcsWebhooks webhooks = LyrcsWebhooks.withSecret(LYRCS_SECRET); // lyrcs.ai signs no timestamp
    answersAsDocumented(signed, LYRCS_SECRET, () -> webhooks.unwrap(Map.of("X-Lyrcs-Signature", List.of(signature)), body));
  }

  private static void answersAsDocumented(boolean signed, String secret, Supplier<Object> unwrap) {
    Object event;
    try {
      event = unwrap.get();
    } catch (WebhookVerificationException refused) {
      assertThat(refused.getMessage()).as("message").doesNotContain(secret);
      if (signed) {
        assertThat(refused.reason()).as("an authentic delivery is refused only as malformed: %s", refused)
            .isEqualTo(WebhookVerificationException.Reason.MALFORMED);
        assertThat(refused.path()).as("path of %s", refused).hasValueSatisfying(p -> assertThat(p).startsWith("$"));
        assertThat(refused.rawBody()).as("the body is kept").isPresent();
      }
      return;
    }
    assertThat(signed).as("unwrapped %s without the right signature", event).isTrue();
    assertThat(event).isNotNull();
  }
}
