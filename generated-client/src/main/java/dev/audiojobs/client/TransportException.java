package dev.audiojobs.client;

import java.io.IOException;
import java.util.Objects;

/**
 * A call that failed before a response arrived: connection refused or reset, a timeout, a
 * cancelled call. The {@linkplain #getCause() cause} is the {@link IOException} the HTTP client
 * threw.
 */
public final class TransportException extends AudioJobsException {
  private static final long serialVersionUID = 1L;

  /** Like the constructor with {@code attempts}, for a request sent once. */
  public TransportException(String operation, IOException cause) {
    this(operation, cause, 1);
  }

  /**
   * Creates the exception for the runtime. The message is {@code "<operation>: <cause class simple
   * name>"}, then {@code " after <n> attempts"} when the request was retried, then {@code ": <cause
   * message>"} when the cause has one.
   *
   * @param attempts how many times the request was sent, this one included
   * @throws IllegalArgumentException if {@code attempts} is below 1
   */
  public TransportException(String operation, IOException cause, int attempts) {
    super(
        Objects.requireNonNull(operation, "operation == null"),
        message(operation, Objects.requireNonNull(cause, "cause == null"), attempts),
        cause,
        attempts);
  }

  /** The I/O failure; never null. */
  @Override
  public synchronized IOException getCause() {
    return (IOException) super.getCause();
  }

  private static String message(String operation, IOException cause, int attempts) {
    String name = cause.getClass().getSimpleName();
    String tried = attempts > 1 ? " after " + attempts + " attempts" : "";
    String detail = cause.getMessage();
    return operation + ": " + name + tried + (detail == null ? "" : ": " + detail);
  }
}
