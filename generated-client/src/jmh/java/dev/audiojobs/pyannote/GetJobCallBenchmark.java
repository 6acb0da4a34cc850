package dev.audiojobs.pyannote;

import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.client.internal.JsonDocument;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full {@code GET /v1/jobs/{jobId}} on loopback, against a {@link MockWebServer} that answers every
 * request with the same job of {@link JobDecodeBenchmark}:
 *
 * <ul>
 *   <li>{@link #client}: {@code PyannoteClient.getJob}, everything the client does (Retrofit, the
 *       authorization and Retry-After interceptors, the retry loop without retries, reading and masking
 *       headers, decoding);
 *   <li>{@link #rawOkHttp}: an {@link OkHttpClient} call with the same {@code Authorization} header, its
 *       body read into a buffer and decoded by the same {@link JsonDocument#decode}: the floor for this
 *       transport and this decoder.
 * </ul>
 *
 * <p>Both keep one pooled connection to the server. The server records every request; they are dropped
 * after each iteration so that the recordings do not pile up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GetJobCallBenchmark {
  private static final String KEY = "sk_benchmark_0123456789abcdef";

  @Param({"pending", "twoMinutes"})
  public String job;

  MockWebServer server;
  PyannoteClient client;
  OkHttpClient okHttp;
  Request request;

  @Setup
  public void setUp() throws IOException {
    String body = switch (job) {
      case "pending" -> JobDecodeBenchmark.pending();
      case "twoMinutes" -> JobDecodeBenchmark.JobText.of(new Random(JobDecodeBenchmark.JobText.SEED), 120, 100, true, true);
      default -> throw new IllegalArgumentException(job);
    };
    MockResponse response = new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return response;
      }
    });
    server.start();
    String baseUrl = server.url("/").toString();
    client = PyannoteClient.builder().apiKey(KEY).baseUrl(baseUrl).retryPolicy(RetryPolicy.none()).build();
    okHttp = new OkHttpClient();
    request = new Request.Builder().url(server.url("/v1/jobs/j1")).header("Authorization", "Bearer " + KEY).build();
    if (!client().equals(rawOkHttp())) throw new IllegalStateException("the two calls decode different jobs");
  }

  @TearDown(Level.Iteration)
  public void dropRecordedRequests() throws InterruptedException {
    while (server.takeRequest(0, TimeUnit.SECONDS) != null) {
      // dropped
    }
  }

  @TearDown
  public void tearDown() {
    client.close();
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
    server.close();
  }

  @Benchmark
  public Job client() {
    return client.getJob("j1");
  }

  @Benchmark
  public Job rawOkHttp() throws IOException {
    try (Response response = okHttp.newCall(request).execute()) {
      if (!response.isSuccessful()) throw new IllegalStateException("HTTP " + response.code());
      Buffer bytes = new Buffer();
      bytes.writeAll(response.body().source());
      return JsonDocument.decode(JobJsonAdapter.INSTANCE, bytes);
    }
  }
}
