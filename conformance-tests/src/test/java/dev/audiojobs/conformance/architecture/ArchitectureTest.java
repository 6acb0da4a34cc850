package dev.audiojobs.conformance.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture rules on the real classes: audiojobs-client as this module sees it on its test
 * classpath (the jar the reactor just built, generated code and runtime) and the conformance tests.
 * The rules and their reasons are in {@link ArchitectureRules}.
 */
@AnalyzeClasses(packages = "dev.audiojobs", importOptions = ArchitectureTest.ClientAndConformanceTests.class)
final class ArchitectureTest {
  private static final ArchitectureRules RULES = ArchitectureRules.of(Layout.PRODUCTION);

  @ArchTest
  static final ArchRule runtimeKnowsNoVendor = RULES.runtimeKnowsNoVendor();

  @ArchTest
  static final ArchRule vendorsDoNotDependOnEachOther = RULES.vendorsDoNotDependOnEachOther();

  @ArchTest
  static final ArchRule modelsDependOnNeitherRetrofitNorOkHttp = RULES.modelsDependOnNeitherRetrofitNorOkHttp();

  @ArchTest
  static final ArchRule onlyGeneratedApiInterfacesUseRetrofitHttpAnnotations =
      RULES.onlyGeneratedApiInterfacesUseRetrofitHttpAnnotations();

  @ArchTest
  static final ArchRule modelFieldsAreFinal = RULES.modelFieldsAreFinal();

  @ArchTest
  static final ArchRule internalPackageIsUsedOnlyByGeneratedCode = RULES.internalPackageIsUsedOnlyByGeneratedCode();

  @ArchTest
  static final ArchRule conformanceTestsUseOnlyWhatAUserCanCall = RULES.conformanceTestsUseOnlyWhatAUserCanCall();

  @ArchTest
  static final ArchRule noLocaleDependentCaseFolding = RULES.noLocaleDependentCaseFolding();

  @ArchTest
  static final ArchRule everyPackageTheRulesNameIsImported = RULES.everyPackageTheRulesNameIsImported();

  /**
   * Leaves out the fixtures that break the rules on purpose (they are checked on their own by {@link
   * ArchitectureNegativeControlTest}) and the spec tooling {@code dev.audiojobs.openapi}, which is on
   * this module's test classpath but is neither the client nor a test.
   */
  static final class ClientAndConformanceTests implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("/dev/audiojobs/conformance/architecture/fixtures/")
          && !location.contains("/dev/audiojobs/openapi/");
    }
  }
}
