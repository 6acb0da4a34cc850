package dev.audiojobs.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class NormalizerTest {
  private static final Path OPENAPI = Path.of("").toAbsolutePath();
  private final Normalizer normalizer = new Normalizer(OPENAPI);

  @Test
  void everyVendorHasACommittedNormalizedSpecEqualToWhatNormalizingProduces() throws IOException {
    assertThat(normalizer.vendors()).containsExactly("daily", "lyrcs", "pyannote");
    for (String vendor : normalizer.vendors()) {
      String committed = Files.readString(normalizer.normalizedFile(vendor));
      assertThat(normalizer.normalize(vendor))
          .as("openapi/normalized/%s.yaml is stale; regenerate it with: %s", vendor, Normalizer.REGENERATE)
          .isEqualTo(committed);
    }
  }

  @Test
  void normalizingIsDeterministic() {
    for (String vendor : normalizer.vendors()) {
      assertThat(normalizer.normalize(vendor)).isEqualTo(normalizer.normalize(vendor));
    }
  }

  @Test
  void normalizingANormalizedSpecChangesNothingButTheRecordedInputs(@TempDir Path dir) throws IOException {
    for (String vendor : normalizer.vendors()) {
      String normalized = normalizer.normalize(vendor);
      Path upstream = Files.createDirectories(dir.resolve("upstream").resolve(vendor));
      Files.writeString(upstream.resolve("spec.yaml"), normalized);
      String again = new Normalizer(dir).normalize(vendor);
      assertThat(withoutInputs(again)).isEqualTo(withoutInputs(normalized));
    }
  }

  private static String withoutInputs(String text) {
    ObjectNode doc = YamlFiles.parseObject(text, "x");
    ((ObjectNode) doc.get("info")).remove("x-audiojobs-normalized-from");
    return CanonicalYaml.write(doc);
  }

  @Test
  void theNormalizedSpecRecordsTheHashOfEveryInput() {
    ObjectNode doc = YamlFiles.parseObject(normalizer.normalize("pyannote"), "x");
    ObjectNode from = (ObjectNode) doc.at("/info/x-audiojobs-normalized-from");
    assertThat(from.get("upstream").size()).isEqualTo(3);
    assertThat(from.get("upstream").get("openapi/upstream/pyannote/get-job.yaml").asText())
        .isEqualTo(Normalizer.sha256(OPENAPI.resolve("upstream/pyannote/get-job.yaml")));
    assertThat(from.get("overlays").size()).isEqualTo(5);
  }

  @Test
  void anOverlayTargetThatMatchesNothingFailsNamingTheOverlayFile(@TempDir Path dir) throws IOException {
    write(dir, "upstream/acme/spec.yaml", MINIMAL);
    write(dir, "overlays/acme/10-x.yaml",
        "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n"
            + "  - {target: \"$.paths['/gone'].get\", description: the decision, update: {operationId: x}}\n");
    assertThatThrownBy(() -> new Normalizer(dir).normalize("acme"))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("openapi/overlays/acme/10-x.yaml: $.actions[0].target: ")
        .hasMessageContaining("matches nothing");
  }

  @Test
  void malformedUpstreamYamlFailsNamingTheFileAndLine(@TempDir Path dir) throws IOException {
    write(dir, "upstream/acme/spec.yaml", "openapi: 3.0.0\ninfo: {title: [\n");
    assertThatThrownBy(() -> new Normalizer(dir).normalize("acme"))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("openapi/upstream/acme/spec.yaml: line ");
  }

  @Test
  void anOverlayOfAnUnknownVersionFailsTheNormalization(@TempDir Path dir) throws IOException {
    write(dir, "upstream/acme/spec.yaml", MINIMAL);
    write(dir, "overlays/acme/10-x.yaml",
        "overlay: 1.1.0\ninfo: {title: t, version: '1'}\nactions: [{target: $.info, description: d, update: {}}]\n");
    assertThatThrownBy(() -> new Normalizer(dir).normalize("acme"))
        .hasMessage("openapi/overlays/acme/10-x.yaml: $.overlay: unsupported Overlay version '1.1.0' (supported: 1.0.x)");
  }

  @Test
  void aLintViolationFailsNamingTheNormalizedFileAndThePath(@TempDir Path dir) throws IOException {
    write(dir, "upstream/acme/spec.yaml", MINIMAL.replace("operationId: getThing", "x-unnamed: true"));
    assertThatThrownBy(() -> new Normalizer(dir).normalize("acme"))
        .isInstanceOf(SpecException.class)
        .hasMessage("openapi/normalized/acme.yaml: $.paths['/things/{id}'].get: lint: operation has no operationId");
  }

  @Test
  void fragmentsThatDisagreeFailNamingBothFiles(@TempDir Path dir) throws IOException {
    write(dir, "upstream/acme/a.yaml", MINIMAL);
    write(dir, "upstream/acme/b.yaml", MINIMAL.replace("title: Thing API", "title: Other API"));
    assertThatThrownBy(() -> new Normalizer(dir).normalize("acme"))
        .hasMessageStartingWith("openapi/upstream/acme/b.yaml: $.info.title: conflicts with openapi/upstream/acme/a.yaml");
  }

  @Test
  void fragmentsMergeWhatTheyDoNotShare(@TempDir Path dir) throws IOException {
    write(dir, "upstream/acme/a.yaml", MINIMAL);
    write(dir, "upstream/acme/b.yaml", MINIMAL.replace("/things/{id}", "/others/{id}").replace("getThing", "getOther"));
    ObjectNode doc = YamlFiles.parseObject(new Normalizer(dir).normalize("acme"), "x");
    assertThat(List.of(doc.get("paths").fieldNames().next(), doc.get("paths").size()))
        .containsExactly("/others/{id}", 2);
  }

  @Test
  void aVendorWithoutUpstreamFilesIsAnError(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("upstream/acme"));
    assertThatThrownBy(() -> new Normalizer(dir).normalize("acme")).hasMessageContaining("no upstream spec for vendor acme");
  }

  @Test
  void ymlAndJsonUpstreamsAreReadLikeYaml(@TempDir Path dir) throws IOException {
    write(dir, "upstream/acme/openapi.yml", MINIMAL);
    assertThat(new Normalizer(dir).normalize("acme")).contains("openapi/upstream/acme/openapi.yml");
    Path json = Files.createDirectories(dir.resolve("json"));
    write(json, "upstream/acme/openapi.json", YamlFiles.parseObject(MINIMAL, "x").toString());
    assertThat(new Normalizer(json).normalize("acme")).contains("getThing");
  }

  @Test
  void aThreeOneUpstreamIsConvertedAndItsInlineObjectsAreNamed(@TempDir Path dir) throws IOException {
    write(dir, "upstream/acme/openapi.yml", MINIMAL.replace("openapi: 3.0.3", "openapi: 3.1.0")
        .replace("id: {type: string}", "id: {type: string}\n        note: {type: [string, 'null']}\n"
            + "        owner: {type: object, properties: {name: {type: string}}}"));
    Normalizer.Normalized normalized = new Normalizer(dir).normalized("acme");
    ObjectNode doc = YamlFiles.parseObject(normalized.text(), "x");
    assertThat(doc.get("openapi").asText()).isEqualTo("3.0.3");
    assertThat(doc.at("/components/schemas/Thing/properties/note/nullable").asBoolean()).isTrue();
    assertThat(doc.at("/components/schemas/Thing/properties/owner/$ref").asText()).isEqualTo("#/components/schemas/ThingOwner");
    assertThat(normalized.notes()).containsExactly(
        "named #/components/schemas/Thing/properties/owner → #/components/schemas/ThingOwner");
  }

  @Test
  void aThreeOneConstructThreeZeroCannotSayFailsNamingTheUpstreamFileAndPointer(@TempDir Path dir) throws IOException {
    // Before: the lint passed it as valid 3.0 and the generator said "a schema without a type".
    write(dir, "upstream/acme/openapi.yml", MINIMAL.replace("openapi: 3.0.3", "openapi: 3.1.0")
        .replace("id: {type: string}", "id: {type: [string, integer]}"));
    assertThatThrownBy(() -> new Normalizer(dir).normalize("acme"))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("openapi/upstream/acme/openapi.yml: #/components/schemas/Thing/properties/id/type: "
            + "OpenAPI 3.1 → 3.0: several types [string, integer]");
  }

  @Test
  void anOverlayNamesAnInlineSchemaWhereTheVendorWroteIt(@TempDir Path dir) throws IOException {
    write(dir, "upstream/acme/spec.yaml", MINIMAL.replace("id: {type: string}",
        "id: {type: string}\n        owner: {type: object, properties: {name: {type: string}}}"));
    write(dir, "overlays/acme/10-names.yaml", """
        overlay: 1.0.0
        info: {title: names, version: '1'}
        actions:
          - target: $.components.schemas.Thing.properties.owner
            description: the vendor calls the owner a Person
            update: {x-audiojobs-name: Person}
        """);
    ObjectNode doc = YamlFiles.parseObject(new Normalizer(dir).normalize("acme"), "x");
    assertThat(doc.at("/components/schemas/Thing/properties/owner/$ref").asText()).isEqualTo("#/components/schemas/Person");
  }

  static final String MINIMAL = """
      openapi: 3.0.3
      info:
        title: Thing API
        version: '1'
      paths:
        /things/{id}:
          get:
            operationId: getThing
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/Thing'
      components:
        schemas:
          Thing:
            type: object
            properties:
              id: {type: string}
      """;

  private static void write(Path dir, String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
