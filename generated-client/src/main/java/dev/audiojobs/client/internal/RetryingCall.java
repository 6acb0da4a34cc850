package dev.audiojobs.client.internal;

import dev.audiojobs.client.ApiResponse;
import dev.audiojobs.client.ClientOptions;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.client.TransportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.ZipException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * One logical call with the retries of {@link RetryPolicy}: every attempt is enqueued on OkHttp's
 * dispatcher, every wait is a {@link dev.audiojobs.client.Sleeper#delay}, and one future tracks
 * whatever is in flight, so cancelling it cancels the attempt or the wait and nothing more is sent.
 * The synchronous form is this future, joined.
 *
 * <p>Only a {@code GET} is retried: the server may have acted on anything else even when no
 * response arrived.
 */
final class RetryingCall<T, R> {
  private final Operation<T> op;
  private final ClientOptions options;
  private final ResponseReader reader;
  private final Function<ApiResponse<T>, R> result;
  private final RetryingFuture<R> future = new RetryingFuture<>();
  private final RetryPolicy policy;
  private final boolean retryable;
  private final Instant start;

  private RetryingCall(
      Operation<T> op, Call<ResponseBody> call, ClientOptions options, ResponseReader reader, Function<ApiResponse<T>, R> result) {
    this.op = op;
    this.options = options;
    this.reader = reader;
    this.result = result;
    this.policy = options.retryPolicy();
    this.retryable = policy.isEnabled() && call.request().method().equals("GET");
    this.start = options.clock().instant();
  }

  /**
   * Starts {@code call} and returns the future of its result, which completes with what {@code
   * result} makes of the final 2xx response, or exceptionally with the typed exception of the
   * final outcome. Cancelling the future cancels the HTTP call in flight or the wait before a
   * retry.
   */
  static <T, R> CompletableFuture<R> start(
      Operation<T> op, Call<ResponseBody> call, ClientOptions options, ResponseReader reader, Function<ApiResponse<T>, R> result) {
    RetryingCall<T, R> retrying = new RetryingCall<>(op, call, options, reader, result);
    retrying.begin(call);
    return retrying.future;
  }

  /**
   * Runs {@code call} to its final outcome on the caller's behalf, blocking it.
   *
   * @throws TransportException if no response arrived, or the thread was interrupted (then the
   *     cause is an {@link InterruptedIOException}, the call in flight or the wait is cancelled and
   *     the thread's interrupt flag is set again)
   */
  static <T> ApiResponse<T> execute(Operation<T> op, Call<ResponseBody> call, ClientOptions options, ResponseReader reader) {
    RetryingCall<T, ApiResponse<T>> retrying = new RetryingCall<>(op, call, options, reader, Function.identity());
    if (Thread.currentThread().isInterrupted()) {
      throw interrupted(op, null, 1);
    }
    retrying.begin(call);
    try {
      return retrying.future.get();
    } catch (InterruptedException e) {
      retrying.future.cancel(true);
      Thread.currentThread().interrupt();
      throw interrupted(op, e, retrying.future.attempts);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        // Thrown again as it is, so that the caller sees the documented type; this stack is lost,
        // the attempt's is kept.
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  private static TransportException interrupted(Operation<?> op, @Nullable InterruptedException cause, int attempts) {
    InterruptedIOException interrupted = new InterruptedIOException("interrupted while calling " + op.operationId());
    if (cause != null) {
      interrupted.initCause(cause);
    }
    return new TransportException(op.operationId(), interrupted, attempts);
  }

  /**
   * Sends the first attempt, and arms the call timeout, which covers every attempt and wait. The
   * timer is {@link CompletableFuture#orTimeout}'s, cancelled when the call ends: a timer left armed
   * would keep the call, and its result, reachable until the timeout elapsed.
   */
  private void begin(Call<ResponseBody> call) {
    long timeout = options.callTimeout().toNanos();
    if (timeout > 0) {
      CompletableFuture<Void> deadline = new CompletableFuture<Void>().orTimeout(timeout, TimeUnit.NANOSECONDS);
      deadline.whenComplete((ignored, expired) -> {
        if (expired != null && !future.isDone()) {
          InterruptedIOException timedOut = new InterruptedIOException("timeout");
          future.fail(new TransportException(op.operationId(), timedOut, future.attempts));
        }
      });
      future.whenComplete((ignored, failure) -> deadline.complete(null));
    }
    attempt(call);
  }

  private void attempt(Call<ResponseBody> call) {
    if (!future.track(call)) {
      return; // cancelled while waiting to retry: nothing more is sent
    }
    call.enqueue(
        new Callback<ResponseBody>() {
          @Override
          public void onResponse(Call<ResponseBody> c, Response<ResponseBody> response) {
            try {
              Duration wait = future.isDone() ? null : afterResponse(response);
              if (wait == null) {
                future.complete(result.apply(reader.read(op, response, future.attempts)));
              } else {
                discard(response);
                retryLater(c, wait);
              }
            } catch (RuntimeException e) {
              future.completeExceptionally(e);
            }
          }

          @Override
          public void onFailure(Call<ResponseBody> c, Throwable t) {
            if (!(t instanceof IOException e)) {
              future.completeExceptionally(t);
              return;
            }
            Duration wait = future.isDone() || c.isCanceled() || !mayPassByItself(e) ? null : afterFailure();
            if (wait == null) {
              future.completeExceptionally(reader.transportFailure(op.operationId(), e, future.attempts));
            } else {
              retryLater(c, wait);
            }
          }
        });
  }

  private void retryLater(Call<ResponseBody> previous, Duration wait) {
    CompletableFuture<Void> delay = future.startTracked(() -> options.sleeper().delay(wait));
    if (delay == null) {
      return;
    }
    delay.whenComplete(
        (ignored, failure) -> {
          if (future.isDone()) {
            return;
          }
          if (failure != null) {
            future.completeExceptionally(failure);
            return;
          }
          future.attempts++;
          attempt(previous.clone());
        });
  }

  // The connection can only be reused once the body of a response that is dropped is closed.
  private static void discard(Response<ResponseBody> response) {
    ResponseBody body = response.isSuccessful() ? response.body() : response.errorBody();
    if (body != null) {
      body.close();
    }
  }

  /**
   * Whether {@code failure} may pass by itself, as a refused or reset connection or a timeout does.
   * Not so: a redirect loop or another protocol violation ({@link ProtocolException}), a body that
   * arrived but cannot be read as sent ({@link BodyReadFailure}, {@link ZipException}: broken
   * compression), a certificate the client does not trust ({@link SSLPeerUnverifiedException},
   * {@link SSLHandshakeException}).
   */
  private static boolean mayPassByItself(IOException failure) {
    if (failure instanceof BodyReadFailure body) {
      return body.mayPassByItself();
    }
    return !(failure instanceof ProtocolException
        || failure instanceof ZipException
        || failure instanceof SSLPeerUnverifiedException
        || failure instanceof SSLHandshakeException);
  }

  /** The wait before retrying after a failure with no response, or null for no retry. */
  private @Nullable Duration afterFailure() {
    return retryable ? next(null) : null;
  }

  /** The wait before retrying after {@code response}, or null to keep it. */
  private @Nullable Duration afterResponse(Response<ResponseBody> response) {
    int code = response.code();
    if (!retryable || (code != 429 && code != 502 && code != 503 && code != 504)) {
      return null;
    }
    Duration retryAfter = RetryAfter.parse(response.headers().get("Retry-After"), options.clock()).orElse(null);
    if (retryAfter != null && retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
      return null; // the server asked for longer than the caller allows: its answer stands
    }
    return next(retryAfter);
  }

  private @Nullable Duration next(@Nullable Duration retryAfter) {
    if (future.attempts >= policy.maxAttempts()) {
      return null;
    }
    // A zero Retry-After (a date already past) says nothing useful: back off as usual.
    Duration wait = retryAfter != null && !retryAfter.isZero() ? retryAfter : backoff();
    Duration elapsed = Duration.between(start, options.clock().instant());
    if (elapsed.isNegative()) {
      elapsed = Duration.ZERO; // a clock set back must not stretch the budget
    }
    return elapsed.plus(wait).compareTo(policy.timeBudget()) > 0 ? null : wait;
  }

  private Duration backoff() {
    Duration cap = policy.maxBackoff();
    int doublings = future.attempts - 1;
    Duration base = policy.initialBackoff();
    for (int i = 0; i < doublings && base.compareTo(cap) < 0; i++) {
      base = base.multipliedBy(2);
    }
    if (base.compareTo(cap) > 0) {
      base = cap;
    }
    // Up to a quarter less, at random, so that clients throttled together spread out.
    double jitter = 1 - 0.25 * ThreadLocalRandom.current().nextDouble();
    return Duration.ofNanos((long) (base.toNanos() * jitter));
  }

  /**
   * A future whose cancellation cancels what it waits on: the HTTP call in flight, or the delay
   * before the next attempt. Whatever is tracked after cancellation is cancelled at once. It also
   * counts the attempts, which only one thread at a time advances (each attempt starts after the
   * last one ended).
   */
  private static final class RetryingFuture<R> extends CompletableFuture<R> {
    volatile int attempts = 1;
    private @Nullable Call<?> call;
    private @Nullable Future<?> delay;

    /** Tracks {@code call}; false, having cancelled it, when this future is done already. */
    synchronized boolean track(Call<?> call) {
      this.call = call;
      this.delay = null;
      if (isDone()) {
        call.cancel();
        return false;
      }
      return true;
    }

    /**
     * Starts a delay and tracks it, both under this future's lock, so that a {@link #cancel} that
     * races with it finds the delay tracked once it returns (and cancels it) however early it came;
     * null, nothing started, when this future is done already.
     */
    synchronized <F extends Future<?>> @Nullable F startTracked(Supplier<F> start) {
      if (isDone()) {
        return null;
      }
      F started = start.get();
      this.delay = started;
      return started;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      stopTracked();
      return cancelled;
    }

    /** Completes with {@code failure} and cancels what is in flight, so that nothing more is sent. */
    void fail(Throwable failure) {
      completeExceptionally(failure);
      stopTracked();
    }

    private void stopTracked() {
      Call<?> call;
      Future<?> delay;
      synchronized (this) {
        call = this.call;
        delay = this.delay;
      }
      if (call != null) {
        call.cancel();
      }
      if (delay != null) {
        delay.cancel(false);
      }
    }
  }
}
