package example.consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.audiojobs.client.FilePart;
import dev.audiojobs.client.JobFailedException;
import dev.audiojobs.client.Sleeper;
import dev.audiojobs.pyannote.DiarizationJob;
import dev.audiojobs.pyannote.DiarizationSegment;
import dev.audiojobs.pyannote.DiarizeRequest;
import dev.audiojobs.pyannote.Job;
import dev.audiojobs.pyannote.PyannoteClient;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The README's pyannoteAI quickstart — upload, diarize and wait, print the speakers — run through the
 * published jar against a loopback pyannoteAI and storage. The region between the markers is the
 * README's block, verbatim (ReadmeExamplesTest in generated-client checks it).
 */
final class Lifecycle {
  private static final String KEY = "consumer-lifecycle-key";

  private Lifecycle() {}

  static void run() throws IOException, InterruptedException {
    List<String> seen = new CopyOnWriteArrayList<>();
    AtomicInteger polls = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/", exchange -> {
      String route = exchange.getRequestMethod() + " " + exchange.getRequestURI();
      byte[] body = exchange.getRequestBody().readAllBytes();
      seen.add(route + " auth=" + (exchange.getRequestHeaders().getFirst("Authorization") != null)
          + " body=" + new String(body, StandardCharsets.UTF_8));
      switch (route) {
        case "POST /v1/media/input" -> answer(exchange, 201, "{\"url\":\"" + base + "/bucket/call.wav?sig=1\"}");
        case "PUT /bucket/call.wav?sig=1" -> answer(exchange, 200, "");
        case "POST /v1/diarize" -> answer(exchange, 200, "{\"jobId\":\"j1\",\"status\":\"created\"}");
        case "GET /v1/jobs/j1" -> answer(exchange, 200, polls.incrementAndGet() < 2
            ? "{\"jobId\":\"j1\",\"status\":\"running\"}"
            : "{\"jobId\":\"j1\",\"status\":\"succeeded\",\"output\":{\"diarization\":["
                + "{\"speaker\":\"SPEAKER_00\",\"start\":0.5,\"end\":15},{\"speaker\":\"SPEAKER_01\",\"start\":15,\"end\":30.5}]}}");
        default -> answer(exchange, 404, "{\"message\":\"no route\"}");
      }
    });
    server.start();
    Path audio = Files.createTempFile("call", ".wav");
    Files.writeString(audio, "RIFF-consumer-wave");
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try {
      PyannoteClient pyannote = PyannoteClient.builder().apiKey(KEY).baseUrl(base).sleeper(new NoWait()).build();
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      // README:pyannoteLifecycle
      String media = "media://meetings/call.wav";
      pyannote.upload(media, FilePart.of(audio));
      try {
        Job job = pyannote.diarizeAndWait(DiarizeRequest.builder().url(media).numSpeakers(2).build(), Duration.ofMinutes(30));
        if (job instanceof DiarizationJob diarization) {
          for (DiarizationSegment segment : diarization.output().diarization()) {
            System.out.printf("%s %.1f-%.1f%n", segment.speaker(), segment.start(), segment.end());
          }
        }
      } catch (JobFailedException e) {
        System.out.println("failed: " + e.errorText().orElse(e.status()));
      }
      // END
    } finally {
      System.setOut(original);
      server.stop(0);
      Files.deleteIfExists(audio);
    }
    String speakers = printed.toString(StandardCharsets.UTF_8);
    if (!speakers.equals("SPEAKER_00 0.5-15.0" + System.lineSeparator() + "SPEAKER_01 15.0-30.5" + System.lineSeparator())) {
      throw new AssertionError("lifecycle: expected two speakers printed, got " + speakers);
    }
    List<String> expected = List.of(
        "POST /v1/media/input auth=true body={\"url\":\"media://meetings/call.wav\"}",
        "PUT /bucket/call.wav?sig=1 auth=false body=RIFF-consumer-wave",
        "POST /v1/diarize auth=true body={\"url\":\"media://meetings/call.wav\",\"numSpeakers\":2}",
        "GET /v1/jobs/j1 auth=true body=",
        "GET /v1/jobs/j1 auth=true body=");
    if (!seen.equals(expected)) {
      throw new AssertionError("lifecycle: expected the requests " + expected + ", got " + seen);
    }
    System.out.println("consumer: pyannote lifecycle uploaded, diarized, waited and printed two speakers");
  }

  private static void answer(HttpExchange exchange, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Polls without pausing: the loopback job is done after one more poll. */
  private static final class NoWait implements Sleeper {
    @Override
    public void sleep(Duration duration) {}

    @Override
    public CompletableFuture<Void> delay(Duration duration) {
      return CompletableFuture.completedFuture(null);
    }
  }
}
