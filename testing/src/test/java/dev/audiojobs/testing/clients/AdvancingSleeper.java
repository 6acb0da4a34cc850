package dev.audiojobs.testing.clients;

import dev.audiojobs.client.Sleeper;
import dev.audiojobs.testing.VendorSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A client's Sleeper that, instead of waiting, advances the simulator's clock: waits take no real time.
 * It records each pause, so that a test sees the client's schedule.
 */
final class AdvancingSleeper implements Sleeper {
  private final VendorSimulator simulator;
  private final List<Duration> sleeps = new ArrayList<>();

  AdvancingSleeper(VendorSimulator simulator) {
    this.simulator = simulator;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    simulator.advance(duration);
  }

  @Override
  public synchronized CompletableFuture<Void> delay(Duration duration) {
    sleeps.add(duration);
    simulator.advance(duration);
    return CompletableFuture.completedFuture(null);
  }

  /** Every pause so far, in order. */
  synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
