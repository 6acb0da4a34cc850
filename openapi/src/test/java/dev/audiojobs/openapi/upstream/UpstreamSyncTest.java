package dev.audiojobs.openapi.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code openapi/sync-upstream} against a local HTTP server on loopback serving the saved vendor pages
 * (openapi/src/test/resources/vendor-pages/) at the paths their provenance names. No test touches the
 * internet.
 */
final class UpstreamSyncTest {
  private static final Path OPENAPI = Path.of("").toAbsolutePath();
  private static final Path ROOT = OPENAPI.getParent();
  private static final Path PACTS = ROOT.resolve("conformance-tests").resolve("pacts");

  private final Map<String, String> pages = new ConcurrentHashMap<>();
  private HttpServer server;
  @TempDir Path temp;
  private Path openapi;

  @BeforeEach
  void serveTheSavedPages() throws IOException {
    UpstreamTree tree = new UpstreamTree(OPENAPI.resolve("upstream"));
    for (String vendor : tree.vendors()) {
      JsonNode provenance = tree.read(OPENAPI.resolve("upstream").resolve(vendor).resolve("provenance.yaml"));
      provenance.path("files").forEach(f -> {
        if (!f.hasNonNull("saved-page")) return; // a drafted file with no saved page is not fetched
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
    openapi = temp.resolve("openapi");
    for (String dir : new String[] {"upstream", "overlays", "normalized"}) {
      UpstreamCheck.copyTree(OPENAPI.resolve(dir), openapi.resolve(dir));
    }
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String sync(int expectedExit) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int exit = new UpstreamSync(openapi, ROOT, PACTS, "http://127.0.0.1:" + server.getAddress().getPort())
        .run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(exit).as("exit status; printed:\n%s", printed).isEqualTo(expectedExit);
    return printed;
  }

  @Test
  void unchangedPagesLeaveTheUpstreamAsItIsAndTheCheckPasses() {
    String printed = sync(0);
    assertThat(printed).contains("UNCHANGED pyannote get-job.yaml", "UNCHANGED pyannote list-jobs.yaml",
        "UNCHANGED daily batch-processor.yaml", "UNCHANGED lyrcs jobs.yaml", "IDENTICAL pyannote",
        "UNCHECKED pyannote write-side.yaml: drafted from https://docs.pyannote.ai/openapi.json with no saved copy of it");
    assertThat(read(openapi.resolve("upstream/pyannote/get-job.yaml"))).isEqualTo(read(OPENAPI.resolve("upstream/pyannote/get-job.yaml")));
  }

  @Test
  void aPublishedPageWithABreakingChangeIsRewrittenAndJudgedBreaking() {
    pages.computeIfPresent("/docs.pyannote.ai/api-reference/get-job", (k, page) -> page.replace(
        "    DiarizationSegment:\n      type: object\n      properties:\n        speaker:",
        "    DiarizationSegment:\n      type: object\n      properties:\n        speakerLabel:"));
    String printed = sync(1);
    assertThat(printed).contains("REWROTE pyannote get-job.yaml",
        "BREAKING pyannote getJob 200 $<DiarizationJob>.output.diarization[].speaker: property removed (renamed to speakerLabel?)");
    String rewritten = read(openapi.resolve("upstream/pyannote/get-job.yaml"));
    assertThat(rewritten).contains("        speakerLabel:");
    assertThat(read(openapi.resolve("upstream/pyannote/provenance.yaml"))).contains(UpstreamSync.sha256(rewritten));
  }

  @Test
  void aPublishedPageWithASafeChangeIsRewrittenAndPasses() {
    pages.computeIfPresent("/docs.pyannote.ai/api-reference/list-jobs", (k, page) -> page.replace(
        "      summary: Get all jobs.", "      summary: Get all the jobs of the team."));
    String printed = sync(0);
    assertThat(printed).contains("REWROTE pyannote list-jobs.yaml", "SAFE pyannote listJobs summary: documentation changed");
  }

  @Test
  void aChangedDraftedPageIsReportedForARedraftAndNothingIsRewritten() {
    pages.computeIfPresent("/docs.lyrcs.ai/api-reference/get-job", (k, page) -> page + "\nA new field: `bpm`.\n");
    String printed = sync(2);
    assertThat(printed).contains("REDRAFT lyrcs jobs.yaml: the doc page https://docs.lyrcs.ai/api-reference/get-job changed");
    assertThat(read(openapi.resolve("upstream/lyrcs/jobs.yaml"))).isEqualTo(read(OPENAPI.resolve("upstream/lyrcs/jobs.yaml")));
  }

  @Test
  void aPageThatCannotBeFetchedMakesTheSyncUnusable() {
    pages.remove("/docs.daily.co/reference/rest-api/batch-processor/reference/get-job");
    assertThat(sync(2)).contains("UNUSABLE daily: cannot fetch https://docs.daily.co/reference/rest-api/batch-processor/reference/get-job (HTTP 404");
  }

  /** Turns list-jobs.yaml of the copied tree into a raw spec file at a URL: no extract line, a raw source. */
  private String servedRaw(String body) {
    Path provenance = openapi.resolve("upstream/pyannote/provenance.yaml");
    String text = read(provenance);
    String raw = text.replace("    source: https://docs.pyannote.ai/api-reference/list-jobs\n",
            "    source: https://raw.example.test/pyannote/list-jobs.yaml\n")
        .replace("    extract: the ````yaml block headed \"GET /v1/jobs\", fence lines excluded\n", "");
    assertThat(raw).as("the fixture provenance still has the lines this test rewrites").isNotEqualTo(text)
        .doesNotContain("headed \"GET /v1/jobs\"");
    write(provenance, raw);
    pages.put("/raw.example.test/pyannote/list-jobs.yaml", body);
    return read(OPENAPI.resolve("upstream/pyannote/list-jobs.yaml"));
  }

  @Test
  void aRawYamlSpecAtAUrlIsTheFileByteForByte() {
    String committed = servedRaw("");
    String changed = committed.replace("      summary: Get all jobs.", "      summary: Get all the jobs of the team.");
    assertThat(changed).isNotEqualTo(committed);
    pages.put("/raw.example.test/pyannote/list-jobs.yaml", changed);
    String printed = sync(0);
    assertThat(printed).contains("REWROTE pyannote list-jobs.yaml from https://raw.example.test/pyannote/list-jobs.yaml",
        "SAFE pyannote listJobs summary: documentation changed");
    assertThat(read(openapi.resolve("upstream/pyannote/list-jobs.yaml"))).isEqualTo(changed);
    assertThat(read(openapi.resolve("upstream/pyannote/provenance.yaml"))).contains(UpstreamSync.sha256(changed));
  }

  @Test
  void aRawJsonSpecAtAUrlIsTheFileByteForByte() throws IOException {
    String committed = servedRaw("");
    String json = new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
        .writeValueAsString(new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(committed));
    pages.put("/raw.example.test/pyannote/list-jobs.yaml", json);
    String printed = sync(0);
    assertThat(printed).contains("REWROTE pyannote list-jobs.yaml from https://raw.example.test/pyannote/list-jobs.yaml");
    assertThat(read(openapi.resolve("upstream/pyannote/list-jobs.yaml"))).isEqualTo(json);
  }

  @Test
  void aRawUrlThatServesSomethingElseThanASpecIsUnusableAndNothingIsWritten() {
    servedRaw("<!doctype html>\n<html><body>Sign in to continue</body></html>\n");
    assertThat(sync(2)).contains("UNUSABLE pyannote list-jobs.yaml: https://raw.example.test/pyannote/list-jobs.yaml is not a"
        + " YAML or JSON mapping; if the spec is embedded in a doc page, name its block with an extract line");
    assertThat(read(openapi.resolve("upstream/pyannote/list-jobs.yaml")))
        .isEqualTo(read(OPENAPI.resolve("upstream/pyannote/list-jobs.yaml")));
    pages.put("/raw.example.test/pyannote/list-jobs.yaml", "{\"error\": \"not found\"}");
    assertThat(sync(2)).contains("is a document without an `openapi` version, not a spec");
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
