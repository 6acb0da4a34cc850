package dev.audiojobs.client.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How one vendor signs its webhook deliveries, as data: the values of the normalized spec's {@code
 * x-audiojobs-webhooks.signature} extension, from which the generator writes one constant per
 * vendor. Every scheme is HMAC-SHA256; what differs is where the signature travels, what it covers,
 * how the secret becomes a key and how the signature is written.
 *
 * <pre>{@code
 * // pyannoteAI
 * WebhookScheme.builder()
 *     .signatureHeader("X-Signature")
 *     .timestampHeader("X-Request-Timestamp")
 *     .signedContent("v0:{timestamp}:{body}")
 *     .secretEncoding(SecretEncoding.UTF8)
 *     .signatureEncodings(Set.of(SignatureEncoding.BASE64, SignatureEncoding.HEX))
 *     .build();
 * }</pre>
 */
public final class WebhookScheme {
  /** The timestamp tolerance of a scheme that does not state one: five minutes either way. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  /** How the secret the vendor hands out becomes the HMAC key. */
  public enum SecretEncoding {
    /** The secret's UTF-8 bytes (pyannoteAI, lyrcs.ai). */
    UTF8("utf8"),
    /** The secret is base64 text; the key is the decoded bytes (Daily's {@code hmac}). */
    BASE64("base64");

    private final String wireName;

    SecretEncoding(String wireName) {
      this.wireName = wireName;
    }

    /** The value in the spec extension: {@code utf8} or {@code base64}. */
    public String wireName() {
      return wireName;
    }

    /**
     * The encoding the spec extension names.
     *
     * @throws IllegalArgumentException for any other value, naming the ones accepted
     */
    public static SecretEncoding of(String wireName) {
      for (SecretEncoding encoding : values()) {
        if (encoding.wireName.equals(wireName)) {
          return encoding;
        }
      }
      throw new IllegalArgumentException("secretEncoding " + wireName + " is neither utf8 nor base64");
    }
  }

  /** How the 32 bytes of an HMAC-SHA256 are written in the signature header. */
  public enum SignatureEncoding {
    /** Standard base64 ({@code +/}), padded or not: 43 or 44 characters. */
    BASE64("base64"),
    /** Hexadecimal, either case: 64 characters. */
    HEX("hex");

    private final String wireName;

    SignatureEncoding(String wireName) {
      this.wireName = wireName;
    }

    /** The value in the spec extension: {@code base64} or {@code hex}. */
    public String wireName() {
      return wireName;
    }

    /**
     * The encoding the spec extension names.
     *
     * @throws IllegalArgumentException for any other value, naming the ones accepted
     */
    public static SignatureEncoding of(String wireName) {
      for (SignatureEncoding encoding : values()) {
        if (encoding.wireName.equals(wireName)) {
          return encoding;
        }
      }
      throw new IllegalArgumentException("signature encoding " + wireName + " is neither base64 nor hex");
    }
  }

  private static final String TIMESTAMP = "{timestamp}";
  private static final String BODY = "{body}";

  private final String signatureHeader;
  private final @Nullable String timestampHeader;
  private final String signedContent;
  private final List<Part> parts;
  private final SecretEncoding secretEncoding;
  private final Set<SignatureEncoding> signatureEncodings;
  private final Duration tolerance;

  private WebhookScheme(Builder builder) {
    this.signatureHeader = requireHeaderName(builder.signatureHeader, "signatureHeader");
    this.timestampHeader = builder.timestampHeader == null
        ? null : requireHeaderName(builder.timestampHeader, "timestampHeader");
    this.signedContent = Objects.requireNonNull(builder.signedContent, "signedContent == null");
    this.parts = parse(signedContent, timestampHeader != null);
    this.secretEncoding = Objects.requireNonNull(builder.secretEncoding, "secretEncoding == null");
    if (builder.signatureEncodings.isEmpty()) {
      throw new IllegalArgumentException("signatureEncodings is empty");
    }
    this.signatureEncodings = Collections.unmodifiableSet(EnumSet.copyOf(builder.signatureEncodings));
    this.tolerance = builder.tolerance;
  }

  /** A builder with no settings but a {@link #DEFAULT_TOLERANCE}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The header holding the signature, by the name the vendor documents ({@code X-Signature}). */
  public String signatureHeader() {
    return signatureHeader;
  }

  /** The header holding the signed Unix timestamp, or null when the vendor signs none (lyrcs.ai). */
  public @Nullable String timestampHeader() {
    return timestampHeader;
  }

  /** The signed content as a template over {@code {timestamp}} and {@code {body}}. */
  public String signedContent() {
    return signedContent;
  }

  /** How the secret becomes the HMAC key. */
  public SecretEncoding secretEncoding() {
    return secretEncoding;
  }

  /** The encodings a signature may come in; never empty. */
  public Set<SignatureEncoding> signatureEncodings() {
    return signatureEncodings;
  }

  /** The timestamp tolerance a verifier starts with; irrelevant without a timestamp header. */
  public Duration tolerance() {
    return tolerance;
  }

  /** The template in pieces: literal text, the timestamp header's value, the body. */
  List<Part> parts() {
    return parts;
  }

