package dev.audiojobs.conformance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Ends the test run with the line CASES.md asks for, {@code conformance: N passed, M failed}, and
 * writes {@code target/conformance-results.json}. A JUnit Platform listener (registered in
 * {@code META-INF/services}) rather than an {@code @AfterAll}, so that the line comes after every
 * other test class's output, whatever order they ran in.
 */
public final class ConformanceSummary implements TestExecutionListener {
  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    List<CaseRunner.Result> results = ConformanceTest.results();
    if (results.isEmpty()) return; // a run that did not include the cases (e.g. -Dtest=…Sweep*)
    ArrayNode array = ConformanceCase.MAPPER.createArrayNode();
    long passed = 0;
    for (CaseRunner.Result r : results) {
      ObjectNode o = array.addObject();
      o.put("case", r.name());
      o.put("passed", r.passed());
      o.put("message", r.message());
      if (r.passed()) passed++;
    }
    Path file = Path.of(System.getProperty("conformance.results", "target/conformance-results.json"));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      ConformanceCase.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), array);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println("conformance: " + passed + " passed, " + (results.size() - passed) + " failed");
  }
}
