package dev.audiojobs.faults;

import static dev.audiojobs.faults.RawServer.head;
import static dev.audiojobs.faults.RawServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.DecodeException;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.client.Sleeper;
import dev.audiojobs.client.TransportException;
import dev.audiojobs.pyannote.Job;
import dev.audiojobs.pyannote.PyannoteClient;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The connection failing at every stage of a response: resets and closes before and inside the
 * status line, headers and body (framed by Content-Length, chunked, or by the end of the stream),
 * trickles and stalls around the read timeout and the call timeout, and cancellation of the async
 * forms mid-body.
 */
final class ConnectionFaultsTest extends FaultSuite {
  private static final byte[] PENDING_BYTES = PENDING.getBytes(StandardCharsets.UTF_8);

  @Test
  void aResetBeforeAnyResponseByteIsATransportFailure() throws Exception {
    server.enqueue(RawServer.Exchange::reset);
    PyannoteClient client = client();

    TransportException e = outcome(TransportException.class, () -> client.getJob("j1"));

    assertThat(e.getCause()).isInstanceOf(SocketException.class);
    assertThat(e.attempts()).isEqualTo(1);
    assertConnectionsReleased(client);
  }

  @Test
  void aResetBeforeAnyResponseByteIsRetriedForAGet() throws Exception {
    server.enqueue(RawServer.Exchange::reset).enqueue(json(200, PENDING));

    Job job = client(o -> o.retryPolicy(RetryPolicy.defaults())).getJob("j1");

    assertThat(job.jobId()).isEqualTo("j1");
    assertThat(server.requests()).hasSize(2);
    assertThat(server.connections()).hasSize(2);
  }

