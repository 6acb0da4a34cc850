package example.consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.audiojobs.client.FilePart;
import dev.audiojobs.client.WaitTimeoutException;
import dev.audiojobs.lyrcs.CompleteJob;
import dev.audiojobs.lyrcs.DownloadKind;
import dev.audiojobs.lyrcs.DownloadResult;
import dev.audiojobs.lyrcs.DownloadVariant;
import dev.audiojobs.lyrcs.LyrcsClient;
import dev.audiojobs.lyrcs.TranscribeFileRequest;
import dev.audiojobs.lyrcs.TranscribeUrlRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The README's lyrcs.ai quickstart — the languages, a transcription by URL (sent with align=false) and
 * one by file, waiting, the results, the LRC and SRT files with a bounded wait, the words with the
 * not-ready answer — run through the published jar against a loopback lyrcs.ai. The region between the
 * markers is the README's block, verbatim (ReadmeExamplesTest in generated-client checks it).
 */
final class LyrcsLifecycle {
  private static final String KEY = "consumer-lyrcs-lifecycle-key";
  private static final String PROCESSING = "{\"status\":\"processing\"}";

  private LyrcsLifecycle() {}

  static void run() throws IOException, InterruptedException {
    Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    List<String> posts = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String route = exchange.getRequestMethod() + " " + exchange.getRequestURI();
      int hit = hits.computeIfAbsent(route, r -> new AtomicInteger()).incrementAndGet();
      byte[] body = exchange.getRequestBody().readAllBytes();
      String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
      if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        answer(exchange, 401, "application/json", "{\"error\":\"unauthorized\",\"message\":\"no key\",\"code\":\"AUTH_001\"}");
        return;
      }
      if (route.equals("POST /api/v1/transcribe")) posts.add(contentType.replaceFirst(";.*", "") + " " + new String(body, StandardCharsets.UTF_8));
      String id = route.startsWith("GET /api/v1/jobs/") ? route.substring("GET /api/v1/jobs/".length()).replaceFirst("/.*", "") : "";
      switch (route) {
        case "GET /api/v1/languages" -> answer(exchange, 200, "application/json", "[\"Tamil\",\"Hindi\"]");
        case "POST /api/v1/transcribe" -> answer(exchange, 202, "application/json", contentType.startsWith("multipart/form-data")
            ? "{\"job_id\":\"j-file\",\"status\":\"queued\"}"
            : "{\"job_id\":\"j-url\",\"status\":\"queued\",\"align_requested\":false}");
        case "GET /api/v1/jobs/j-url", "GET /api/v1/jobs/j-file" -> answer(exchange, 200, "application/json", hit < 2
            ? "{\"job_id\":\"" + id + "\",\"status\":\"processing\",\"created_at\":\"2024-01-01T00:00:00Z\"}"
            : "{\"job_id\":\"" + id + "\",\"status\":\"complete\",\"created_at\":\"2024-01-01T00:00:00Z\",\"results\":{\"transcript\":\"la la\"}}");
        case "GET /api/v1/jobs/j-file/download/lrc/original" -> {
          if (hit < 2) answer(exchange, 202, "application/json", PROCESSING);
          else answer(exchange, 200, "text/plain; charset=utf-8", "[00:01.00]la la\n");
        }
        case "GET /api/v1/jobs/j-file/download/srt/original" -> answer(exchange, 200, "text/plain; charset=utf-8", "1\n00:00:01,000 --> 00:00:02,000\nla la\n");
        case "GET /api/v1/jobs/j-file/download/words/transliterated" -> answer(exchange, 200, "application/json",
            "[{\"word\":\"la\",\"timestamp\":\"[00:01.00]\"}]");
        default -> {
          if (route.startsWith("GET /api/v1/jobs/j-url/download/")) answer(exchange, 202, "application/json", PROCESSING);
          else answer(exchange, 404, "application/json", "{\"error\":\"not_found\",\"message\":\"no route\",\"code\":\"NOT_001\"}");
        }
      }
    });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    Path song = Files.createTempFile("song", ".mp3");
    Files.writeString(song, "ID3-consumer-song");
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try {
      SteppingTime time = new SteppingTime();
      LyrcsClient lyrcs = LyrcsClient.builder().apiKey(KEY).baseUrl(base).clock(time).sleeper(time).build();
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      // README:lyrcsLifecycle
      System.out.println(lyrcs.listLanguages()); // the exact, case-sensitive names language takes
      dev.audiojobs.lyrcs.Job byUrl = lyrcs.transcribeAndWait(TranscribeUrlRequest.builder()
          .audioUrl("https://example.com/song.mp3").language("Tamil").align(false).build(), Duration.ofMinutes(15));
      dev.audiojobs.lyrcs.Job byFile = lyrcs.transcribeAndWait(TranscribeFileRequest.builder()
          .file(FilePart.of(song)).language("Tamil").build(), Duration.ofMinutes(15)); // at most 4.5 MB, else audio_url
      for (dev.audiojobs.lyrcs.Job job : List.of(byUrl, byFile)) {
        if (!(job instanceof CompleteJob complete)) continue;
        System.out.println(complete.jobId() + ": " + complete.results().transcript());
        try {
          for (DownloadKind kind : List.of(DownloadKind.LRC, DownloadKind.SRT)) {
            DownloadResult file = lyrcs.downloadWhenReady(complete.jobId(), kind, DownloadVariant.ORIGINAL, Duration.ofMinutes(2));
            if (file instanceof DownloadResult.DownloadText text) System.out.print(text.value());
          }
        } catch (WaitTimeoutException e) {
          System.out.println("no file after " + e.attempts() + " tries"); // never ready for a job sent with align=false
        }
        DownloadResult words = lyrcs.download(complete.jobId(), DownloadKind.WORDS, DownloadVariant.TRANSLITERATED);
        if (words instanceof DownloadResult.WordTimings timings) {
          timings.value().forEach(w -> System.out.println(w.timestamp() + " " + w.word()));
        } else if (words instanceof DownloadResult.DownloadPending) {
          System.out.println("words not ready yet"); // a 202, an answer rather than an exception
        }
      }
      // END
    } finally {
      System.setOut(original);
      server.stop(0);
      Files.deleteIfExists(song);
    }
    String expectedOutput = String.join(System.lineSeparator(), "[Tamil, Hindi]", "j-url: la la", "no file after 13 tries",
        "words not ready yet", "j-file: la la", "[00:01.00]la la", "1", "00:00:01,000 --> 00:00:02,000", "la la", "[00:01.00] la", "");
    String output = printed.toString(StandardCharsets.UTF_8).replace("\n", System.lineSeparator())
        .replace("\r" + System.lineSeparator(), System.lineSeparator());
    if (!output.equals(expectedOutput)) {
      throw new AssertionError("lyrcs lifecycle: expected the output " + expectedOutput + ", got " + output);
    }
    int urlDownloads = hits.getOrDefault("GET /api/v1/jobs/j-url/download/lrc/original", new AtomicInteger()).get();
    if (urlDownloads != 13) {
      throw new AssertionError("lyrcs lifecycle: the bounded wait for an align=false job's LRC should ask 13 times in 2 minutes, it asked " + urlDownloads);
    }
    if (posts.size() != 2 || !posts.get(0).equals("application/json {\"audio_url\":\"https://example.com/song.mp3\",\"language\":\"Tamil\",\"align\":false}")
        || !posts.get(1).startsWith("multipart/form-data ") || !posts.get(1).contains("filename=\"" + song.getFileName() + "\"")
        || !posts.get(1).contains("ID3-consumer-song")) {
      throw new AssertionError("lyrcs lifecycle: expected one JSON and one multipart transcription, got " + posts);
    }
    System.out.println("consumer: lyrcs lifecycle transcribed by URL and by file, waited, downloaded LRC, SRT and words, and bounded the wait");
  }

  private static void answer(HttpExchange exchange, int code, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
