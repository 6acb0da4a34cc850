package dev.audiojobs.client;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * When a client sends a request again. Immutable; {@link #defaults()} is what a client uses unless
 * told otherwise, {@link #none()} switches retries off.
 *
 * <p>Only {@code GET} requests are retried, and only after:
 *
 * <ul>
 *   <li>a {@code 429}, {@code 502}, {@code 503} or {@code 504} response;
 *   <li>a failure before any response arrived (connection refused or reset, a timeout).
 * </ul>
 *
 * <p>A {@code POST} (or any other method) is sent once: the server may have acted on it even when
 * no response arrived. A cancelled asynchronous call is never sent again.
 *
 * <p>The wait before retry {@code n} (1 for the second attempt) is {@link #initialBackoff()} times
 * {@code 2^(n-1)}, at most {@link #maxBackoff()}, minus a random jitter of up to a quarter, so that
 * many clients throttled together do not come back together. When the response carries {@code
 * Retry-After} (seconds, or an HTTP date), that wait is used instead:
 *
 * <ul>
 *   <li>longer than {@link #maxRetryAfter()} (an absurd date in the future, a day of seconds): no
 *       retry; the {@link ApiException} is thrown at once and its {@link ApiException#retryAfter()}
 *       tells the caller how long the server asked for, since retrying sooner than asked would only
 *       earn another 429;
 *   <li>zero (a date in the past), negative, fractional or unreadable: ignored, the backoff above
 *       applies.
 * </ul>
 *
 * <p>The retries stop after {@link #maxAttempts()} attempts, or as soon as the next wait would end
 * later than {@link #timeBudget()} after the first attempt started; the last failure is then thrown,
 * and its {@link AudioJobsException#attempts()} says how many attempts were made.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = new Builder().build();
  private static final RetryPolicy NONE = new Builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final Duration timeBudget;

  private RetryPolicy(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.maxRetryAfter = builder.maxRetryAfter;
    this.timeBudget = builder.timeBudget;
  }

  /**
   * The default policy: 4 attempts, backoff from 500 ms doubling up to 8 s, {@code Retry-After}
   * honoured up to 60 s, all within 2 minutes.
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** No retries: every request is sent once. */
  public static RetryPolicy none() {
    return NONE;
  }

  /** Returns a builder holding {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this policy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Whether a request may be sent more than once ({@link #maxAttempts()} above 1). */
  public boolean isEnabled() {
    return maxAttempts > 1;
  }

  /** How many times a request is sent at most, the first time included; 1 means no retries. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The wait before the first retry, when the response says nothing of its own. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The longest wait the doubling backoff reaches. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** The longest {@code Retry-After} that is honoured; a longer one ends the retries. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** How long after the first attempt the last retry may start. */
  public Duration timeBudget() {
    return timeBudget;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o == this
        || (o instanceof RetryPolicy other
            && maxAttempts == other.maxAttempts
            && initialBackoff.equals(other.initialBackoff)
            && maxBackoff.equals(other.maxBackoff)
            && maxRetryAfter.equals(other.maxRetryAfter)
            && timeBudget.equals(other.timeBudget));
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, timeBudget);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts
        + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff
        + ", maxRetryAfter=" + maxRetryAfter
        + ", timeBudget=" + timeBudget
        + "}";
  }

  /** Collects the settings of a {@link RetryPolicy}. Not thread-safe. */
  public static final class Builder {
    private int maxAttempts = 4;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private Duration timeBudget = Duration.ofMinutes(2);

    private Builder() {}

    private Builder(RetryPolicy policy) {
      this.maxAttempts = policy.maxAttempts;
      this.initialBackoff = policy.initialBackoff;
      this.maxBackoff = policy.maxBackoff;
      this.maxRetryAfter = policy.maxRetryAfter;
      this.timeBudget = policy.timeBudget;
    }

    /**
     * Sets how many times a request is sent at most; 1 switches retries off.
     *
     * @throws IllegalArgumentException if {@code maxAttempts} is below 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts < 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the wait before the first retry.
     *
     * @throws NullPointerException if {@code backoff} is null
     * @throws IllegalArgumentException if {@code backoff} is negative
     */
    public Builder initialBackoff(Duration backoff) {
      this.initialBackoff = checkNotNegative("initialBackoff", backoff);
      return this;
    }

    /**
     * Sets the longest wait the doubling backoff reaches.
     *
     * @throws NullPointerException if {@code backoff} is null
     * @throws IllegalArgumentException if {@code backoff} is negative
     */
    public Builder maxBackoff(Duration backoff) {
      this.maxBackoff = checkNotNegative("maxBackoff", backoff);
      return this;
    }

    /**
     * Sets the longest {@code Retry-After} honoured; a response asking for longer is thrown at once.
     *
     * @throws NullPointerException if {@code cap} is null
     * @throws IllegalArgumentException if {@code cap} is negative
     */
    public Builder maxRetryAfter(Duration cap) {
      this.maxRetryAfter = checkNotNegative("maxRetryAfter", cap);
      return this;
    }

    /**
     * Sets how long after the first attempt the last retry may start. A retry whose wait would end
     * later is not made.
     *
     * @throws NullPointerException if {@code budget} is null
     * @throws IllegalArgumentException if {@code budget} is negative
     */
    public Builder timeBudget(Duration budget) {
      this.timeBudget = checkNotNegative("timeBudget", budget);
      return this;
    }

    /**
     * Returns the policy.
     *
     * @throws IllegalArgumentException if {@link #initialBackoff} is longer than {@link #maxBackoff}
     */
    public RetryPolicy build() {
      if (initialBackoff.compareTo(maxBackoff) > 0) {
        throw new IllegalArgumentException(
            "initialBackoff " + initialBackoff + " is longer than maxBackoff " + maxBackoff);
      }
      return new RetryPolicy(this);
    }

    private static Duration checkNotNegative(String name, Duration value) {
      Objects.requireNonNull(value, name + " == null");
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " is negative: " + value);
      }
      return value;
    }
  }
}
