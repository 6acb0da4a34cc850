package dev.audiojobs.faults;

import static dev.audiojobs.faults.RawServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.pyannote.PyannoteClient;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Retry-After} in every form a server may send, on a 503 that a second attempt answers: the
 * wait the client takes (read from the fake sleeper, so nothing really waits) and what the final
 * {@link ApiException} carries when no retry is made.
 */
final class RetryAfterFaultsTest extends FaultSuite {
  private static final String UNAVAILABLE = "{\"requestId\":\"r1\",\"message\":\"busy\"}";
  /** The default policy's first backoff, 500 ms, less up to a quarter of jitter. */
  private static final Duration BACKOFF_MIN = Duration.ofMillis(375);
  private static final Duration BACKOFF_MAX = Duration.ofMillis(500);

  private PyannoteClient retrying() {
    return client(o -> o.retryPolicy(RetryPolicy.defaults()));
  }

  private Duration theOneWait(String retryAfter) throws Exception {
    server.enqueue(json(503, UNAVAILABLE, "Retry-After: " + retryAfter)).enqueue(json(200, PENDING));
    PyannoteClient client = retrying();

    assertThat(client.getJob("j1").jobId()).isEqualTo("j1");

    assertThat(server.requests()).hasSize(2);
    assertConnectionsReleased(client);
    assertThat(time.sleeps()).hasSize(1);
    return time.sleeps().get(0);
  }

  @Test
  void delaySecondsAreWaited() throws Exception {
    assertThat(theOneWait("3")).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void delaySecondsWithSurroundingSpaceAreWaited() throws Exception {
    assertThat(theOneWait("  7 ")).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void anHttpDateInTheFutureIsWaitedUntil() throws Exception {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(time.instant().plusSeconds(5).atOffset(ZoneOffset.UTC));

    assertThat(theOneWait(date)).isEqualTo(Duration.ofSeconds(5));
  }

  @ParameterizedTest(name = "Retry-After: {0}")
  @ValueSource(strings = {
      "Thu, 01 Jan 1970 00:00:00 GMT", // a date in the past
      "0",
      "-5",
      "1.5",
      "soon",
      "Sunday, 06-Nov-94 08:49:37 GMT", // RFC 850, obsolete
  })
  void anythingElseFallsBackToTheBackoff(String retryAfter) throws Exception {
    assertThat(theOneWait(retryAfter)).isBetween(BACKOFF_MIN, BACKOFF_MAX);
  }

  @Test
  void aWaitLongerThanTheCallerAllowsEndsTheRetriesWithTheWaitInTheException() throws Exception {
    server.enqueue(json(503, UNAVAILABLE, "Retry-After: 120"));
    PyannoteClient client = retrying();

    ApiException e = outcome(ApiException.class, () -> client.getJob("j1"));

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
    assertConnectionsReleased(client);
  }

  @Test
  void aHugeWaitSaturatesAndEndsTheRetries() throws Exception {
    server.enqueue(json(429, UNAVAILABLE, "Retry-After: 99999999999999999999999"));
    PyannoteClient client = retrying();

    ApiException e = outcome(ApiException.class, () -> client.getJob("j1"));

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(Long.MAX_VALUE));
    assertThat(e.attempts()).isEqualTo(1);
    assertConnectionsReleased(client);
  }

  @Test
  void aZeroIsShownAsSentWhenTheRetriesRunOut() throws Exception {
    for (int i = 0; i < 4; i++) {
      server.enqueue(json(503, UNAVAILABLE, "Retry-After: 0"));
    }
    PyannoteClient client = retrying();

    ApiException e = outcome(ApiException.class, () -> client.getJob("j1"));

    assertThat(e.attempts()).isEqualTo(4);
    assertThat(e.header("Retry-After")).contains("0");
    assertThat(e.retryAfter()).contains(Duration.ZERO);
    assertThat(time.sleeps()).hasSize(3).allSatisfy(d -> assertThat(d).isPositive());
    assertConnectionsReleased(client);
  }

  @Test
  void garbageIsNotAWaitInTheException() throws Exception {
    server.enqueue(json(429, UNAVAILABLE, "Retry-After: -5"));
    PyannoteClient client = client();

    ApiException e = outcome(ApiException.class, () -> client.getJob("j1"));

    assertThat(e.retryAfter()).isEmpty();
    assertThat(e.header("Retry-After")).contains("-5");
    assertConnectionsReleased(client);
  }
}
