package dev.audiojobs.client;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A webhook delivery refused by its receiver: not signed, not signed with a secret the receiver
 * holds, signed too long ago (or too far ahead), or signed but with a payload that does not fit the
 * spec. {@link #reason()} says which; answer the vendor with a 4xx, or with a 2xx for {@link
 * Reason#MALFORMED} if a retry of the same bytes cannot help.
 *
 * <p>The message is {@code "webhook rejected (<reason>): <detail>"}. It names headers, never their
 * signature values, and never contains a secret: a secret appears in no message, no {@link
 * #rawBody()} (a secret echoed in a payload is masked there) and no {@code toString}.
 *
 * <p>{@link #operation()} is {@code "webhook"} and {@link #attempts()} is 0: the receiver sent
 * nothing.
 */
public final class WebhookVerificationException extends AudioJobsException {
  private static final long serialVersionUID = 1L;

  /** Why a delivery was refused; {@link #wireName()} is the name conformance cases use. */
  public enum Reason {
    /**
     * A header the vendor's scheme requires is absent or blank: the signature header, or the
     * timestamp header of a scheme that signs one. {@link #header()} names it.
     */
    MISSING_HEADER("missing_header"),
    /**
     * No signature in the signature header is the HMAC of this body (and timestamp) under any of
     * the receiver's secrets: the body was changed (re-serialised JSON counts: signatures cover
     * bytes), the secret is wrong, or the signature is not in an encoding the vendor uses.
     */
    SIGNATURE("signature"),
    /**
     * The signature is right, but the signed timestamp is not Unix seconds or lies outside the
     * receiver's tolerance: a replayed delivery, or a clock that is off.
     */
    TIMESTAMP("timestamp"),
    /**
     * The delivery is authentic but its payload does not fit the spec (not JSON, a required
     * property missing, a value of the wrong type). {@link #rawBody()} holds it and {@link #path()}
     * says where it breaks.
     */
    MALFORMED("malformed");

    private final String wireName;

    Reason(String wireName) {
      this.wireName = wireName;
    }

    /** {@code signature}, {@code timestamp}, {@code missing_header} or {@code malformed}. */
    public String wireName() {
      return wireName;
    }
  }

  private final Reason reason;
  private final @Nullable String header;
  private final @Nullable String path;
  private final @Nullable String rawBody;

  private WebhookVerificationException(
      Reason reason, String detail, @Nullable String header, @Nullable String path, @Nullable String rawBody) {
    super("webhook", "webhook rejected (" + reason.wireName() + "): " + detail);
    this.reason = reason;
    this.header = header;
    this.path = path;
    this.rawBody = rawBody;
  }

  /**
   * A delivery refused before its payload was read: {@link Reason#MISSING_HEADER}, {@link
   * Reason#SIGNATURE} or {@link Reason#TIMESTAMP}.
   *
   * @param header the header at fault: the missing one, the signature header, the timestamp header
   * @param detail what is wrong, without any signature value or secret, such as {@code "is 3605 s
   *     in the past; the tolerance is 300 s"}
   * @throws IllegalArgumentException for {@link Reason#MALFORMED}, which needs the body: see {@link
   *     #malformed}
   */
  public static WebhookVerificationException rejected(Reason reason, String header, String detail) {
    Objects.requireNonNull(reason, "reason == null");
    Objects.requireNonNull(header, "header == null");
    Objects.requireNonNull(detail, "detail == null");
    if (reason == Reason.MALFORMED) {
      throw new IllegalArgumentException("a malformed payload is reported with malformed(path, detail, rawBody)");
    }
    return new WebhookVerificationException(reason, header + " " + detail, header, null, null);
  }

  /**
   * An authentic delivery whose payload does not fit the spec ({@link Reason#MALFORMED}).
   *
   * @param path the {@code $}-rooted JSON path of the offending value; {@code $} for the whole body
   * @param detail what is wrong there, such as {@code "required property status is missing"}
   * @param rawBody the body as received, decoded as UTF-8
   */
  public static WebhookVerificationException malformed(String path, String detail, String rawBody) {
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(detail, "detail == null");
    Objects.requireNonNull(rawBody, "rawBody == null");
    return new WebhookVerificationException(Reason.MALFORMED,
        "verified, but the payload does not decode at " + path + ": " + detail, null, path, rawBody);
  }

  /** Why the delivery was refused. */
  public Reason reason() {
    return reason;
  }

  /**
   * The header at fault, by the name the vendor's scheme gives it ({@code X-Signature}): the
   * missing header, the signature header for {@link Reason#SIGNATURE}, the timestamp header for
   * {@link Reason#TIMESTAMP}; empty for {@link Reason#MALFORMED}.
   */
  public Optional<String> header() {
    return Optional.ofNullable(header);
  }

  /** For {@link Reason#MALFORMED}, where the payload breaks the spec ({@code $.status}); else empty. */
  public Optional<String> path() {
    return Optional.ofNullable(path);
  }

  /**
   * For {@link Reason#MALFORMED}, the verified body as received (decoded as UTF-8), to log or to
   * keep for a newer client; empty for the other reasons, whose bodies are not to be trusted.
   */
  public Optional<String> rawBody() {
    return Optional.ofNullable(rawBody);
  }
}
