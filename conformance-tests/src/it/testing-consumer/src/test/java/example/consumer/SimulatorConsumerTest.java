package example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.audiojobs.testing.DailySimulator;
import dev.audiojobs.testing.LyrcsSimulator;
import dev.audiojobs.testing.PyannoteSimulator;
import dev.audiojobs.testing.SimulatorExtension;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a user of audiojobs-testing writes, with nothing but the published jar, JUnit 5 and the JDK: the
 * extension starts a simulator per parameter, the test drives it over HTTP, and after the test the
 * extension fails it on any request or answer outside the spec.
 */
@ExtendWith(SimulatorExtension.class)
final class SimulatorConsumerTest {
  private static final Pattern JOB_ID = Pattern.compile("\"jobId\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern UPLOAD_URL = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"");
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void diarizesAnUploadedFileOnTheSimulatedClock(PyannoteSimulator pyannote) throws Exception {
    String upload = send(pyannote.baseUrl() + "/v1/media/input", "POST", "{\"url\":\"media://calls/1.wav\"}");
    Matcher url = UPLOAD_URL.matcher(upload);
    assertTrue(url.find(), upload);
    int put = http.send(HttpRequest.newBuilder(URI.create(url.group(1))).PUT(BodyPublishers.ofByteArray(new byte[] {1, 2, 3})).build(),
        BodyHandlers.discarding()).statusCode();
    assertEquals(200, put);
    Matcher created = JOB_ID.matcher(send(pyannote.baseUrl() + "/v1/diarize", "POST", "{\"url\":\"media://calls/1.wav\",\"numSpeakers\":2}"));
    assertTrue(created.find());

    pyannote.advance(Duration.ofSeconds(30));

    String job = send(pyannote.baseUrl() + "/v1/jobs/" + created.group(1), "GET", null);
    assertTrue(job.contains("\"status\":\"succeeded\"") && job.contains("SPEAKER_01"), job);
  }

  @Test
  void everyVendorStartsOnLoopback(DailySimulator daily, LyrcsSimulator lyrcs) {
    assertTrue(daily.baseUrl().startsWith("http://localhost:") && daily.baseUrl().endsWith("/v1"), daily.baseUrl());
    assertTrue(lyrcs.baseUrl().endsWith("/api/v1"), lyrcs.baseUrl());
  }

  @Test
  void okHttpIsOnTheClasspathOnce() throws Exception {
    List<URL> copies = Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttpClient.class"));
    assertEquals(1, copies.size(), copies.toString());
  }

  private String send(String url, String method, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer test-key");
    if (json != null) request.header("Content-Type", "application/json");
    request.method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
    return http.send(request.build(), BodyHandlers.ofString()).body();
  }
}
