package dev.audiojobs.conformance.prism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The independent sweep: Prism serves each normalized spec in dynamic mode, and for every operation
 * the vendor's real client must decode {@value #DECODABLE_PER_OPERATION} generated responses, get a
 * typed error with the declared body for each declared error status, and send only requests Prism's
 * validation accepts. Independent of the project's own cases and generator: another team's mock
 * server, another JSON Schema implementation judging what it generates.
 *
 * <p>Writes {@code target/prism-sweep.md}; prints one line per vendor.
 */
final class PrismSweepTest {
  static final int DECODABLE_PER_OPERATION = 200;
  static final int CALLS_PER_ERROR_STATUS = 10;
  static final List<String> VENDORS = dev.audiojobs.conformance.VendorClients.VENDORS;
  static final Path NORMALIZED = Path.of(System.getProperty("conformance.specs", "../openapi/normalized"));

  private static List<PrismServer> servers = List.of();
  private static final List<Sweep.Result> RESULTS = Collections.synchronizedList(new ArrayList<>());
  private static long startedAt;

  @BeforeAll
  static void startPrism() {
    startedAt = System.nanoTime();
    servers = PrismServer.startAll(VENDORS.stream().map(v -> NORMALIZED.resolve(v + ".yaml")).toList());
  }

  @AfterAll
  static void stopPrismAndReport() throws IOException {
    servers.forEach(PrismServer::close);
    double seconds = (System.nanoTime() - startedAt) / 1e9;
    List<String> lines = new ArrayList<>();
    lines.add("# Prism sweep of the normalized specs");
    lines.add("");
    lines.add(String.format(java.util.Locale.ROOT, "%.1f s including Prism start-up. Outcomes per operation:", seconds));
    lines.add("");
    for (String vendor : VENDORS) {
      List<Sweep.Result> results = results(vendor);
      if (results.isEmpty()) continue;
      String line = "prism sweep " + vendor + ": " + SweepReport.counts(results);
      System.out.println(line);
      lines.add("- " + line);
      for (Sweep.Result r : results) lines.add("  - " + r.operationId() + ": " + SweepReport.counts(List.of(r)));
    }
    System.out.printf(java.util.Locale.ROOT, "prism sweep: %.1f s including Prism start-up%n", seconds);
    lines.add("");
    lines.addAll(SweepReport.outsideSpecSection(RESULTS));
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "prism-sweep.md"), lines);
  }

  private static List<Sweep.Result> results(String vendor) {
    synchronized (RESULTS) {
      return RESULTS.stream().filter(r -> r.vendor().equals(vendor)).toList();
    }
  }

  @TestFactory
  Stream<DynamicContainer> everyOperationDecodesWhatPrismGeneratesAndPrismAcceptsEveryRequest() {
    List<DynamicContainer> vendors = new ArrayList<>();
    for (int i = 0; i < VENDORS.size(); i++) {
      String vendor = VENDORS.get(i);
      PrismServer server = servers.get(i);
      Spec spec = Spec.read(NORMALIZED.resolve(vendor + ".yaml"));
      List<DynamicTest> operations = new ArrayList<>();
      for (Spec.Operation operation : spec.operations()) {
        operations.add(DynamicTest.dynamicTest(vendor + " " + operation.operationId() + " (" + operation.describe() + ")", () -> {
          Sweep.Result result = Sweep.run(vendor, operation, spec, operation, server.baseUrl(),
              DECODABLE_PER_OPERATION, CALLS_PER_ERROR_STATUS);
          RESULTS.add(result);
          assertSwept(result, operation, server);
        }));
      }
      vendors.add(DynamicContainer.dynamicContainer(vendor, operations));
    }
    return vendors.stream();
  }

  /** The sweep's verdict on one operation; also used by the negative controls to show it can fail. */
  static void assertSwept(Sweep.Result result, Spec.Operation operation, PrismServer server) {
    assertSwept(result, operation, server, DECODABLE_PER_OPERATION, CALLS_PER_ERROR_STATUS);
  }

  /** The same verdict on a sweep of {@code decodable} responses and {@code callsPerError} calls per error status. */
  static void assertSwept(Sweep.Result result, Spec.Operation operation, PrismServer server, int decodable, int callsPerError) {
    List<Sweep.Outcome> failures = result.failures();
    String context = result.vendor() + " " + result.operationId() + " against " + server.name()
        + " (Prism log: " + server.log() + "): " + SweepReport.counts(List.of(result));
    if (!failures.isEmpty()) fail(context + "\n" + SweepReport.firstFailures(failures, 5));
    long inSpec = result.outcomes().stream()
        .filter(o -> o.preferredStatus() == null && o.kind() != Sweep.Kind.OUTSIDE_SPEC).count();
    assertThat(inSpec)
        .as(context + ": responses inside the spec among " + 3 * decodable + " calls at most")
        .isGreaterThanOrEqualTo(decodable);
    assertThat(result.count(Sweep.Kind.TYPED_ERROR) + result.outcomes().stream()
            .filter(o -> o.preferredStatus() != null && o.kind() == Sweep.Kind.OUTSIDE_SPEC).count())
        .as(context + ": one typed error per Prefer call")
        .isEqualTo((long) operation.errorSchemas().size() * callsPerError);
  }
}
