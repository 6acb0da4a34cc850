package dev.audiojobs.client.internal;

import com.squareup.moshi.JsonAdapter;
import dev.audiojobs.client.ApiResponse;
import dev.audiojobs.client.ClientOptions;
import dev.audiojobs.client.JobFailedException;
import dev.audiojobs.client.TransportException;
import dev.audiojobs.client.WaitTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Waits for a job by polling its get operation until a terminal status. What a vendor's job looks
 * like (where its status and error text are, the first interval) comes from the spec's {@code
 * x-audiojobs-wait} through generated code; for generated code, not API.
 *
 * <p>The rules, which the generated {@code waitFor…} methods document:
 *
 * <ul>
 *   <li>The job is polled at once, then after the initial interval, each interval 1.5 times the
 *       last, at most {@link #MAX_INTERVAL} (or the initial interval when that is longer).
 *   <li>A poll response carrying {@code Retry-After} is not polled again before that time.
 *   <li>The first terminal status seen ends the wait: the job is returned, or {@link
 *       JobFailedException} is thrown when the status is unsuccessful. A job that would flip back
 *       to running afterwards is never polled again.
 *   <li>When the next poll would come after the deadline, the last poll is made at the deadline;
 *       when {@code Retry-After} forbids that, or a poll at or after the deadline is not terminal,
 *       {@link WaitTimeoutException} carries the last job seen. A zero timeout polls once.
 *   <li>A failed poll (after the client's own retries) ends the wait with its exception.
 * </ul>
 *
 * @param <J> the job type
 */
public final class JobPoller<J> {
  /** The longest pause between two polls, unless the vendor's initial interval is longer. */
  public static final Duration MAX_INTERVAL = Duration.ofSeconds(60);

  private final String operation;
  private final JsonAdapter<J> adapter;
  private final Duration initialInterval;
  private final List<String> errorPath;
  private final Function<J, String> status;
  private final Predicate<J> terminal;
  private final Predicate<J> unsuccessful;

  private JobPoller(Builder<J> builder) {
    this.operation = builder.operation;
    this.adapter = builder.adapter;
    this.initialInterval = Objects.requireNonNull(builder.initialInterval, "initialInterval not set");
    this.errorPath = builder.errorPath;
    this.status = Objects.requireNonNull(builder.status, "status not set");
    this.terminal = Objects.requireNonNull(builder.terminal, "status not set");
    this.unsuccessful = Objects.requireNonNull(builder.unsuccessful, "status not set");
  }

  /**
   * Returns a builder for jobs that {@code operation} gets and {@code adapter} encodes (the error
   * text is read from the encoded job, so that it is found in every variant of a union, the
   * unknown one included).
   */
  public static <J> Builder<J> builder(String operation, JsonAdapter<J> adapter) {
    return new Builder<>(operation, adapter);
  }

  /** The pause before the second poll. */
  public Duration initialInterval() {
    return initialInterval;
  }

  /**
   * Polls with {@code poll} until the job is terminal or {@code timeout} has passed, waiting with
   * the clock and sleeper of {@code options}.
   *
   * @throws IllegalArgumentException if {@code timeout} is negative
   * @throws JobFailedException if the job ends unsuccessful
   * @throws WaitTimeoutException if it is not terminal in time
   * @throws InterruptedException if the thread is interrupted while waiting or polling; the
   *     interrupt flag is then clear, as usual for this exception
   */
  public J await(
      ClientOptions options, String jobId, Duration timeout, Function<String, ApiResponse<J>> poll)
      throws InterruptedException {
    Wait wait = new Wait(options, jobId, timeout);
    while (true) {
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while waiting for job " + jobId);
      }
      ApiResponse<J> response;
      try {
        response = poll.apply(jobId);
      } catch (TransportException e) {
        // OkHttp reports an interrupted call as an InterruptedIOException; for a wait, that is
        // the interruption the caller asked for, not a transport failure.
        if (Thread.interrupted()) {
          InterruptedException interrupted = new InterruptedException("interrupted while polling job " + jobId);
          interrupted.initCause(e);
          throw interrupted;
        }
        throw e;
      }
      Duration pause = wait.next(response);
      if (pause == null) {
        return response.body();
      }
      options.sleeper().sleep(pause);
    }
  }

  /**
   * Like {@link #await}, without blocking: {@code poll} returns the future of one poll. The result
   * completes with the job or exceptionally with what {@link #await} would throw. Cancelling it
   * cancels the poll in flight or the pause before the next; nothing more is sent.
   *
   * @throws IllegalArgumentException if {@code timeout} is negative
   */
  public CompletableFuture<J> awaitAsync(
      ClientOptions options,
      String jobId,
      Duration timeout,
      Function<String, CompletableFuture<ApiResponse<J>>> poll) {
    Wait wait = new Wait(options, jobId, timeout);
    WaitFuture<J> result = new WaitFuture<>();
    pollAsync(options, jobId, poll, wait, result);
    return result;
  }

  private void pollAsync(
      ClientOptions options,
      String jobId,
      Function<String, CompletableFuture<ApiResponse<J>>> poll,
      Wait wait,
      WaitFuture<J> result) {
    CompletableFuture<ApiResponse<J>> call;
    try {
      call = poll.apply(jobId);
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return;
    }
    if (!result.track(call)) {
      return;
    }
    call.whenComplete(
        (response, failure) -> {
          if (result.isDone()) {
            return;
          }
          if (failure != null) {
            result.completeExceptionally(unwrap(failure));
            return;
          }
          Duration pause;
          try {
            pause = wait.next(response);
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
          }
          if (pause == null) {
            result.complete(response.body());
            return;
          }
          CompletableFuture<Void> delay = options.sleeper().delay(pause);
          if (result.track(delay)) {
            delay.whenComplete(
                (ignored, delayFailure) -> {
                  if (delayFailure != null) {
                    result.completeExceptionally(unwrap(delayFailure));
                  } else if (!result.isDone()) {
                    pollAsync(options, jobId, poll, wait, result);
                  }
                });
          }
        });
  }

  private static Throwable unwrap(Throwable t) {
    return (t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null
        ? t.getCause()
        : t;
  }

  /** The state of one wait: deadline, polls so far, the next interval. */
  private final class Wait {
    final ClientOptions options;
    final String jobId;
    final Duration timeout;
    final Instant deadline;
    Duration interval = initialInterval;
    int polls;

    Wait(ClientOptions options, String jobId, Duration timeout) {
      this.options = Objects.requireNonNull(options, "options == null");
      this.jobId = Objects.requireNonNull(jobId, "jobId == null");
      this.timeout = Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("timeout is negative: " + timeout);
      }
      Instant start = options.clock().instant();
      // Saturate: a timeout of ChronoUnit.FOREVER.getDuration() means no deadline.
      Instant latest = Instant.MAX.minus(Duration.ofDays(1));
      this.deadline = Duration.between(start, latest).compareTo(timeout) <= 0 ? latest : start.plus(timeout);
    }

    /**
     * Judges one poll: null when the job is terminal and successful, else the pause before the
     * next poll.
     *
     * @throws JobFailedException when the job is terminal and unsuccessful
     * @throws WaitTimeoutException when there is no time for another poll
     */
    @Nullable Duration next(ApiResponse<J> response) {
      polls++;
      J job = response.body();
      if (terminal.test(job)) {
        if (unsuccessful.test(job)) {
          throw new JobFailedException(operation, jobId, status.apply(job), errorText(job), job, polls);
        }
        return null;
      }
      Duration remaining = Duration.between(options.clock().instant(), deadline);
      if (remaining.isNegative() || remaining.isZero()) {
        throw timeout(job);
      }
      Duration pause = interval;
      Duration retryAfter =
          RetryAfter.parse(response.header("Retry-After").orElse(null), options.clock()).orElse(null);
      if (retryAfter != null && retryAfter.compareTo(pause) > 0) {
        if (retryAfter.compareTo(remaining) > 0) {
          throw timeout(job); // the server will not answer in time; waiting on is pointless
        }
        pause = retryAfter;
      }
      Duration cap = initialInterval.compareTo(MAX_INTERVAL) > 0 ? initialInterval : MAX_INTERVAL;
      Duration grown = interval.multipliedBy(3).dividedBy(2);
      interval = grown.compareTo(cap) > 0 ? cap : grown;
      return pause.compareTo(remaining) > 0 ? remaining : pause;
    }

    private WaitTimeoutException timeout(J job) {
      return new WaitTimeoutException(operation, jobId, status.apply(job), timeout, job, polls);
    }
  }

  /** The text at {@link #errorPath} in the encoded job, or null when there is none. */
  private @Nullable String errorText(J job) {
    if (errorPath.isEmpty()) {
      return null;
    }
    Object node = adapter.toJsonValue(job);
    for (String name : errorPath) {
      if (!(node instanceof Map<?, ?> object)) {
        return null;
      }
      node = object.get(name);
    }
    return node instanceof String text ? text : null;
  }

  /** A future whose cancellation cancels the poll in flight or the pause before the next. */
  private static final class WaitFuture<J> extends CompletableFuture<J> {
    private @Nullable Future<?> current;

    /** Tracks {@code step}; false, having cancelled it, when this future is done already. */
    synchronized boolean track(Future<?> step) {
      current = step;
      if (isDone()) {
        step.cancel(true);
        return false;
      }
      return true;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      Future<?> step;
      synchronized (this) {
        step = current;
      }
      if (step != null) {
        step.cancel(true);
      }
      return cancelled;
    }
  }

  /** Collects what the poller needs to know about a vendor's job. */
  public static final class Builder<J> {
    private final String operation;
    private final JsonAdapter<J> adapter;
    private @Nullable Duration initialInterval;
    private List<String> errorPath = List.of();
    private @Nullable Function<J, String> status;
    private @Nullable Predicate<J> terminal;
    private @Nullable Predicate<J> unsuccessful;

    private Builder(String operation, JsonAdapter<J> adapter) {
      this.operation = Objects.requireNonNull(operation, "operation == null");
      this.adapter = Objects.requireNonNull(adapter, "adapter == null");
    }

    /**
     * Sets the pause before the second poll: the vendor's recommended polling interval.
     *
     * @throws IllegalArgumentException if {@code interval} is not positive
     */
    public Builder<J> initialInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval == null");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("interval is not positive: " + interval);
      }
      this.initialInterval = interval;
      return this;
    }

    /**
     * Sets how to read a job's status: its wire value, whether it is terminal, whether it is
     * unsuccessful (the spec's {@code x-audiojobs-terminal} and {@code x-audiojobs-unsuccessful}).
     */
    public Builder<J> status(Function<J, String> value, Predicate<J> terminal, Predicate<J> unsuccessful) {
      this.status = Objects.requireNonNull(value, "value == null");
      this.terminal = Objects.requireNonNull(terminal, "terminal == null");
      this.unsuccessful = Objects.requireNonNull(unsuccessful, "unsuccessful == null");
      return this;
    }

    /** Sets the property names leading to the vendor's error text in the JSON of a job. */
    public Builder<J> errorAt(String... path) {
      this.errorPath = List.of(path);
      return this;
    }

    /** Returns the poller. */
    public JobPoller<J> build() {
      return new JobPoller<>(this);
    }
  }
}
