package dev.audiojobs.openapi.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .github/scripts/upstream-watch}, what the nightly workflow (.github/workflows/upstream.yml)
 * runs, run as the workflow runs it: a bash process in a git checkout (a copy of this repository's
 * specs, overlays, pacts and scripts, committed), with {@code GITHUB_STEP_SUMMARY} and {@code
 * GITHUB_OUTPUT} set, fetching the vendors' pages from a loopback server that serves the saved pages
 * (openapi/src/test/resources/vendor-pages/), changed per test. No test touches the internet.
 */
final class UpstreamWatchScriptTest {
  private static final Path OPENAPI = Path.of("").toAbsolutePath();
  private static final Path ROOT = OPENAPI.getParent();

  private final Map<String, String> pages = new ConcurrentHashMap<>();
  private HttpServer server;
  @TempDir Path temp;
  private Path checkout;

  @BeforeEach
  void checkOutAndServeTheSavedPages() throws IOException, InterruptedException {
    UpstreamTree tree = new UpstreamTree(OPENAPI.resolve("upstream"));
    for (String vendor : tree.vendors()) {
      JsonNode provenance = tree.read(OPENAPI.resolve("upstream").resolve(vendor).resolve("provenance.yaml"));
      provenance.path("files").forEach(f -> {
        if (!f.hasNonNull("saved-page")) {
          return; // a drafted file without a saved page: sync-upstream reports it UNCHECKED, fetching nothing
        }
        URI source = URI.create(f.path("source").asText());
        pages.put("/" + source.getHost() + source.getRawPath(), read(ROOT.resolve(f.path("saved-page").asText())));
      });
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String page = pages.get(exchange.getRequestURI().getRawPath());
      byte[] body = (page == null ? "not found" : page).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();

    checkout = temp.resolve("checkout");
    for (String dir : List.of("openapi/upstream", "openapi/overlays", "openapi/normalized", "conformance-tests/pacts",
        "openapi/src/test/resources/vendor-pages")) {
      UpstreamCheck.copyTree(ROOT.resolve(dir), checkout.resolve(dir));
    }
    for (String script : List.of(".github/scripts/upstream-watch", "openapi/sync-upstream")) {
      Files.createDirectories(checkout.resolve(script).getParent());
      Files.copy(ROOT.resolve(script), checkout.resolve(script));
      checkout.resolve(script).toFile().setExecutable(true);
    }
    // The built tools (process-classes ran before this test), so that sync-upstream does not build them.
    Files.createDirectories(checkout.resolve("openapi/target"));
    Files.createSymbolicLink(checkout.resolve("openapi/target/classes"), OPENAPI.resolve("target/classes"));
    Files.copy(OPENAPI.resolve("target/tools.classpath"), checkout.resolve("openapi/target/tools.classpath"));
    Files.writeString(checkout.resolve(".gitignore"), "target/\nopenapi/target/\n");
    git("init", "-q");
    git("add", "-A");
    git("-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", "base");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  /** What one run of the script left: exit status, stdout, the files the workflow reads. */
  private record Run(int exit, String printed, String summary, String outputs, String reportMd) {}

  private Run watch() throws IOException, InterruptedException {
    Path summary = temp.resolve("step-summary.md");
    Path outputs = temp.resolve("github-output");
    Files.writeString(summary, "");
    Files.writeString(outputs, "");
    ProcessBuilder builder = new ProcessBuilder("bash", ".github/scripts/upstream-watch",
        "--base-url", "http://127.0.0.1:" + server.getAddress().getPort())
        .directory(checkout.toFile())
        .redirectErrorStream(true);
    builder.environment().put("GITHUB_STEP_SUMMARY", summary.toString());
    builder.environment().put("GITHUB_OUTPUT", outputs.toString());
    builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
    builder.environment().remove("UPSTREAM_WATCH_OUT");
    Process process = builder.start();
    String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the script ended").isTrue();
    Path report = checkout.resolve("target/upstream-watch/report.txt");
    printed += Files.exists(report) ? "\n" + read(report) : "";
    return new Run(process.exitValue(), printed, read(summary), read(outputs),
        read(checkout.resolve("target/upstream-watch/report.md")));
  }

  @Test
  void unchangedPagesPassWithNothingToDo() throws Exception {
    Run run = watch();

    assertThat(run.exit()).as(run.printed()).isZero();
    assertThat(run.outputs()).isEqualTo("status=0\nchanged=false\naction=none\n");
    assertThat(run.summary()).startsWith("## Upstream watch: exit 0\n\nUpstream unchanged for this client: nothing to do.")
        .contains("UNCHANGED pyannote get-job.yaml").isEqualTo(run.reportMd());
    assertThat(read(checkout.resolve("target/upstream-watch/report.txt"))).contains("IDENTICAL pyannote");
  }

  @Test
  void aSafeChangeAsksForAPullRequestListingTheRewrittenFiles() throws Exception {
    pages.computeIfPresent("/docs.pyannote.ai/api-reference/list-jobs", (k, page) -> page.replace(
        "      summary: Get all jobs.", "      summary: Get all the jobs of the team."));

    Run run = watch();

    assertThat(run.exit()).as(run.printed()).isZero();
    assertThat(run.outputs()).isEqualTo("status=0\nchanged=true\naction=pull-request\n");
    assertThat(run.summary()).contains("a pull request carries the new files",
        "- `openapi/upstream/pyannote/list-jobs.yaml`", "- `openapi/upstream/pyannote/provenance.yaml`",
        "SAFE pyannote listJobs summary: documentation changed");
  }

  @Test
  void aBreakingChangeFailsWithTheBreakingLineInTheSummary() throws Exception {
    pages.computeIfPresent("/docs.pyannote.ai/api-reference/get-job", (k, page) -> page.replace(
        "    DiarizationSegment:\n      type: object\n      properties:\n        speaker:",
        "    DiarizationSegment:\n      type: object\n      properties:\n        speakerLabel:"));

    Run run = watch();

    assertThat(run.exit()).as(run.printed()).isEqualTo(1);
    assertThat(run.outputs()).isEqualTo("status=1\nchanged=true\naction=fail\n");
    assertThat(run.summary()).contains("BREAKING upstream change",
        "BREAKING pyannote getJob 200 $<DiarizationJob>.output.diarization[].speaker: property removed");
  }

  @Test
  void aPageThatCannotBeFetchedNeedsAHuman() throws Exception {
    pages.remove("/docs.daily.co/reference/rest-api/batch-processor/reference/get-job");

    Run run = watch();

    assertThat(run.exit()).as(run.printed()).isEqualTo(2);
    assertThat(run.outputs()).endsWith("action=fail\n").startsWith("status=2\n");
    assertThat(run.summary()).contains("Needs a human", "UNUSABLE daily: cannot fetch");
  }

  private void git(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(checkout.toFile()).redirectErrorStream(true).start();
    String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("git %s: %s", String.join(" ", args), printed).isZero();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
