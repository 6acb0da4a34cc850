package dev.audiojobs.openapi.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiojobs.openapi.codegen.model.Api;
import dev.audiojobs.openapi.codegen.model.Constraints;
import dev.audiojobs.openapi.codegen.model.Operation;
import dev.audiojobs.openapi.codegen.model.Type;
import dev.audiojobs.openapi.codegen.model.UnsupportedSpecException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the generator reads of named aliases (a string or an array schema), several success bodies, a
 * request body with several media types, and the request limits {@code x-audiojobs-max-bytes} and
 * {@code x-audiojobs-refused-properties}; and what it refuses, naming the spec path.
 */
final class OutcomesModelReaderTest {
  private static final String SCHEMAS = """
      components:
        schemas:
          Text: {type: string, description: a file}
          Names: {type: array, items: {type: string}}
          Word: {type: object, required: [word], properties: {word: {type: string}}}
          Words: {type: array, items: {$ref: '#/components/schemas/Word'}}
          Pending: {type: object, properties: {status: {type: string}}}
          ByUrl: {type: object, required: [url], properties: {url: {type: string}}}
          ByFile:
            type: object
            required: [file]
            properties:
              file: {type: string, format: binary, x-audiojobs-max-bytes: 10, x-audiojobs-max-bytes-instead: url}
            x-audiojobs-refused-properties: {hook: ignored in a form}
          Made: {type: object, properties: {id: {type: string}}}
      """;

  private static Api read(String paths, String schemas) throws IOException {
    return SpecReaderTest.read("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        servers: [{url: 'https://example.test'}]
        paths:
        """ + paths.indent(2) + schemas);
  }

  private static final String DOWNLOAD = """
      /files/{id}:
        get:
          operationId: download
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          responses:
            '200':
              description: the file
              content:
                text/plain: {schema: {$ref: '#/components/schemas/Text'}}
                application/json: {schema: {$ref: '#/components/schemas/Words'}}
            '202':
              description: not ready
              x-audiojobs-not-ready: {intervalSeconds: 7, intervalSource: a test}
              content: {application/json: {schema: {$ref: '#/components/schemas/Pending'}}}
      /names:
        get:
          operationId: listNames
          responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Names'}}}}}
      /jobs:
        post:
          operationId: submit
          requestBody:
            required: true
            content:
              application/json: {schema: {$ref: '#/components/schemas/ByUrl'}}
              multipart/form-data: {schema: {$ref: '#/components/schemas/ByFile'}}
          responses: {'202': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Made'}}}}}
      """;

  @Test
  void aNamedStringOrArrayIsAnAliasTypedWhereReferencedNotAModel() throws IOException {
    Api api = read(DOWNLOAD, SCHEMAS);

    assertThat(api.schemas()).doesNotContainKeys("Text", "Names", "Words").containsKeys("Word", "Pending");
    assertThat(api.operation("listNames").orElseThrow().success().body())
        .isEqualTo(new Operation.JsonBody(new Type.ListOf(Type.STRING)));
  }

  @Test
  void severalSuccessBodiesAreOutcomesInSpecOrderEachNamedByItsSchema() throws IOException {
    Operation download = read(DOWNLOAD, SCHEMAS).operation("download").orElseThrow();

    assertThat(download.success().body()).isEqualTo(new Operation.Outcomes(List.of(
        new Operation.Outcome(200, "text/plain", "Text", new Operation.TextBody(), "the file", null),
        new Operation.Outcome(200, "application/json", "Words",
            new Operation.JsonBody(new Type.ListOf(new Type.Ref("Word"))), "the file", null),
        new Operation.Outcome(202, "application/json", "Pending",
            new Operation.JsonBody(new Type.Ref("Pending")), "not ready", 7))));
  }

  @Test
  void aRequestBodyWithTwoMediaTypesKeepsBothAndMarksTheFormRecordMultipart() throws IOException {
    Api api = read(DOWNLOAD, SCHEMAS);
    Operation submit = api.operation("submit").orElseThrow();

    assertThat(submit.requestBodies()).containsExactly(
        new Operation.RequestBody("application/json", "ByUrl", true),
        new Operation.RequestBody("multipart/form-data", "ByFile", true));
    assertThat(submit.requestBody()).isEqualTo(submit.requestBodies().get(0));
    assertThat(submit.withRequestBody(submit.requestBodies().get(1)).requestBody().multipart()).isTrue();
    assertThat(api.record("ByFile").multipart()).isTrue();
    assertThat(api.record("ByUrl").request()).isTrue();
  }

  @Test
  void maxBytesAndRefusedPropertiesAreReadFromTheirExtensions() throws IOException {
    Api api = read(DOWNLOAD, SCHEMAS);

    Constraints file = api.record("ByFile").property("file").orElseThrow().constraints();
    assertThat(file.maxBytes()).isEqualTo(10L);
    assertThat(file.instead()).isEqualTo("url");
    assertThat(api.record("ByFile").refused()).isEqualTo(Map.of("hook", "ignored in a form"));
  }

  @Test
  void twoSuccessBodiesOfOneSchemaAreRefused() {
    assertThatThrownBy(() -> read("""
        /x:
          get:
            operationId: getX
            responses:
              '200': {description: a, content: {application/json: {schema: {$ref: '#/components/schemas/Made'}}}}
              '201': {description: b, content: {application/json: {schema: {$ref: '#/components/schemas/Made'}}}}
        """, SCHEMAS))
        .isInstanceOf(UnsupportedSpecException.class)
        .hasMessageContaining("#/paths/~1x/get/responses: the generator does not support several 2xx bodies");
  }

  @Test
  void aSizeLimitOnAPropertyThatIsNotAFileIsRefused() {
    assertThatThrownBy(() -> read("/x: {get: {operationId: getX, responses: {'204': {description: none}}}}",
        SCHEMAS.replace("{url: {type: string}}", "{url: {type: string, x-audiojobs-max-bytes: 5}}")))
        .isInstanceOf(UnsupportedSpecException.class)
        .hasMessageContaining("#/components/schemas/ByUrl/properties/url/x-audiojobs-max-bytes: the generator does not "
            + "support a size limit on a property that is not a file");
  }

  @Test
  void aNamedNumberIsStillRefusedAtItsPointer() {
    assertThatThrownBy(() -> read("/x: {get: {operationId: getX, responses: {'204': {description: none}}}}",
        SCHEMAS + "    Odd: {type: number}\n"))
        .isInstanceOf(UnsupportedSpecException.class)
        .hasMessageContaining("#/components/schemas/Odd: the generator does not support a named schema that is not");
  }
}
