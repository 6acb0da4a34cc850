package dev.audiojobs.openapi.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.audiojobs.openapi.codegen.model.Api;
import dev.audiojobs.openapi.codegen.model.Operation;
import dev.audiojobs.openapi.codegen.model.Schema;
import dev.audiojobs.openapi.codegen.model.SpecReader;
import dev.audiojobs.openapi.codegen.model.Type;
import dev.audiojobs.openapi.codegen.model.UnsupportedSpecException;
import dev.audiojobs.openapi.codegen.model.Vendor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the generator reads of the write side (request bodies, non-JSON and bodiless successes,
 * uploads, submit-then-wait, cursor paging) from {@code src/test/resources/codegen/acme.yaml}, and what
 * it refuses, naming the spec path.
 */
final class RequestModelReaderTest {
  private static Api acme;

  @BeforeAll
  static void readAcme() throws IOException {
    acme = SpecReader.read(new YAMLMapper().readTree(Path.of("src/test/resources/codegen/acme.yaml").toFile()),
        new Vendor("acme"));
  }

  private static Operation operation(String id) {
    return acme.operation(id).orElseThrow();
  }

  @Test
  void aJsonRequestBodyNamesItsRecordAndWhetherItIsRequired() {
    Operation submit = operation("submitJob");

    assertThat(submit.method()).isEqualTo(Operation.HttpMethod.POST);
    assertThat(submit.requestBody()).isEqualTo(new Operation.RequestBody("application/json", "SubmitRequest", true));
    assertThat(submit.requestBody().required()).isTrue();
    assertThat(submit.success()).isEqualTo(new Operation.Response(200, new Operation.JsonBody(new Type.Ref("JobCreated"))));
  }

  @Test
  void recordsReachableFromARequestBodyAreRequestRecordsAndNoOthers() {
    assertThat(acme.record("SubmitRequest").request()).isTrue();
    assertThat(acme.record("Voiceprint").request()).as("an array item of a request").isTrue();
    assertThat(acme.record("Options").request()).as("a nested record of a request").isTrue();
    assertThat(acme.record("JobCreated").request()).isFalse();
    assertThat(acme.record("Job").request()).isFalse();
    assertThat(acme.record("RecordingUpload").multipart()).isTrue();
    assertThat(acme.record("SubmitRequest").multipart()).isFalse();
  }

  @Test
  void requestPropertiesCarryTheRulesTheClientChecks() {
    Schema.RecordSchema request = acme.record("SubmitRequest");

    assertThat(request.property("url").orElseThrow().constraints().maxLength()).isEqualTo(40);
    assertThat(request.property("url").orElseThrow().constraints().pattern()).isEqualTo("^(https|media)://");
    assertThat(request.property("numSpeakers").orElseThrow().constraints().minimum()).isEqualByComparingTo("1");
    assertThat(request.property("threshold").orElseThrow().constraints().maximum()).isEqualByComparingTo("0.5");
    assertThat(request.property("voiceprints").orElseThrow().constraints().maxItems()).isEqualTo(3);
    assertThat(request.property("turnLevelConfidence").orElseThrow().nullable()).isTrue();
    assertThat(((Schema.EnumSchema) acme.schema("Model")).closed()).isTrue();
    assertThat(((Schema.EnumSchema) acme.schema("JobState")).closed()).isFalse();
  }

  @Test
  void successesMayBeJsonArraysTextOrNothing() {
    assertThat(operation("listSpeakers").success().body())
        .isEqualTo(new Operation.JsonBody(new Type.ListOf(new Type.Ref("Speaker"))));
    assertThat(operation("getTranscript").success().body()).isEqualTo(new Operation.TextBody());
    assertThat(operation("deleteJob").success()).isEqualTo(new Operation.Response(204, new Operation.NoBody()));
    assertThat(operation("deleteJob").method()).isEqualTo(Operation.HttpMethod.DELETE);
    assertThat(operation("replaceLabels").method()).isEqualTo(Operation.HttpMethod.PUT);
    assertThat(operation("replaceLabels").success().status()).isEqualTo(202);
    assertThat(operation("addRecording").requestBody().multipart()).isTrue();
  }

  @Test
  void extensionsOfTheWriteSideAreRead() {
    assertThat(operation("getMediaUploadUrl").upload()).isEqualTo(new Operation.Upload(1024, "url"));
    assertThat(operation("submitJob").thenWait()).isEqualTo(new Operation.ThenWait("getJob", "jobId"));
    assertThat(operation("listJobs").paging())
        .isEqualTo(new Operation.CursorPaging("cursor", "nextCursor", "items", "limit", new Type.Ref("Job")));
    assertThat(acme.record("RecordingUpload").property("file").orElseThrow().type()).isEqualTo(new Type.Binary());
  }

