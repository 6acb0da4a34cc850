package dev.audiojobs.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * How a client waits: between retries, and between the polls of a job it waits for. The default,
 * {@link #system()}, really waits; a test gives a client a fake one (with a matching {@link
 * java.time.Clock}) so that it never sleeps.
 */
public interface Sleeper {
  /**
   * Blocks the current thread for {@code duration}; returns at once for zero.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * Returns a future that completes after {@code duration} without blocking any thread while it
   * waits. Cancelling it may release the timer early.
   */
  CompletableFuture<Void> delay(Duration duration);

  /** Really waits: {@link Thread#sleep}, and a JDK timer for {@link #delay}. */
  static Sleeper system() {
    return SystemSleeper.INSTANCE;
  }
}

/** The real thing; a separate class so that the interface stays free of state. */
final class SystemSleeper implements Sleeper {
  static final SystemSleeper INSTANCE = new SystemSleeper();

  private SystemSleeper() {}

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    long millis = millis(duration);
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }

  @Override
  public CompletableFuture<Void> delay(Duration duration) {
    return CompletableFuture.runAsync(
        () -> {}, CompletableFuture.delayedExecutor(millis(duration), TimeUnit.MILLISECONDS));
  }

  /** Milliseconds, saturated: {@code toMillis()} throws for durations beyond about 292 million years. */
  private static long millis(Duration duration) {
    try {
      return duration.toMillis();
    } catch (ArithmeticException tooLong) {
      return duration.isNegative() ? 0 : Long.MAX_VALUE;
    }
  }

  @Override
  public String toString() {
    return "Sleeper.system()";
  }
}
