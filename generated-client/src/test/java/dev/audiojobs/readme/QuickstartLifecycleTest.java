package dev.audiojobs.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.pyannote.PyannoteClient;
import dev.audiojobs.testsupport.FakeTime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's pyannoteAI quickstart, run as written against a loopback pyannoteAI and storage. */
final class QuickstartLifecycleTest {
  private static final String KEY = "sk_quickstart_91b3";

  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path dir;

  @Test
  void uploadsDiarizesWaitsAndPrintsTheSpeakers() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String target = request.getMethod() + " " + request.getTarget();
        return switch (target) {
          case "POST /v1/media/input" -> json(201, "{\"url\":\"" + server.url("/bucket/call.wav?X-Amz-Signature=s1") + "\"}");
          case "PUT /bucket/call.wav?X-Amz-Signature=s1" -> new MockResponse.Builder().code(200).build();
          case "POST /v1/diarize" -> json(200, "{\"jobId\":\"j1\",\"status\":\"created\"}");
          case "GET /v1/jobs/j1" -> polls.incrementAndGet() < 3
              ? json(200, "{\"jobId\":\"j1\",\"status\":\"running\"}")
              : json(200, "{\"jobId\":\"j1\",\"status\":\"succeeded\",\"output\":{\"diarization\":["
                  + "{\"speaker\":\"SPEAKER_00\",\"start\":0.5,\"end\":15},{\"speaker\":\"SPEAKER_01\",\"start\":15,\"end\":30.5}]}}");
          default -> json(404, "{\"message\":\"no such route: " + target + "\"}");
        };
      }
    });
    Path audio = Files.write(dir.resolve("call.wav"), "RIFF-fake-wave".getBytes(StandardCharsets.US_ASCII));
    FakeTime time = new FakeTime();
    PyannoteClient pyannote = PyannoteClient.builder().apiKey(KEY).baseUrl(server.url("/").toString())
        .clock(time).sleeper(time).build();

    String printed = printedBy(() -> Quickstart.pyannoteLifecycle(pyannote, audio));

    assertThat(printed.lines()).containsExactly("SPEAKER_00 0.5-15.0", "SPEAKER_01 15.0-30.5");
    RecordedRequest uploadUrl = server.takeRequest();
    assertThat(uploadUrl.getBody().utf8()).isEqualTo("{\"url\":\"media://meetings/call.wav\"}");
    RecordedRequest put = server.takeRequest();
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getHeaders().get("Authorization")).as("the storage never sees the key").isNull();
    assertThat(put.getBody().utf8()).isEqualTo("RIFF-fake-wave");
    RecordedRequest diarize = server.takeRequest();
    assertThat(diarize.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(diarize.getBody().utf8()).isEqualTo("{\"url\":\"media://meetings/call.wav\",\"numSpeakers\":2}");
    assertThat(List.of(server.takeRequest().getTarget(), server.takeRequest().getTarget(), server.takeRequest().getTarget()))
        .containsOnly("/v1/jobs/j1");
    assertThat(server.getRequestCount()).as("one diarize, never sent twice").isEqualTo(6);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(15));
  }

  private interface Body {
    void run() throws Exception;
  }

  private static String printedBy(Body body) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }
}
