package dev.audiojobs.testsupport;

import dev.audiojobs.client.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A clock and a sleeper in one: sleeping advances the clock at once and records the duration, so
 * that no test really waits. {@link #holdDelays()} makes {@link #delay} return futures the test
 * completes itself, to catch the moment between two attempts.
 */
public final class FakeTime extends Clock implements Sleeper {
  private Instant now = Instant.parse("2026-11-02T10:00:00Z");
  private final List<Duration> sleeps = new ArrayList<>();
  private final List<CompletableFuture<Void>> held = new ArrayList<>();
  private boolean holdDelays;
  private boolean interruptOnSleep;

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }

  /** Moves the clock without sleeping, as time spent elsewhere would. */
  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    synchronized (this) {
      if (interruptOnSleep || Thread.interrupted()) {
        throw new InterruptedException("fake interruption");
      }
      sleeps.add(duration);
      now = now.plus(duration);
    }
  }

  @Override
  public synchronized CompletableFuture<Void> delay(Duration duration) {
    sleeps.add(duration);
    now = now.plus(duration);
    if (!holdDelays) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> delay = new CompletableFuture<>();
    held.add(delay);
    notifyAll();
    return delay;
  }

  /** Every sleep and delay so far, in order. */
  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  /** From now on, {@link #delay} returns futures that only the test completes. */
  public synchronized FakeTime holdDelays() {
    holdDelays = true;
    return this;
  }

  /** From now on, {@link #sleep} throws InterruptedException, as if the thread were interrupted. */
  public synchronized FakeTime interruptOnSleep() {
    interruptOnSleep = true;
    return this;
  }

  /** Waits (on a monitor, not a clock) until a delay is held, and returns it. */
  public synchronized CompletableFuture<Void> awaitHeldDelay() throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (held.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no delay was requested");
      }
      wait(left / 1_000_000 + 1);
    }
    return held.remove(0);
  }
}
