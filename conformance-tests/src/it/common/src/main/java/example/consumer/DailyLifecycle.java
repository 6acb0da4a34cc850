package example.consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.JobFailedException;
import dev.audiojobs.daily.ApiError;
import dev.audiojobs.daily.BatchJob;
import dev.audiojobs.daily.DailyClient;
import dev.audiojobs.daily.JobAccessLinks;
import dev.audiojobs.daily.JobInParams;
import dev.audiojobs.daily.JobOutParams;
import dev.audiojobs.daily.JobTransformParams;
import dev.audiojobs.daily.OutputLink;
import dev.audiojobs.daily.OutputS3Config;
import dev.audiojobs.daily.SubmitJobRequest;
import dev.audiojobs.daily.TranscriptParams;
import dev.audiojobs.daily.TranscriptionOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The README's Daily quickstart — submit a transcript, wait, print the outputs and the access links,
 * and the typed 400 of a job that is not finished — run through the published jar against a loopback
 * Daily. The regions between the markers are the README's blocks, verbatim (ReadmeExamplesTest in
 * generated-client checks it).
 */
final class DailyLifecycle {
  private static final String KEY = "consumer-daily-lifecycle-key";

  private DailyLifecycle() {}

  static void run() throws IOException, InterruptedException {
    List<String> seen = new CopyOnWriteArrayList<>();
    AtomicInteger polls = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String route = exchange.getRequestMethod() + " " + exchange.getRequestURI();
      byte[] body = exchange.getRequestBody().readAllBytes();
      seen.add(route + (body.length == 0 ? "" : " " + new String(body, StandardCharsets.UTF_8)));
      if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        answer(exchange, 401, "{\"error\":\"authentication-error\"}");
        return;
      }
      switch (route) {
        case "POST /v1/batch-processor" -> answer(exchange, 200, "{\"id\":\"job-1\"}");
        case "GET /v1/batch-processor/job-1" -> answer(exchange, 200, polls.incrementAndGet() < 2
            ? "{\"id\":\"job-1\",\"preset\":\"transcript\",\"status\":\"processing\"}"
            : "{\"id\":\"job-1\",\"preset\":\"transcript\",\"status\":\"finished\",\"output\":{\"transcription\":["
                + "{\"format\":\"txt\",\"s3Config\":{\"key\":\"acme/job-1/t.txt\",\"bucket\":\"out\",\"region\":\"us-west-2\"}}]}}");
        case "GET /v1/batch-processor/job-1/access-link" -> answer(exchange, 200,
            "{\"id\":\"job-1\",\"status\":\"finished\",\"transcription\":[{\"format\":\"txt\",\"link\":\"https://dl.example/t.txt?sig=1\"}]}");
        case "GET /v1/batch-processor/job-2/access-link" -> answer(exchange, 400,
            "{\"error\":\"invalid-request-error\",\"info\":\"job job-2 is not finished\"}");
        default -> answer(exchange, 404, "{\"error\":\"not-found\"}");
      }
    });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try {
      SteppingTime time = new SteppingTime();
      DailyClient daily = DailyClient.builder().apiKey(KEY).baseUrl(base).clock(time).sleeper(time).build();
      String recordingId = "rec-7";
      String jobId = "job-2";
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      // README:dailyLifecycle
      SubmitJobRequest request = SubmitJobRequest.builder()
          .preset("transcript")
          .inParams(JobInParams.builder().sourceType("recordingId").recordingId(recordingId).build())
          .outParams(JobOutParams.builder()
              .s3Config(OutputS3Config.builder().s3KeyTemplate("{domain_name}/{job_id}").useReplacement(true).build())
              .build())
          .transformParams(JobTransformParams.builder()
              .transcript(TranscriptParams.builder().punctuate(true).putAdditionalProperty("redact", List.of("pci")).build())
              .build())
          .build();
      try {
        BatchJob job = daily.submitJobAndWait(request, Duration.ofMinutes(30));
        for (TranscriptionOutput transcript : job.output().transcription()) {
          System.out.println(transcript.format() + " in s3://" + transcript.s3Config().bucket() + "/" + transcript.s3Config().key());
        }
        for (OutputLink link : daily.getJobAccessLink(job.id()).transcription()) {
          System.out.println(link.format() + " " + link.link()); // ask again when needed: no expiry is documented
        }
      } catch (JobFailedException e) {
        System.out.println("error: " + e.errorText().orElse(e.status()));
      }
      // END
      // README:dailyNotFinished
      try {
        JobAccessLinks links = daily.getJobAccessLink(jobId);
        System.out.println(links.transcription().size() + " transcript links");
      } catch (ApiException e) {
        if (e.statusCode() != 400) throw e;
        // Daily answers 400 until the job is finished: waitForJob(jobId, timeout), then ask again
        System.out.println("not finished: " + e.error(ApiError.class).map(ApiError::info).orElse(e.rawBody()));
      }
      // END
    } finally {
      System.setOut(original);
      server.stop(0);
    }
    String n = System.lineSeparator();
    String expectedOutput = "txt in s3://out/acme/job-1/t.txt" + n + "txt https://dl.example/t.txt?sig=1" + n
        + "not finished: job job-2 is not finished" + n;
    if (!printed.toString(StandardCharsets.UTF_8).equals(expectedOutput)) {
      throw new AssertionError("daily lifecycle: expected the output " + expectedOutput + ", got " + printed.toString(StandardCharsets.UTF_8));
    }
    List<String> expected = List.of(
        "POST /v1/batch-processor {\"preset\":\"transcript\",\"inParams\":{\"sourceType\":\"recordingId\",\"recordingId\":\"rec-7\"},"
            + "\"outParams\":{\"s3Config\":{\"s3KeyTemplate\":\"{domain_name}/{job_id}\",\"useReplacement\":true}},"
            + "\"transformParams\":{\"transcript\":{\"punctuate\":true,\"redact\":[\"pci\"]}}}",
        "GET /v1/batch-processor/job-1",
        "GET /v1/batch-processor/job-1",
        "GET /v1/batch-processor/job-1/access-link",
        "GET /v1/batch-processor/job-2/access-link");
    if (!seen.equals(expected)) {
      throw new AssertionError("daily lifecycle: expected the requests " + expected + ", got " + seen);
    }
    System.out.println("consumer: daily lifecycle submitted once, waited, printed the outputs and links, and read the typed 400");
  }

  private static void answer(HttpExchange exchange, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
