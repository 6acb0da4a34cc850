package dev.audiojobs.client.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import dev.audiojobs.client.WebhookVerificationException;
import dev.audiojobs.client.WebhookVerificationException.Reason;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Verifies webhook deliveries signed by one {@link WebhookScheme} with one or more secrets, and
 * decodes verified payloads. Immutable and thread-safe; {@link #withClock} and {@link
 * #withTolerance} return new verifiers.
 *
 * <p>A delivery is checked in this order, and the first failure is thrown as a {@link
 * WebhookVerificationException}:
 *
 * <ol>
 *   <li>the signature header, then the timestamp header (if the scheme has one), must be present
 *       and not blank, else {@link Reason#MISSING_HEADER};
 *   <li>some signature in the signature header must equal HMAC-SHA256(key, signed content) for
 *       some secret, else {@link Reason#SIGNATURE}. The signed content is the scheme's template
 *       with the timestamp header's text and the body's bytes as received. The header may hold
 *       several signatures (repeated headers, or values a proxy joined with commas or spaces);
 *       each is decoded in every encoding the scheme accepts and must come to exactly 32 bytes;
 *       a prefix such as {@code sha256=} is not stripped, since no vendor documents one. The
 *       comparison is {@link MessageDigest#isEqual}, constant-time;
 *   <li>the timestamp must be Unix seconds (digits, optionally a fraction) no further than the
 *       tolerance from the clock, in either direction (the bounds included), else {@link
 *       Reason#TIMESTAMP}.
 * </ol>
 *
 * <p>The signature is checked before the timestamp so that a forged delivery is reported as
 * forged whatever its timestamp says: only an authentic delivery can be refused for its time
 * (a replay, or a clock that is off).
 *
 * <p>Secrets are turned into keys when the verifier is made and are never kept as text; no message
 * and no {@link #toString()} contains one.
 */
public final class WebhookVerifier {
  private static final String HMAC_SHA256 = "HmacSHA256";
  private static final int MAC_LENGTH = 32;
  private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");
  // Unix seconds with an optional fraction; 12 digits reach the year 33658, enough to reject
  // milliseconds by tolerance instead of by overflow.
  private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,9})?");

  private final WebhookScheme scheme;
  private final List<SecretKeySpec> keys;
  private final List<String> maskable; // the secrets' texts, only to mask them in echoed payloads
  private final Clock clock;
  private final Duration tolerance;

  private WebhookVerifier(
      WebhookScheme scheme, List<SecretKeySpec> keys, List<String> maskable, Clock clock, Duration tolerance) {
    this.scheme = scheme;
    this.keys = keys;
    this.maskable = maskable;
    this.clock = clock;
    this.tolerance = tolerance;
  }

  /**
   * A verifier for {@code scheme} that accepts a signature made with any of {@code secrets} (several
   * while a secret is being rotated), on the system clock and with the scheme's tolerance.
   *
   * @param secrets the secrets as the vendor hands them out; for {@link
   *     WebhookScheme.SecretEncoding#BASE64}, base64 text
   * @throws IllegalArgumentException if {@code secrets} is empty, or a secret is empty or (for a
   *     base64 scheme) not base64; the message gives the secret's position, never its text
   */
  public static WebhookVerifier of(WebhookScheme scheme, List<String> secrets) {
    Objects.requireNonNull(scheme, "scheme == null");
    Objects.requireNonNull(secrets, "secrets == null");
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("no secret: a verifier needs at least one");
    }
    List<SecretKeySpec> keys = new ArrayList<>(secrets.size());
    List<String> maskable = new ArrayList<>(secrets.size());
    for (int i = 0; i < secrets.size(); i++) {
      String secret = Objects.requireNonNull(secrets.get(i), "secret " + (i + 1) + " of " + secrets.size() + " == null");
      keys.add(new SecretKeySpec(keyBytes(scheme, secret, i, secrets.size()), HMAC_SHA256));
      maskable.add(secret);
    }
    return new WebhookVerifier(scheme, Collections.unmodifiableList(keys), Collections.unmodifiableList(maskable),
        Clock.systemUTC(), scheme.tolerance());
  }

  private static byte[] keyBytes(WebhookScheme scheme, String secret, int index, int count) {
    String which = "secret " + (index + 1) + " of " + count;
    if (secret.isEmpty()) {
      throw new IllegalArgumentException(which + " is empty");
    }
    if (scheme.secretEncoding() == WebhookScheme.SecretEncoding.UTF8) {
      return secret.getBytes(StandardCharsets.UTF_8);
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(secret.strip());
    } catch (IllegalArgumentException e) {
      // Not e's message: it quotes the offending character of the secret.
      throw new IllegalArgumentException(which + " is not base64, as this vendor's secrets are", null);
    }
    if (key.length == 0) {
      throw new IllegalArgumentException(which + " decodes to no bytes");
    }
    return key;
  }

  /** This verifier reading the time from {@code clock}: for tests, or a clock the application trusts. */
  public WebhookVerifier withClock(Clock clock) {
    return new WebhookVerifier(scheme, keys, maskable, Objects.requireNonNull(clock, "clock == null"), tolerance);
  }

  /**
   * This verifier accepting timestamps up to {@code tolerance} from its clock, in either direction.
   * No effect for a scheme without a timestamp.
   *
   * @throws IllegalArgumentException if {@code tolerance} is negative
   */
  public WebhookVerifier withTolerance(Duration tolerance) {
    Objects.requireNonNull(tolerance, "tolerance == null");
    if (tolerance.isNegative()) {
      throw new IllegalArgumentException("tolerance is negative: " + tolerance);
    }
    return new WebhookVerifier(scheme, keys, maskable, clock, tolerance);
  }

  /** The tolerance in force. */
  public Duration tolerance() {
    return tolerance;
  }

  /**
   * Verifies one delivery.
   *
   * @param headers the request's headers, looked up case-insensitively; names under different
   *     cases are merged; a null name (some APIs' status line) is ignored
   * @param body the body exactly as received: signatures cover bytes, so a body parsed and written
   *     again, or decoded and re-encoded in another charset, fails
   * @throws WebhookVerificationException with {@link Reason#MISSING_HEADER}, {@link Reason#SIGNATURE}
   *     or {@link Reason#TIMESTAMP}
   */
  public void verify(Map<String, ? extends List<String>> headers, byte[] body) {
    Objects.requireNonNull(headers, "headers == null");
    Objects.requireNonNull(body, "body == null");
    List<String> signatures = candidates(values(headers, scheme.signatureHeader()));
    if (signatures.isEmpty()) {
      throw WebhookVerificationException.rejected(Reason.MISSING_HEADER, scheme.signatureHeader(), "is missing");
    }
    String timestampHeader = scheme.timestampHeader();
    String timestamp = null;
    if (timestampHeader != null) {
      timestamp = first(values(headers, timestampHeader));
      if (timestamp == null) {
        throw WebhookVerificationException.rejected(Reason.MISSING_HEADER, timestampHeader, "is missing");
      }
    }
    List<byte[]> received = decoded(signatures);
    if (received.isEmpty()) {
      throw WebhookVerificationException.rejected(Reason.SIGNATURE, scheme.signatureHeader(),
          "holds no HMAC-SHA256 written in " + encodings() + " (32 bytes)");
    }
    if (!matches(received, timestamp, body)) {
      throw WebhookVerificationException.rejected(Reason.SIGNATURE, scheme.signatureHeader(),
          (signatures.size() == 1 ? "does not match" : "holds " + signatures.size() + " signatures and none matches")
          + " the body" + (timestamp == null ? "" : " and timestamp") + " under "
          + (keys.size() == 1 ? "the secret" : "any of the " + keys.size() + " secrets")
          + " (signed content \"" + scheme.signedContent() + "\", " + encodings() + ")");
    }
    if (timestampHeader != null) {
      checkTime(timestampHeader, timestamp);
    }
  }

  /** Like {@link #verify(Map, byte[])}, for a body a framework already decoded as UTF-8. */
  public void verify(Map<String, ? extends List<String>> headers, String body) {
    verify(headers, Objects.requireNonNull(body, "body == null").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Verifies one delivery, then decodes its body with {@code adapter}, which must consume the whole
   * body.
   *
   * @throws WebhookVerificationException as {@link #verify(Map, byte[])}, or with {@link
   *     Reason#MALFORMED} when the verified body is empty, not JSON, null, followed by more content,
   *     or does not fit the adapter's schema; the exception keeps the body
   */
  public <T> T unwrap(Map<String, ? extends List<String>> headers, byte[] body, JsonAdapter<T> adapter) {
    Objects.requireNonNull(adapter, "adapter == null");
    verify(headers, body);
    return decode(body, adapter);
  }

  private <T> T decode(byte[] body, JsonAdapter<T> adapter) {
    if (body.length == 0) {
      throw malformed("$", "empty body", body);
    }
    try {
      // As for responses: one pass on a guess where a union can, the whole body, never null.
      return JsonDocument.decode(adapter, new Buffer().write(body));
    } catch (JsonPathException e) {
      throw malformed(e.path(), e.reason(), body);
    }
  }

  private WebhookVerificationException malformed(String path, String reason, byte[] body) {
    return WebhookVerificationException.malformed(mask(path), mask(reason), mask(new String(body, StandardCharsets.UTF_8)));
  }

  // A payload is the vendor's, but a path or reason may quote it; a secret it might echo is masked
  // like an API key is in responses.
  private String mask(String text) {
    String masked = text;
    for (String secret : maskable) {
      masked = Secrets.mask(masked, secret);
    }
    return masked;
  }

  private String encodings() {
    StringBuilder names = new StringBuilder();
    for (WebhookScheme.SignatureEncoding encoding : scheme.signatureEncodings()) {
      names.append(names.length() == 0 ? "" : " or ").append(encoding.wireName());
    }
    return names.toString();
  }

  // Each signature in each accepted encoding that yields exactly the 32 bytes of an HMAC-SHA256.
  private List<byte[]> decoded(List<String> signatures) {
    List<byte[]> received = new ArrayList<>();
    for (String signature : signatures) {
      for (WebhookScheme.SignatureEncoding encoding : scheme.signatureEncodings()) {
        byte[] decoded = decode(signature, encoding);
        if (decoded != null) {
          received.add(decoded);
        }
      }
    }
    return received;
  }

  private boolean matches(List<byte[]> received, @Nullable String timestamp, byte[] body) {
    for (SecretKeySpec key : keys) {
      byte[] expected = mac(key, timestamp, body);
      for (byte[] candidate : received) {
        if (MessageDigest.isEqual(expected, candidate)) {
          return true;
        }
      }
    }
    return false;
  }

  private byte[] mac(SecretKeySpec key, @Nullable String timestamp, byte[] body) {
    Mac mac;
    try {
      mac = Mac.getInstance(HMAC_SHA256); // a Mac is stateful: one per call keeps the verifier shareable
      mac.init(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable; every Java SE runtime must provide it", e);
    }
    for (WebhookScheme.Part part : scheme.parts()) {
      switch (part.kind()) {
        case LITERAL -> mac.update(part.literal());
        case TIMESTAMP -> mac.update(Objects.requireNonNull(timestamp).getBytes(StandardCharsets.UTF_8));
        case BODY -> mac.update(body);
      }
    }
    return mac.doFinal();
  }

  private static byte @Nullable [] decode(String signature, WebhookScheme.SignatureEncoding encoding) {
    return switch (encoding) {
      case HEX -> hex(signature);
      case BASE64 -> base64(signature);
    };
  }

  private static byte @Nullable [] hex(String text) {
    if (text.length() != 2 * MAC_LENGTH) {
      return null;
    }
    byte[] bytes = new byte[MAC_LENGTH];
    for (int i = 0; i < MAC_LENGTH; i++) {
      int high = Character.digit(text.charAt(2 * i), 16);
      int low = Character.digit(text.charAt(2 * i + 1), 16);
      if (high < 0 || low < 0) {
        return null;
      }
      bytes[i] = (byte) (high << 4 | low);
    }
    return bytes;
  }

  private static byte @Nullable [] base64(String text) {
    // 32 bytes are 43 characters unpadded, 44 padded; the length check also keeps a hex signature
    // (64 characters, valid base64 too) from being read as base64.
    if (text.length() != 43 && text.length() != 44) {
      return null;
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(text);
      return bytes.length == MAC_LENGTH ? bytes : null;
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  private void checkTime(String header, String timestamp) {
    if (!UNIX_SECONDS.matcher(timestamp).matches()) {
      // The value is not quoted: it is untrusted text headed for logs.
      throw WebhookVerificationException.rejected(Reason.TIMESTAMP, header, "is not Unix seconds");
    }
    BigDecimal seconds = new BigDecimal(timestamp);
    Instant signedAt = Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
    Instant now = clock.instant();
    Duration skew = Duration.between(signedAt, now);
    if (skew.abs().compareTo(tolerance) > 0) {
      throw WebhookVerificationException.rejected(Reason.TIMESTAMP, header, "is " + skew.abs().getSeconds() + " s "
          + (skew.isNegative() ? "in the future" : "in the past") + " by the receiver's clock; the tolerance is "
          + tolerance.getSeconds() + " s");
    }
  }

  // Every value of every header whose name equals `name` ignoring case: a plain HashMap from a
  // framework may hold "x-signature" while the vendor documents "X-Signature".
  private static List<String> values(Map<String, ? extends List<String>> headers, String name) {
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, ? extends List<String>> entry : headers.entrySet()) {
      if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && entry.getValue() != null) {
        for (String value : entry.getValue()) {
          if (value != null) {
            values.add(value);
          }
        }
      }
    }
    return values;
  }

  private static List<String> candidates(List<String> values) {
    List<String> candidates = new ArrayList<>();
    for (String value : values) {
      for (String candidate : SEPARATORS.split(value.strip())) {
        if (!candidate.isEmpty()) {
          candidates.add(candidate);
        }
      }
    }
    return candidates;
  }

  private static @Nullable String first(List<String> values) {
    for (String value : values) {
      if (!value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }

  /**
   * {@code headers} as the multi-valued map {@link #verify} takes, for frameworks that give one value
   * per name. Null names are dropped, as {@link #verify} would ignore them.
   */
  public static Map<String, List<String>> singleValued(Map<String, String> headers) {
    Objects.requireNonNull(headers, "headers == null");
    Map<String, List<String>> multi = new LinkedHashMap<>();
    headers.forEach((name, value) -> {
      if (name != null && value != null) {
        multi.put(name, List.of(value));
      }
    });
    return multi;
  }

  /** The scheme, the number of secrets and the tolerance; never a secret. */
  @Override
  public String toString() {
    return "WebhookVerifier{" + scheme + ", " + keys.size() + (keys.size() == 1 ? " secret" : " secrets")
        + (scheme.timestampHeader() == null ? "" : ", tolerance " + tolerance) + "}";
  }
}
