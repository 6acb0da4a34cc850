package dev.audiojobs.testing.clients;

import dev.audiojobs.client.Sleeper;
import dev.audiojobs.testing.VendorSimulator;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A client's Sleeper that, instead of waiting, advances the simulator's clock: waits take no real time. */
final class AdvancingSleeper implements Sleeper {
  private final VendorSimulator simulator;

  AdvancingSleeper(VendorSimulator simulator) {
    this.simulator = simulator;
  }

  @Override
  public void sleep(Duration duration) {
    simulator.advance(duration);
  }

  @Override
  public CompletableFuture<Void> delay(Duration duration) {
    simulator.advance(duration);
    return CompletableFuture.completedFuture(null);
  }
}
