package example.consumer;

import com.sun.net.httpserver.HttpServer;
import dev.audiojobs.client.HttpLogLevel;
import dev.audiojobs.client.Sleeper;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every project of the consumer matrix runs (src/it/*, each a different build around
 * audiojobs-client: plain Maven, Spring Boot's parents, openai-java first, OkHttp forced to 4.12 or to
 * 5.x): for each vendor, against a loopback server, a {@code getJob} with the HTTP log at BODY, a
 * {@code getJob} retried after a 503, a {@code getJobAsync} and a {@code waitForJob} over a running
 * then finished job, with a sleeper that does not wait. Any failure, an {@link Error} such as {@code
 * NoSuchMethodError} included, exits non-zero and so fails the build.
 *
 * <p>Arguments: the file to write the JVM's classpath to (for verify.groovy), the file to write the
 * OkHttp, Okio and Kotlin versions the JVM really loaded to, the OkHttp version the build is
 * expected to resolve, and the client's version, which every request's {@code User-Agent} must name.
 */
public final class Consumer {
  private static final String KEY = "consumer-key-5e1f";

  /** Returns at once: retries and waiting are exercised without the test waiting. */
  private static final Sleeper NO_WAIT = new Sleeper() {
    @Override
    public void sleep(Duration duration) {}

    @Override
    public CompletableFuture<Void> delay(Duration duration) {
      return CompletableFuture.completedFuture(null);
    }
  };

  private record Vendor(String name, String base, String jobsPath, String running, String finished) {}

  private static final List<Vendor> VENDORS = List.of(
      new Vendor("pyannote", "/", "/v1/jobs/",
          """
          {"jobId": "ID", "status": "running", "createdAt": "2024-02-20T12:00:00Z"}""",
          """
          {"jobId": "ID", "status": "succeeded", "createdAt": "2024-02-20T12:00:00Z",
           "output": {"diarization": [{"speaker": "SPEAKER_00", "start": 0.5, "end": 15},
                                      {"speaker": "SPEAKER_01", "start": 15, "end": 30.5}]}}"""),
      new Vendor("daily", "/v1", "/v1/batch-processor/",
          """
          {"id": "ID", "preset": "transcript", "status": "processing"}""",
          """
          {"id": "ID", "preset": "transcript", "status": "finished",
           "output": {"transcription": [{"format": "txt",
               "s3Config": {"key": "b/ID/transcript/output.txt", "bucket": "b", "region": "us-west-2"}}]}}"""),
      new Vendor("lyrcs", "/api/v1", "/api/v1/jobs/",
          """
          {"job_id": "ID", "status": "processing", "created_at": "2024-01-01T00:00:00.000Z"}""",
          """
          {"job_id": "ID", "status": "complete", "created_at": "2024-01-01T00:00:00.000Z",
           "results": {"transcript": "la la la"}}"""));

  /** Per request path, the responses still to send (status, body); the last one repeats. */
  private final Map<String, List<String[]>> script = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final List<String> userAgents = new CopyOnWriteArrayList<>();
  private final List<String> log = new CopyOnWriteArrayList<>();

  private Consumer() {}

  public static void main(String[] args) throws Exception {
    Files.write(Path.of(args[0]), Arrays.asList(System.getProperty("java.class.path").split(java.io.File.pathSeparator)));
    String versions = loadedVersions();
    Files.writeString(Path.of(args[1]), versions);
    System.out.println("consumer: loaded " + versions.replace('\n', ' ').trim());
    String okhttp = versions.lines().filter(l -> l.startsWith("okhttp=")).findFirst().orElseThrow().substring(7);
    if (!okhttp.equals(args[2])) {
      throw new AssertionError("expected OkHttp " + args[2] + " to be resolved, the JVM loaded " + okhttp);
    }
    new Consumer().run(args[3]);
  }

  /** The versions of OkHttp, Okio and Kotlin the JVM loaded, whichever jars Maven picked. */
  private static String loadedVersions() throws ReflectiveOperationException {
    // Read reflectively: OkHttp.VERSION is a constant that javac would inline from the compile classpath.
    Object okhttp = Class.forName("okhttp3.OkHttp").getField("VERSION").get(null);
    String okioJar = Path.of(okio.Buffer.class.getProtectionDomain().getCodeSource().getLocation().getPath()).getFileName().toString();
    return "okhttp=" + okhttp + "\n"
        + "okio=" + okioJar.replaceFirst("^okio(-jvm)?-", "").replaceFirst("\\.jar$", "") + "\n"
        + "kotlin=" + kotlin.KotlinVersion.CURRENT + "\n";
  }

  private void run(String clientVersion) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      userAgents.add(String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
      hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      List<String[]> left = script.get(path);
      String[] response = left == null ? new String[] {"404", "{\"error\": \"no such path\"}"}
          : left.size() > 1 ? left.remove(0) : left.get(0);
      byte[] bytes = response[1].getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(Integer.parseInt(response[0]), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    String root = "http://127.0.0.1:" + server.getAddress().getPort();
    try {
      for (Vendor vendor : VENDORS) {
        serve(vendor, "done", ok(vendor.finished));
        serve(vendor, "flaky", new String[] {"503", "{\"message\": \"try again\"}"}, ok(vendor.finished));
        serve(vendor, "async", ok(vendor.finished));
        serve(vendor, "slow", ok(vendor.running), ok(vendor.running), ok(vendor.finished));
      }
      pyannote(PyannoteClient.builder().apiKey(KEY).baseUrl(root).sleeper(NO_WAIT).httpLog(HttpLogLevel.BODY, log::add).build());
      daily(DailyClient.builder().apiKey(KEY).baseUrl(root + "/v1").sleeper(NO_WAIT).httpLog(HttpLogLevel.BODY, log::add).build());
      lyrcs(LyrcsClient.builder().apiKey(KEY).baseUrl(root + "/api/v1").sleeper(NO_WAIT).httpLog(HttpLogLevel.BODY, log::add).build());
      checkTraffic(root, clientVersion);
      System.out.println("consumer: every vendor's getJob (logged at BODY), a retried getJob, getJobAsync and waitForJob passed");
    } finally {
      server.stop(0);
    }
    Lifecycle.run();
    DailyLifecycle.run();
    LyrcsLifecycle.run();
  }

  private void serve(Vendor vendor, String id, String[]... responses) {
    List<String[]> bodies = new ArrayList<>();
    for (String[] r : responses) {
      bodies.add(new String[] {r[0], r[1].replace("\"ID\"", "\"" + id + "\"").replace("/ID/", "/" + id + "/")});
    }
    script.put(vendor.jobsPath + id, new CopyOnWriteArrayList<>(bodies));
  }

  private static String[] ok(String body) {
    return new String[] {"200", body};
  }

  private static void pyannote(PyannoteClient client) throws Exception {
    java.util.function.Consumer<dev.audiojobs.pyannote.Job> check = job -> {
      if (!(job instanceof DiarizationJob d) || d.output().diarization().size() != 2) {
        throw new AssertionError("pyannote: expected a DiarizationJob with two segments, got " + job);
      }
    };
    check.accept(client.getJob("done"));
    check.accept(client.getJob("flaky"));
    check.accept(client.getJobAsync("async").get(30, TimeUnit.SECONDS));
    check.accept(client.waitForJob("slow", Duration.ofMinutes(5)));
  }

  private static void daily(DailyClient client) throws Exception {
    java.util.function.Consumer<BatchJob> check = job -> {
      if (!job.status().equals(dev.audiojobs.daily.JobStatus.FINISHED) || job.output() == null) {
        throw new AssertionError("daily: expected a finished BatchJob with output, got " + job);
      }
    };
    check.accept(client.getJob("done"));
    check.accept(client.getJob("flaky"));
    check.accept(client.getJobAsync("async").get(30, TimeUnit.SECONDS));
    check.accept(client.waitForJob("slow", Duration.ofMinutes(5)));
  }

  private static void lyrcs(LyrcsClient client) throws Exception {
    java.util.function.Consumer<dev.audiojobs.lyrcs.Job> check = job -> {
      if (!(job instanceof CompleteJob c) || !"la la la".equals(c.results().transcript())) {
        throw new AssertionError("lyrcs: expected a CompleteJob with its transcript, got " + job);
      }
    };
    check.accept(client.getJob("done"));
    check.accept(client.getJob("flaky"));
    check.accept(client.getJobAsync("async").get(30, TimeUnit.SECONDS));
    check.accept(client.waitForJob("slow", Duration.ofMinutes(5)));
  }

  /** What the server saw and what the log wrote. */
  private void checkTraffic(String root, String clientVersion) {
    for (Vendor vendor : VENDORS) {
      expectHits(vendor.jobsPath + "done", 1);
      expectHits(vendor.jobsPath + "flaky", 2); // the 503, then the retry
      expectHits(vendor.jobsPath + "async", 1);
      expectHits(vendor.jobsPath + "slow", 3); // running, running, finished
      expectLine(line -> line.startsWith("--> GET " + root + vendor.jobsPath + "done"), "the request line of " + vendor.name);
      expectLine(line -> line.startsWith("<-- 503 ") && line.contains(vendor.jobsPath + "flaky"), "the 503 of " + vendor.name);
    }
    if (!authorizations.stream().allMatch(("Bearer " + KEY)::equals)) {
      throw new AssertionError("every request must carry the key as a bearer token");
    }
    if (!userAgents.stream().allMatch(("audiojobs-java/" + clientVersion)::equals)) {
      throw new AssertionError("every request must name audiojobs-java/" + clientVersion + " as User-Agent, got " + Set.copyOf(userAgents));
    }
    expectLine("Authorization: ██"::equals, "the redacted Authorization header");
    expectLine(line -> line.contains("\"la la la\""), "a response body");
    expectLine(line -> line.startsWith("<-- END HTTP ("), "the end of a logged body");
    if (log.stream().anyMatch(line -> line.contains(KEY))) {
      throw new AssertionError("the HTTP log shows the API key");
    }
  }

  private void expectHits(String path, int expected) {
    int actual = hits.getOrDefault(path, new AtomicInteger()).get();
    if (actual != expected) {
      throw new AssertionError(path + ": expected " + expected + " requests, the server saw " + actual);
    }
  }

  private void expectLine(java.util.function.Predicate<String> test, String what) {
    if (log.stream().noneMatch(test)) {
      throw new AssertionError("the HTTP log lacks " + what + ": " + String.join("\n", log));
    }
  }
}
