package dev.audiojobs.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.audiojobs.client.HttpLogLevel;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSink;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.Test;

/**
 * The line format of {@link HttpLog}, which replaces OkHttp's logging-interceptor and must keep what
 * its users read: one start and one end line per exchange, each redirect hop, decoded gzip bodies,
 * bodies that must not be consumed left out, and the key nowhere.
 */
final class HttpLogFormatTest {
  private static final String KEY = "sk_format_secret_9c1d";
  private static final MediaType JSON = MediaType.get("application/json");

  @StartStop final MockWebServer server = new MockWebServer();
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private OkHttpClient client(HttpLogLevel level) {
    return new OkHttpClient.Builder().addNetworkInterceptor(HttpLog.create(level, lines::add, KEY)).build();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  private String call(HttpLogLevel level, Request request) throws IOException {
    try (Response response = client(level).newCall(request).execute()) {
      return response.body().string();
    }
  }

  @Test
  void theBasicLevelLogsOneLineEachWayWithTheBodySize() throws IOException {
    server.enqueue(json(200, "{}"));

    call(HttpLogLevel.BASIC, new Request.Builder().url(server.url("/v1/jobs/j1")).build());

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo("--> GET " + server.url("/v1/jobs/j1") + " http/1.1");
    assertThat(lines.get(1)).matches("<-- 200 OK " + java.util.regex.Pattern.quote(server.url("/v1/jobs/j1").toString())
        + " \\(\\d+ms, 2-byte body\\)");
  }

  @Test
  void eachRedirectHopIsLogged() throws IOException {
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/b").build());
    server.enqueue(json(200, "{\"hop\":2}"));

    String body = call(HttpLogLevel.HEADERS, new Request.Builder().url(server.url("/a")).build());

    assertThat(body).isEqualTo("{\"hop\":2}");
    assertThat(lines).filteredOn(l -> l.startsWith("--> GET ")).containsExactly(
        "--> GET " + server.url("/a") + " http/1.1", "--> GET " + server.url("/b") + " http/1.1");
    assertThat(lines).filteredOn(l -> l.startsWith("<-- ") && !l.startsWith("<-- END")).satisfiesExactly(
        l -> assertThat(l).startsWith("<-- 302 "), l -> assertThat(l).startsWith("<-- 200 "));
  }

  @Test
  void aGzippedResponseIsLoggedDecodedAndStillReachesTheCaller() throws IOException {
    Buffer gzipped = new Buffer();
    try (BufferedSink sink = Okio.buffer(new GzipSink(gzipped))) {
      sink.writeUtf8("{\"status\":\"succeeded\"}");
    }
    long gzippedSize = gzipped.size();
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("Content-Encoding", "gzip").body(gzipped).build());

    String body = call(HttpLogLevel.BODY, new Request.Builder().url(server.url("/j")).build());

    assertThat(body).isEqualTo("{\"status\":\"succeeded\"}");
    assertThat(lines).contains("{\"status\":\"succeeded\"}", "<-- END HTTP (22-byte, " + gzippedSize + "-gzipped-byte body)");
  }

  @Test
  void aRequestBodyIsLoggedButAOneShotBodyIsLeftForTheServer() throws Exception {
    server.enqueue(json(201, "{}"));
    server.enqueue(json(201, "{}"));

    call(HttpLogLevel.BODY, new Request.Builder().url(server.url("/jobs")).post(RequestBody.create("{\"url\":\"x\"}", JSON)).build());
    RequestBody oneShot = new RequestBody() {
      @Override public MediaType contentType() {
        return JSON;
      }

      @Override public boolean isOneShot() {
        return true;
      }

      @Override public void writeTo(BufferedSink sink) throws IOException {
        sink.writeUtf8("{\"streamed\":true}");
      }
    };
    call(HttpLogLevel.BODY, new Request.Builder().url(server.url("/upload")).post(oneShot).build());

    assertThat(lines).containsSubsequence("--> POST " + server.url("/jobs") + " http/1.1", "Content-Type: application/json; charset=utf-8",
        "", "{\"url\":\"x\"}", "--> END POST (11-byte body)");
    assertThat(lines).contains("--> END POST (one-shot body omitted)");
    server.takeRequest();
    assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"streamed\":true}");
  }

  @Test
  void aBinaryBodyIsLeftOut() throws IOException {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "audio/wav")
        .body(new Buffer().write(new byte[] {0, 1, 2, 3, 4})).build());

    call(HttpLogLevel.BODY, new Request.Builder().url(server.url("/audio")).build());

    assertThat(lines).contains("<-- END HTTP (binary 5-byte body omitted)");
  }

  @Test
  void authorizationIsRedactedAndTheKeyIsMaskedInEveryOtherLine() throws IOException {
    server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
        .addHeader("X-Echo", "key=" + KEY).body("{\"message\":\"bad key " + KEY + "\"}").build());

    call(HttpLogLevel.BODY, new Request.Builder().url(server.url("/j?k=" + KEY))
        .header("Authorization", "Bearer " + KEY).header("authorization-hint", "none").build());

    assertThat(lines).contains("Authorization: ██", "X-Echo: key=██", "{\"message\":\"bad key ██\"}");
    assertThat(lines).anySatisfy(l -> assertThat(l).isEqualTo("--> GET " + server.url("/j?k=") + "██ http/1.1"));
    assertThat(lines).noneSatisfy(l -> assertThat(l).contains(KEY));
  }

  @Test
  void aConnectionDroppedAfterTheRequestIsLoggedAsFailed() {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());

    Throwable thrown = catchThrowable(() -> call(HttpLogLevel.BASIC, new Request.Builder().url(server.url("/drop")).build()));

    assertThat(thrown).isInstanceOf(IOException.class);
    assertThat(lines).containsExactly("--> GET " + server.url("/drop") + " http/1.1", "<-- HTTP FAILED: " + thrown);
  }
}
