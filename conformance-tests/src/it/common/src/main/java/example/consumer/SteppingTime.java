package example.consumer;

import dev.audiojobs.client.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

/**
 * A clock that only moves when the client sleeps, and a sleeper that returns at once: the README's
 * waits (polling a job, a bounded wait for a download) run to their end without the build waiting.
 */
final class SteppingTime extends Clock implements Sleeper {
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");

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
    return this;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public CompletableFuture<Void> delay(Duration duration) {
    sleep(duration);
    return CompletableFuture.completedFuture(null);
  }
}
