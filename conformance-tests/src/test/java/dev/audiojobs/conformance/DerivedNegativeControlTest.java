package dev.audiojobs.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The derived cases must catch a broken client. Here the client's re-encoding is replaced by one that
 * drops unknown properties, as openapi-generator's stock output does; every derived case whose
 * instance carries one must then fail, and those that carry none must still pass.
 */
final class DerivedNegativeControlTest {
  @Test
  void aClientThatDropsUnknownPropertiesFailsTheDerivedCases() {
    assertDropsAreCaught(VendorClients.VENDORS, 50);
  }

  /**
   * Runs every derived case of {@code vendors} with the re-encoding that drops unknown properties: each
   * one that decodes a body carrying one must fail, every other must pass, and there must be more than
   * {@code atLeast} of the first kind.
   */
  static void assertDropsAreCaught(List<String> vendors, int atLeast) {
    assertDropsAreCaught(vendors, atLeast, true);
  }

  /**
   * Like {@link #assertDropsAreCaught(List, int)}; without {@code checkTheOthers} only the cases that carry
   * an unknown property run (the third-party run, where every case already ran once unbroken).
   */
  static void assertDropsAreCaught(List<String> vendors, int atLeast, boolean checkTheOthers) {
    CaseRunner.Encoder dropsUnknown = (vendor, type, value) -> {
      JsonNode json = ConformanceCase.MAPPER.readValue(VendorClients.encode(vendor, type, value), JsonNode.class);
      dropExtras(json);
      return json.toString();
    };
    int withExtras = 0;
    List<String> undetected = new ArrayList<>();
    int failed = 0;
    for (String vendor : vendors) {
      DerivedCases derived = new DerivedCases(new SpecModel(vendor, VendorClients.spec(vendor)));
      for (DerivedCases.Derived d : derived.generate()) {
        boolean decodes = d.json().path("expect").path("outcome").asText().equals("decoded")
            || d.json().path("expect").has("errorJson");
        boolean carriesExtra = d.json().path("response").path("body").toString().contains(Instances.EXTRA);
        if (!checkTheOthers && !(decodes && carriesExtra)) continue;
        CaseRunner.Result result = CaseRunner.run(derived.toCase(d), dropsUnknown);
        if (decodes && carriesExtra) {
          withExtras++;
          if (result.passed()) undetected.add(d.name());
          else failed++;
        } else {
          assertThat(result.passed()).as(result.message()).isTrue();
        }
      }
    }
    assertThat(withExtras).as("derived cases that carry unknown properties").isGreaterThan(atLeast);
    assertThat(undetected).as("cases that did not notice the dropped properties").isEmpty();
    assertThat(failed).isEqualTo(withExtras);
  }

  private static void dropExtras(JsonNode node) {
    if (node instanceof ObjectNode object) object.remove(Instances.EXTRA);
    node.forEach(DerivedNegativeControlTest::dropExtras);
  }
}
