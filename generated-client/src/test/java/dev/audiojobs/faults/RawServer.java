package dev.audiojobs.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP/1.1 server that answers each request with the next queued {@link Script}, which
 * writes raw bytes to the socket: whatever a broken or hostile server could send, including nothing,
 * half a status line, a reset ({@code SO_LINGER 0}), a trickle or a stall. It records every request
 * and every connection, and whether the client closed each connection, so that a test can tell a
 * connection returned to the pool or closed from one left hanging by a leaked response body.
 */
final class RawServer implements AutoCloseable {
  /** How long a connection waits for a script before answering 599: a test that forgot to queue one. */
  private static final long SCRIPT_WAIT_MS = 2_000;

  private final ServerSocket listener;
  private final BlockingQueue<Script> scripts = new LinkedBlockingQueue<>();
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  RawServer() throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "raw-server-" + listener.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** What the server does with one request: writes a response, or fails to. */
  @FunctionalInterface
  interface Script {
    void serve(Exchange exchange) throws Exception;
  }

  /** One request as received: its request line and headers (names in lower case). */
  record Request(int connection, String line, Map<String, String> headers) {
    @Nullable String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** The server's view of one TCP connection. */
  static final class Connection {
    final int id;
    final Socket socket;
    volatile int requests;
    volatile int requestsAtMark;
    volatile boolean closedByServer;
    volatile boolean closedByClient;

    Connection(int id, Socket socket) {
      this.id = id;
      this.socket = socket;
    }

    /** Closed by either side, or used again since {@link RawServer#mark()}: not held by a leaked body. */
    boolean released() {
      return closedByServer || closedByClient || requests > requestsAtMark;
    }

    @Override
    public String toString() {
      return "connection " + id + " (requests " + requests + ", at mark " + requestsAtMark
          + ", closed by server " + closedByServer + ", by client " + closedByClient + ")";
    }
  }

  /** The socket of the request being answered, and ways to answer it badly. */
  final class Exchange {
    final Request request;
    private final Connection connection;
    private final OutputStream out;

    Exchange(Request request, Connection connection) throws IOException {
      this.request = request;
      this.connection = connection;
      this.out = connection.socket.getOutputStream();
    }

