package dev.audiojobs.testing;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a simulated job lives, on the simulator's clock: queued for {@link #queuedFor()} (pyannoteAI
 * {@code pending}, Daily {@code submitted}, lyrcs.ai {@code queued}), then running for {@link
 * #runningFor()} (pyannoteAI {@code running}, Daily and lyrcs.ai {@code processing}), then its outcome
 * for good. Immutable; the {@code with…}/{@code …For} methods return a copy.
 *
 * <p>The default is {@code JobScript.succeeds()}: queued 2 s, running 10 s. Set a simulator's default
 * with {@link VendorSimulator#defaultScript(JobScript)}, or the next job's with {@link
 * VendorSimulator#scriptNextJob(JobScript)}.
 */
public final class JobScript {
  /** How a job ends. */
  public enum Outcome {
    /** pyannoteAI {@code succeeded}, Daily {@code finished}, lyrcs.ai {@code complete}, with outputs. */
    SUCCEED,
    /** pyannoteAI {@code failed}, Daily {@code error}, lyrcs.ai {@code failed}, with the error text. */
    FAIL,
    /**
     * pyannoteAI {@code canceled}. Daily and lyrcs.ai have no canceled status: there the job ends as
     * failed, with the error text (or {@code "canceled"}).
     */
    CANCEL
  }

  private final Outcome outcome;
  private final @Nullable String error;
  private final Duration queuedFor;
  private final Duration runningFor;

  private JobScript(Outcome outcome, @Nullable String error, Duration queuedFor, Duration runningFor) {
    this.outcome = outcome;
    this.error = error;
    this.queuedFor = queuedFor;
    this.runningFor = runningFor;
  }

  /** A job that succeeds with outputs shaped like the vendor's, after 2 s queued and 10 s running. */
  public static JobScript succeeds() {
    return new JobScript(Outcome.SUCCEED, null, Duration.ofSeconds(2), Duration.ofSeconds(10));
  }

  /** A job that fails with {@code error} as its error text. */
  public static JobScript fails(String error) {
    Objects.requireNonNull(error, "error == null");
    return new JobScript(Outcome.FAIL, error, Duration.ofSeconds(2), Duration.ofSeconds(10));
  }

  /** A job that is canceled (see {@link Outcome#CANCEL} for the vendors without that status). */
  public static JobScript canceled() {
    return new JobScript(Outcome.CANCEL, null, Duration.ofSeconds(2), Duration.ofSeconds(10));
  }

  /**
   * A copy that stays queued for {@code duration}; zero makes it start running at once.
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public JobScript queuedFor(Duration duration) {
    return new JobScript(outcome, error, nonNegative(duration), runningFor);
  }

  /**
   * A copy that runs for {@code duration}; zero makes it end as soon as it leaves the queue.
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public JobScript runningFor(Duration duration) {
    return new JobScript(outcome, error, queuedFor, nonNegative(duration));
  }

  /** How the job ends. */
  public Outcome outcome() {
    return outcome;
  }

  /** The error text of a failed job, or null. */
  public @Nullable String error() {
    return error;
  }

  /** How long the job is queued. */
  public Duration queuedFor() {
    return queuedFor;
  }

  /** How long the job runs. */
  public Duration runningFor() {
    return runningFor;
  }

  private static Duration nonNegative(Duration d) {
    Objects.requireNonNull(d, "duration == null");
    if (d.isNegative()) throw new IllegalArgumentException("duration < 0: " + d);
    return d;
  }

  @Override
  public String toString() {
    return "JobScript[" + outcome + (error == null ? "" : " \"" + error + "\"") + ", queued " + queuedFor + ", running " + runningFor + "]";
  }
}