  private static Api withPath(String path) throws IOException {
    return SpecReaderTest.read("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        servers: [{url: 'https://example.test'}]
        paths:
        """ + path.indent(2) + """
        components:
          schemas:
            Thing: {type: object, required: [name], properties: {name: {type: string}}}
            Made: {type: object, properties: {id: {type: string}}}
        """);
  }

  @Test
  void aPatchIsReadWithItsBody() throws IOException {
    // PATCH was refused until a real spec (Deepgram's project and agent-variable updates) needed it; Retrofit sends it.
    Api api = withPath("""
        /things/{id}:
          patch:
            operationId: patchThing
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
            responses: {'200': {description: ok}}
        """);
    Operation patch = api.operation("patchThing").orElseThrow();
    assertThat(patch.method()).isEqualTo(Operation.HttpMethod.PATCH);
    assertThat(patch.requestBody().schema()).isEqualTo("Thing");
  }

  @Test
  void anXmlRequestBodyIsRefusedNamingItsPath() {
    assertThatThrownBy(() -> withPath("""
        /things:
          post:
            operationId: addThing
            requestBody:
              content:
                application/xml:
                  schema: {$ref: '#/components/schemas/Thing'}
            responses: {'201': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Made'}}}}}
        """))
        .isInstanceOf(UnsupportedSpecException.class)
        .hasMessage("openapi/normalized/acme.yaml: #/paths/~1things/post/requestBody/content/application~1xml: "
            + "the generator does not support a application/xml request body whose schema is not {type: string, format: binary}");
  }

  @Test
  void anInlineRequestSchemaIsRefused() {
    assertThatThrownBy(() -> withPath("""
        /things:
          post:
            operationId: addThing
            requestBody:
              content:
                application/json:
                  schema: {type: object, properties: {name: {type: string}}}
            responses: {'201': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Made'}}}}}
        """))
        .hasMessage("openapi/normalized/acme.yaml: #/paths/~1things/post/requestBody/content/application~1json/schema: "
            + "the generator does not support a request body schema that is not a $ref to a named record");
  }

  @Test
  void aRecordBothSentAndReceivedIsARequestRecordThatDecodesAsAResponse() throws IOException {
    Api api = withPath("""
        /things:
          post:
            operationId: addThing
            requestBody:
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Thing'}
            responses: {'201': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}}
        """);

    Schema.RecordSchema thing = api.record("Thing");
    assertThat(thing.request()).isTrue();
    assertThat(thing.received()).isTrue();
    assertThat(thing.decodesAsRequest()).isFalse();
  }

  @Test
  void aOneOfAsAMultipartBodyIsRefused() {
    assertThatThrownBy(() -> SpecReaderTest.read("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        servers: [{url: 'https://example.test'}]
        paths:
          /things:
            post:
              operationId: addThing
              requestBody:
                content:
                  multipart/form-data:
                    schema: {$ref: '#/components/schemas/Either'}
              responses: {'201': {description: ok}}
        components:
          schemas:
            Either:
              oneOf: [{$ref: '#/components/schemas/Thing'}]
              x-audiojobs-select: {byKeys: [{keys: [name], schema: '#/components/schemas/Thing'}], fallback: '#/components/schemas/Thing'}
            Thing: {type: object, required: [name], properties: {name: {type: string}}}
        """))
        .hasMessage("openapi/normalized/acme.yaml: #/components/schemas/Either: the generator does not support a "
            + "multipart/form-data body that is a oneOf");
  }

  @Test
  void aRequestConstraintTheClientCannotCheckIsRefused() {
    assertThatThrownBy(() -> SpecReaderTest.read("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        servers: [{url: 'https://example.test'}]
        paths:
          /things:
            post:
              operationId: addThing
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Thing'}
              responses: {'204': {description: ok}}
        components:
          schemas:
            Thing: {type: object, properties: {count: {type: integer, multipleOf: 2}}}
        """))
        .hasMessageStartingWith("openapi/normalized/acme.yaml: #/components/schemas/Thing/properties/count/multipleOf: "
            + "the generator does not support multipleOf in a request");
  }

  @Test
  void aSecondSuccessOfTheSameSchemaAndAGetWithABodyAreRefused() {
    assertThatThrownBy(() -> withPath("""
        /things:
          get:
            operationId: listThings
            responses:
              '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Made'}}}}
              '206': {description: partial, content: {application/json: {schema: {$ref: '#/components/schemas/Made'}}}}
        """))
        // several 2xx bodies are supported as variants of a result, named by their schemas; two of one schema
        // would be two variants of one name
        .hasMessageContaining("#/paths/~1things/get/responses: the generator does not support several 2xx bodies that "
            + "are not each a distinct named schema");
    assertThatThrownBy(() -> withPath("""
        /things:
          get:
            operationId: findThings
            requestBody:
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Thing'}
            responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Made'}}}}}
        """))
        .hasMessageContaining("#/paths/~1things/get/requestBody: the generator does not support a request body on a GET");
  }

  @Test
  void pagingByANextPageUrlNamesTheUrlPropertyAndRefusesItOffAGet() throws IOException {
    assertThat(operation("listEvents").paging())
        .isEqualTo(new Operation.NextUrlPaging("next_url", "events", "limit", new Type.Ref("Speaker")));
    String spec = Files.readString(Path.of("src/test/resources/codegen/acme.yaml"));
    String cursorAndUrl = spec.replace("        nextUrl: next_url\n", "        nextUrl: next_url\n        cursor: limit\n");
    assertThatThrownBy(() -> SpecReader.read(new YAMLMapper().readTree(cursorAndUrl), new Vendor("acme")))
        .isInstanceOf(UnsupportedSpecException.class)
        .hasMessageContaining("#/paths/~1v1~1events/get/x-audiojobs-paging/cursor: the generator does not support paging "
            + "by a next-page URL with cursor");
  }
}
