package dev.audiojobs.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A fault a simulator injects instead of (or, for {@link #slow}, before) its normal answer. Arm one with
 * {@link VendorSimulator#failNext(Fault)}, {@link VendorSimulator#failNext(int, Fault)} or {@link
 * VendorSimulator#failMatching(String, String, int, Fault)}. The request is still recorded and
 * validated; a faulted request changes no state, except that a {@link #slow} one is processed normally.
 *
 * <p>Error bodies have the vendor's error model (pyannoteAI {@code {requestId, message}}, Daily
 * {@code {error, info}}, lyrcs.ai {@code {error, message, code, retry_after}}). A 5xx is a status no
 * spec declares, so its response is not validated; a 429 is, since every spec declares it.
 */
public final class Fault {
  enum Kind { STATUS, SLOW, RESET }

  final Kind kind;
  final int status;
  final @Nullable Duration retryAfter;
  final Duration delay;

  private Fault(Kind kind, int status, @Nullable Duration retryAfter, Duration delay) {
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
    this.delay = delay;
  }

  /**
   * 429 Too Many Requests with {@code Retry-After: <seconds>} (rounded up; a zero duration sends {@code 0}).
   *
   * @throws IllegalArgumentException if {@code retryAfter} is negative
   */
  public static Fault tooManyRequests(Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter == null");
    if (retryAfter.isNegative()) throw new IllegalArgumentException("retryAfter < 0: " + retryAfter);
    return new Fault(Kind.STATUS, 429, retryAfter, Duration.ZERO);
  }

  /** 429 Too Many Requests without {@code Retry-After} (Daily documents none). */
  public static Fault tooManyRequests() {
    return new Fault(Kind.STATUS, 429, null, Duration.ZERO);
  }

  /**
   * An error status, such as 500, 502, 503 or 504, with the vendor's error body.
   *
   * @throws IllegalArgumentException unless {@code status} is 400..599
   */
  public static Fault status(int status) {
    if (status < 400 || status > 599) throw new IllegalArgumentException("status not 400..599: " + status);
    return new Fault(Kind.STATUS, status, null, Duration.ZERO);
  }

  /**
   * The normal answer, with its headers sent only after {@code delay} of real time (not the simulated
   * clock: this is for a client's read and call timeouts). The request is processed normally.
   *
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  public static Fault slow(Duration delay) {
    Objects.requireNonNull(delay, "delay == null");
    if (delay.isNegative()) throw new IllegalArgumentException("delay < 0: " + delay);
    return new Fault(Kind.SLOW, 0, null, delay);
  }

  /**
   * The connection is closed after the request was read and before any byte of a response: the client
   * gets an I/O error and cannot know whether the request took effect. (Here it did not.) The socket
   * is closed, not reset with a TCP RST; to a client both are "no response".
   */
  public static Fault reset() {
    return new Fault(Kind.RESET, 0, null, Duration.ZERO);
  }

  @Override
  public String toString() {
    switch (kind) {
      case SLOW: return "Fault.slow(" + delay + ")";
      case RESET: return "Fault.reset()";
      default: return retryAfter == null ? "Fault.status(" + status + ")" : "Fault.tooManyRequests(" + retryAfter + ")";
    }
  }

  /** A fault armed for the next {@code remaining} requests that match. */
  static final class Armed {
    final @Nullable String method;
    final @Nullable Pattern path;
    final Fault fault;
    int remaining;

    Armed(@Nullable String method, @Nullable Pattern path, Fault fault, int remaining) {
      this.method = method;
      this.path = path;
      this.fault = fault;
      this.remaining = remaining;
    }

    boolean matches(String requestMethod, String requestPath) {
      return (method == null || method.equals(requestMethod))
          && (path == null || path.matcher(requestPath).matches());
    }
  }
}
