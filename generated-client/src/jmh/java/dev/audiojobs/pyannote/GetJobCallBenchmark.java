package dev.audiojobs.pyannote;

import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.client.internal.JsonDocument;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * One full {@code GET /v1/jobs/{jobId}} on loopback, against a {@link CannedServer} that answers every
 * request with the same job of {@link JobDecodeBenchmark}:
 *
 * <ul>
 *   <li>{@link #client}: {@code PyannoteClient.getJob}, everything the client does (Retrofit, the
 *       authorization and Retry-After interceptors, the retry loop without retries, reading and masking
 *       headers, decoding);
 *   <li>{@link #rawOkHttp}: an {@link OkHttpClient} call with the same {@code Authorization} header, its
 *       body read into a buffer and decoded by the same {@link JsonDocument#decode}: the floor for this
 *       transport and this decoder;
 *   <li>{@link #rawOkHttpJoined}: the same, enqueued on OkHttp's dispatcher and joined, as the client runs
 *       a synchronous call (so that an interrupt or the call timeout can cancel it at once): what that
 *       hand-over between threads costs by itself.
 * </ul>
 *
 * <p>Both keep one pooled connection to the server. The server is a few lines over a socket rather than
 * {@code MockWebServer}: this profile's classpath (JMH forks from the exec plugin's test classpath) has
 * okhttp 4.12.0 ahead of the okhttp-jvm 5 that mockwebserver3 needs, and a server that records nothing
 * and parses only the request's end adds less of its own time to both calls.
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

  CannedServer server;
  PyannoteClient client;
  OkHttpClient okHttp;
  Request request;

  @Setup
  public void setUp() throws Exception {
    String body = switch (job) {
      case "pending" -> JobDecodeBenchmark.pending();
      case "twoMinutes" -> JobDecodeBenchmark.JobText.of(new Random(JobDecodeBenchmark.JobText.SEED), 120, 100, true, true);
      default -> throw new IllegalArgumentException(job);
    };
    server = new CannedServer(body);
    String baseUrl = "http://127.0.0.1:" + server.port() + "/";
    client = PyannoteClient.builder().apiKey(KEY).baseUrl(baseUrl).retryPolicy(RetryPolicy.none()).build();
    okHttp = new OkHttpClient();
    request = new Request.Builder().url(baseUrl + "v1/jobs/j1").header("Authorization", "Bearer " + KEY).build();
    if (!client().equals(rawOkHttp()) || !client().equals(rawOkHttpJoined())) throw new IllegalStateException("the two calls decode different jobs");
  }

  @TearDown
  public void tearDown() throws IOException {
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

  @Benchmark
  public Job rawOkHttpJoined() throws Exception {
    CompletableFuture<Job> job = new CompletableFuture<>();
    okHttp.newCall(request).enqueue(new Callback() {
      @Override
      public void onResponse(Call call, Response response) {
        try (response) {
          if (!response.isSuccessful()) throw new IllegalStateException("HTTP " + response.code());
          Buffer bytes = new Buffer();
          bytes.writeAll(response.body().source());
          job.complete(JsonDocument.decode(JobJsonAdapter.INSTANCE, bytes));
        } catch (IOException | RuntimeException e) {
          job.completeExceptionally(e);
        }
      }

      @Override
      public void onFailure(Call call, IOException e) {
        job.completeExceptionally(e);
      }
    });
    return job.get();
  }

  /** A loopback HTTP/1.1 server answering every request, on kept-alive connections, with one JSON body. */
  static final class CannedServer implements AutoCloseable {
    private final ServerSocket listener;
    private final byte[] response;

    CannedServer(String body) throws IOException {
      byte[] json = body.getBytes(StandardCharsets.UTF_8);
      byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + json.length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII);
      response = new byte[head.length + json.length];
      System.arraycopy(head, 0, response, 0, head.length);
      System.arraycopy(json, 0, response, head.length, json.length);
      listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread acceptor = new Thread(this::accept, "canned-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return listener.getLocalPort();
    }

    private void accept() {
      while (!listener.isClosed()) {
        try {
          Socket socket = listener.accept();
          Thread connection = new Thread(() -> serve(socket), "canned-connection");
          connection.setDaemon(true);
          connection.start();
        } catch (IOException e) {
          return; // closed
        }
      }
    }

    /** Answers each request, a GET without a body: everything up to the blank line after its headers. */
    private void serve(Socket socket) {
      try (socket; InputStream in = new BufferedInputStream(socket.getInputStream()); OutputStream out = socket.getOutputStream()) {
        socket.setTcpNoDelay(true);
        int matched = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
          matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : (b == '\r' ? 1 : 0);
          if (matched == 4) {
            out.write(response);
            out.flush();
            matched = 0;
          }
        }
      } catch (IOException e) {
        // the client closed the connection
      }
    }

    @Override
    public void close() throws IOException {
      listener.close();
    }
  }
}
