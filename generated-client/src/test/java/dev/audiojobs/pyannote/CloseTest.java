package dev.audiojobs.pyannote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.audiojobs.client.RetryPolicy;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

final class CloseTest {
  private static final String JOB = "{\"jobId\":\"j\",\"status\":\"running\"}";

  @Test
  @Timeout(20)
  void closingReleasesThePooledConnectionAtOnceAndRefusesLaterCalls() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Boolean> closedByClient = CompletableFuture.supplyAsync(() -> serveOneThenAwaitClose(listener));
      PyannoteClient client = PyannoteClient.builder().apiKey("sk_close_test_1")
          .baseUrl("http://127.0.0.1:" + listener.getLocalPort() + "/").retryPolicy(RetryPolicy.none()).build();
      PyannoteClient derived = client.withOptions(o -> o.readTimeout(Duration.ofSeconds(5)));

      assertThat(client.getJob("j").jobId()).isEqualTo("j");
      derived.close();

      // Without close() the idle connection would stay open for OkHttp's five-minute keep-alive.
      assertThat(closedByClient.get(10, TimeUnit.SECONDS)).as("the client closed its pooled connection").isTrue();
      assertThat(catchThrowable(() -> client.getJob("j"))).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
    }
  }

  /** Answers one request with keep-alive, then reports whether the client closes the connection. */
  private static boolean serveOneThenAwaitClose(ServerSocket listener) {
    try (Socket socket = listener.accept()) {
      InputStream in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) return false;
        head.append((char) b);
      }
      byte[] body = JOB.getBytes(StandardCharsets.UTF_8);
      socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
          + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().write(body);
      socket.getOutputStream().flush();
      socket.setSoTimeout(8000);
      return in.read() == -1; // EOF: the client closed its end
    } catch (java.net.SocketTimeoutException stillOpen) {
      return false;
    } catch (java.io.IOException e) {
      return true; // reset by the client is a close too
    }
  }
}
