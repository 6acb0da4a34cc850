package dev.audiojobs.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SpecLinterTest {
  private static List<SpecLinter.Violation> lint(String text) {
    ObjectNode doc = YamlFiles.parseObject(text, "x.yaml");
    return SpecLinter.lint(doc, text);
  }

  private static String withSchemas(String schemas) {
    return NormalizerTest.MINIMAL.substring(0, NormalizerTest.MINIMAL.indexOf("components:")) + "components:\n  schemas:\n" + schemas;
  }

  @Test
  void theMinimalSpecPasses() {
    assertThat(lint(NormalizerTest.MINIMAL)).isEmpty();
  }

  @Test
  void everyCommittedNormalizedSpecPasses() {
    Normalizer normalizer = new Normalizer(Path.of("").toAbsolutePath());
    for (String vendor : normalizer.vendors()) {
      String text = normalizer.normalize(vendor);
      assertThat(SpecLinter.lint(YamlFiles.parseObject(text, vendor), text)).as(vendor).isEmpty();
    }
  }

  @Test
  void parserMessagesAreViolations() {
    assertThat(lint(NormalizerTest.MINIMAL.replace("description: ok", "x-no-description: ok")))
        .extracting(SpecLinter.Violation::problem)
        .anySatisfy(p -> assertThat(p).startsWith("swagger-parser: ").contains("description"));
  }

  @Test
  void anInlineResponseSchemaIsAViolation() {
    String text = NormalizerTest.MINIMAL.replace("$ref: '#/components/schemas/Thing'", "properties: {a: {type: string}}");
    assertThat(lint(text)).contains(new SpecLinter.Violation(
        "$.paths['/things/{id}'].get.responses['200'].content['application/json'].schema",
        "a response body is a $ref to a named schema, not an inline schema"));
  }

  @Test
  void anAnonymousNestedObjectAndABareObjectAreViolations() {
    String text = withSchemas("""
            Thing:
              type: object
              properties:
                nested: {type: object, properties: {a: {type: string}}}
                bag: {type: object}
        """);
    assertThat(lint(text)).extracting(SpecLinter.Violation::path).containsExactly(
        "$.components.schemas.Thing.properties.nested",
        "$.components.schemas.Thing.properties.bag");
  }

  @Test
  void aOneOfWithoutASelectionRuleIsAViolation() {
    String text = withSchemas("""
            Thing:
              oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]
            A: {type: object, properties: {a: {type: string}}}
            B: {type: object, properties: {b: {type: string}}}
        """);
    assertThat(lint(text)).extracting(SpecLinter.Violation::problem)
        .containsExactly("oneOf without a selection rule: add a discriminator or x-audiojobs-select");
  }

  @Test
  void aSelectionRuleNeedsAnExistingFallbackAndMembersOfTheUnion() {
    String text = withSchemas("""
            Thing:
              oneOf: [{$ref: '#/components/schemas/A'}]
              x-audiojobs-select:
                property: p
                byKeys: [{keys: [k], schema: '#/components/schemas/B'}]
                fallback: '#/components/schemas/Missing'
            A: {type: object, properties: {a: {type: string}}}
            B: {type: object, properties: {b: {type: string}}}
        """);
    assertThat(lint(text)).extracting(SpecLinter.Violation::path).containsExactly(
        "$.components.schemas.Thing.x-audiojobs-select.fallback",
        "$.components.schemas.Thing.x-audiojobs-select.byKeys[0].schema");
  }

  @Test
  void aCountTypedAsNumberIsAViolation() {
    String text = withSchemas("""
            Thing:
              type: object
              properties:
                total: {type: number}
                start: {type: number}
                speakerCount: {type: number}
        """);
    assertThat(lint(text)).extracting(SpecLinter.Violation::path).containsExactly(
        "$.components.schemas.Thing.properties.total.type",
        "$.components.schemas.Thing.properties.speakerCount.type");
  }

  @Test
  void aMissingOrDuplicateOperationIdIsAViolation() {
    String twice = NormalizerTest.MINIMAL.replace("paths:\n", "paths:\n  /b:\n    get:\n      operationId: getThing\n      responses: {'204': {description: none}}\n");
    assertThat(lint(twice)).extracting(SpecLinter.Violation::problem).contains("duplicate operationId getThing");
    String missing = NormalizerTest.MINIMAL.replace("operationId: getThing", "x-unnamed: true");
    assertThat(lint(missing)).extracting(SpecLinter.Violation::problem).containsExactly("operation has no operationId");
  }
}
