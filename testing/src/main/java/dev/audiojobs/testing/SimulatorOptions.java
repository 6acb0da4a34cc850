package dev.audiojobs.testing;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a simulator starts. Immutable; each {@code with…} returns a copy. {@link #defaults()}: any
 * non-empty bearer token is accepted, the clock starts at {@code 2026-01-01T00:00:00Z}, the seed is 1,
 * and the webhook secret is derived from the seed.
 */
public final class SimulatorOptions {
  private final @Nullable String apiKey;
  private final @Nullable String webhookSecret;
  private final Instant startTime;
  private final long seed;

  private SimulatorOptions(@Nullable String apiKey, @Nullable String webhookSecret, Instant startTime, long seed) {
    this.apiKey = apiKey;
    this.webhookSecret = webhookSecret;
    this.startTime = startTime;
    this.seed = seed;
  }

  /** Accept any key, start at 2026-01-01T00:00:00Z, seed 1. */
  public static SimulatorOptions defaults() {
    return new SimulatorOptions(null, null, Instant.parse("2026-01-01T00:00:00Z"), 1);
  }

  /**
   * A copy that accepts only {@code apiKey}; another key gets the vendor's 401. A request without a key
   * gets the vendor's answer to that (401, or Daily's 400) whatever this is, and is a {@link Violation}.
   */
  public SimulatorOptions withApiKey(String apiKey) {
    Objects.requireNonNull(apiKey, "apiKey == null");
    if (apiKey.isEmpty()) throw new IllegalArgumentException("apiKey is empty");
    return new SimulatorOptions(apiKey, webhookSecret, startTime, seed);
  }

  /**
   * A copy that signs webhooks with {@code secret}: pyannoteAI's team secret and lyrcs.ai's {@code
   * webhook_secret} as text; Daily's {@code hmac}, which must be base64 (the simulator checks on start).
   */
  public SimulatorOptions withWebhookSecret(String secret) {
    Objects.requireNonNull(secret, "secret == null");
    if (secret.isEmpty()) throw new IllegalArgumentException("secret is empty");
    return new SimulatorOptions(apiKey, secret, startTime, seed);
  }

  /** A copy whose clock starts at {@code startTime}. */
  public SimulatorOptions withStartTime(Instant startTime) {
    return new SimulatorOptions(apiKey, webhookSecret, Objects.requireNonNull(startTime, "startTime == null"), seed);
  }

  /** A copy whose job ids, outputs and default secret derive from {@code seed}: the same seed, the same run. */
  public SimulatorOptions withSeed(long seed) {
    return new SimulatorOptions(apiKey, webhookSecret, startTime, seed);
  }

  @Nullable String apiKey() {
    return apiKey;
  }

  @Nullable String webhookSecret() {
    return webhookSecret;
  }

  Instant startTime() {
    return startTime;
  }

  long seed() {
    return seed;
  }

  /** Shows no key or secret, only whether one is set. */
  @Override
  public String toString() {
    return "SimulatorOptions[apiKey " + (apiKey == null ? "any" : "set") + ", webhookSecret "
        + (webhookSecret == null ? "derived" : "set") + ", start " + startTime + ", seed " + seed + "]";
  }
}
