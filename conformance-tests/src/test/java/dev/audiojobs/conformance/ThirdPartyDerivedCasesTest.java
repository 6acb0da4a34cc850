package dev.audiojobs.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The derived cases on the third-party fixture specs ({@code openapi/src/test/resources/thirdparty/normalized/},
 * issue 16) through the clients generated from them into this module's test sources: the same cases,
 * runner and 100% coverage rule as {@link DerivedCasesTest}, on a spec the suite was not written for. Its
 * own totals line ({@code derived assemblyai: …}) leaves the project's unchanged.
 */
final class ThirdPartyDerivedCasesTest {
  private static final DerivedRun RUN =
      new DerivedRun("derived " + String.join(", ", VendorClients.THIRD_PARTY_VENDORS), VendorClients.THIRD_PARTY_VENDORS);

  @TestFactory
  Stream<DynamicNode> derivedCases() {
    return RUN.tests().stream();
  }

  @AfterAll
  static void coverage() {
    RUN.printAndCheckCoverage();
  }

  /** The request cases are judged by networknt against the fixture spec before they judge the client. */
  @Test
  void derivedBodiesThatAreSentAreValidAndRefusedOnesAreNot() {
    DerivedRequestsTest.judgeDerived("derived requests " + String.join(", ", VendorClients.THIRD_PARTY_VENDORS),
        VendorClients.THIRD_PARTY_VENDORS);
  }

  /**
   * The derived cases catch a client that drops unknown properties on these specs too (the wiring's
   * negative control: every case whose body carries one must fail).
   */
  @Test
  void aClientThatDropsUnknownPropertiesFailsTheDerivedCases() {
    DerivedNegativeControlTest.assertDropsAreCaught(VendorClients.THIRD_PARTY_VENDORS, 50, false);
  }
}