    Exchange send(String ascii) throws IOException {
      return send(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    Exchange send(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
      return this;
    }

    /** Sends {@code bytes} in pieces of {@code piece} bytes, {@code gapMs} apart. */
    Exchange trickle(byte[] bytes, int piece, long gapMs) throws IOException, InterruptedException {
      for (int i = 0; i < bytes.length; i += piece) {
        if (i > 0) {
          Thread.sleep(gapMs);
        }
        out.write(bytes, i, Math.min(piece, bytes.length - i));
        out.flush();
      }
      return this;
    }

    /** Aborts the connection with a TCP RST (SO_LINGER 0), as a crashed proxy does. */
    void reset() throws IOException {
      connection.socket.setSoLinger(true, 0);
      connection.closedByServer = true;
      connection.socket.close();
    }

    /** Closes the connection in order (FIN): everything sent so far arrives, then end of stream. */
    void close() throws IOException {
      out.flush();
      connection.closedByServer = true;
      connection.socket.close();
    }

    /**
     * Sends nothing more and waits until the client closes or resets the connection, at most {@code
     * limit}; then closes it. Returns whether the client closed it first.
     */
    boolean stallUntilClientCloses(Duration limit) throws IOException {
      boolean byClient = awaitClientClose(connection, limit);
      if (!connection.socket.isClosed()) {
        close();
      }
      return byClient;
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  /** The same server under another host name: for OkHttp a different host. */
  String urlAsLocalhost(String path) {
    return "http://localhost:" + port() + path;
  }

  int port() {
    return listener.getLocalPort();
  }

  RawServer enqueue(Script script) {
    scripts.add(script);
    return this;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  List<Connection> connections() {
    return List.copyOf(connections);
  }

  /** Scripts not used yet. */
  int pendingScripts() {
    return scripts.size();
  }

  /** Remembers how many requests each connection has served, for {@link Connection#released()}. */
  void mark() {
    for (Connection c : connections) {
      c.requestsAtMark = c.requests;
    }
  }

  /** Waits up to {@code limit} for every connection to be {@link Connection#released()}; returns those that are not. */
  List<Connection> awaitReleased(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      List<Connection> held = new ArrayList<>();
      for (Connection c : connections) {
        if (!c.released()) {
          held.add(c);
        }
      }
      if (held.isEmpty() || System.nanoTime() > deadline) {
        return held;
      }
      Thread.sleep(10);
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    listener.close();
    for (Connection c : connections) {
      c.socket.close();
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      Connection connection = new Connection(connections.size() + 1, socket);
      connections.add(connection);
      Thread serving = new Thread(() -> serve(connection), "raw-server-conn-" + connection.id);
      serving.setDaemon(true);
      serving.start();
    }
  }

  private void serve(Connection connection) {
    try {
      InputStream in = connection.socket.getInputStream();
      while (!connection.socket.isClosed()) {
        Request request = readHead(connection.id, in);
        if (request == null) {
          connection.closedByClient = true;
          break;
        }
        requests.add(request);
        connection.requests++;
        Script script = scripts.poll(SCRIPT_WAIT_MS, TimeUnit.MILLISECONDS);
        Exchange exchange = new Exchange(request, connection);
        if (script == null) {
          exchange.send("HTTP/1.1 599 No Script Queued\r\nContent-Length: 0\r\n\r\n");
          continue;
        }
        script.serve(exchange);
      }
    } catch (SocketException e) {
      if (!connection.closedByServer) {
        connection.closedByClient = true; // reset by the client
      }
    } catch (Exception e) {
      if (!closed && !connection.closedByServer) {
        e.printStackTrace();
      }
    } finally {
      try {
        connection.socket.close();
      } catch (IOException ignored) {
        // nothing left to do
      }
    }
  }

  /** Reads until the end of stream or a reset: true when the client closed the connection. */
  private static boolean awaitClientClose(Connection connection, Duration limit) throws IOException {
    Socket socket = connection.socket;
    long deadline = System.nanoTime() + limit.toNanos();
    try {
      InputStream in = socket.getInputStream();
      while (System.nanoTime() < deadline) {
        socket.setSoTimeout(50);
        try {
          if (in.read() < 0) {
            connection.closedByClient = true;
            return true;
          }
        } catch (SocketTimeoutException notYet) {
          // keep waiting
        }
      }
      return false;
    } catch (SocketException reset) {
      connection.closedByClient = true;
      return true;
    } finally {
      if (!socket.isClosed()) {
        socket.setSoTimeout(0);
      }
    }
  }

  /** The request line and headers, or null at the end of stream before any byte. */
  private static @Nullable Request readHead(int connection, InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
      }
    }
    String length = headers.get("content-length");
    if (length != null) {
      in.readNBytes(Integer.parseInt(length)); // a request body, if any: not looked at
    }
    return new Request(connection, lines[0], headers);
  }

  // ---- ready-made scripts ----

  /** A complete response with a Content-Length, the connection kept open. */
  static Script respond(int code, String contentType, byte[] body, String... extraHeaders) {
    List<String> headers = new ArrayList<>(List.of("Content-Type: " + contentType, "Content-Length: " + body.length));
    headers.addAll(List.of(extraHeaders));
    return exchange -> exchange.send(head(code, headers.toArray(String[]::new))).send(body);
  }

  static Script json(int code, String body, String... extraHeaders) {
    return respond(code, "application/json", body.getBytes(StandardCharsets.UTF_8), extraHeaders);
  }

  /** A status line and headers, ending with the blank line. */
  static String head(int code, String... headers) {
    StringBuilder out = new StringBuilder("HTTP/1.1 ").append(code).append(' ').append(reason(code)).append("\r\n");
    for (String header : headers) {
      out.append(header).append("\r\n");
    }
    return out.append("\r\n").toString();
  }

  private static String reason(int code) {
    return switch (code) {
      case 100 -> "Continue";
      case 103 -> "Early Hints";
      case 200 -> "OK";
      case 204 -> "No Content";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 304 -> "Not Modified";
      case 307 -> "Temporary Redirect";
      case 401 -> "Unauthorized";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> "Status";
    };
  }
}
