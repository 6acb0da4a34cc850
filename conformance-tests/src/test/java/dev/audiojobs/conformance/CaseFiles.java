package dev.audiojobs.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/** Finds case files under a root and turns each into a dynamic test; nothing is skipped. */
final class CaseFiles {
  private CaseFiles() {}

  /** Every {@code <root>/<vendor>/*.json}, sorted; a file anywhere else is a failed case. */
  static List<Path> find(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  static List<DynamicTest> tests(Path root, List<CaseRunner.Result> results) throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : find(root)) {
      Path relative = root.relativize(file);
      String vendor = relative.getNameCount() == 2 ? relative.getName(0).toString() : "";
      String display = relative.toString().replace('\\', '/');
      ConformanceCase parsed;
      String problem = null;
      if (!VendorClients.VENDORS.contains(vendor) || !display.endsWith(".json")) {
        parsed = null;
        problem = display + ": a case is <root>/<vendor>/<name>.json with vendor one of " + VendorClients.VENDORS;
      } else {
        try {
          parsed = ConformanceCase.read(file, vendor);
        } catch (ConformanceCase.MalformedCase e) {
          parsed = null;
          problem = e.getMessage();
        }
      }
      if (parsed == null) {
        String message = problem;
        tests.add(DynamicTest.dynamicTest(display + " — malformed case", () -> {
          results.add(new CaseRunner.Result(display, false, message));
          fail(message);
        }));
        continue;
      }
      ConformanceCase c = parsed;
      tests.add(DynamicTest.dynamicTest(c.name() + " — " + c.description(), () -> {
        CaseRunner.Result result = CaseRunner.run(c);
        results.add(result);
        if (!result.passed()) fail(result.message());
      }));
    }
    return tests;
  }
}
