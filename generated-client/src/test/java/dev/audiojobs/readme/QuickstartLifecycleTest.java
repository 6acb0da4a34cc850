package dev.audiojobs.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.daily.DailyClient;
import dev.audiojobs.lyrcs.LyrcsClient;
import dev.audiojobs.testsupport.FakeTime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Daily and lyrcs.ai lifecycle quickstarts, run as written against loopback vendors. The
 * pyannoteAI one runs against its simulator (testing's QuickstartLifecycleTest).
 */
final class QuickstartLifecycleTest {
  private static final String KEY = "sk_quickstart_91b3";

  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path dir;

  @Test
  void dailySubmitsWaitsPrintsTheOutputsAndFetchesTheLinks() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String target = request.getMethod() + " " + request.getTarget();
        return switch (target) {
          case "POST /v1/batch-processor" -> json(200, "{\"id\":\"job-1\"}");
          case "GET /v1/batch-processor/job-1" -> polls.incrementAndGet() < 3
              ? json(200, "{\"id\":\"job-1\",\"preset\":\"transcript\",\"status\":\"processing\"}")
              : json(200, "{\"id\":\"job-1\",\"preset\":\"transcript\",\"status\":\"finished\",\"output\":{\"transcription\":["
                  + "{\"format\":\"txt\",\"s3Config\":{\"key\":\"acme/job-1/transcript.txt\",\"bucket\":\"daily-out\",\"region\":\"us-west-2\"}},"
                  + "{\"format\":\"vtt\",\"s3Config\":{\"key\":\"acme/job-1/transcript.vtt\",\"bucket\":\"daily-out\",\"region\":\"us-west-2\"}}]}}");
          case "GET /v1/batch-processor/job-1/access-link" -> json(200, "{\"id\":\"job-1\",\"status\":\"finished\",\"transcription\":["
              + "{\"format\":\"txt\",\"link\":\"https://dl.example/t.txt?sig=1\"},{\"format\":\"vtt\",\"link\":\"https://dl.example/t.vtt?sig=2\"}]}");
          case "GET /v1/batch-processor/job-2/access-link" -> json(400,
              "{\"error\":\"invalid-request-error\",\"info\":\"job job-2 is not finished\"}");
          default -> json(404, "{\"error\":\"not-found\",\"info\":\"no such route: " + target + "\"}");
        };
      }
    });
    FakeTime time = new FakeTime();
    DailyClient daily = DailyClient.builder().apiKey(KEY).baseUrl(server.url("/v1").toString()).clock(time).sleeper(time).build();

    String printed = printedBy(() -> Quickstart.dailyLifecycle(daily, "rec-7"));
    String notFinished = printedBy(() -> Quickstart.dailyNotFinished(daily, "job-2"));

    assertThat(printed.lines()).containsExactly(
        "txt in s3://daily-out/acme/job-1/transcript.txt", "vtt in s3://daily-out/acme/job-1/transcript.vtt",
        "txt https://dl.example/t.txt?sig=1", "vtt https://dl.example/t.vtt?sig=2");
    assertThat(notFinished.lines()).containsExactly("not finished: job job-2 is not finished");
    RecordedRequest submit = server.takeRequest();
    assertThat(submit.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(submit.getBody().utf8()).isEqualTo("{\"preset\":\"transcript\",\"inParams\":{\"sourceType\":\"recordingId\","
        + "\"recordingId\":\"rec-7\"},\"outParams\":{\"s3Config\":{\"s3KeyTemplate\":\"{domain_name}/{job_id}\",\"useReplacement\":true}},"
        + "\"transformParams\":{\"transcript\":{\"punctuate\":true,\"redact\":[\"pci\"]}}}");
    List<String> rest = new ArrayList<>();
    for (int i = 1; i < server.getRequestCount(); i++) rest.add(server.takeRequest().getTarget());
    assertThat(rest).containsExactly("/v1/batch-processor/job-1", "/v1/batch-processor/job-1", "/v1/batch-processor/job-1",
        "/v1/batch-processor/job-1/access-link", "/v1/batch-processor/job-2/access-link");
    assertThat(time.sleeps()).as("Daily's inferred 5 s interval, then 1.5 times the last").containsExactly(Duration.ofSeconds(5), Duration.ofMillis(7500));
  }

  @Test
  void lyrcsTranscribesByUrlAndByFileWaitsAndDownloadsWithABoundedWait() throws Exception {
    Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String target = request.getMethod() + " " + request.getTarget();
        int hit = hits.computeIfAbsent(target, t -> new AtomicInteger()).incrementAndGet();
        String contentType = String.valueOf(request.getHeaders().get("Content-Type"));
        String processing = "{\"status\":\"processing\"}";
        return switch (target) {
          case "GET /api/v1/languages" -> json(200, "[\"Tamil\",\"Hindi\"]");
          case "POST /api/v1/transcribe" -> contentType.startsWith("multipart/form-data")
              ? json(202, "{\"job_id\":\"j-file\",\"status\":\"queued\"}")
              : json(202, "{\"job_id\":\"j-url\",\"status\":\"queued\",\"align_requested\":false}");
          case "GET /api/v1/jobs/j-url", "GET /api/v1/jobs/j-file" -> hit < 2
              ? json(200, "{\"job_id\":\"" + target.substring(17) + "\",\"status\":\"processing\",\"created_at\":\"2024-01-01T00:00:00Z\"}")
              : json(200, "{\"job_id\":\"" + target.substring(17) + "\",\"status\":\"complete\",\"created_at\":\"2024-01-01T00:00:00Z\","
                  + "\"results\":{\"transcript\":\"la la " + target.substring(19) + "\"}}");
          case "GET /api/v1/jobs/j-file/download/lrc/original" -> hit < 3 ? json(202, processing)
              : text("[00:01.00]la la\n");
          case "GET /api/v1/jobs/j-file/download/srt/original" -> text("1\n00:00:01,000 --> 00:00:02,000\nla la\n");
          case "GET /api/v1/jobs/j-file/download/words/transliterated" -> json(200, "[{\"word\":\"la\",\"timestamp\":\"[00:01.00]\"}]");
          default -> target.startsWith("GET /api/v1/jobs/j-url/download/") ? json(202, processing)
              : json(404, "{\"error\":\"not_found\",\"message\":\"no such route: " + target + "\",\"code\":\"NOT_001\"}");
        };
      }
    });
    Path song = Files.write(dir.resolve("song.mp3"), "ID3-fake-song".getBytes(StandardCharsets.US_ASCII));
    FakeTime time = new FakeTime();
    LyrcsClient lyrcs = LyrcsClient.builder().apiKey(KEY).baseUrl(server.url("/api/v1").toString()).clock(time).sleeper(time).build();

    String printed = printedBy(() -> Quickstart.lyrcsLifecycle(lyrcs, song));

    assertThat(printed.lines()).containsExactly(
        "[Tamil, Hindi]",
        "j-url: la la url",
        "no file after 13 tries", // the LRC of a job sent with align=false: 202 at 0 s, 10 s, … 120 s, the 2-minute bound
        "words not ready yet",
        "j-file: la la file",
        "[00:01.00]la la",
        "1", "00:00:01,000 --> 00:00:02,000", "la la",
        "[00:01.00] la");
    assertThat(hits.get("GET /api/v1/jobs/j-url/download/lrc/original")).hasValue(13);
    assertThat(hits.get("GET /api/v1/jobs/j-file/download/lrc/original")).hasValue(3);
    assertThat(hits.get("POST /api/v1/transcribe")).as("each transcription sent once").hasValue(2);
    List<RecordedRequest> posts = new ArrayList<>();
    for (int i = 0; i < server.getRequestCount(); i++) {
      RecordedRequest r = server.takeRequest();
      if (r.getMethod().equals("POST")) posts.add(r);
    }
    assertThat(posts.get(0).getBody().utf8()).isEqualTo("{\"audio_url\":\"https://example.com/song.mp3\",\"language\":\"Tamil\",\"align\":false}");
    assertThat(posts.get(1).getHeaders().get("Content-Type")).startsWith("multipart/form-data; boundary=");
    assertThat(posts.get(1).getBody().utf8()).contains("name=\"file\"; filename=\"song.mp3\"", "ID3-fake-song", "name=\"language\"", "Tamil");
  }

  private static MockResponse text(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain; charset=utf-8")
        .addHeader("Content-Disposition", "attachment; filename=song.txt").body(body).build();
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
