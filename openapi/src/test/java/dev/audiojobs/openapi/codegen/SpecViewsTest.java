package dev.audiojobs.openapi.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the generator makes of a spec, and how it refuses what it cannot generate faithfully. */
final class SpecViewsTest {
  private static SpecViews views(String schemas) throws IOException {
    JsonNode spec = new YAMLMapper().readTree("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        servers: [{url: 'https://example.test/api'}]
        paths: {}
        components:
          schemas:
        """ + schemas.indent(4));
    return new SpecViews(spec, "acme", "dev.audiojobs.acme", "openapi/normalized/acme.yaml");
  }

  @Test
  void anInlineEnumIsRefusedNamingItsPath() {
    assertThatThrownBy(() -> views("""
        Thing:
          type: object
          properties:
            state: {type: string, enum: [a, b]}
        """))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("openapi/normalized/acme.yaml: #/components/schemas/Thing/properties/state: "
            + "the generator does not support an inline enum; name it in components/schemas");
  }

  @Test
  void aOneOfWithoutFallbackIsRefused() {
    assertThatThrownBy(() -> views("""
        A: {type: object, properties: {a: {type: string}}}
        U: {oneOf: [{$ref: '#/components/schemas/A'}], discriminator: {propertyName: a}}
        """))
        .hasMessageContaining("#/components/schemas/U: the generator does not support a oneOf without x-audiojobs-select.fallback");
  }

  @Test
  void requiredNonNullableNumbersArePrimitivesAndEverythingOptionalIsNullable() throws IOException {
    Views.Model model = views("""
        Thing:
          type: object
          required: [count, name]
          properties:
            count: {type: integer}
            name: {type: string}
            score: {type: number}
            samples: {type: array, items: {type: number}}
        """).models().get("Thing");

    assertThat(model.record().components())
        .isEqualTo("int count, String name, @Nullable Double score, @Nullable DoubleList samples, Extras extras");
  }

  @Test
  void aUnionExposesThePropertiesAllVariantsShareAndANestedInterfaceForDifferingObjects() throws IOException {
    Views.Model job = views("""
        Job:
          oneOf: [{$ref: '#/components/schemas/A'}]
          x-audiojobs-select:
            property: out
            byKeys: [{keys: [x], schema: '#/components/schemas/A'}]
            fallback: '#/components/schemas/Other'
        A:
          type: object
          required: [id]
          properties: {id: {type: string}, out: {$ref: '#/components/schemas/AOut'}}
        Other:
          type: object
          required: [id]
          properties: {id: {type: string}, out: {$ref: '#/components/schemas/OtherOut'}, extra: {type: string}}
        AOut: {type: object, properties: {x: {type: string}, error: {type: string}}}
        OtherOut: {type: object, properties: {error: {type: string}}}
        """).models().get("Job");

    assertThat(job.union().permits()).isEqualTo("A, Other");
    assertThat(job.union().accessors()).extracting(Views.Accessor::type, Views.Accessor::name)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("String", "id"),
            org.assertj.core.groups.Tuple.tuple("@Nullable Out", "out"));
    assertThat(job.union().nested()).singleElement().satisfies(n -> {
      assertThat(n.permits()).isEqualTo("AOut, OtherOut");
      assertThat(n.accessors()).extracting(Views.Accessor::name).containsExactly("error");
    });
    assertThat(job.union().select()).contains("keys.contains(\"x\")").endsWith("return OtherJsonAdapter.INSTANCE.fromJson(reader);");
    assertThat(job.union().hasSinglePass()).isTrue();
  }

  @Test
  void everyCommittedNormalizedSpecGeneratesWithoutRefusal() throws IOException {
    for (String vendor : new String[] {"pyannote", "daily", "lyrcs"}) {
      JsonNode spec = new YAMLMapper().readTree(Path.of("normalized", vendor + ".yaml").toFile());
      SpecViews views = new SpecViews(spec, vendor, "dev.audiojobs." + vendor, "openapi/normalized/" + vendor + ".yaml");
      assertThat(views.models()).as(vendor).containsKey("JobStatus");
      assertThat(views.vendor("X").operations()).as(vendor).isNotEmpty();
    }
  }
}
