package dev.audiojobs.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock a simulator's jobs move on: it stands still until the test advances it. A {@link Clock}, so
 * a client under test can read the same time (its retry budgets, {@code Retry-After} dates, job
 * waiting). Thread-safe. Advance it through {@link VendorSimulator#advance(Duration)}, which also
 * delivers the webhooks of the jobs that finished meanwhile.
 */
public final class SimulatedClock extends Clock {
  private final AtomicReference<Instant> now;

  SimulatedClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** Moves the time forward by {@code duration}; returns the new time. Negative durations are refused. */
  Instant advance(Duration duration) {
    if (duration.isNegative()) throw new IllegalArgumentException("duration < 0: " + duration);
    return now.updateAndGet(t -> t.plus(duration));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  /** Always UTC. */
  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /**
   * Refused: a simulated clock has one time line, and a copy in another zone would not move with it.
   *
   * @throws UnsupportedOperationException unless {@code zone} is UTC
   */
  @Override
  public Clock withZone(ZoneId zone) {
    if (zone.normalized().equals(ZoneOffset.UTC)) return this;
    throw new UnsupportedOperationException("a SimulatedClock is UTC only, not " + zone);
  }

  @Override
  public String toString() {
    return "SimulatedClock[" + now.get() + "]";
  }
}
