package dev.audiojobs.client;

import org.jspecify.annotations.Nullable;

/**
 * A call to a vendor API that did not produce the declared success response. Every exception a
 * client method throws for a failed call is one of:
 *
 * <ul>
 *   <li>{@link ApiException}: the server answered with a non-2xx status;
 *   <li>{@link DecodeException}: a 2xx body does not fit the schema;
 *   <li>{@link TransportException}: no response arrived (connection refused, reset, timeout).
 * </ul>
 *
 * <p>No message of these exceptions ever contains the API key.
 */
public abstract class AudioJobsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String operation;

  // Package-private: the three subclasses above are the whole hierarchy.
  AudioJobsException(String operation, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.operation = operation;
  }

  /** The OpenAPI operation id of the failed call, such as {@code getJob}. */
  public String operation() {
    return operation;
  }
}
