package dev.audiojobs.conformance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the cases derived from each normalized spec (see {@link DerivedCases}) through the real client
 * and prints the coverage line; anything below 100% fails the build.
 */
final class DerivedCasesTest {
  private static final DerivedRun RUN = new DerivedRun("derived", VendorClients.VENDORS);

  @TestFactory
  Stream<DynamicNode> derivedCases() {
    return RUN.tests().stream();
  }

  @AfterAll
  static void coverage() {
    RUN.printAndCheckCoverage();
  }

  /** Coverage of the vendors' totals by the keys of passed cases. */
  record Coverage(String line, List<String> missing) {
    private static Set<String> union(Set<String> a, Set<String> b) {
      Set<String> all = new LinkedHashSet<>(a);
      all.addAll(b);
      return all;
    }

    static Coverage of(Set<String> covered, List<String> vendors) {
      List<String> parts = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      int[] counts = new int[2];
      for (String[] kind : new String[][] {{"schemas"}, {"properties"}, {"required properties"}, {"enum values"}, {"declared responses"},
          {"request rules"}}) {
        Set<String> all = new LinkedHashSet<>();
        Set<String> hit = new LinkedHashSet<>();
        for (String vendor : vendors) {
          SpecModel spec = new SpecModel(vendor, VendorClients.spec(vendor));
          DerivedCases.Totals totals = DerivedCases.totals(spec);
          DerivedRequests.Totals requests = DerivedRequests.totals(spec);
          Function<String, Boolean> isCovered;
          Set<String> keys;
          switch (kind[0]) {
            case "schemas" -> {
              keys = union(totals.schemas(), requests.schemas());
              // A schema counts when a minimal and a maximal instance of it (an enum: every value) passed.
              isCovered = k -> {
                String name = k.substring(k.lastIndexOf(':') + 1);
                if (spec.isEnum(name)) {
                  return spec.enumValues(name).stream().allMatch(v -> covered.contains(DerivedCases.key("enum", spec, name + "=" + v)));
                }
                return covered.contains(DerivedCases.key("schema-min", spec, name)) && covered.contains(DerivedCases.key("schema-max", spec, name));
              };
            }
            case "properties" -> {
              // A request property: it reached the wire in a maximal body and its wrong type was refused.
              keys = union(totals.properties(), requests.properties());
              // A property counts when it round-tripped in a maximal instance and its wrong type was caught.
              isCovered = k -> {
                String what = k.substring(k.lastIndexOf(':') + 1);
                return covered.contains(DerivedCases.key("property-roundtrip", spec, what))
                    && covered.contains(DerivedCases.key("property-type", spec, what));
              };
            }
            case "required properties" -> {
              keys = totals.required();
              isCovered = covered::contains;
            }
            case "enum values" -> {
              // A request enum value counts when it was sent; an unknown one when a closed enum refused it.
              keys = union(totals.enumValues(), requests.enumValues());
              isCovered = covered::contains;
            }
            case "request rules" -> {
              // Each rule broken once and refused before sending, its edge value sent unchanged, an
              // explicit null where nullable and an unknown property passed through.
              keys = requests.rules();
              isCovered = covered::contains;
            }
            default -> {
              keys = totals.responses();
              isCovered = covered::contains;
            }
          }
          for (String k : keys) {
            all.add(k);
            if (isCovered.apply(k)) hit.add(k);
            else missing.add(k);
          }
        }
        parts.add(kind[0] + " " + hit.size() + "/" + all.size());
        counts[0] += hit.size();
        counts[1] += all.size();
      }
      String percent = counts[1] == 0 ? "0" : String.format(java.util.Locale.ROOT, "%.1f", 100.0 * counts[0] / counts[1]);
      return new Coverage("coverage: " + String.join(", ", parts) + " (" + percent + "%)", missing);
    }
  }
}
