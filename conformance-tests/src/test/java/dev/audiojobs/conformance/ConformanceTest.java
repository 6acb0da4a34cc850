package dev.audiojobs.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The data-driven conformance cases: the project's own ({@code src/test/resources/cases}) and, with
 * {@code -Dconformance.cases=<dir>}, an external directory. Each case is a dynamic test named
 * {@code <vendor>/<file> — <description>}. {@link ConformanceSummary} ends the run with
 * {@code conformance: N passed, M failed} and writes {@code target/conformance-results.json}.
 */
final class ConformanceTest {
  static final Path OWN_CASES = Path.of("src/test/resources/cases");
  private static final List<CaseRunner.Result> RESULTS = Collections.synchronizedList(new ArrayList<>());

  @TestFactory
  Stream<DynamicTest> cases() throws IOException {
    List<DynamicTest> tests = new ArrayList<>(CaseFiles.tests(OWN_CASES, RESULTS));
    String external = System.getProperty("conformance.cases", "");
    if (!external.isBlank()) {
      Path root = Path.of(external);
      if (!Files.isDirectory(root)) {
        tests.add(DynamicTest.dynamicTest("conformance.cases=" + external, () -> {
          RESULTS.add(new CaseRunner.Result(external, false, external + ": not a directory"));
          fail("-Dconformance.cases=" + external + " is not a directory (give an absolute path)");
        }));
      } else {
        tests.addAll(CaseFiles.tests(root, RESULTS));
      }
    }
    return tests.stream();
  }

  /** The verdicts so far, for {@link ConformanceSummary}. */
  static List<CaseRunner.Result> results() {
    synchronized (RESULTS) {
      return List.copyOf(RESULTS);
    }
  }
}
