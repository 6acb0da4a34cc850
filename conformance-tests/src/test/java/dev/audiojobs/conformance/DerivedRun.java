package dev.audiojobs.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * One run of the derived cases over a list of vendors ({@link DerivedCases}): the dynamic tests, one
 * container per vendor, and the totals line with its coverage, which must be 100%. The project's own
 * vendors ({@link DerivedCasesTest}) and the third-party fixture specs ({@link ThirdPartyDerivedCasesTest})
 * are two runs with two lines, so that neither changes the other's figures.
 */
final class DerivedRun {
  private final String label;
  private final List<String> vendors;
  private final Set<String> covered = Collections.synchronizedSet(new HashSet<>());
  private final List<String> failed = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger total = new AtomicInteger();

  /**
   * @param label how the totals line starts ({@code derived}, {@code derived assemblyai})
   * @param vendors the vendors whose specs the cases are derived from
   */
  DerivedRun(String label, List<String> vendors) {
    this.label = label;
    this.vendors = List.copyOf(vendors);
  }

  /** Every derived case of every vendor as a dynamic test, grouped by vendor. */
  List<DynamicNode> tests() {
    List<DynamicNode> containers = new ArrayList<>();
    for (String vendor : vendors) {
      SpecModel spec = new SpecModel(vendor, VendorClients.spec(vendor));
      DerivedCases derived = new DerivedCases(spec);
      List<DynamicTest> tests = new ArrayList<>();
      for (DerivedCases.Derived d : derived.generate()) {
        total.incrementAndGet();
        tests.add(DynamicTest.dynamicTest(d.name() + " — " + d.json().get("description").asText(), () -> {
          CaseRunner.Result result = CaseRunner.run(derived.toCase(d));
          if (!result.passed()) {
            failed.add(result.message());
            fail(result.message());
          }
          covered.addAll(d.covers());
        }));
      }
      containers.add(DynamicContainer.dynamicContainer(vendor, tests));
    }
    return containers;
  }

  /** Prints the totals line ({@code derived: 1170 passed, 0 failed; coverage: …}) and fails below 100%. */
  void printAndCheckCoverage() {
    DerivedCasesTest.Coverage coverage = DerivedCasesTest.Coverage.of(covered, vendors);
    System.out.println(label + ": " + (total.get() - failed.size()) + " passed, " + failed.size() + " failed; " + coverage.line());
    if (!coverage.missing().isEmpty()) System.out.println(label + ": not exercised: " + coverage.missing());
    assertThat(coverage.missing()).as("derived-case coverage must be 100%%: %s", coverage.line()).isEmpty();
  }
}
