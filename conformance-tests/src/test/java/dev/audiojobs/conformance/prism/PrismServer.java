package dev.audiojobs.conformance.prism;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prism mock server ({@code prism mock -d}) serving one spec on a loopback port, its output in a log
 * file under {@code target/prism/}. One process serves every request of a sweep: starting Node and
 * loading a spec takes seconds, a request takes milliseconds.
 */
final class PrismServer implements AutoCloseable {
  private static final Path EXECUTABLE =
      Path.of(System.getProperty("prism.executable", "node_modules/.bin/prism"));
  private static final long START_TIMEOUT_MILLIS = 60_000;
  private static final Pattern RESPONSE_VIOLATION = Pattern.compile("Violation: response");

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;

  private PrismServer(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts Prism for each spec at once, so that the Node start-ups overlap, and returns when every one
   * listens. On failure, the ones already started are stopped.
   */
  static List<PrismServer> startAll(List<Path> specs) {
    List<PrismServer> servers = new ArrayList<>();
    try {
      for (Path spec : specs) servers.add(launch(spec));
      for (PrismServer server : servers) server.awaitListening();
      return servers;
    } catch (RuntimeException | Error e) {
      servers.forEach(PrismServer::close);
      throw e;
    }
  }

  private static PrismServer launch(Path spec) {
    if (!Files.isExecutable(EXECUTABLE)) {
      throw new IllegalStateException("Prism is not installed at " + EXECUTABLE.toAbsolutePath()
          + ": ./mvnw verify installs it (npm ci in conformance-tests), or run npm ci there yourself");
    }
    String fileName = spec.getFileName().toString();
    String name = spec.getParent().getFileName() + "/" + fileName;
    try {
      Path logDir = Files.createDirectories(Path.of("target", "prism"));
      Path log = logDir.resolve(spec.getParent().getFileName() + "-" + fileName.replaceAll("\\.ya?ml$", "") + ".log");
      Path served = servedCopy(spec, logDir);
      int port = freeLoopbackPort();
      // Loopback only (-h 127.0.0.1); dynamic mode (-d) so every response is freshly generated from the
      // schema. Not --errors: with it Prism replaces each response its own validator rejects by a 500,
      // and it rejects most pyannote jobs, whose oneOf branches overlap by design (the client picks by
      // x-audiojobs-select); the sweep judges generated bodies against the spec itself (ResponseSchemas).
      // Not --seed: a seed makes every response of a run identical.
      ProcessBuilder builder = new ProcessBuilder(EXECUTABLE.toString(), "mock", "-d",
          "-h", "127.0.0.1", "-p", Integer.toString(port), served.toAbsolutePath().toString())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      // Prism's pretty log colours each line when asked to; the log is read by people and by countViolations.
      builder.environment().put("NO_COLOR", "1");
      builder.environment().put("FORCE_COLOR", "0");
      Process process = builder.start();
      // close() is the way Prism stops; this hook is for a test JVM that is killed or exits early.
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop " + name));
      return new PrismServer(name, process, port, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Prism for " + spec, e);
    }
  }

  /**
   * The spec as Prism gets it: unchanged but for one root extension, {@code x-json-schema-faker}, the
   * place Prism reads generator options from. Prism's own defaults fake every optional property every
   * time (alwaysFakeOptionals), so a sweep with them would never send a job without its optional
   * fields, and could not notice a client that wrongly requires one (or an upstream property a
   * normalized spec made required). Here each optional property is left out about half the time;
   * fillProperties stays on, so unknown properties keep coming too.
   */
  private static Path servedCopy(Path spec, Path logDir) throws IOException {
    ObjectNode root = (ObjectNode) Spec.YAML.readTree(spec.toFile());
    ObjectNode faker = root.putObject("x-json-schema-faker");
    faker.put("alwaysFakeOptionals", false);
    faker.put("optionalsProbability", 0.9);
    faker.put("fixedProbabilities", false);
    Path served = Files.createDirectories(logDir.resolve("served"))
        .resolve(spec.getParent().getFileName() + "-" + spec.getFileName());
    Spec.YAML.writeValue(served.toFile(), root);
    return served;
  }

  // The port may in theory be taken between this close and Prism's bind; Prism then exits, and
  // awaitListening reports it with the log rather than hanging.
  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitListening() {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Prism for " + name + " exited with " + process.exitValue()
            + " before listening on port " + port + "; its log " + log + ":\n" + logTail());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        sleep(100);
      }
    }
    close();
    throw new IllegalStateException("Prism for " + name + " did not listen on port " + port + " within "
        + START_TIMEOUT_MILLIS / 1000 + " s; its log " + log + ":\n" + logTail());
  }

  /** The base URL a client uses; Prism routes the spec's paths from the root, whatever the servers say. */
  String baseUrl() {
    return "http://127.0.0.1:" + port + "/";
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  /**
   * How many times Prism's own validator flagged one of its generated responses as violating the spec,
   * as its log says so far. Informational: the log is written asynchronously, so it is not per call.
   */
  long responseViolationsLogged() {
    try {
      Matcher matcher = RESPONSE_VIOLATION.matcher(Files.readString(log, StandardCharsets.UTF_8));
      long count = 0;
      while (matcher.find()) count++;
      return count;
    } catch (IOException e) {
      return -1;
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  /** Stops Prism and waits for it, forcibly after 10 s; safe to call twice. */
  @Override
  public void close() {
    // Prism runs in the node process itself (the bin is a node script), but stop any child too.
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Prism", e);
    }
  }
}
