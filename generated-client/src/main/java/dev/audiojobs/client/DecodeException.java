package dev.audiojobs.client;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A response body that does not fit the schema the spec declares for it: malformed or truncated
 * JSON, an empty body, a value of the wrong type, a required property missing, content after the
 * JSON value.
 *
 * <p>{@link #path()} says where: {@code $.output.diarization[1].speaker}. The message is {@code
 * "<operation>: HTTP <code> body does not decode at <path>: <reason>"}; the body itself is only in
 * {@link #rawBody()}, since it may be large.
 */
public final class DecodeException extends AudioJobsException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String path;
  private final String reason;
  private final String rawBody;

  /** Like the constructor with {@code attempts}, for a request sent once. */
  public DecodeException(
      String operation,
      int statusCode,
      String path,
      String reason,
      String rawBody,
      @Nullable Throwable cause) {
    this(operation, statusCode, path, reason, rawBody, cause, 1);
  }

  /**
   * Creates the exception for the runtime. The message does not mention {@code attempts}: a body
   * that does not decode is the same failure however many tries it took to get it.
   *
   * @param cause what the JSON reader or adapter threw, or null
   * @param attempts how many times the request was sent, this response's included
   * @throws IllegalArgumentException if {@code attempts} is below 1
   */
  public DecodeException(
      String operation,
      int statusCode,
      String path,
      String reason,
      String rawBody,
      @Nullable Throwable cause,
      int attempts) {
    super(
        Objects.requireNonNull(operation, "operation == null"),
        operation + ": HTTP " + statusCode + " body does not decode at "
            + Objects.requireNonNull(path, "path == null") + ": "
            + Objects.requireNonNull(reason, "reason == null"),
        cause,
        attempts);
    this.statusCode = statusCode;
    this.path = path;
    this.reason = reason;
    this.rawBody = Objects.requireNonNull(rawBody, "rawBody == null");
  }

  /** The HTTP status of the response whose body did not decode. */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The {@code $}-rooted JSON path of the offending value, or {@code $} when nothing more precise is
   * known (an empty body, malformed JSON at the start). For a missing property, the path the
   * property would have had.
   */
  public String path() {
    return path;
  }

  /** What is wrong, without the path. */
  public String reason() {
    return reason;
  }

  /** The body as received, decoded as text; {@code ""} when there was none. */
  public String rawBody() {
    return rawBody;
  }
}
