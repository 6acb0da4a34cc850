package dev.audiojobs.openapi.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.audiojobs.openapi.codegen.model.Api;
import dev.audiojobs.openapi.codegen.model.Operation;
import dev.audiojobs.openapi.codegen.model.Property;
import dev.audiojobs.openapi.codegen.model.Schema;
import dev.audiojobs.openapi.codegen.model.SpecReader;
import dev.audiojobs.openapi.codegen.model.Type;
import dev.audiojobs.openapi.codegen.model.UnsupportedSpecException;
import dev.audiojobs.openapi.codegen.model.Vendor;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the generator reads from a spec, and how it refuses what it cannot generate faithfully. */
final class SpecReaderTest {
  private static final Vendor ACME = new Vendor("acme");

  private static Api schemas(String schemas) throws IOException {
    return read("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        servers: [{url: 'https://example.test/api'}]
        paths: {}
        components:
          schemas:
        """ + schemas.indent(4));
  }

  static Api read(String yaml) throws IOException {
    JsonNode spec = new YAMLMapper().readTree(yaml);
    return SpecReader.read(spec, ACME);
  }

  @Test
  void theVendorTokenDerivesPrefixPackageAndSpecPath() {
    Vendor vendor = Vendor.ofSpecFile(Path.of("../openapi/normalized/pyannote.yaml"));

    assertThat(vendor.token()).isEqualTo("pyannote");
    assertThat(vendor.prefix()).isEqualTo("Pyannote");
    assertThat(vendor.packageName()).isEqualTo("dev.audiojobs.pyannote");
    assertThat(vendor.specPath()).isEqualTo("openapi/normalized/pyannote.yaml");
    assertThatThrownBy(() -> Vendor.ofSpecFile(Path.of("normalized/Py-annote.yaml")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Py-annote");
  }

  @Test
  void anInlineEnumIsRefusedNamingItsPath() {
    assertThatThrownBy(() -> schemas("""
        Thing:
          type: object
          properties:
            state: {type: string, enum: [a, b]}
        """))
        .isInstanceOf(UnsupportedSpecException.class)
        .hasMessage("openapi/normalized/acme.yaml: #/components/schemas/Thing/properties/state: "
            + "the generator does not support an inline enum; name it in components/schemas");
  }

  @Test
  void aOneOfWithoutFallbackIsRefused() {
    assertThatThrownBy(() -> schemas("""
        A: {type: object, properties: {a: {type: string}}}
        U: {oneOf: [{$ref: '#/components/schemas/A'}], discriminator: {propertyName: a}}
        """))
        .hasMessageContaining("#/components/schemas/U: the generator does not support a oneOf without x-audiojobs-select.fallback");
  }

  @Test
  void propertiesCarryTheirTypeRequirednessNullabilityAndConstraints() throws IOException {
    Schema.RecordSchema thing = schemas("""
        Thing:
          type: object
          required: [count, name]
          properties:
            count: {type: integer, minimum: 1, maximum: 10}
            name: {type: string, maxLength: 5, pattern: '^[a-z]+$', nullable: true}
            score: {type: number}
            samples: {type: array, items: {type: number}, minItems: 1}
            when: {type: string, format: date-time}
            tags: {type: array, items: {type: string}}
            scores: {type: object, additionalProperties: {type: integer, format: int64}}
        """).record("Thing");

    assertThat(thing.properties()).extracting(Property::name, Property::type, Property::required, Property::nullable)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("count", new Type.Scalar(Type.Kind.INT), true, false),
            org.assertj.core.groups.Tuple.tuple("name", Type.STRING, true, true),
            org.assertj.core.groups.Tuple.tuple("score", new Type.Scalar(Type.Kind.DOUBLE), false, false),
            org.assertj.core.groups.Tuple.tuple("samples", new Type.DoubleList(), false, false),
            org.assertj.core.groups.Tuple.tuple("when", new Type.Scalar(Type.Kind.DATE_TIME), false, false),
            org.assertj.core.groups.Tuple.tuple("tags", new Type.ListOf(Type.STRING), false, false),
            org.assertj.core.groups.Tuple.tuple("scores", new Type.MapOf(new Type.Scalar(Type.Kind.LONG)), false, false));
    assertThat(thing.property("count").orElseThrow().constraints().minimum()).isEqualByComparingTo("1");
    assertThat(thing.property("count").orElseThrow().constraints().maximum()).isEqualByComparingTo("10");
    assertThat(thing.property("name").orElseThrow().constraints().maxLength()).isEqualTo(5);
    assertThat(thing.property("name").orElseThrow().constraints().pattern()).isEqualTo("^[a-z]+$");
    assertThat(thing.property("samples").orElseThrow().constraints().minItems()).isEqualTo(1);
  }

  @Test
  void aUnionKeepsItsVariantsFallbackAndKeyRule() throws IOException {
    Api api = schemas("""
        Job:
          oneOf: [{$ref: '#/components/schemas/A'}]
          x-audiojobs-select:
            property: out
            byKeys: [{keys: [x, y], schema: '#/components/schemas/A'}]
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
        """);
    Schema.UnionSchema job = (Schema.UnionSchema) api.schema("Job");

    assertThat(job.variants()).containsExactly("A");
    assertThat(job.fallback()).isEqualTo("Other");
    assertThat(job.members()).containsExactly("A", "Other");
    assertThat(job.rule()).isEqualTo(new Schema.ByKeys("out", List.of(new Schema.KeyRule(List.of("x", "y"), "A"))));
    assertThat(api.record("A").property("out").orElseThrow().type()).isEqualTo(new Type.Ref("AOut"));
  }

  @Test
  void aDiscriminatorKeepsItsMappingInSpecOrder() throws IOException {
    Schema.UnionSchema job = (Schema.UnionSchema) schemas("""
        Job:
          oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]
          discriminator: {propertyName: kind, mapping: {b: '#/components/schemas/B', a: '#/components/schemas/A', aa: '#/components/schemas/A'}}
          x-audiojobs-select: {fallback: '#/components/schemas/B'}
        A: {type: object, properties: {kind: {type: string}}}
        B: {type: object, properties: {kind: {type: string}}}
        """).schema("Job");

    Schema.Discriminator rule = (Schema.Discriminator) job.rule();
    assertThat(rule.property()).isEqualTo("kind");
    assertThat(rule.mapping()).containsExactly(
        java.util.Map.entry("b", "B"), java.util.Map.entry("a", "A"), java.util.Map.entry("aa", "A"));
    assertThat(job.members()).containsExactly("A", "B");
  }

  @Test
  void anOperationCarriesItsParametersSuccessErrorsWaitingAndPaging() throws IOException {
    Api api = committed("pyannote");

    Operation listJobs = api.operation("listJobs").orElseThrow();
    assertThat(listJobs.method()).isEqualTo(Operation.HttpMethod.GET);
    assertThat(listJobs.path()).isEqualTo("/v1/jobs");
    assertThat(listJobs.pointer()).isEqualTo("#/paths/~1v1~1jobs/get");
    assertThat(listJobs.parameters()).extracting(Operation.Parameter::name).containsExactly("take", "status", "skip");
    assertThat(listJobs.parameter("take").orElseThrow().defaultValue()).isEqualTo("10");
    assertThat(listJobs.success()).isEqualTo(new Operation.Response(200, new Operation.JsonBody(new Type.Ref("GetJobsResponse"))));
    assertThat(listJobs.errors()).containsEntry(400, "ValidationErrorResponse").containsEntry(429, "ApiError");
    assertThat(listJobs.requestBody()).isNull();
    assertThat(listJobs.paging())
        .isEqualTo(new Operation.OffsetPaging("take", "skip", "items", "total", 10, new Type.Ref("JobListItem")));

    Operation getJob = api.operation("getJob").orElseThrow();
    assertThat(getJob.waiting()).isEqualTo(new Operation.Wait("status", "JobStatus", List.of("output", "error"), 10,
        "doc docs.pyannote.ai how-to-poll-job-results (polls every 10 s)"));
  }

  @Test
  void aWaitOnAStatusThatIsNotATerminalEnumIsRefused() {
    assertThatThrownBy(() -> read("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        servers: [{url: 'https://example.test'}]
        paths:
          /jobs/{id}:
            get:
              operationId: getJob
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Job'}}}}
              x-audiojobs-wait: {status: state, intervalSeconds: 5, intervalSource: docs}
        components:
          schemas:
            Job: {type: object, properties: {state: {type: string}}}
        """))
        .isInstanceOf(UnsupportedSpecException.class)
        .hasMessage("openapi/normalized/acme.yaml: #/paths/~1jobs~1{id}/get/x-audiojobs-wait/status: "
            + "the generator does not support a status that is not an enum schema");
  }

  @Test
  void aHeaderParameterIsRefusedNamingTheParameter() {
    assertThatThrownBy(() -> read("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        servers: [{url: 'https://example.test'}]
        paths:
          /jobs:
            get:
              operationId: listJobs
              parameters: [{name: X-Trace, in: header, schema: {type: string}}]
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Jobs'}}}}
        components:
          schemas:
            Jobs: {type: object, properties: {n: {type: integer}}}
        """))
        .hasMessage("openapi/normalized/acme.yaml: #/paths/~1jobs/get/parameters/0/in: the generator does not support "
            + "a parameter in header (the client sends path and query parameters)");
  }

  @Test
  void allOfMergesPropertiesOfSharedBasesAndInlineAdditionsIntoOneRecordNestedToAnyDepth() throws IOException {
    Api api = schemas("""
        Named: {type: object, required: [name], properties: {name: {type: string, maxLength: 5}}}
        Base:
          allOf:
            - $ref: '#/components/schemas/Named'
            - {type: object, required: [region], properties: {region: {type: string}}}
        Project:
          description: A project.
          allOf:
            - $ref: '#/components/schemas/Base'
            - type: object
              required: [size]
              properties: {size: {type: integer}, name: {type: string, maxLength: 5}}
          properties: {note: {type: string}}
        """);

    Schema.RecordSchema project = api.record("Project");
    assertThat(project.description()).isEqualTo("A project.");
    assertThat(project.properties()).extracting(Property::name, Property::required).containsExactly(
        org.assertj.core.groups.Tuple.tuple("name", true), org.assertj.core.groups.Tuple.tuple("region", true),
        org.assertj.core.groups.Tuple.tuple("size", true), org.assertj.core.groups.Tuple.tuple("note", false));
    assertThat(project.property("name").orElseThrow().constraints().maxLength()).isEqualTo(5);
    assertThat(api.record("Base").properties()).extracting(Property::name).containsExactly("name", "region");
  }

  @Test
  void allOfMembersThatDeclareOnePropertyDifferentlyAreRefusedNamingBoth() {
    assertThatThrownBy(() -> schemas("""
        Base: {type: object, properties: {size: {type: integer}}}
        Project:
          allOf:
            - $ref: '#/components/schemas/Base'
            - {type: object, properties: {size: {type: string}}}
        """))
        .isInstanceOf(UnsupportedSpecException.class)
        .hasMessage("openapi/normalized/acme.yaml: #/components/schemas/Project/allOf/1/properties/size: the generator "
            + "does not support a property declared twice with different schemas, here and at "
            + "#/components/schemas/Base/properties/size");
  }

  @Test
  void anAllOfThatIncludesItselfIsRefused() {
    assertThatThrownBy(() -> schemas("""
        A: {allOf: [{$ref: '#/components/schemas/B'}]}
        B: {allOf: [{$ref: '#/components/schemas/A'}], properties: {x: {type: string}}}
        """))
        .hasMessageContaining("#/components/schemas/B/allOf/0: the generator does not support an allOf that includes itself: A");
  }

  @Test
  void dailysListPagesByTheIdOfItsLastJob() throws IOException {
    assertThat(committed("daily").operation("listJobs").orElseThrow().paging()).isEqualTo(
        new Operation.LastItemCursorPaging("starting_after", "id", "data", "limit", new Type.Ref("JobListItem")));
  }

  @Test
  void aLastItemCursorThatIsNotARequiredStringOfTheItemsIsRefused() {
    assertThatThrownBy(() -> read("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        servers: [{url: 'https://example.test'}]
        paths:
          /jobs:
            get:
              operationId: listJobs
              parameters: [{name: after, in: query, schema: {type: string}}]
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Jobs'}}}}
              x-audiojobs-paging: {cursor: after, lastItemCursor: note, items: data}
        components:
          schemas:
            Jobs: {type: object, properties: {data: {type: array, items: {$ref: '#/components/schemas/Job'}}}}
            Job: {type: object, required: [id], properties: {id: {type: string}, note: {type: string}}}
        """))
        .hasMessage("openapi/normalized/acme.yaml: #/paths/~1jobs/get/x-audiojobs-paging/lastItemCursor: the generator "
            + "does not support a lastItemCursor that is not a required string property of the items' record: note");
  }

  @Test
  void everyCommittedNormalizedSpecReadsWithoutRefusal() throws IOException {
    List<String> vendors = committedVendors();
    assertThat(vendors).as("vendors in openapi/normalized").contains("pyannote", "daily", "lyrcs");
    for (String vendor : vendors) {
      Api api = committed(vendor);
      assertThat(api.schemas()).as(vendor).containsKey("JobStatus");
      assertThat(api.operations()).as(vendor).isNotEmpty();
      assertThat(api.operations()).as(vendor).anyMatch(o -> o.waiting() != null);
    }
  }

  static List<String> committedVendors() throws IOException {
    List<String> vendors = new ArrayList<>();
    try (DirectoryStream<Path> specs = Files.newDirectoryStream(Path.of("normalized"), "*.yaml")) {
      for (Path spec : specs) vendors.add(Vendor.ofSpecFile(spec).token());
    }
    return vendors;
  }

  static Api committed(String vendor) throws IOException {
    return SpecReader.read(new YAMLMapper().readTree(Path.of("normalized", vendor + ".yaml").toFile()), new Vendor(vendor));
  }
}
