package dev.audiojobs.client;

import java.util.Objects;

/**
 * A request that breaks what the spec states about it — a required property missing, a number
 * below its minimum, a string longer than its maximum, a value outside a closed enum, a file
 * larger than the vendor accepts — refused before anything is sent.
 *
 * <p>{@link #path()} says where: in the request body, a JSON path rooted at it ({@code $.numSpeakers},
 * {@code $.voiceprints[2].label}; {@code $} is the body, or the file, as a whole); for a path or query
 * parameter, its name as the spec and the wire spell it ({@code limit}, {@code job_id}), never
 * {@code $}-rooted. The message is {@code
 * "<operation>: invalid request at <path>: <reason>"}; it quotes no value the caller passed, since
 * a value may be a secret (a pre-signed URL, a webhook address with a token).
 *
 * <p>{@link #attempts()} is 0: nothing was sent, so retrying the same request cannot help.
 */
public final class RequestValidationException extends AudioJobsException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param operation the operation id, or the request model's name when a builder refuses a value
   *     outside any call
   * @param path the JSON path of the offending value in the body, {@code $} rooted, or a parameter's wire name
   * @param reason what is wrong, such as {@code "must be at least 1"}
   * @throws NullPointerException if an argument is null
   */
  public RequestValidationException(String operation, String path, String reason) {
    super(
        Objects.requireNonNull(operation, "operation == null"),
        operation + ": invalid request at " + Objects.requireNonNull(path, "path == null") + ": "
            + Objects.requireNonNull(reason, "reason == null"));
    this.path = path;
    this.reason = reason;
  }

  /** Where the request breaks the spec: {@code $.numSpeakers}; {@code $} for the whole body; {@code limit} for a parameter. */
  public String path() {
    return path;
  }

  /** What is wrong there, without the value itself: {@code "must be at least 1"}. */
  public String reason() {
    return reason;
  }
}
