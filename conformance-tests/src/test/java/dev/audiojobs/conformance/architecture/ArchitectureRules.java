package dev.audiojobs.conformance.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The boundaries that keep audiojobs-client simple, as ArchUnit rules over a {@link Layout}. Each rule
 * has a sentence for a name and says why; {@link ArchitectureTest} checks them on the real classes and
 * {@link ArchitectureNegativeControlTest} shows each one failing on a fixture that breaks it.
 */
final class ArchitectureRules {
  private final Layout layout;

  private ArchitectureRules(Layout layout) {
    this.layout = layout;
  }

  static ArchitectureRules of(Layout layout) {
    return new ArchitectureRules(layout);
  }

  ArchRule runtimeKnowsNoVendor() {
    return noClasses().that().resideInAPackage(layout.runtime())
        .should().dependOnClassesThat().resideInAnyPackage(layout.generated())
        .as("the runtime knows no vendor")
        .because("the runtime is shared by every vendor; vendor knowledge lives in the specs and the generated code");
  }

  ArchRule vendorsDoNotDependOnEachOther() {
    SliceAssignment byVendor = new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        return layout.vendorOf(javaClass).map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
      }

      @Override
      public String getDescription() {
        return "vendor packages " + String.join(", ", layout.generated());
      }
    };
    return slices().assignedFrom(byVendor)
        .should().notDependOnEachOther()
        .as("vendors do not depend on each other")
        .because("each vendor is generated from its own spec alone, so that changing one vendor's spec cannot break another's client");
  }

  ArchRule modelsDependOnNeitherRetrofitNorOkHttp() {
    return noClasses().that(layout.models())
        .should().dependOnClassesThat().resideInAnyPackage("retrofit2..", "okhttp3..")
        .as("models depend on neither Retrofit nor OkHttp")
        .because("models are plain values decoded by Moshi; the transport belongs to <Vendor>Client and the runtime, so it can change without touching a model");
  }

  ArchRule onlyGeneratedApiInterfacesUseRetrofitHttpAnnotations() {
    return noClasses().that(DescribedPredicate.not(layout.apiInterfaces()))
        .should().dependOnClassesThat().resideInAPackage("retrofit2.http..")
        .as("only the generated API interfaces use Retrofit's HTTP annotations")
        .because("the HTTP shape of an operation is stated once, by the generator from the normalized spec, in <Vendor>Service");
  }

  ArchRule modelFieldsAreFinal() {
    return fields().that().areDeclaredInClassesThat(layout.models().and(DescribedPredicate.not(layout.requestBuilders())))
        .should().beFinal()
        .as("model fields are final")
        .because("models are immutable values: safe to share between threads and to cache, and what was decoded cannot change behind the caller");
  }

  ArchRule internalPackageIsUsedOnlyByGeneratedCode() {
    List<String> allowed = new ArrayList<>(List.of(layout.generated()));
    allowed.add(layout.internal());
    return noClasses().that().resideOutsideOfPackages(allowed.toArray(String[]::new))
        .should().dependOnClassesThat().resideInAPackage(layout.internal())
        .as("the internal package is used only by generated code")
        .because("client.internal is not API and may change in any release; only code generated in the same release may rely on it");
  }

  ArchRule conformanceTestsUseOnlyWhatAUserCanCall() {
    return classes().that().resideInAPackage(layout.conformance())
        .should().onlyDependOnClassesThat(layout.userCallable())
        .andShould().onlyAccessMembersThat(layout.userCallableMember())
        .as("conformance tests use only what a user can call")
        .because("the suite proves what users get; a test that reaches into client.internal or package-private generated code proves nothing about the published API");
  }

  ArchRule noLocaleDependentCaseFolding() {
    return noClasses().that().resideInAnyPackage(layout.production())
        .should().callMethod(String.class, "toLowerCase")
        .orShould().callMethod(String.class, "toUpperCase")
        .as("production code does no locale-dependent case folding")
        .because("String.toLowerCase() and toUpperCase() follow the default locale (in Turkish \"ID\" becomes \"ıd\"), so a wire value would depend on the user's machine; pass Locale.ROOT");
  }

  /**
   * The count check: every package the other rules name holds classes, so that a misspelled package
   * cannot make a rule pass by selecting nothing.
   */
  ArchRule everyPackageTheRulesNameIsImported() {
    return classes().should(new ImportedEnough(layout))
        .as("every package the rules name is imported")
        .because("a rule about a misspelled or missing package selects nothing and would pass without checking anything");
  }

  /** Counts, once all classes are seen, what each rule relies on and reports what is missing. */
  private static final class ImportedEnough extends ArchCondition<JavaClass> {
    private final Layout layout;
    private final Map<String, Predicate<JavaClass>> expectations = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    ImportedEnough(Layout layout) {
      super("contain the runtime, client.internal, each vendor's Client, Service, Json and models, and the conformance tests");
      this.layout = layout;
      expectations.put("classes in " + layout.runtime(), c -> c.getPackageName().equals(layout.runtime().replace("..", "")));
      expectations.put("classes in " + layout.internal(), c -> c.getPackageName().equals(layout.internal().replace("..", "")));
      for (String vendor : layout.vendors()) {
        String name = layout.root() + "." + vendor + "." + Layout.prefix(vendor);
        expectations.put(name + "Client", c -> c.getName().equals(name + "Client"));
        expectations.put("API interface " + name + "Service",
            c -> c.getName().equals(name + "Service") && layout.apiInterfaces().test(c));
        expectations.put(name + "Json", c -> c.getName().equals(name + "Json"));
        expectations.put("models of " + vendor,
            c -> layout.models().test(c) && layout.vendorOf(c).orElse("").equals(vendor));
      }
      expectations.put("classes in " + layout.conformance(),
          c -> c.getPackageName().startsWith(layout.conformance().replace("..", "")));
    }

    @Override
    public void init(Collection<JavaClass> allObjectsToTest) {
      expectations.forEach((what, test) ->
          counts.put(what, (int) allObjectsToTest.stream().filter(test).count()));
    }

    @Override
    public void check(JavaClass item, ConditionEvents events) {
      // Nothing per class: the condition is about the whole import, judged in finish().
    }

    @Override
    public void finish(ConditionEvents events) {
      counts.forEach((what, count) -> {
        if (count == 0) {
          events.add(SimpleConditionEvent.violated(layout, "no " + what + " imported (misspelled package, or not on the test classpath?)"));
        }
      });
    }
  }
}
