package dev.audiojobs.pyannote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.audiojobs.client.HttpLogLevel;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.testsupport.FakeTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The API key never leaves: toString, exception messages, the log, redirects, clear-text URLs. */
@Timeout(30) // a guard against hanging on an empty MockWebServer queue, not a timed assertion
final class KeySafetyTest {
  private static final String KEY = "sk_live_never_shown_77a1";

  @StartStop final MockWebServer server = new MockWebServer();
  @StartStop final MockWebServer elsewhere = new MockWebServer();
  private final FakeTime time = new FakeTime();
  private final List<String> log = new CopyOnWriteArrayList<>();

  private PyannoteClient client(String baseUrl) {
    return PyannoteClient.builder().apiKey(KEY).baseUrl(baseUrl).clock(time).sleeper(time)
        .httpLog(HttpLogLevel.BODY, log::add).build();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void theClientAndItsOptionsDoNotShowTheKey() {
    PyannoteClient client = client(server.url("/").toString());

    assertThat(client.toString()).contains("apiKey=<redacted>").doesNotContain(KEY);
    assertThat(client.options().toString()).doesNotContain(KEY);
    assertThat(client.withOptions(o -> o.readTimeout(Duration.ofSeconds(1))).toString()).doesNotContain(KEY);
  }

  @Test
  void noExceptionMessageOrLogLineShowsTheKey() throws Exception {
    server.enqueue(json(401, "{\"requestId\":\"r1\",\"message\":\"Unauthorized\"}"));
    for (int i = 0; i < 4; i++) {
      server.enqueue(json(429, "{\"requestId\":\"r2\",\"message\":\"Too many requests\"}").newBuilder()
          .addHeader("Retry-After", "1").build());
    }
    server.enqueue(json(200, "{\"jobId\":\"j\",\"status\":\"failed\",\"output\":{\"error\":\"bad audio\"}}"));
    server.enqueue(json(200, "{\"jobId\":\"j\",\"status\":\"running\"}"));
    server.enqueue(json(200, "{\"jobId\":"));
    HttpUrl down = elsewhere.url("/");
    elsewhere.close();
    PyannoteClient client = client(server.url("/").toString());

    List<Throwable> thrown = List.of(
        catchThrowable(() -> client.getJob("j")),
        catchThrowable(() -> client.getJob("j")),
        catchThrowable(() -> client.waitForJob("j", Duration.ofMinutes(1))),
        catchThrowable(() -> client.waitForJob("j", Duration.ZERO)),
        catchThrowable(() -> client.getJob("j")),
        catchThrowable(() -> client(down.toString()).withOptions(o -> o.retryPolicy(RetryPolicy.none())).getJob("j")));

    assertThat(thrown).allSatisfy(t -> assertThat(t).isNotNull().hasMessageNotContaining(KEY));
    assertThat(log).isNotEmpty().noneSatisfy(line -> assertThat(line).contains(KEY));
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
  }

  @Test
  void aKeyEchoedInAnErrorOrAnUndecodableBodyIsMaskedEverywhereTheCallerLooks() {
    server.enqueue(json(401, "{\"requestId\":\"" + KEY + "\",\"message\":\"invalid key " + KEY + "\"}"));
    server.enqueue(json(200, "{\"jobId\":\"" + KEY + "\",\"status\":5}"));
    PyannoteClient client = client(server.url("/").toString()).withOptions(o -> o.retryPolicy(RetryPolicy.none()));

    dev.audiojobs.client.ApiException unauthorized =
        (dev.audiojobs.client.ApiException) catchThrowable(() -> client.getJob("j"));
    dev.audiojobs.client.DecodeException undecodable =
        (dev.audiojobs.client.DecodeException) catchThrowable(() -> client.getJob("j"));

    assertThat(unauthorized.error(ApiError.class)).get().satisfies(e -> {
      assertThat(e.message()).isEqualTo("invalid key ██");
      assertThat(e.toString()).doesNotContain(KEY);
    });
    assertThat(unauthorized.requestId()).contains("██");
    assertThat(unauthorized.rawBody()).doesNotContain(KEY);
    assertThat(undecodable.rawBody()).doesNotContain(KEY).contains("██");
  }

  @Test
  void aRetryAfterZeroIsShownToTheCallerAsSent() {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "0").body("busy").build());
    PyannoteClient client = client(server.url("/").toString()).withOptions(o -> o.retryPolicy(RetryPolicy.none()));

    dev.audiojobs.client.ApiException busy = (dev.audiojobs.client.ApiException) catchThrowable(() -> client.getJob("j"));

    assertThat(busy.header("Retry-After")).contains("0");
    assertThat(busy.headers()).doesNotContainKey("x-audiojobs-original-retry-after");
    assertThat(busy.retryAfter()).contains(Duration.ZERO);
  }

  @Test
  void aRedirectToAnotherHostDoesNotCarryTheKey() throws Exception {
    HttpUrl landing = elsewhere.url("/v1/jobs/j").newBuilder().host("localhost").build();
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", landing).build());
    elsewhere.enqueue(json(200, "{\"jobId\":\"j\",\"status\":\"running\"}"));
    String base = server.url("/").newBuilder().host("127.0.0.1").build().toString();

    Job job = client(base).getJob("j");

    assertThat(job.jobId()).isEqualTo("j");
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    RecordedRequest redirected = elsewhere.takeRequest();
    assertThat(redirected.getUrl().host()).isEqualTo("localhost");
    assertThat(redirected.getHeaders().get("Authorization")).isNull();
    // The log shows the header on the first hop only, redacted.
    assertThat(log.stream().filter(l -> l.startsWith("Authorization:")).toList()).containsExactly("Authorization: ██");
  }

  @Test
  void aBaseUrlThatIsNeitherHttpsNorLoopbackIsRefusedWithAClearError() {
    assertThatThrownBy(() -> PyannoteClient.builder().apiKey(KEY).baseUrl("http://api.pyannote.ai/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseUrl must use https unless it is a loopback address: http://api.pyannote.ai/");
    assertThatThrownBy(() -> client(server.url("/").toString()).withOptions(o -> o.baseUrl("http://10.0.0.7:8080/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(KEY);
  }
}
