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
  void anOpenApi31DocumentIsNeverCalledValidOpenApi30() {
    // swagger-parser reads 3.1 without a message, and the lint used to pass it as "valid OpenAPI 3.0".
    assertThat(NormalizerTest.MINIMAL).contains("openapi: 3.0.3");
    assertThat(lint(NormalizerTest.MINIMAL.replace("openapi: 3.0.3", "openapi: 3.1.0")))
        .containsExactly(new SpecLinter.Violation("$.openapi", "OpenAPI 3.1.0 is not 3.0: the lint and the generator read"
            + " OpenAPI 3.0 (the normalizer converts a 3.1 upstream)"));
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

  // ---------------------------------------------------------------- the write side

  /** A small spec with every write-side construct the lint knows; it passes. */
  static final String WRITE_SIDE = """
      openapi: 3.0.3
      info: {title: Thing API, version: '1'}
      paths:
        /things/{id}:
          get:
            operationId: getThing
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            responses:
              '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
            x-audiojobs-wait: {status: status, error: [error], intervalSeconds: 5, intervalSource: inferred (test)}
        /things:
          get:
            operationId: listThings
            parameters:
              - {name: limit, in: query, schema: {type: integer}}
              - {name: cursor, in: query, schema: {type: string}}
            responses:
              '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/ThingPage'}}}}
            x-audiojobs-paging: {cursor: cursor, nextCursor: nextCursor, items: items, limit: limit}
          post:
            operationId: createThing
            requestBody:
              required: true
              content: {application/json: {schema: {$ref: '#/components/schemas/NewThing'}}}
            responses:
              '201': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
            x-audiojobs-then-wait: {operation: getThing, jobIdProperty: id}
        /uploads:
          post:
            operationId: getUploadUrl
            responses:
              '201': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Upload'}}}}
            x-audiojobs-upload: {maxBytes: 1024, urlProperty: url, maxBytesSource: inferred (test)}
      components:
        schemas:
          Thing:
            type: object
            properties:
              id: {type: string}
              status: {$ref: '#/components/schemas/Status'}
              error: {type: string}
            required: [id, status]
          ThingPage:
            type: object
            properties:
              items: {type: array, items: {$ref: '#/components/schemas/Thing'}}
              nextCursor: {type: string, nullable: true}
            required: [items, nextCursor]
          NewThing:
            type: object
            properties:
              name: {type: string, pattern: '^[a-z]+$'}
              kind: {$ref: '#/components/schemas/Kind'}
          Upload:
            type: object
            properties:
              url: {type: string}
            required: [url]
          Status:
            type: string
            enum: [running, done]
            x-audiojobs-terminal: [done]
          Kind:
            type: string
            enum: [a, b]
            x-audiojobs-closed: true
      """;

  private static List<SpecLinter.Violation> lintWriteSide(String find, String replace) {
    assertThat(WRITE_SIDE).as("fixture text to replace").contains(find);
    return lint(WRITE_SIDE.replace(find, replace));
  }

  @Test
  void theWriteSideFixturePasses() {
    assertThat(lint(WRITE_SIDE)).isEmpty();
  }

  @Test
  void aRequestBodyIsANamedSchemaOfASupportedMediaTypeOnAMethodThatSendsOne() {
    assertThat(lintWriteSide("content: {application/json: {schema: {$ref: '#/components/schemas/NewThing'}}}",
        "content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}"))
        .contains(new SpecLinter.Violation("$.paths['/things'].post.requestBody.content['application/json'].schema",
            "a request body is a $ref to a named schema, not an inline schema"));
    assertThat(lintWriteSide("content: {application/json: {schema: {$ref: '#/components/schemas/NewThing'}}}",
        "content: {application/xml: {schema: {$ref: '#/components/schemas/NewThing'}}}"))
        .containsExactly(new SpecLinter.Violation("$.paths['/things'].post.requestBody.content['application/xml'].schema",
            "the application/xml body is sent as raw bytes: its schema is {type: string, format: binary} (the client sends"
                + " JSON and multipart bodies from named schemas: [application/json, multipart/form-data])"));
    // Raw bytes of any other media type are a body the client sends as given (issue 16: binary uploads).
    assertThat(lintWriteSide("content: {application/json: {schema: {$ref: '#/components/schemas/NewThing'}}}",
        "content: {application/octet-stream: {schema: {type: string, format: binary}}}")).isEmpty();
    assertThat(lintWriteSide("operationId: getThing\n",
        "operationId: getThing\n      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/NewThing'}}}}\n"))
        .containsExactly(new SpecLinter.Violation("$.paths['/things/{id}'].get.requestBody",
            "a GET carries no request body; only POST, PUT and PATCH do"));
    assertThat(lint(WRITE_SIDE.replace("content: {application/json: {schema: {$ref: '#/components/schemas/NewThing'}}}",
        "content: {multipart/form-data: {schema: {$ref: '#/components/schemas/NewThing'}}}"))).isEmpty();
  }

  @Test
  void anInlineEnumIsAViolationInAPropertyAndInAParameterButANarrowedNamedEnumIsNot() {
    assertThat(lintWriteSide("kind: {$ref: '#/components/schemas/Kind'}", "kind: {type: string, enum: [a, b]}"))
        .containsExactly(new SpecLinter.Violation("$.components.schemas.NewThing.properties.kind",
            "an inline enum: name it in components/schemas and refer to it"));
    assertThat(lintWriteSide("{name: cursor, in: query, schema: {type: string}}", "{name: cursor, in: query, schema: {type: string, enum: [x]}}"))
        .containsExactly(new SpecLinter.Violation("$.paths['/things'].get.parameters[1].schema",
            "an inline enum: name it in components/schemas and refer to it"));
    assertThat(lintWriteSide("status: {$ref: '#/components/schemas/Status'}",
        "status: {enum: [done], allOf: [{$ref: '#/components/schemas/Status'}]}")).isEmpty();
  }

  @Test
  void aPatternIsAJavaRegularExpressionNotAJavaScriptLiteral() {
    assertThat(lintWriteSide("pattern: '^[a-z]+$'", "pattern: '/^media:\\/\\/[a-z]+$/'"))
        .containsExactly(new SpecLinter.Violation("$.components.schemas.NewThing.properties.name.pattern",
            "a JavaScript regex literal (/^media:\\/\\/[a-z]+$/) never matches as a pattern: drop the slashes"));
    assertThat(lintWriteSide("pattern: '^[a-z]+$'", "pattern: '^[a-z+$'")).singleElement()
        .satisfies(v -> assertThat(v.problem()).startsWith("not a regular expression (").endsWith("): ^[a-z+$"));
  }

  @Test
  void speakerCountsAreCounts() {
    assertThat(lintWriteSide("name: {type: string, pattern: '^[a-z]+$'}", "maxSpeakers: {type: number}"))
        .containsExactly(new SpecLinter.Violation("$.components.schemas.NewThing.properties.maxSpeakers.type",
            "`maxSpeakers` is a count: use type integer, not number"));
  }

  @Test
  void cursorPagingNamesOptionalQueryParametersAndANullableNextCursor() {
    assertThat(lintWriteSide("{cursor: cursor, nextCursor: nextCursor, items: items, limit: limit}",
        "{cursor: after, nextCursor: next, items: things, limit: limit, total: total}"))
        .extracting(SpecLinter.Violation::path).containsExactly(
            "$.paths['/things'].get.x-audiojobs-paging.total",
            "$.paths['/things'].get.x-audiojobs-paging.cursor",
            "$.paths['/things'].get.x-audiojobs-paging.items",
            "$.paths['/things'].get.x-audiojobs-paging.nextCursor");
    assertThat(lintWriteSide("nextCursor: {type: string, nullable: true}", "nextCursor: {type: string}"))
        .containsExactly(new SpecLinter.Violation("$.paths['/things'].get.x-audiojobs-paging.nextCursor",
            "names no nullable string property of ThingPage (null ends the walk): nextCursor"));
    assertThat(lintWriteSide("{name: limit, in: query, schema: {type: integer}}", "{name: limit, in: query, schema: {type: string}}"))
        .containsExactly(new SpecLinter.Violation("$.paths['/things'].get.x-audiojobs-paging.limit",
            "names limit, which is not of type integer"));
    assertThat(lintWriteSide("{cursor: cursor, nextCursor: nextCursor, items: items, limit: limit}", "{items: items, limit: limit}"))
        .extracting(SpecLinter.Violation::problem).singleElement().asString()
        .startsWith("pages either by offset {limit, offset, items, total} or by cursor");
  }

  @Test
  void lastItemPagingNamesARequiredStringOfTheItems() {
    String byLastItem = "{cursor: cursor, lastItemCursor: id, items: items, limit: limit}";
    assertThat(lintWriteSide("{cursor: cursor, nextCursor: nextCursor, items: items, limit: limit}", byLastItem)).isEmpty();
    assertThat(lintWriteSide("{cursor: cursor, nextCursor: nextCursor, items: items, limit: limit}",
        "{cursor: cursor, lastItemCursor: error, items: items, limit: limit}"))
        .extracting(SpecLinter.Violation::path)
        .containsExactly("$.paths['/things'].get.x-audiojobs-paging.lastItemCursor"); // error is not required
    assertThat(lintWriteSide("{cursor: cursor, nextCursor: nextCursor, items: items, limit: limit}",
        "{cursor: cursor, lastItemCursor: id, nextCursor: nextCursor, items: items, limit: limit}"))
        .extracting(SpecLinter.Violation::path)
        .containsExactly("$.paths['/things'].get.x-audiojobs-paging.nextCursor"); // one shape, not both
  }

  @Test
  void urlPagingNamesANullableStringOfThePage() {
    assertThat(lintWriteSide("{cursor: cursor, nextCursor: nextCursor, items: items, limit: limit}",
        "{nextUrl: nextCursor, items: items, limit: limit}")).isEmpty();
    assertThat(lintWriteSide("{cursor: cursor, nextCursor: nextCursor, items: items, limit: limit}",
        "{nextUrl: items, items: items, limit: limit}"))
        .containsExactly(new SpecLinter.Violation("$.paths['/things'].get.x-audiojobs-paging.nextUrl",
            "names no nullable string property of ThingPage (null ends the walk): items"));
  }

  @Test
  void offsetPagingStillNamesIntegerParametersAndAnIntegerTotal() {
    String offset = WRITE_SIDE
        .replace("{name: cursor, in: query, schema: {type: string}}", "{name: skip, in: query, schema: {type: number}}")
        .replace("{cursor: cursor, nextCursor: nextCursor, items: items, limit: limit}", "{offset: skip, total: count, items: items, limit: limit}")
        .replace("nextCursor: {type: string, nullable: true}", "count: {type: string}");
    assertThat(lint(offset)).extracting(SpecLinter.Violation::path).containsExactly(
        "$.paths['/things'].get.parameters[1].schema.type",
        "$.paths['/things'].get.x-audiojobs-paging.offset",
        "$.paths['/things'].get.x-audiojobs-paging.total");
  }

  @Test
  void thenWaitNamesAnOperationThatWaitsAndARequiredStringJobId() {
    assertThat(lintWriteSide("{operation: getThing, jobIdProperty: id}", "{operation: getThings, jobIdProperty: name}"))
        .containsExactly(
            new SpecLinter.Violation("$.paths['/things'].post.x-audiojobs-then-wait.operation", "names no operation of this spec: getThings"),
            new SpecLinter.Violation("$.paths['/things'].post.x-audiojobs-then-wait.jobIdProperty",
                "names no required string property of Thing: name"));
    assertThat(lintWriteSide("{operation: getThing, jobIdProperty: id}", "{operation: listThings, jobIdProperty: id, then: x}"))
        .containsExactly(
            new SpecLinter.Violation("$.paths['/things'].post.x-audiojobs-then-wait.then",
                "not a key of this extension [jobIdProperty, operation]"),
            new SpecLinter.Violation("$.paths['/things'].post.x-audiojobs-then-wait.operation",
                "listThings has no x-audiojobs-wait, so nothing says how to wait with it"));
  }

  @Test
  void uploadNamesARequiredUrlPropertyAPositiveLimitAndItsSource() {
    assertThat(lintWriteSide("{maxBytes: 1024, urlProperty: url, maxBytesSource: inferred (test)}", "{maxBytes: 1.5, urlProperty: link}"))
        .extracting(SpecLinter.Violation::path).containsExactly(
            "$.paths['/uploads'].post.x-audiojobs-upload.maxBytes",
            "$.paths['/uploads'].post.x-audiojobs-upload.maxBytesSource",
            "$.paths['/uploads'].post.x-audiojobs-upload.urlProperty");
  }

  @Test
  void waitNamesATerminalStatusEnumAndAnErrorPathThatExists() {
    assertThat(lintWriteSide("{status: status, error: [error],", "{status: state, error: [output, error],"))
        .containsExactly(
            new SpecLinter.Violation("$.paths['/things/{id}'].get.x-audiojobs-wait.status",
                "Thing.state is not a named enum with x-audiojobs-terminal"),
            new SpecLinter.Violation("$.paths['/things/{id}'].get.x-audiojobs-wait.error",
                "no variant of Thing has [\"output\",\"error\"] (stops at output)"));
  }

  @Test
  void anEnumARequestSendsSaysWhetherItIsClosedAndNoResponseReachesAClosedOne() {
    assertThat(lintWriteSide("    x-audiojobs-closed: true\n", ""))
        .containsExactly(new SpecLinter.Violation("$.components.schemas.Kind.x-audiojobs-closed",
            "a request body sends Kind: say whether the client may send only its values (true) or any value (false)"));
    assertThat(lintWriteSide("    x-audiojobs-terminal: [done]\n", "    x-audiojobs-terminal: [done]\n      x-audiojobs-closed: true\n"))
        .containsExactly(new SpecLinter.Violation("$.components.schemas.Status.x-audiojobs-closed",
            "a response reaches Status, and a closed enum cannot decode a value newer than this client"));
    assertThat(lintWriteSide("url: {type: string}", "url: {type: string, x-audiojobs-closed: true}")).isEmpty();
    assertThat(lintWriteSide("    x-audiojobs-closed: true\n", "    x-audiojobs-closed: 'yes'\n"))
        .containsExactly(new SpecLinter.Violation("$.components.schemas.Kind.x-audiojobs-closed",
            "is true or false, on a named enum only"));
  }

  @Test
  void theDraftedPyannoteWriteSideWithoutItsOverlayFailsTheLintOnEachWartTheOverlayFixes(@org.junit.jupiter.api.io.TempDir Path dir)
      throws java.io.IOException {
    Path openapi = Path.of("").toAbsolutePath();
    Path upstream = java.nio.file.Files.createDirectories(dir.resolve("upstream/pyannote"));
    Path overlays = java.nio.file.Files.createDirectories(dir.resolve("overlays/pyannote"));
    for (String file : List.of("get-job.yaml", "list-jobs.yaml", "write-side.yaml")) {
      java.nio.file.Files.copy(openapi.resolve("upstream/pyannote").resolve(file), upstream.resolve(file));
    }
    for (String file : List.of("10-operations.yaml", "20-types.yaml", "30-job-union.yaml")) {
      java.nio.file.Files.copy(openapi.resolve("overlays/pyannote").resolve(file), overlays.resolve(file));
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Normalizer(dir).normalize("pyannote"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("$.paths['/v2/jobs'].get.parameters[0].schema.type: lint: `limit` is a count")
        // Inline enums are no longer warts: the normalizer names them (InlineSchemas), and the lint then
        // asks for the decision only the vendor's meaning can give, whether the client may send other values.
        .hasMessageContaining("$.components.schemas.DiarizeRequestModel.x-audiojobs-closed: a request body sends DiarizeRequestModel")
        .hasMessageContaining("$.components.schemas.DiarizeRequest.properties.maxSpeakers.type: `maxSpeakers` is a count")
        .hasMessageContaining("$.components.schemas.GetMediaUploadUrl.properties.url.pattern: a JavaScript regex literal")
        .hasMessageContaining("$.components.schemas.TranscriptionConfigModel.x-audiojobs-closed: a request body sends TranscriptionConfigModel");
  }

  @Test
  void webhooksNameAnExistingPayloadAndASignatureTheRuntimeCanCheck() {
    String good = NormalizerTest.MINIMAL + """
        x-audiojobs-webhooks:
          payload: '#/components/schemas/Thing'
          source: doc https://example.test/webhooks
          signature:
            header: X-Sig
            timestampHeader: X-Ts
            signedContent: 'v0:{timestamp}:{body}'
            secretEncoding: utf8
            encodings: [base64, hex]
            toleranceSeconds: 300
        """;
    assertThat(lint(good)).isEmpty();
    assertThat(lint(good.replace("payload: '#/components/schemas/Thing'", "payload: '#/components/schemas/Nothing'"))).containsExactly(new SpecLinter.Violation(
        "$.x-audiojobs-webhooks.payload", "names no schema of components/schemas: #/components/schemas/Nothing"));
    assertThat(lint(good.replace("'v0:{timestamp}:{body}'", "'{body}'"))).extracting(SpecLinter.Violation::path)
        .containsExactly("$.x-audiojobs-webhooks.signature.signedContent");
    assertThat(lint(good.replace("    toleranceSeconds: 300\n", ""))).extracting(SpecLinter.Violation::path)
        .containsExactly("$.x-audiojobs-webhooks.signature.toleranceSeconds");
    assertThat(lint(good.replace("[base64, hex]", "[]").replace("utf8", "latin1"))).extracting(SpecLinter.Violation::path)
        .containsExactly("$.x-audiojobs-webhooks.signature.secretEncoding", "$.x-audiojobs-webhooks.signature.encodings");
  }
}
