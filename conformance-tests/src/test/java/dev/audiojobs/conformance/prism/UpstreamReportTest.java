package dev.audiojobs.conformance.prism;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same sweep against each upstream spec, reported and not failed: every response the upstream
 * spec allows that the client rejects (and every client request the upstream spec refuses) is listed
 * in {@code target/prism-upstream-report.md} with the overlay action that explains it, so that each
 * tightening of the normalized spec is a decision someone wrote down. A group no action explains is
 * marked UNEXPLAINED: a tightening nobody decided, or a client bug.
 *
 * <p>The client's operations are matched to the upstream ones by HTTP method and path, since the
 * overlays rename operation ids.
 */
final class UpstreamReportTest {
  /** Upstream files, each served alone: pyannote's two files are two fragments of one API. */
  static final List<String> UPSTREAM = List.of(
      "pyannote/get-job.yaml", "pyannote/list-jobs.yaml", "pyannote/write-side.yaml", "daily/batch-processor.yaml",
      "lyrcs/jobs.yaml");
  static final Path OPENAPI = Path.of(System.getProperty("conformance.openapi", "../openapi"));
  static final Path REPORT = Path.of("target", "prism-upstream-report.md");

  private static List<PrismServer> servers = List.of();
  private static long startedAt;

  @BeforeAll
  static void startPrism() {
    startedAt = System.nanoTime();
    servers = PrismServer.startAll(UPSTREAM.stream().map(f -> OPENAPI.resolve("upstream").resolve(f)).toList());
  }

  @AfterAll
  static void stopPrism() {
    servers.forEach(PrismServer::close);
  }

  @Test
  void everyUpstreamValidResponseTheClientRejectsIsListedWithTheOverlayDecisionThatExplainsIt() throws IOException {
    List<String> report = new ArrayList<>();
    Map<String, List<Sweep.Result>> byVendor = new LinkedHashMap<>();
    Map<String, int[]> groupsByVendor = new LinkedHashMap<>(); // vendor → {groups, unexplained}
    List<String> sections = new ArrayList<>();
    for (int i = 0; i < UPSTREAM.size(); i++) {
      String file = UPSTREAM.get(i);
      String vendor = file.substring(0, file.indexOf('/'));
      Spec upstream = Spec.read(OPENAPI.resolve("upstream").resolve(file));
      Spec normalized = Spec.read(PrismSweepTest.NORMALIZED.resolve(vendor + ".yaml"));
      OverlayActions overlays = OverlayActions.of(OPENAPI.resolve("overlays"), vendor);
      PrismServer server = servers.get(i);
      sections.add("## " + vendor + ": openapi/upstream/" + file);
      sections.add("");
      List<Sweep.Result> results = new ArrayList<>();
      for (Spec.Operation served : upstream.operations()) {
        Optional<Spec.Operation> client = normalized.operation(served.method(), served.path());
        if (client.isEmpty()) {
          sections.add("- " + served.describe() + " (" + served.operationId() + "): not in the client; not swept.");
          continue;
        }
        Sweep.Result result = Sweep.run(vendor, client.get(), upstream, served, server.baseUrl(),
            PrismSweepTest.DECODABLE_PER_OPERATION, PrismSweepTest.CALLS_PER_ERROR_STATUS);
        results.add(result);
        sections.add("- " + served.describe() + ": upstream `" + served.operationId() + "`, client `"
            + client.get().operationId() + "`: " + SweepReport.counts(List.of(result)));
      }
      byVendor.computeIfAbsent(vendor, v -> new ArrayList<>()).addAll(results);
      sections.add("");
      int[] counts = groupsByVendor.computeIfAbsent(vendor, v -> new int[2]);
      sections.addAll(rejections(results, overlays, counts));
      sections.addAll(outsideSpec(results));
    }

    double seconds = (System.nanoTime() - startedAt) / 1e9;
    report.add("# Prism sweep of the upstream specs");
    report.add("");
    report.add("Prism serves each upstream file in dynamic mode; the client (generated from the normalized spec) "
        + "makes the calls. Listed below: the responses the upstream spec allows that the client rejects, and "
        + "client requests the upstream spec refuses, grouped by operation, JSON path and reason, each with the "
        + "overlay action(s) whose decision explains it. UNEXPLAINED means no overlay action states that decision. "
        + String.format(Locale.ROOT, "%.1f s including Prism start-up.", seconds));
    report.add("");
    for (Map.Entry<String, List<Sweep.Result>> vendor : byVendor.entrySet()) {
      int[] counts = groupsByVendor.get(vendor.getKey());
      String line = "prism upstream " + vendor.getKey() + ": " + SweepReport.counts(vendor.getValue()) + "; "
          + counts[0] + " groups of rejections, " + (counts[0] - counts[1]) + " explained by an overlay, "
          + counts[1] + " UNEXPLAINED";
      System.out.println(line);
      report.add("- " + line);
    }
    report.add("");
    report.addAll(sections);
    Files.createDirectories(REPORT.toAbsolutePath().getParent());
    Files.write(REPORT, report);
    System.out.println("prism upstream report: " + REPORT.toAbsolutePath());

    // The report is the product; this only guards against a sweep that silently swept nothing.
    assertThat(byVendor.keySet()).as("vendors swept").containsExactly("pyannote", "daily", "lyrcs");
    byVendor.forEach((vendor, results) -> assertThat(results).as(vendor + " operations swept").isNotEmpty());
  }

