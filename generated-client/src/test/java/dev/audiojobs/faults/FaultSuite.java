package dev.audiojobs.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.AudioJobsException;
import dev.audiojobs.client.ClientOptions;
import dev.audiojobs.client.DecodeException;
import dev.audiojobs.client.HttpLogLevel;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.client.TransportException;
import dev.audiojobs.pyannote.PyannoteClient;
import dev.audiojobs.testsupport.FakeTime;
import dev.audiojobs.testsupport.Outcomes.ThrowingCall;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * What every fault scenario shares: a {@link RawServer}, a pyannoteAI client on it with retries off,
 * short timeouts, fake time for retries and the HTTP log on, and the checks every scenario makes —
 * the outcome is exactly the documented exception type, the key appears nowhere the caller or the
 * log can see, and no connection is held by a response body nobody closed.
 */
@Timeout(20) // a guard against a hang, not a timed assertion: a hang is a failure
abstract class FaultSuite {
  static final String KEY = "sk_live_9f8e7d6c5b4a3921";
  static final String PENDING =
      "{\"jobId\":\"j1\",\"status\":\"pending\",\"createdAt\":\"2024-02-20T12:00:00Z\",\"updatedAt\":\"2024-02-20T12:00:00Z\"}";

  RawServer server;
  final FakeTime time = new FakeTime();
  final List<String> log = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startServer() throws Exception {
    server = new RawServer();
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
    assertThat(log).as("the HTTP log").noneSatisfy(line -> assertThat(line).contains(KEY));
  }

  /** A client on {@link #server}: retries off, 2 s timeouts, fake clock and sleeper, log at BODY. */
  PyannoteClient client() {
    return client(o -> o);
  }

  PyannoteClient client(UnaryOperator<ClientOptions.Builder> more) {
    return client(server.url("/"), more);
  }

  PyannoteClient client(String baseUrl, UnaryOperator<ClientOptions.Builder> more) {
    return PyannoteClient.builder().apiKey(KEY).baseUrl(baseUrl).build().withOptions(o -> more.apply(
        o.retryPolicy(RetryPolicy.none())
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(2))
            .clock(time)
            .sleeper(time)
            .httpLog(HttpLogLevel.BODY, log::add)));
  }

  /**
   * What {@code call} threw, asserted to be exactly {@code type} (unwrapping the {@link
   * CompletionException} or {@link ExecutionException} of an async form) and to show the key nowhere.
   */
  static <E extends AudioJobsException> E outcome(Class<E> type, ThrowingCall call) {
    Throwable thrown = catchThrowable(call::run);
    if (thrown instanceof CompletionException || thrown instanceof ExecutionException) {
      thrown = thrown.getCause();
    }
    assertThat(thrown).as("the outcome").isExactlyInstanceOf(type);
    assertThat(everything(thrown)).as("what the exception shows").doesNotContain(KEY);
    return type.cast(thrown);
  }

  /**
   * Proves that the scenario left no connection held by an unclosed body: a follow-up call on the
   * same client (and so the same pool) succeeds, and every connection the server saw has since been
   * closed by one side or used again.
   */
  void assertConnectionsReleased(PyannoteClient client) throws InterruptedException {
    assertConnectionsReleased(client, server);
  }

  void assertConnectionsReleased(PyannoteClient client, RawServer on) throws InterruptedException {
    on.mark();
    on.enqueue(RawServer.json(200, PENDING));
    // Retries on for the follow-up only: a pooled connection the server closed meanwhile is a
    // connection failure that RetryPolicy, not OkHttp, answers by trying again.
    PyannoteClient followUp = client.withOptions(o -> o.baseUrl(on.url("/")).retryPolicy(RetryPolicy.defaults()));
    assertThat(followUp.getJob("follow-up").status().value()).isEqualTo("pending");
    assertThat(on.awaitReleased(Duration.ofSeconds(3))).as("connections held after the scenario").isEmpty();
  }

  /** Everything an exception shows: message, causes, stack trace and the text of its accessors. */
  static String everything(Throwable e) {
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

  /** {@code e}'s causes, outermost first. */
  static List<Throwable> causesOf(Throwable e) {
    List<Throwable> causes = new java.util.ArrayList<>();
    for (Throwable c = e.getCause(); c != null && !causes.contains(c); c = c.getCause()) {
      causes.add(c);
    }
    return causes;
  }

  /** For scenarios that only need the type check, without a value to look at. */
  static TransportException transport(ThrowingCall call) {
    return outcome(TransportException.class, call);
  }
}
