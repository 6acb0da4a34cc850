package dev.audiojobs.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The request cases are judged by another implementation before they judge the client
 * ({@link RequestSchemas}): every body a case expects to be sent validates against its operation's
 * request schema in the normalized spec, and every body it expects to be refused does not; a case
 * without a body is judged the same way by its path and query parameters against their schemas. A derivation
 * (or a hand-written case) that broke nothing, or broke the spec where it meant to stay inside, fails here.
 */
final class DerivedRequestsTest {
  @Test
  void derivedBodiesThatAreSentAreValidAndRefusedOnesAreNot() {
    judgeDerived("derived requests", VendorClients.VENDORS);
  }

  /**
   * Judges every request case derived from the vendors' specs with networknt and prints the counts
   * after {@code label} ({@code derived requests: 88 sent, …}).
   */
  static void judgeDerived(String label, List<String> vendors) {
    List<String> wrong = new ArrayList<>();
    int[] counts = new int[2];
    for (String vendor : vendors) {
      SpecModel spec = new SpecModel(vendor, VendorClients.spec(vendor));
      List<DerivedCases.Derived> cases = new ArrayList<>();
      new DerivedRequests(spec, new Instances(spec, DerivedCases.SEED), cases).generate();
      for (DerivedCases.Derived d : cases) judge(vendor, d.name(), d.json(), counts, wrong);
    }
    System.out.println(label + ": " + counts[0] + " sent, " + counts[1] + " refused (bodies, or parameters), checked against the normalized specs");
    assertThat(counts[0]).as("bodies derived to be sent").isPositive();
    assertThat(counts[1]).as("bodies derived to be refused").isPositive();
    assertThat(wrong).isEmpty();
  }

  @Test
  void caseFilesThatSendABodyAgreeWithTheSpec() throws Exception {
    List<String> wrong = new ArrayList<>();
    int[] counts = new int[2];
    Path root = Path.of("src/test/resources/cases");
    for (Path file : CaseFiles.find(root)) {
      String vendor = root.relativize(file).getName(0).toString();
      ObjectNode json = ConformanceCase.read(file, vendor).json();
      if (json.path("request").has("body")) judge(vendor, vendor + "/" + file.getFileName(), json, counts, wrong);
      else if (!json.path("request").has("parts") && json.path("expect").path("outcome").asText().equals("invalid_request")) {
        judge(vendor, vendor + "/" + file.getFileName(), json, counts, wrong);
      }
    }
    assertThat(counts[0] + counts[1]).as("case files with a request body or refused parameters").isPositive();
    assertThat(wrong).isEmpty();
  }

  private static void judge(String vendor, String name, ObjectNode json, int[] counts, List<String> wrong) {
    // The body (when there is one) and the path and query parameters, each against its own schema.
    JsonNode body = json.get("request").get("body");
    String operation = json.get("operation").asText();
    List<String> violations = new ArrayList<>(RequestSchemas.parameterViolations(vendor, operation, json.get("request")));
    if (body != null) violations.addAll(RequestSchemas.violations(vendor, operation, body));
    boolean refused = json.get("expect").get("outcome").asText().equals("invalid_request");
    counts[refused ? 1 : 0]++;
    if (violations.isEmpty() == refused) {
      wrong.add(name + " (" + json.get("description").asText() + "): the spec finds the body "
          + (violations.isEmpty() ? "valid" : "invalid: " + violations));
    }
  }
}
