package dev.audiojobs.conformance.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.audiojobs.conformance.architecture.fixtures.client.RuntimeThatFoldsCase;
import dev.audiojobs.conformance.architecture.fixtures.client.RuntimeThatKnowsAVendor;
import dev.audiojobs.conformance.architecture.fixtures.client.RuntimeThatUsesInternal;
import dev.audiojobs.conformance.architecture.fixtures.client.RuntimeWithHttpAnnotation;
import dev.audiojobs.conformance.architecture.fixtures.conformance.TestThatReachesInside;
import dev.audiojobs.conformance.architecture.fixtures.daily.BatchJobWithPyannoteJob;
import dev.audiojobs.conformance.architecture.fixtures.pyannote.JobWithMutableField;
import dev.audiojobs.conformance.architecture.fixtures.pyannote.JobWithUrl;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each architecture rule, applied to the fixtures ({@link Layout#FIXTURES}), fails and names the
 * fixture that breaks it, and only fixtures meant to break it: a rule that cannot fail, or fails for
 * the wrong reason, is caught here rather than trusted.
 */
final class ArchitectureNegativeControlTest {
  private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(Layout.FIXTURES.root());
  private static final ArchitectureRules RULES = ArchitectureRules.of(Layout.FIXTURES);

  /** A rule and the fixture classes expected to break it (the first one must be named). */
  private record Control(String name, Function<ArchitectureRules, ArchRule> rule, List<Class<?>> violators) {}

  @TestFactory
  Stream<DynamicTest> everyRuleFailsOnTheFixtureThatBreaksIt() {
    return Stream.of(
        new Control("runtimeKnowsNoVendor", ArchitectureRules::runtimeKnowsNoVendor,
            List.of(RuntimeThatKnowsAVendor.class)),
        new Control("vendorsDoNotDependOnEachOther", ArchitectureRules::vendorsDoNotDependOnEachOther,
            List.of(BatchJobWithPyannoteJob.class)),
        new Control("modelsDependOnNeitherRetrofitNorOkHttp", ArchitectureRules::modelsDependOnNeitherRetrofitNorOkHttp,
            List.of(JobWithUrl.class)),
        new Control("onlyGeneratedApiInterfacesUseRetrofitHttpAnnotations",
            ArchitectureRules::onlyGeneratedApiInterfacesUseRetrofitHttpAnnotations,
            List.of(RuntimeWithHttpAnnotation.class)),
        new Control("modelFieldsAreFinal", ArchitectureRules::modelFieldsAreFinal,
            List.of(JobWithMutableField.class)),
        new Control("internalPackageIsUsedOnlyByGeneratedCode", ArchitectureRules::internalPackageIsUsedOnlyByGeneratedCode,
            List.of(RuntimeThatUsesInternal.class, TestThatReachesInside.class)),
        new Control("conformanceTestsUseOnlyWhatAUserCanCall", ArchitectureRules::conformanceTestsUseOnlyWhatAUserCanCall,
            List.of(TestThatReachesInside.class)),
        new Control("noLocaleDependentCaseFolding", ArchitectureRules::noLocaleDependentCaseFolding,
            List.of(RuntimeThatFoldsCase.class)))
        .map(control -> dynamicTest(control.name() + " fails on " + control.violators().get(0).getSimpleName(), () -> {
          EvaluationResult result = control.rule().apply(RULES).evaluate(FIXTURES);
          List<String> details = result.getFailureReport().getDetails();
          assertThat(result.hasViolation()).as("%s has a violation", control.name()).isTrue();
          assertThat(details).as("the violations of %s", control.name())
              .anySatisfy(line -> assertThat(line).contains(control.violators().get(0).getName()))
              .allSatisfy(line -> assertThat(control.violators()).anySatisfy(v -> assertThat(line).contains(v.getName())));
        }));
  }

  @Test
  void theCountCheckPassesOnTheFixtures() {
    // Otherwise the controls above could be failing for want of classes rather than for the violation.
    assertThat(RULES.everyPackageTheRulesNameIsImported().evaluate(FIXTURES).hasViolation()).isFalse();
  }

  @Test
  void theCountCheckFailsOnAMisspelledVendor() {
    Layout misspelled = new Layout(Layout.FIXTURES.root(), List.of("pyannote", "dialy"));
    EvaluationResult result = ArchitectureRules.of(misspelled).everyPackageTheRulesNameIsImported().evaluate(FIXTURES);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .contains(
            "no " + Layout.FIXTURES.root() + ".dialy.DialyClient imported (misspelled package, or not on the test classpath?)",
            "no models of dialy imported (misspelled package, or not on the test classpath?)");
  }

  @Test
  void theCountCheckFailsOnAMisspelledRoot() {
    Layout misspelled = new Layout("dev.audiojob", Layout.FIXTURES.vendors());
    EvaluationResult result = ArchitectureRules.of(misspelled).everyPackageTheRulesNameIsImported().evaluate(FIXTURES);

    assertThat(result.getFailureReport().getDetails())
        .contains("no classes in dev.audiojob.client.. imported (misspelled package, or not on the test classpath?)");
  }

  @Test
  void theModelPredicateSeparatesModelsFromEntryPoints() {
    // The predicate the model rules rest on: records and plain classes are models; the client, its
    // builder, the API interface and the Json class are not.
    assertThat(FIXTURES.stream().filter(Layout.FIXTURES.models()).map(c -> c.getSimpleName()))
        .containsExactlyInAnyOrder("Job", "JobWithMutableField", "JobWithUrl", "BatchJob", "BatchJobWithPyannoteJob");
  }
}
