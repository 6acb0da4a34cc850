package dev.audiojobs.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** How tests observe a call that must fail, synchronously or through its future. */
public final class Outcomes {
  private Outcomes() {}

  /** A call that may throw anything. */
  @FunctionalInterface
  public interface ThrowingCall {
    void run() throws Exception;
  }

  /** What {@code call} threw, asserted to be a {@code type}. */
  public static <E extends Throwable> E thrown(Class<E> type, ThrowingCall call) {
    Throwable thrown = catchThrowable(call::run);
    assertThat(thrown).isInstanceOf(type);
    return type.cast(thrown);
  }

  /** The exception {@code future} completed with; fails when it completes normally or takes over 10 s. */
  public static Throwable failureOf(CompletableFuture<?> future) throws Exception {
    try {
      future.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("the future completed normally");
  }
}
