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

  /**
   * Creates the exception for the runtime. The message is {@code "<operation>: <cause class simple
   * name>: <cause message>"}, without the last part when the cause has no message.
   */
  public TransportException(String operation, IOException cause) {
    super(
        Objects.requireNonNull(operation, "operation == null"),
        message(operation, Objects.requireNonNull(cause, "cause == null")),
        cause);
  }

  /** The I/O failure; never null. */
  @Override
  public synchronized IOException getCause() {
    return (IOException) super.getCause();
  }

  private static String message(String operation, IOException cause) {
    String name = cause.getClass().getSimpleName();
    String detail = cause.getMessage();
    return detail == null ? operation + ": " + name : operation + ": " + name + ": " + detail;
  }
}
