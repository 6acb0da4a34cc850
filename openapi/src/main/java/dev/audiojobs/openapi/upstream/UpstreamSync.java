package dev.audiojobs.openapi.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.audiojobs.openapi.VendorPages;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code openapi/sync-upstream}: refetches every vendor's sources named in its
 * {@code openapi/upstream/<vendor>/provenance.yaml}, rewrites {@code openapi/upstream/}, and runs the
 * upstream check of the new tree against the one it replaced.
 *
 * <ul>
 *   <li>{@code kind: published} (pyannote): each file's {@code source} page is fetched and the fenced
 *       YAML block named by its {@code extract} line ({@code headed "GET /v1/jobs"}) becomes the file,
 *       byte for byte; the provenance's {@code sha256} and {@code retrieved} date follow. A file with no
 *       {@code extract} line (or {@code extract: the whole file}) is a raw spec at its URL, YAML or JSON
 *       ({@code https://raw.githubusercontent.com/…/openapi.yml}): the fetched body becomes the file,
 *       byte for byte, once it reads as a document with an {@code openapi} (or {@code swagger}) version;
 *       anything else (an HTML page, an error text) is reported unusable and nothing is written.
 *   <li>{@code kind: drafted} (daily, lyrcs): the spec is ours, drafted from a doc page; when the fetched
 *       page differs from the committed {@code saved-page}, the report says the page changed and the
 *       file needs a redraft. Nothing is rewritten. A drafted file without a {@code saved-page}
 *       (pyannote's write side) is reported {@code UNCHECKED} and not fetched; it leaves the exit
 *       status alone.
 * </ul>
 * A file's own {@code kind} overrides its vendor's, so one vendor can hold published and drafted files.
 * Exit status: the check's (0, 1, 2); 2 as well when a page cannot be fetched or read, and when the check
 * finds nothing breaking but a drafted page needs a redraft.
 */
public final class UpstreamSync {
  private static final Pattern HEADED = Pattern.compile("headed \"([^\"]+)\"");
  /** The extract line of a raw spec file at a URL; no extract line at all means the same. */
  static final String WHOLE_FILE = "the whole file";
  private static final com.fasterxml.jackson.databind.ObjectMapper SPEC_READER =
      dev.audiojobs.openapi.Yaml12Factory.mapper(); // YAML reads JSON too

  private final Path openapiDir;
  private final Path projectRoot;
  private final Path pactsDir;
  private final String baseUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
      .followRedirects(HttpClient.Redirect.NORMAL).build();

  /**
   * @param openapiDir the {@code openapi/} folder to sync
   * @param projectRoot where the provenance's {@code saved-page} paths are relative to
   * @param pactsDir the committed pacts the check replays
   * @param baseUrl when not null, replaces each source's scheme and host: {@code https://docs.x/p}
   *     is fetched from {@code <baseUrl>/docs.x/p} (tests serve saved pages from a local server)
   */
  public UpstreamSync(Path openapiDir, Path projectRoot, Path pactsDir, String baseUrl) {
    this.openapiDir = openapiDir;
    this.projectRoot = projectRoot;
    this.pactsDir = pactsDir;
    this.baseUrl = baseUrl;
  }

  /** Syncs, prints what happened and the check's report to {@code out}; returns the exit status. */
  public int run(PrintStream out) {
    Path upstream = openapiDir.resolve("upstream");
    List<String> problems = new ArrayList<>();
    List<String> redrafts = new ArrayList<>();
    Path baseline;
    try {
      // The check compares with what the sync replaces, so keep a copy of the committed layout first.
      baseline = Files.createTempDirectory("audiojobs-sync-baseline");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      for (String dir : List.of("upstream", "overlays", "normalized")) {
        UpstreamCheck.copyTree(openapiDir.resolve(dir), baseline.resolve(dir));
      }
      for (String vendor : new UpstreamTree(upstream).vendors()) {
        syncVendor(vendor, upstream.resolve(vendor), out, problems, redrafts);
      }
      problems.forEach(p -> out.println("UNUSABLE " + p));
      redrafts.forEach(r -> out.println("REDRAFT " + r));
      UpstreamCheck.Report report = new UpstreamCheck(baseline, pactsDir).check(upstream);
      report.lines().forEach(out::println);
      int status = report.exitStatus();
      if (status == 0 && (!problems.isEmpty() || !redrafts.isEmpty())) status = 2;
      return status;
    } finally {
      UpstreamCheck.deleteTree(baseline);
    }
  }

  private void syncVendor(String vendor, Path dir, PrintStream out, List<String> problems, List<String> redrafts) {
    Path provenanceFile = dir.resolve(UpstreamTree.PROVENANCE);
    JsonNode provenance = new UpstreamTree(dir.getParent()).read(provenanceFile);
    String vendorKind = provenance.path("kind").asText();
    String provenanceText = read(provenanceFile);
    boolean rewritten = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = provenance.path("files").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String file = entry.getKey();
      JsonNode source = entry.getValue();
      String url = source.path("source").asText();
      String kind = source.path("kind").asText(vendorKind);
      if (kind.equals("drafted") && !source.hasNonNull("saved-page")) {
        // Nothing to compare a fetched page with; saying so beats a redraft request on every run.
        out.println("UNCHECKED " + vendor + " " + file + ": drafted from " + url + " with no saved copy of it;"
            + " compare by hand, or save the page and name it as saved-page in " + provenanceFile);
        continue;
      }
      String page;
      try {
        page = fetch(url);
      } catch (IOException e) {
        problems.add(vendor + ": cannot fetch " + url + " (" + e.getMessage() + "); try again or check the URL in " + provenanceFile);
        continue;
      }
      if (kind.equals("drafted")) {
        Path saved = projectRoot.resolve(source.path("saved-page").asText());
        if (Files.exists(saved) && read(saved).equals(page)) {
          out.println("UNCHANGED " + vendor + " " + file + ": " + url + " is the saved page");
        } else {
          redrafts.add(vendor + " " + file + ": the doc page " + url + " changed since " + source.path("saved-page").asText()
              + "; redraft openapi/upstream/" + vendor + "/" + file + " from it, save the page there, and run openapi/check-upstream");
        }
        continue;
      }
      if (!source.hasNonNull("extract") || source.path("extract").asText().equals(WHOLE_FILE)) {
        // A raw spec file at a URL (YAML or JSON): the fetched body is the file, byte for byte.
        String problem = notASpec(page);
        if (problem != null) {
          problems.add(vendor + " " + file + ": " + url + " " + problem + "; if the spec is embedded in a doc page, name its"
              + " block with an extract line (the ```yaml block headed \"…\") in " + provenanceFile);
          continue;
        }
        if (rewrite(vendor, dir, file, url, page, out)) {
          provenanceText = provenanceText.replace(source.path("sha256").asText(), sha256(page));
          rewritten = true;
        }
        continue;
      }
      Matcher headed = HEADED.matcher(source.path("extract").asText());
      String heading = headed.find() ? headed.group(1) : null;
      List<VendorPages.YamlBlock> blocks;
      try {
        blocks = VendorPages.yamlBlocks(page);
      } catch (IllegalArgumentException e) {
        problems.add(vendor + " " + file + ": " + url + ": " + e.getMessage());
        continue;
      }
      VendorPages.YamlBlock block = blocks.stream().filter(b -> heading == null || b.heading().equals(heading)).findFirst().orElse(null);
      if (block == null) {
        problems.add(vendor + " " + file + ": " + url + " has no yaml block headed \"" + heading + "\" (blocks: "
            + blocks.stream().map(VendorPages.YamlBlock::heading).toList() + "); update the extract line in " + provenanceFile);
        continue;
      }
      if (rewrite(vendor, dir, file, url + " (its block)", block.content(), out)) {
        provenanceText = provenanceText.replace(source.path("sha256").asText(), sha256(block.content()));
        rewritten = true;
      }
    }
    if (rewritten) {
      provenanceText = provenanceText.replaceFirst("(?m)^retrieved: \"[^\"]*\"",
          "retrieved: \"" + LocalDate.now(ZoneOffset.UTC) + "\"");
      write(provenanceFile, provenanceText);
    }
  }

  /** Writes {@code content} as the upstream file unless it is the committed one; returns whether it wrote. */
  private static boolean rewrite(String vendor, Path dir, String file, String from, String content, PrintStream out) {
    Path target = dir.resolve(file);
    if (Files.exists(target) && read(target).equals(content)) {
      out.println("UNCHANGED " + vendor + " " + file + ": " + from + " is the committed file");
      return false;
    }
    write(target, content);
    out.println("REWROTE " + vendor + " " + file + " from " + from + " (sha256 " + sha256(content) + ")");
    return true;
  }

  /** Null when {@code body} is an OpenAPI (or Swagger) document in YAML or JSON; else what it is instead. */
  static String notASpec(String body) {
    JsonNode document;
    try {
      document = SPEC_READER.readTree(body);
    } catch (IOException e) {
      String first = body.strip().lines().findFirst().orElse("");
      return "is neither YAML nor JSON (it starts " + (first.length() > 40 ? first.substring(0, 40) + "…" : first) + ")";
    }
    if (document == null || !document.isObject()) return "is not a YAML or JSON mapping";
    if (!document.has("openapi") && !document.has("swagger")) return "is a document without an `openapi` version, not a spec";
    return null;
  }

  private String fetch(String url) throws IOException {
    URI source = URI.create(url);
    URI target = baseUrl == null ? source
        : URI.create(baseUrl.replaceAll("/$", "") + "/" + source.getHost() + source.getRawPath());
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60)).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 200) throw new IOException("HTTP " + response.statusCode() + " from " + target);
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * {@code UpstreamSync [--openapi <dir>] [--root <dir>] [--pacts <dir>] [--base-url <url>]}; defaults
   * are relative to the working directory, the project root.
   */
  public static void main(String[] args) {
    Path openapi = Path.of("openapi");
    Path root = Path.of("");
    Path pacts = Path.of("conformance-tests", "pacts");
    String baseUrl = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--openapi" -> openapi = Path.of(args[i + 1]);
        case "--root" -> root = Path.of(args[i + 1]);
        case "--pacts" -> pacts = Path.of(args[i + 1]);
        case "--base-url" -> baseUrl = args[i + 1];
        default -> {
          System.err.println("usage: openapi/sync-upstream [--base-url <url>]");
          System.exit(2);
        }
      }
    }
    System.exit(new UpstreamSync(openapi, root, pacts, baseUrl).run(System.out));
  }
}