  @Override
  public String toString() {
    return "WebhookScheme{" + signatureHeader + " = HMAC-SHA256(" + secretEncoding.wireName() + " secret, \""
        + signedContent + "\") as " + signatureEncodings + (timestampHeader == null ? "" : ", timestamp " + timestampHeader
        + " within " + tolerance) + "}";
  }

  /** One piece of the signed content. */
  record Part(Kind kind, byte[] literal) {
    enum Kind { LITERAL, TIMESTAMP, BODY }
  }

  // The template is checked once, here, so that a spec with a typo ({timestamps}, no {body}, a
  // timestamp placeholder without a header to fill it) fails when the vendor's class loads, not
  // on the first delivery.
  private static List<Part> parse(String template, boolean hasTimestampHeader) {
    List<Part> parts = new ArrayList<>();
    int bodies = 0;
    int timestamps = 0;
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < template.length(); ) {
      if (template.startsWith(TIMESTAMP, i)) {
        flush(literal, parts);
        parts.add(new Part(Part.Kind.TIMESTAMP, new byte[0]));
        timestamps++;
        i += TIMESTAMP.length();
      } else if (template.startsWith(BODY, i)) {
        flush(literal, parts);
        parts.add(new Part(Part.Kind.BODY, new byte[0]));
        bodies++;
        i += BODY.length();
      } else if (template.charAt(i) == '{' || template.charAt(i) == '}') {
        throw new IllegalArgumentException("signedContent \"" + template + "\": unknown placeholder at index " + i
            + "; only {timestamp} and {body} exist");
      } else {
        literal.append(template.charAt(i));
        i++;
      }
    }
    flush(literal, parts);
    if (bodies != 1) {
      throw new IllegalArgumentException("signedContent \"" + template + "\" must contain {body} exactly once");
    }
    if (timestamps > 0 && !hasTimestampHeader) {
      throw new IllegalArgumentException("signedContent \"" + template + "\" contains {timestamp} but the scheme has no timestampHeader");
    }
    if (timestamps == 0 && hasTimestampHeader) {
      // A timestamp that is not signed can be replaced by anyone: checking it would protect nothing.
      throw new IllegalArgumentException("signedContent \"" + template + "\" does not contain {timestamp}, so timestampHeader would not be signed");
    }
    return Collections.unmodifiableList(parts);
  }

  private static void flush(StringBuilder literal, List<Part> parts) {
    if (literal.length() > 0) {
      parts.add(new Part(Part.Kind.LITERAL, literal.toString().getBytes(StandardCharsets.UTF_8)));
      literal.setLength(0);
    }
  }

  private static String requireHeaderName(@Nullable String name, String what) {
    Objects.requireNonNull(name, what + " == null");
    if (name.isEmpty() || !name.chars().allMatch(WebhookScheme::isTokenChar)) {
      throw new IllegalArgumentException(what + " \"" + name + "\" is not an HTTP header name");
    }
    return name;
  }

  // RFC 9110 token characters.
  private static boolean isTokenChar(int c) {
    return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
  }

  /** Settings for a {@link WebhookScheme}; {@link #build()} checks them together. */
  public static final class Builder {
    private @Nullable String signatureHeader;
    private @Nullable String timestampHeader;
    private @Nullable String signedContent;
    private @Nullable SecretEncoding secretEncoding;
    private Set<SignatureEncoding> signatureEncodings = EnumSet.noneOf(SignatureEncoding.class);
    private Duration tolerance = DEFAULT_TOLERANCE;

    private Builder() {}

    /** The header holding the signature. Required. */
    public Builder signatureHeader(String name) {
      this.signatureHeader = Objects.requireNonNull(name, "signatureHeader == null");
      return this;
    }

    /** The header holding the signed Unix timestamp; leave unset for a vendor that signs none. */
    public Builder timestampHeader(@Nullable String name) {
      this.timestampHeader = name;
      return this;
    }

    /**
     * The signed content: {@code {body}} exactly once, {@code {timestamp}} when there is a timestamp
     * header, and literal text. Required.
     */
    public Builder signedContent(String template) {
      this.signedContent = Objects.requireNonNull(template, "signedContent == null");
      return this;
    }

    /** How the secret becomes the HMAC key. Required. */
    public Builder secretEncoding(SecretEncoding encoding) {
      this.secretEncoding = Objects.requireNonNull(encoding, "secretEncoding == null");
      return this;
    }

    /** The encodings a signature may come in; at least one. */
    public Builder signatureEncodings(Set<SignatureEncoding> encodings) {
      Objects.requireNonNull(encodings, "signatureEncodings == null");
      this.signatureEncodings = encodings.isEmpty()
          ? EnumSet.noneOf(SignatureEncoding.class) : EnumSet.copyOf(encodings);
      return this;
    }

    /**
     * The timestamp tolerance verifiers start with (they may change it).
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder tolerance(Duration tolerance) {
      Objects.requireNonNull(tolerance, "tolerance == null");
      if (tolerance.isNegative()) {
        throw new IllegalArgumentException("tolerance is negative: " + tolerance);
      }
      this.tolerance = tolerance;
      return this;
    }

    /**
     * The scheme.
     *
     * @throws NullPointerException if a required setting is missing
     * @throws IllegalArgumentException if the settings contradict each other or the template has a
     *     placeholder other than {@code {timestamp}} and {@code {body}}
     */
    public WebhookScheme build() {
      return new WebhookScheme(this);
    }
  }
}