  private static List<String> rejections(List<Sweep.Result> results, OverlayActions overlays, int[] counts) {
    List<Sweep.Outcome> rejected = new ArrayList<>();
    results.forEach(r -> rejected.addAll(r.failures()));
    List<String> lines = new ArrayList<>();
    if (rejected.isEmpty()) {
      lines.add("No rejections: the client decodes everything this upstream file allows.");
      lines.add("");
      return lines;
    }
    lines.add("| calls | what the client rejects | explained by |");
    lines.add("| ---: | --- | --- |");
    List<String> examples = new ArrayList<>();
    for (Map.Entry<String, List<Sweep.Outcome>> group : SweepReport.group(rejected).entrySet()) {
      Sweep.Outcome first = group.getValue().get(0);
      List<OverlayActions.Action> explaining = overlays.explaining(first);
      counts[0]++;
      if (explaining.isEmpty()) counts[1]++;
      String explained = explaining.isEmpty()
          ? "**UNEXPLAINED**"
          : String.join("<br>", explaining.stream().map(OverlayActions.Action::cite).toList());
      lines.add("| " + group.getValue().size() + " | " + cell(group.getKey()) + " | " + cell(explained) + " |");
      examples.add("- " + cell(group.getKey()) + ": call " + first.number() + " " + first.arguments()
          + (first.rawBody() == null ? "" : ", body `" + Sweep.abbreviate(first.rawBody(), 400) + "`")
          + (first.detail() == null ? "" : "; " + first.detail()));
    }
    lines.add("");
    lines.add("First example of each group:");
    lines.add("");
    lines.addAll(examples);
    lines.add("");
    return lines;
  }

  private static List<String> outsideSpec(List<Sweep.Result> results) {
    long outside = results.stream().mapToLong(r -> r.count(Sweep.Kind.OUTSIDE_SPEC)).sum();
    if (outside == 0) return List.of();
    List<String> lines = new ArrayList<>();
    lines.add(outside + " further rejected bodies were outside this upstream file too (Prism's generator strayed; "
        + "not rejections of upstream-valid responses):");
    lines.add("");
    for (Map.Entry<String, List<Sweep.Outcome>> group : SweepReport.group(results.stream()
        .flatMap(r -> r.outcomes().stream()).filter(o -> o.kind() == Sweep.Kind.OUTSIDE_SPEC).toList()).entrySet()) {
      lines.add("- " + group.getValue().size() + " × " + cell(group.getKey()) + ": " + cell(group.getValue().get(0).detail()));
    }
    lines.add("");
    return lines;
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
