package dev.audiojobs.pyannote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.HttpLogLevel;
import dev.audiojobs.client.RetryPolicy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

final class HttpLogTest {
  private static final String KEY = "sk_log_secret_3f8e";

  @StartStop final MockWebServer server = new MockWebServer();
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private PyannoteClient client(HttpLogLevel level) {
    return PyannoteClient.builder().apiKey(KEY).baseUrl(server.url("/").toString())
        .retryPolicy(RetryPolicy.none()).httpLog(level, lines::add).build();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void theBodyLogShowsTheExchangeWithTheAuthorizationHeaderRedacted() {
    server.enqueue(json(200, "{\"jobId\":\"j1\",\"status\":\"running\"}"));

    client(HttpLogLevel.BODY).getJob("j1");

    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("--> GET " + server.url("/v1/jobs/j1")));
    assertThat(lines).contains("Authorization: ██");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("<-- 200"));
    assertThat(lines).contains("{\"jobId\":\"j1\",\"status\":\"running\"}");
    assertThat(lines).noneSatisfy(l -> assertThat(l).contains(KEY));
  }

  @Test
  void aKeyEchoedByTheServerIsMaskedInTheLogAndTheException() {
    server.enqueue(json(401, "{\"requestId\":\"r\",\"message\":\"invalid key " + KEY + "\"}"));

    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> client(HttpLogLevel.BODY).getJob("j1"));

    assertThat(lines).contains("{\"requestId\":\"r\",\"message\":\"invalid key ██\"}");
    assertThat(lines).noneSatisfy(l -> assertThat(l).contains(KEY));
    assertThat(thrown).hasMessageContaining("invalid key ██").hasMessageNotContaining(KEY);
  }

  @Test
  void theHeadersLevelLogsNoBody() {
    server.enqueue(json(200, "{\"jobId\":\"j1\",\"status\":\"running\"}"));

    client(HttpLogLevel.HEADERS).getJob("j1");

    assertThat(lines).contains("Authorization: ██");
    assertThat(lines).noneSatisfy(l -> assertThat(l).contains("\"jobId\""));
  }

  @Test
  void thereIsNoLogUnlessAskedFor() {
    server.enqueue(json(200, "{\"jobId\":\"j1\",\"status\":\"running\"}"));
    server.enqueue(json(200, "{\"jobId\":\"j1\",\"status\":\"running\"}"));

    PyannoteClient.builder().apiKey(KEY).baseUrl(server.url("/").toString()).build().getJob("j1");
    client(HttpLogLevel.NONE).getJob("j1");

    assertThat(lines).isEmpty();
  }
}
