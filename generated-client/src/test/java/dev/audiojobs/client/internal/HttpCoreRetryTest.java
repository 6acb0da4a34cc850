package dev.audiojobs.client.internal;

import static dev.audiojobs.testsupport.Outcomes.failureOf;
import static dev.audiojobs.testsupport.Outcomes.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.ApiResponse;
import dev.audiojobs.client.ClientOptions;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.client.TransportException;
import dev.audiojobs.client.internal.HttpCoreTest.Thing;
import dev.audiojobs.client.internal.HttpCoreTest.ThingService;
import dev.audiojobs.testsupport.FakeTime;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import retrofit2.Call;
import retrofit2.http.POST;

@Timeout(30) // a guard against hanging on an empty MockWebServer queue, not a timed assertion
final class HttpCoreRetryTest {
  private static final String KEY = "sk-retry-5e2b";

  private static final Operation<Thing> GET_THING =
      Operation.builder("getThing", new HttpCoreTest.ThingAdapter())
          .error(429, new HttpCoreTest.ProblemAdapter())
          .requestId(HttpCoreTest.Problem.class, HttpCoreTest.Problem::requestId)
          .build();

  @StartStop final MockWebServer server = new MockWebServer();
  @StartStop final MockWebServer closed = new MockWebServer();

  private final FakeTime time = new FakeTime();

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {429, 502, 503, 504})
  void aGetIsRetriedAfterAThrottleOrGatewayStatus(int status) throws Exception {
    server.enqueue(empty(status));
    server.enqueue(ok("again"));

    ApiResponse<Thing> response = get(core(RetryPolicy.defaults()));

    assertThat(response.body()).isEqualTo(new Thing("again"));
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(time.sleeps()).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {400, 401, 404, 500})
  void otherStatusesAreNotRetried(int status) {
    server.enqueue(empty(status));

    ApiException e = thrown(ApiException.class, () -> get(core(RetryPolicy.defaults())));

    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retryAfterInSecondsIsHonoured() {
    server.enqueue(empty(429).newBuilder().addHeader("Retry-After", "7").build());
    server.enqueue(ok("1"));

    get(core(RetryPolicy.defaults()));

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterAsAnHttpDateIsHonoured() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        time.instant().plusSeconds(30).atOffset(ZoneOffset.UTC));
    server.enqueue(empty(503).newBuilder().addHeader("Retry-After", date).build());
    server.enqueue(ok("1"));

    get(core(RetryPolicy.defaults()));

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30));
  }

  @ParameterizedTest(name = "Retry-After: {0}")
  @ValueSource(strings = {"86400", "99999999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT"})
  void aRetryAfterBeyondTheCapEndsTheRetriesAtOnce(String header) {
    server.enqueue(empty(429).newBuilder().addHeader("Retry-After", header).build());

    ApiException e = thrown(ApiException.class, () -> get(core(RetryPolicy.defaults())));

    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofSeconds(60)));
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @ParameterizedTest(name = "Retry-After: \"{0}\"")
  @ValueSource(strings = {"-5", "soon", "1.5", "0", "Mon, 01 Jan 2001 00:00:00 GMT"})
  void aNegativeGarbageOrZeroRetryAfterFallsBackToTheBackoff(String header) {
    server.enqueue(empty(503).newBuilder().addHeader("Retry-After", header).build());
    server.enqueue(ok("1"));

    get(core(RetryPolicy.defaults()));

    // The first backoff is 500 ms minus up to a quarter of jitter.
    assertThat(time.sleeps()).singleElement()
        .satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(375), Duration.ofMillis(500)));
  }

  @Test
  void theBackoffDoublesWithJitterUpToItsCap() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(empty(502));
    }
    server.enqueue(ok("1"));
    RetryPolicy policy = RetryPolicy.builder()
        .maxAttempts(5)
        .initialBackoff(Duration.ofSeconds(1))
        .maxBackoff(Duration.ofSeconds(3))
        .build();

    get(core(policy));

    assertThat(time.sleeps()).hasSize(4);
    assertThat(time.sleeps().get(0)).isBetween(Duration.ofMillis(750), Duration.ofSeconds(1));
    assertThat(time.sleeps().get(1)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(2));
    assertThat(time.sleeps().get(2)).isBetween(Duration.ofMillis(2250), Duration.ofSeconds(3));
    assertThat(time.sleeps().get(3)).isBetween(Duration.ofMillis(2250), Duration.ofSeconds(3));
  }

  @Test
  void exhaustedRetriesThrowTheLastFailureWithTheNumberOfAttempts() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1")
          .body("{\"message\":\"slow down\",\"requestId\":\"r-" + i + "\"}").build());
    }

    ApiException e = thrown(ApiException.class, () -> get(core(RetryPolicy.defaults())));

    assertThat(e.attempts()).isEqualTo(4);
    assertThat(e.getMessage()).startsWith("getThing: HTTP 429 after 4 attempts (request id r-3)");
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void a429StormLongerThanTheBudgetStopsWithinTheBudget() {
    for (int i = 0; i < 10; i++) {
      server.enqueue(empty(429).newBuilder().addHeader("Retry-After", "4").build());
    }
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(10).timeBudget(Duration.ofSeconds(10)).build();

    ApiException e = thrown(ApiException.class, () -> get(core(policy)));

    // Waits of 4 s at 0 and 4; a third would end at 12 s, past the 10 s budget.
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aConnectionDroppedBeforeTheResponseIsRetried() {
    server.enqueue(ok("lost").newBuilder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(ok("2"));

    ApiResponse<Thing> response = get(core(RetryPolicy.defaults()));

    assertThat(response.body()).isEqualTo(new Thing("2"));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aRefusedConnectionIsRetriedThenReportsItsAttempts() {
    HttpUrl url = closed.url("/");
    closed.close();

    TransportException e = thrown(TransportException.class, () -> get(core(RetryPolicy.defaults(), url)));

    assertThat(e.getCause()).isInstanceOf(ConnectException.class);
    assertThat(e.attempts()).isEqualTo(4);
    assertThat(e.getMessage()).startsWith("getThing: ConnectException after 4 attempts");
    assertThat(time.sleeps()).hasSize(3);
  }

  @Test
  void aPostIsNeverRetriedAfterAThrottle() {
    server.enqueue(empty(503).newBuilder().addHeader("Retry-After", "1").build());
    HttpCore core = core(RetryPolicy.defaults());

    ApiException e = thrown(ApiException.class,
        () -> core.execute(GET_THING, core.service(PostService.class).create()));

    assertThat(e.attempts()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void aPostIsNotSentAgainByOkHttpAfterA503WithRetryAfterZero() {
    server.enqueue(empty(503).newBuilder().addHeader("Retry-After", "0").build());
    server.enqueue(ok("must not be asked for"));
    HttpCore core = core(RetryPolicy.defaults());

    ApiException e = thrown(ApiException.class,
        () -> core.execute(GET_THING, core.service(PostService.class).create()));

    assertThat(e.retryAfter()).contains(Duration.ZERO);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aPostIsNeverRetriedAfterAConnectionFailure() {
    server.enqueue(ok("lost").newBuilder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(ok("must not be asked for"));
    HttpCore core = core(RetryPolicy.defaults());

    TransportException e = thrown(TransportException.class,
        () -> core.execute(GET_THING, core.service(PostService.class).create()));

    assertThat(e.attempts()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retriesSwitchedOffSendOnce() {
    server.enqueue(empty(503));

    ApiException e = thrown(ApiException.class, () -> get(core(RetryPolicy.none())));

    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.getMessage()).isEqualTo("getThing: HTTP 503");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void asyncCallsAreRetriedLikeSynchronousOnes() throws Exception {
    server.enqueue(empty(429).newBuilder().addHeader("Retry-After", "2").build());
    server.enqueue(ok("async"));
    HttpCore core = core(RetryPolicy.defaults());

    Thing thing = core.executeAsyncBody(GET_THING, core.service(ThingService.class).thing("1"))
        .get(10, TimeUnit.SECONDS);

    assertThat(thing).isEqualTo(new Thing("async"));
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void asyncExhaustedRetriesReportTheirAttempts() throws Exception {
    server.enqueue(empty(504));
    server.enqueue(empty(504));
    HttpCore core = core(RetryPolicy.builder().maxAttempts(2).build());

    Throwable failure = failureOf(core.executeAsync(GET_THING, core.service(ThingService.class).thing("1")));

    assertThat(failure).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.attempts()).isEqualTo(2));
  }

  @Test
  void aCancelledAsyncCallIsNotSentAgain() throws Exception {
    time.holdDelays();
    server.enqueue(empty(503));
    server.enqueue(ok("must not be asked for"));
    HttpCore core = core(RetryPolicy.defaults());

    CompletableFuture<Thing> future = core.executeAsyncBody(GET_THING, core.service(ThingService.class).thing("1"));
    CompletableFuture<Void> delay = time.awaitHeldDelay();
    future.cancel(true);
    delay.complete(null);

    assertThat(future).isCancelled();
    assertThat(delay).isDone();
    assertThat(server.takeRequest()).isNotNull();
    // A retry would be enqueued and sent within moments; waiting a little proves its absence. This
    // can only miss a bug, never report one that is not there.
    assertThat(server.takeRequest(500, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void anInterruptionWhileWaitingToRetryStopsWithTheInterruptFlagSet() throws Exception {
    time.holdDelays();
    server.enqueue(empty(503));
    HttpCore core = core(RetryPolicy.defaults());
    CompletableFuture<Object[]> outcome = new CompletableFuture<>();
    Thread caller = new Thread(() -> {
      try {
        get(core);
        outcome.complete(new Object[] {null, false});
      } catch (RuntimeException e) {
        outcome.complete(new Object[] {e, Thread.currentThread().isInterrupted()});
      }
    });
    caller.start();
    CompletableFuture<Void> delay = time.awaitHeldDelay();
    caller.interrupt();
    Object[] result = outcome.get(10, TimeUnit.SECONDS);

    assertThat(result[0]).isInstanceOf(TransportException.class);
    TransportException e = (TransportException) result[0];
    assertThat(result[1]).as("interrupt flag set again").isEqualTo(true);
    assertThat(e.getCause()).isInstanceOf(InterruptedIOException.class);
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(delay).as("the wait before the retry is cancelled").isCancelled();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anInterruptionWhileAResponseIsAwaitedCancelsTheCallAtOnce() throws Exception {
    // The server answers only after 30 s; an interrupted caller must not wait for it (nor for the
    // read timeout).
    server.enqueue(new MockResponse.Builder().code(200).headersDelay(30, TimeUnit.SECONDS).build());
    HttpCore core = core(RetryPolicy.none());
    CompletableFuture<RuntimeException> outcome = new CompletableFuture<>();
    Thread caller = new Thread(() -> {
      try {
        get(core);
        outcome.complete(null);
      } catch (RuntimeException e) {
        outcome.complete(e);
      }
    });
    caller.start();
    assertThat(server.takeRequest(10, TimeUnit.SECONDS)).isNotNull();
    caller.interrupt();

    RuntimeException e = outcome.get(5, TimeUnit.SECONDS);
    assertThat(e).isInstanceOf(TransportException.class).hasCauseInstanceOf(InterruptedIOException.class);
  }

  /** A stand-in for a generated operation that creates something. */
  interface PostService {
    @POST("v1/things")
    Call<ResponseBody> create();
  }

  private ApiResponse<Thing> get(HttpCore core) {
    return core.execute(GET_THING, core.service(ThingService.class).thing("1"));
  }

  private HttpCore core(RetryPolicy policy) {
    return core(policy, server.url("/"));
  }

  private HttpCore core(RetryPolicy policy, HttpUrl baseUrl) {
    ClientOptions options = ClientOptions.builder()
        .apiKey(KEY)
        .baseUrl(baseUrl.toString())
        .retryPolicy(policy)
        .clock(time)
        .sleeper(time)
        .build();
    return HttpCore.create(options, "https://vendor.invalid/");
  }

  private static MockResponse ok(String id) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"id\":\"" + id + "\"}").build();
  }

  private static MockResponse empty(int code) {
    return new MockResponse.Builder().code(code).build();
  }
}