  @Test
  void aCloseBeforeAnyResponseByteIsATransportFailureAndRetriedForAGet() throws Exception {
    server.enqueue(RawServer.Exchange::close);
    server.enqueue(RawServer.Exchange::close).enqueue(json(200, PENDING));
    PyannoteClient client = client();

    outcome(TransportException.class, () -> client.getJob("j1"));
    Job job = client(o -> o.retryPolicy(RetryPolicy.defaults())).getJob("j1");

    assertThat(job.jobId()).isEqualTo("j1");
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void aCloseInsideTheStatusLineIsATransportFailure() throws Exception {
    server.enqueue(x -> {
      x.send("HTTP/1.1 20");
      x.close();
    });
    PyannoteClient client = client();

    outcome(TransportException.class, () -> client.getJob("j1"));
    assertConnectionsReleased(client);
  }

  @Test
  void aCloseInsideTheHeadersIsATransportFailure() throws Exception {
    server.enqueue(x -> {
      x.send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Len");
      x.close();
    });
    PyannoteClient client = client();

    outcome(TransportException.class, () -> client.getJob("j1"));
    assertConnectionsReleased(client);
  }

  @Test
  void aResetInsideTheHeadersIsATransportFailure() throws Exception {
    server.enqueue(x -> {
      x.send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n");
      Thread.sleep(50); // let the headers so far arrive before the reset discards them
      x.reset();
    });
    PyannoteClient client = client();

    outcome(TransportException.class, () -> client.getJob("j1"));
    assertConnectionsReleased(client);
  }

  @Test
  void aResetAfterTheHeadersBeforeTheBodyIsATransportFailure() throws Exception {
    server.enqueue(x -> {
      x.send(head(200, "Content-Type: application/json", "Content-Length: " + PENDING_BYTES.length));
      Thread.sleep(50);
      x.reset();
    });
    PyannoteClient client = client();

    TransportException e = outcome(TransportException.class, () -> client.getJob("j1"));

    assertThat(e.getCause()).hasMessageContaining("HTTP 200");
    assertConnectionsReleased(client);
  }

  @Test
  void aResetInsideTheBodyIsRetriedForAGet() throws Exception {
    server.enqueue(x -> {
      x.send(head(200, "Content-Type: application/json", "Content-Length: " + PENDING_BYTES.length));
      x.send(PENDING.substring(0, 20));
      Thread.sleep(50);
      x.reset();
    });
    server.enqueue(json(200, PENDING));
    PyannoteClient client = client(o -> o.retryPolicy(RetryPolicy.defaults()));

    assertThat(client.getJob("j1").jobId()).isEqualTo("j1");
    assertThat(server.requests()).hasSize(2);
    assertConnectionsReleased(client);
  }

  @Test
  void aBodyCutShortOfItsContentLengthIsATransportFailure() throws Exception {
    server.enqueue(x -> {
      x.send(head(200, "Content-Type: application/json", "Content-Length: " + PENDING_BYTES.length));
      x.send(PENDING.substring(0, 30));
      x.close();
    });
    PyannoteClient client = client();

    TransportException e = outcome(TransportException.class, () -> client.getJob("j1"));

    assertThat(e.getCause()).hasMessageContaining("HTTP 200");
    assertConnectionsReleased(client);
  }

  @Test
  void aChunkedBodyCutInsideAChunkIsATransportFailure() throws Exception {
    server.enqueue(x -> {
      x.send(head(200, "Content-Type: application/json", "Transfer-Encoding: chunked"));
      x.send(Integer.toHexString(PENDING_BYTES.length) + "\r\n" + PENDING.substring(0, 10));
      x.close();
    });
    PyannoteClient client = client();

    outcome(TransportException.class, () -> client.getJob("j1"));
    assertConnectionsReleased(client);
  }

  @Test
  void aChunkedBodyWithoutItsLastChunkIsATransportFailure() throws Exception {
    server.enqueue(x -> {
      x.send(head(200, "Content-Type: application/json", "Transfer-Encoding: chunked"));
      x.send(Integer.toHexString(PENDING_BYTES.length) + "\r\n" + PENDING + "\r\n");
      x.close(); // no "0\r\n\r\n": the body may have gone on
    });
    PyannoteClient client = client();

    outcome(TransportException.class, () -> client.getJob("j1"));
    assertConnectionsReleased(client);
  }

  @Test
  void aBodyFramedByTheEndOfTheStreamAndCutShortDoesNotDecode() throws Exception {
    server.enqueue(x -> {
      x.send(head(200, "Content-Type: application/json", "Connection: close"));
      x.send("{\"jobId\":\"j1\",\"status\":\"pend");
      x.close(); // nothing tells a cut from the end here: the JSON does
    });
    PyannoteClient client = client();

    DecodeException e = outcome(DecodeException.class, () -> client.getJob("j1"));

    assertThat(e.path()).isEqualTo("$.status");
    assertThat(e.reason()).isNotBlank();
    assertThat(e.rawBody()).isEqualTo("{\"jobId\":\"j1\",\"status\":\"pend");
    assertConnectionsReleased(client);
  }

  @Test
  void aBodyTrickledWithGapsLongerThanTheReadTimeoutTimesOut() throws Exception {
    AtomicBoolean clientGaveUp = new AtomicBoolean();
    server.enqueue(x -> {
      x.send(head(200, "Content-Type: application/json", "Content-Length: " + PENDING_BYTES.length));
      x.send(PENDING.substring(0, 5));
      clientGaveUp.set(x.stallUntilClientCloses(Duration.ofSeconds(5)));
    });
    PyannoteClient client = client(o -> o.readTimeout(Duration.ofMillis(300)));
    long start = System.nanoTime();

    TransportException e = outcome(TransportException.class, () -> client.getJob("j1"));

    assertThat(causesOf(e)).hasAtLeastOneElementOfType(SocketTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertConnectionsReleased(client);
    assertThat(clientGaveUp).isTrue();
  }

  @Test
  void aTrickleWhoseGapsStayUnderTheReadTimeoutSucceedsPastIt() throws Exception {
    server.enqueue(x -> {
      x.send(head(200, "Content-Type: application/json", "Content-Length: " + PENDING_BYTES.length));
      x.trickle(PENDING_BYTES, 16, 100); // about 0.8 s in all, no gap near 0.3 s
    });
    PyannoteClient client = client(o -> o.readTimeout(Duration.ofMillis(300)));
    long start = System.nanoTime();

    assertThat(client.getJob("j1").jobId()).isEqualTo("j1");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(300));
    assertConnectionsReleased(client);
  }

  @Test
  void theSameTrickleIsCutByACallTimeout() throws Exception {
    AtomicBoolean clientGaveUp = new AtomicBoolean();
    server.enqueue(x -> {
      x.send(head(200, "Content-Type: application/json", "Content-Length: " + PENDING_BYTES.length));
      x.trickle(PENDING_BYTES, 4, 100); // about 4 s
      clientGaveUp.set(x.stallUntilClientCloses(Duration.ofSeconds(5)));
    });
    PyannoteClient client = client(o -> o.readTimeout(Duration.ofMillis(300)).callTimeout(Duration.ofMillis(600)));
    long start = System.nanoTime();

    TransportException e = outcome(TransportException.class, () -> client.getJob("j1"));

    assertThat(e.getCause()).isInstanceOf(InterruptedIOException.class).hasMessage("timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2000));
    assertConnectionsReleased(client);
  }

  @Test
  void aServerSilentBeforeItsHeadersTimesOutAndTheClientClosesTheConnection() throws Exception {
    AtomicBoolean clientGaveUp = new AtomicBoolean();
    server.enqueue(x -> clientGaveUp.set(x.stallUntilClientCloses(Duration.ofSeconds(5))));
    PyannoteClient client = client(o -> o.readTimeout(Duration.ofMillis(300)));

    TransportException e = outcome(TransportException.class, () -> client.getJob("j1"));

    assertThat(e.getCause()).isInstanceOf(SocketTimeoutException.class);
    assertConnectionsReleased(client);
    assertThat(clientGaveUp).isTrue();
  }

  @Test
  void aStallInsideTheBodyIsRetriedForAGetAsATimeout() throws Exception {
    server.enqueue(x -> {
      x.send(head(200, "Content-Type: application/json", "Content-Length: " + PENDING_BYTES.length));
      x.send(PENDING.substring(0, 10));
      x.stallUntilClientCloses(Duration.ofSeconds(5));
    });
    server.enqueue(json(200, PENDING));
    PyannoteClient client = client(o -> o.readTimeout(Duration.ofMillis(300)).retryPolicy(RetryPolicy.defaults()));

    assertThat(client.getJob("j1").jobId()).isEqualTo("j1");
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void cancellingGetJobAsyncMidBodyClosesTheConnectionAtOnce() throws Exception {
    CountDownLatch bodyStarted = new CountDownLatch(1);
    AtomicBoolean clientClosed = new AtomicBoolean();
    server.enqueue(x -> {
      x.send(head(200, "Content-Type: application/json", "Content-Length: " + PENDING_BYTES.length));
      x.send(PENDING.substring(0, 10));
      bodyStarted.countDown();
      clientClosed.set(x.stallUntilClientCloses(Duration.ofSeconds(5)));
    });
    PyannoteClient client = client(o -> o.readTimeout(Duration.ofSeconds(10)));
    CompletableFuture<Job> future = client.getJobAsync("j1");
    assertThat(bodyStarted.await(5, TimeUnit.SECONDS)).isTrue();

    assertThat(future.cancel(true)).isTrue();

    assertThat(future).isCancelled();
    assertConnectionsReleased(client);
    assertThat(clientClosed).as("the client closed the connection well before the read timeout").isTrue();
  }

  @Test
  void cancellingGetJobWithResponseAsyncBeforeTheHeadersClosesTheConnection() throws Exception {
    CountDownLatch requested = new CountDownLatch(1);
    AtomicBoolean clientClosed = new AtomicBoolean();
    server.enqueue(x -> {
      requested.countDown();
      clientClosed.set(x.stallUntilClientCloses(Duration.ofSeconds(5)));
    });
    PyannoteClient client = client(o -> o.readTimeout(Duration.ofSeconds(10)));
    var future = client.getJobWithResponseAsync("j1");
    assertThat(requested.await(5, TimeUnit.SECONDS)).isTrue();

    future.cancel(true);

    assertThat(future.handle((r, t) -> t).get(5, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
    assertConnectionsReleased(client);
    assertThat(clientClosed).isTrue();
  }

  @Test
  void cancellingListJobsAsyncMidChunkedBodyClosesTheConnection() throws Exception {
    CountDownLatch bodyStarted = new CountDownLatch(1);
    AtomicBoolean clientClosed = new AtomicBoolean();
    server.enqueue(x -> {
      x.send(head(200, "Content-Type: application/json", "Transfer-Encoding: chunked"));
      x.send("a\r\n{\"items\":[\r\n");
      bodyStarted.countDown();
      clientClosed.set(x.stallUntilClientCloses(Duration.ofSeconds(5)));
    });
    PyannoteClient client = client(o -> o.readTimeout(Duration.ofSeconds(10)));
    var future = client.listJobsAsync();
    assertThat(bodyStarted.await(5, TimeUnit.SECONDS)).isTrue();

    future.cancel(true);

    assertThat(future).isCancelled();
    assertConnectionsReleased(client);
    assertThat(clientClosed).isTrue();
  }

  @Test
  void interruptingASyncCallMidBodyEndsItAtOnceAndClosesTheConnection() throws Exception {
    CountDownLatch bodyStarted = new CountDownLatch(1);
    AtomicBoolean clientClosed = new AtomicBoolean();
    server.enqueue(x -> {
      x.send(head(200, "Content-Type: application/json", "Content-Length: " + PENDING_BYTES.length));
      x.send(PENDING.substring(0, 10));
      bodyStarted.countDown();
      clientClosed.set(x.stallUntilClientCloses(Duration.ofSeconds(5)));
    });
    PyannoteClient client = client(o -> o.readTimeout(Duration.ofSeconds(10)));
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    Thread caller = new Thread(() -> {
      try {
        client.getJob("j1");
        thrown.complete(null);
      } catch (RuntimeException e) {
        thrown.complete(e);
      }
    });
    caller.start();
    assertThat(bodyStarted.await(5, TimeUnit.SECONDS)).isTrue();

    caller.interrupt();

    TransportException e = outcome(TransportException.class, () -> {
      throw (Exception) thrown.get(2, TimeUnit.SECONDS);
    });
    assertThat(e.getCause()).isInstanceOf(InterruptedIOException.class);
    assertConnectionsReleased(client);
    assertThat(clientClosed).isTrue();
  }

  @Test
  void aCancelThatRacesWithTheStartOfTheWaitBeforeARetryCancelsTheWait() throws Exception {
    // The sleeper is asked for the wait and takes 300 ms to return it; the caller cancels meanwhile.
    // Once cancel() returns, the wait must be cancelled all the same, and nothing sent again.
    server.enqueue(json(503, "{}"));
    CountDownLatch asked = new CountDownLatch(1);
    CountDownLatch released = new CountDownLatch(1);
    CompletableFuture<Void> wait = new CompletableFuture<>();
    Sleeper racing = new Sleeper() {
      @Override
      public void sleep(Duration duration) {
        throw new AssertionError("the async form does not sleep");
      }

      @Override
      public CompletableFuture<Void> delay(Duration duration) {
        asked.countDown();
        try {
          released.await(300, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return wait;
      }
    };
    PyannoteClient client = client(o -> o.retryPolicy(RetryPolicy.defaults()).sleeper(racing));
    CompletableFuture<Job> future = client.getJobAsync("j1");
    assertThat(asked.await(5, TimeUnit.SECONDS)).isTrue();

    future.cancel(true);

    assertThat(wait).as("the wait before the retry, once cancel() returned").isCancelled();
    released.countDown();
    assertThat(server.requests()).hasSize(1);
    assertConnectionsReleased(client);
  }

  @Test
  void interruptingWaitForJobWhileAPollIsInFlightEndsItAtOnce() throws Exception {
    CountDownLatch polled = new CountDownLatch(1);
    AtomicBoolean clientClosed = new AtomicBoolean();
    server.enqueue(x -> {
      polled.countDown();
      clientClosed.set(x.stallUntilClientCloses(Duration.ofSeconds(8)));
    });
    PyannoteClient client = client(o -> o.readTimeout(Duration.ofSeconds(10)));
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    Thread caller = new Thread(() -> {
      try {
        client.waitForJob("j1", Duration.ofMinutes(5));
        thrown.complete(null);
      } catch (Throwable e) {
        thrown.complete(e);
      }
    });
    caller.start();
    assertThat(polled.await(5, TimeUnit.SECONDS)).isTrue();
    long start = System.nanoTime();

    caller.interrupt();

    // README: "An interrupted thread stops at once with InterruptedException".
    assertThat(thrown.get(8, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertConnectionsReleased(client);
    assertThat(clientClosed).isTrue();
  }
}
