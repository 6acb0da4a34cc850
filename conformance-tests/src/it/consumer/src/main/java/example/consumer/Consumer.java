package example.consumer;

import com.sun.net.httpserver.HttpServer;
import dev.audiojobs.daily.BatchJob;
import dev.audiojobs.daily.DailyClient;
import dev.audiojobs.lyrcs.CompleteJob;
import dev.audiojobs.lyrcs.LyrcsClient;
import dev.audiojobs.pyannote.DiarizationJob;
import dev.audiojobs.pyannote.PyannoteClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Calls each vendor's {@code getJob} through audiojobs-client against a loopback server and checks the
 * decoded variant. Exits non-zero on any failure, which fails the consumer's build and so the main one.
 * Writes the JVM's classpath to the file named by the first argument, for verify.groovy.
 */
public final class Consumer {
  private static final String KEY = "consumer-key";

  /** One response per request path, each a documented shape of that vendor's getJob. */
  private static final Map<String, String> RESPONSES = Map.of(
      "/v1/jobs/job-1", """
          {"jobId": "job-1", "status": "succeeded", "createdAt": "2024-02-20T12:00:00Z",
           "output": {"diarization": [{"speaker": "SPEAKER_00", "start": 0.5, "end": 15},
                                      {"speaker": "SPEAKER_01", "start": 15, "end": 30.5}]}}
          """,
      "/v1/batch-processor/job-2", """
          {"id": "job-2", "preset": "transcript", "status": "finished",
           "output": {"transcription": [{"format": "txt",
               "s3Config": {"key": "b/job-2/transcript/output.txt", "bucket": "b", "region": "us-west-2"}}]}}
          """,
      "/api/v1/jobs/job-3", """
          {"job_id": "job-3", "status": "complete", "created_at": "2024-01-01T00:00:00.000Z",
           "results": {"transcript": "la la la"}}
          """);

  private Consumer() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Files.write(Path.of(args[0]), Arrays.asList(System.getProperty("java.class.path").split(java.io.File.pathSeparator)));

    List<String> authorizations = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      String body = RESPONSES.get(exchange.getRequestURI().getPath());
      byte[] bytes = (body == null ? "{\"error\": \"no such path\"}" : body).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    try {
      PyannoteClient pyannote = PyannoteClient.builder().apiKey(KEY).baseUrl(base).build();
      if (!(pyannote.getJob("job-1") instanceof DiarizationJob diarization)
          || diarization.output().diarization().size() != 2) {
        throw new AssertionError("pyannote: expected a DiarizationJob with two segments");
      }

      DailyClient daily = DailyClient.builder().apiKey(KEY).baseUrl(base + "/v1").build();
      BatchJob batch = daily.getJob("job-2");
      if (!batch.status().equals(dev.audiojobs.daily.JobStatus.FINISHED) || batch.output() == null) {
        throw new AssertionError("daily: expected a finished BatchJob with output, got " + batch);
      }

      LyrcsClient lyrcs = LyrcsClient.builder().apiKey(KEY).baseUrl(base + "/api/v1").build();
      if (!(lyrcs.getJob("job-3") instanceof CompleteJob complete)
          || !"la la la".equals(complete.results().transcript())) {
        throw new AssertionError("lyrcs: expected a CompleteJob with its transcript");
      }

      if (!authorizations.equals(List.of("Bearer " + KEY, "Bearer " + KEY, "Bearer " + KEY))) {
        throw new AssertionError("expected three calls with the key as a bearer token, got " + authorizations.size());
      }
      System.out.println("consumer: pyannote DiarizationJob, daily BatchJob finished, lyrcs CompleteJob");
    } finally {
      server.stop(0);
    }
    Lifecycle.run();
  }
}
