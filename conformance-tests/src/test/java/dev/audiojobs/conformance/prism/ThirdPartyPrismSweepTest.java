package dev.audiojobs.conformance.prism;

import dev.audiojobs.conformance.VendorClients;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Prism sweep of {@link PrismSweepTest} on the third-party fixture specs (issue 16): Prism serves
 * each one on loopback, and the client generated from it into this module's test sources must decode
 * what Prism generates, give the HTTP error for each declared error status (a typed error body, or none
 * where the spec declares none), and send only requests Prism accepts. Prints one line per vendor.
 */
final class ThirdPartyPrismSweepTest {
  private static final List<String> VENDORS = VendorClients.THIRD_PARTY_VENDORS;
  /**
   * Fewer calls than the project's sweep: AssemblyAI's Transcript has 70 properties and Prism takes a
   * while to fake each one; the full 200 per operation took about 4 minutes on 2 cores, 30 about 50 s.
   */
  static final int DECODABLE_PER_OPERATION = 20;
  static final int CALLS_PER_ERROR_STATUS = 1;
  private static List<PrismServer> servers = List.of();
  private static final List<Sweep.Result> RESULTS = java.util.Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void startPrism() {
    servers = PrismServer.startAll(VENDORS.stream().map(VendorClients::specPath).toList());
  }

  @AfterAll
  static void stopPrismAndReport() {
    servers.forEach(PrismServer::close);
    for (String vendor : VENDORS) {
      List<Sweep.Result> results;
      synchronized (RESULTS) {
        results = RESULTS.stream().filter(r -> r.vendor().equals(vendor)).toList();
      }
      if (!results.isEmpty()) System.out.println("prism sweep " + vendor + ": " + SweepReport.counts(results));
    }
  }

  @TestFactory
  Stream<DynamicContainer> everyOperationDecodesWhatPrismGeneratesAndPrismAcceptsEveryRequest() {
    List<DynamicContainer> vendors = new ArrayList<>();
    for (int i = 0; i < VENDORS.size(); i++) {
      String vendor = VENDORS.get(i);
      PrismServer server = servers.get(i);
      Spec spec = Spec.read(VendorClients.specPath(vendor));
      List<DynamicTest> operations = new ArrayList<>();
      for (Spec.Operation operation : spec.operations()) {
        operations.add(DynamicTest.dynamicTest(vendor + " " + operation.operationId() + " (" + operation.describe() + ")", () -> {
          Sweep.Result result = Sweep.run(vendor, operation, spec, operation, server.baseUrl(),
              DECODABLE_PER_OPERATION, CALLS_PER_ERROR_STATUS);
          RESULTS.add(result);
          PrismSweepTest.assertSwept(result, operation, server, DECODABLE_PER_OPERATION, CALLS_PER_ERROR_STATUS);
        }));
      }
      vendors.add(DynamicContainer.dynamicContainer(vendor, operations));
    }
    return vendors.stream();
  }
}
