package dev.audiojobs.client.internal;

import static dev.audiojobs.testsupport.Outcomes.thrown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.ClientOptions;
import dev.audiojobs.client.DecodeException;
import dev.audiojobs.client.HttpLogLevel;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.client.TransportException;
import dev.audiojobs.client.internal.HttpCoreTest.ProblemAdapter;
import dev.audiojobs.client.internal.HttpCoreTest.Thing;
import dev.audiojobs.client.internal.HttpCoreTest.ThingAdapter;
import dev.audiojobs.client.internal.HttpCoreTest.ThingService;
import dev.audiojobs.testsupport.FakeTime;
import java.io.InterruptedIOException;
import java.io.StringWriter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** What a hostile or broken server can do to a client, and the documented outcome of each. */
final class HostileServerTest {
  private static final String KEY = "sk_live_4f9a1c7e2b";

  private static final Operation<Thing> GET_THING =
      Operation.builder("getThing", new ThingAdapter()).error(401, new ProblemAdapter()).build();

  @StartStop final MockWebServer server = new MockWebServer();
  private final FakeTime time = new FakeTime();
  private final List<String> log = new CopyOnWriteArrayList<>();

  @Test
  void aKeyEchoedInARequestIdHeaderIsMaskedInTheExceptionItsHeadersAndMessage() {
    server.enqueue(new MockResponse.Builder().code(401).addHeader("X-Request-Id", "req-" + KEY).body("{}").build());

    ApiException e = thrown(ApiException.class, () -> get(core(KEY, RetryPolicy.none())));

    assertThat(e.requestId()).contains("req-██");
    assertThat(e.header("X-Request-Id")).contains("req-██");
    assertThat(everything(e)).doesNotContain(KEY);
  }

  @Test
  void aKeyEchoedJsonEscapedInAnErrorBodyIsMasked() {
    String escaped = KEY.replace("_", "\\u005f").replace("k", "\\u006B");
    server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
        .body("{\"message\":\"bad key " + escaped + "\"}").build());

    ApiException e = thrown(ApiException.class, () -> get(core(KEY, RetryPolicy.none())));

    assertThat(e.rawBody()).isEqualTo("{\"message\":\"bad key ██\"}");
    assertThat(everything(e)).doesNotContain(KEY).doesNotContain(escaped);
  }

  @Test
  void aKeyAsAPropertyNameOrAQuotedValueInADecodeErrorIsMasked() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"id\":\"1\",\"" + KEY + "\":[1,").build());

    DecodeException e = thrown(DecodeException.class, () -> get(core(KEY, RetryPolicy.none())));

    assertThat(e.path()).doesNotContain(KEY);
    assertThat(everything(e)).doesNotContain(KEY);
  }

  @Test
  void aKeyInAMalformedStatusLineIsMaskedInTheTransportFailure() {
    server.enqueue(new MockResponse.Builder().status("HTTP/1.1 2x0 " + KEY).build());

    TransportException e = thrown(TransportException.class, () -> get(core(KEY, RetryPolicy.none())));

    assertThat(everything(e)).doesNotContain(KEY).contains("██");
  }

  @Test
  void aShortTestKeyDoesNotCorruptTheLog() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("Server", "okhttp-test").body("{\"id\":\"k\"}").build());

    get(core("k", RetryPolicy.none()));

    assertThat(log).contains("Server: okhttp-test");
  }

  @Test
  void aCallTimeoutBoundsTheWholeCallRetriesIncluded() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse.Builder().code(503).headersDelay(400, TimeUnit.MILLISECONDS).build());
    }
    HttpCore core = core(KEY, RetryPolicy.defaults(), o -> o.callTimeout(Duration.ofMillis(700)));

    TransportException e = thrown(TransportException.class, () -> get(core));

    assertThat(e.getCause()).isInstanceOf(InterruptedIOException.class).hasMessage("timeout");
    assertThat(server.getRequestCount()).isLessThanOrEqualTo(2);
  }

  @Test
  void aRedirectLoopIsNotRetriedAsIfTheConnectionHadFailed() {
    for (int i = 0; i < 25; i++) {
      server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/v1/things/1").build());
    }

    TransportException e = thrown(TransportException.class, () -> get(core(KEY, RetryPolicy.defaults())));

    assertThat(e.getCause()).hasMessageContaining("Too many follow-up requests");
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(21);
  }

  @Test
  void aSuccessWhoseCompressedBodyIsGarbageIsNotRetried() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .addHeader("Content-Encoding", "gzip").body(new Buffer().writeUtf8("this is not gzip at all")).build());
    }

    TransportException e = thrown(TransportException.class, () -> get(core(KEY, RetryPolicy.defaults())));

    assertThat(e.attempts()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aClosedCoreRefusesCallsAndSoDoesEveryCoreDerivedFromIt() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("{\"id\":\"1\"}").build());
    HttpCore core = core(KEY, RetryPolicy.none());
    HttpCore derived = core.withOptions(core.options().toBuilder().readTimeout(Duration.ofSeconds(5)).build());
    get(core);

    derived.close();
    derived.close(); // idempotent

    assertThat(catchThrowable(() -> get(core))).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThat(catchThrowable(() -> get(derived))).isInstanceOf(IllegalStateException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  /** Everything an exception shows: its message, accessors' text via toString, causes and stack trace. */
  private static String everything(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    if (e instanceof ApiException api) {
      out.append(api.rawBody()).append(String.valueOf(api.headers())).append(String.valueOf(api.requestId()))
          .append(String.valueOf(api.error()));
    }
    if (e instanceof DecodeException decode) {
      out.append(decode.rawBody()).append(decode.path()).append(decode.reason());
    }
    return out.toString();
  }

  private Thing get(HttpCore core) {
    return core.execute(GET_THING, core.service(ThingService.class).thing("1")).body();
  }

  private HttpCore core(String key, RetryPolicy policy) {
    return core(key, policy, o -> o);
  }

  private HttpCore core(String key, RetryPolicy policy, java.util.function.UnaryOperator<ClientOptions.Builder> more) {
    ClientOptions.Builder options = ClientOptions.builder().apiKey(key).baseUrl(server.url("/").toString())
        .retryPolicy(policy).clock(time).sleeper(time).httpLog(HttpLogLevel.HEADERS, log::add);
    return HttpCore.create(more.apply(options).build(), "https://vendor.invalid/");
  }
}
