package dev.audiojobs.client;

import org.jspecify.annotations.Nullable;

/**
 * A call to a vendor API that did not produce the declared success response, or a job that did not
 * end well. Every exception a client method throws for a failed call is one of:
 *
 * <ul>
 *   <li>{@link ApiException}: the server answered with a non-2xx status;
 *   <li>{@link DecodeException}: a 2xx body does not fit the schema;
 *   <li>{@link TransportException}: no response arrived (connection refused, reset, timeout);
 *   <li>{@link RequestValidationException}: the request breaks the spec, so nothing was sent.
 * </ul>
 *
 * <p>Waiting for a job adds {@link JobFailedException} (the job ended failed or canceled) and
 * {@link WaitTimeoutException} (it did not end in time).
 *
 * <p>No message of these exceptions ever contains the API key.
 */
public abstract class AudioJobsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String operation;
  private final int attempts;

  // Package-private: the subclasses above are the whole hierarchy.
  AudioJobsException(String operation, String message, @Nullable Throwable cause, int attempts) {
    super(message, cause);
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts < 1: " + attempts);
    }
    this.operation = operation;
    this.attempts = attempts;
  }

  // For a request refused before it was sent: zero attempts.
  AudioJobsException(String operation, String message) {
    super(message, null);
    this.operation = operation;
    this.attempts = 0;
  }

  /** The OpenAPI operation id of the failed call, such as {@code getJob}. */
  public String operation() {
    return operation;
  }

  /**
   * How many times the request was sent before this outcome: 1 unless the {@link RetryPolicy}
   * retried it; 0 for a {@link RequestValidationException}, whose request was never sent. For a {@link JobFailedException} or {@link WaitTimeoutException}, how many times
   * the job was polled.
   */
  public int attempts() {
    return attempts;
  }
}
