package dev.audiojobs.openapi.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.audiojobs.openapi.codegen.model.Api;
import dev.audiojobs.openapi.codegen.model.Auth;
import dev.audiojobs.openapi.codegen.model.Keywords;
import dev.audiojobs.openapi.codegen.model.Keywords.Kind;
import dev.audiojobs.openapi.codegen.model.Operation;
import dev.audiojobs.openapi.codegen.model.Property;
import dev.audiojobs.openapi.codegen.model.Schema;
import dev.audiojobs.openapi.codegen.model.SpecReader;
import dev.audiojobs.openapi.codegen.model.Type;
import dev.audiojobs.openapi.codegen.model.UnsupportedSpecException;
import dev.audiojobs.openapi.codegen.model.Vendor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every keyword OpenAPI 3.0 and 3.1 allow on the objects the generator reads meets one of two outcomes:
 * generated (shown by what the model then holds) or refused (an {@link UnsupportedSpecException} naming the
 * keyword's JSON pointer). A third outcome, ignored, is allowed only for a keyword listed by
 * {@link Keywords} with its reason, and is shown to leave the model exactly as without the keyword.
 *
 * <p>The keyword lists here are typed from the specifications (OpenAPI 3.0.3 and 3.1.0, JSON Schema
 * 2020-12), not taken from {@link Keywords}: {@link #everySpecKeywordHasAnOutcomeHere} fails when a keyword
 * of the specification, or one {@link Keywords} reads or ignores, has no case below.
 */
final class SpecCoverageTest {
  private static final Vendor ACME = new Vendor("acme");
  private static final YAMLMapper YAML = new YAMLMapper();

  /** A small spec with one of every object the generator reads; each case adds a keyword to one of them. */
  private static final String BASE = """
      openapi: 3.0.3
      info: {title: Things, version: '1'}
      servers: [{url: 'https://example.test/api'}]
      paths:
        /things/{id}:
          get:
            operationId: getThing
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            responses:
              '200': {description: the thing, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
              '404': {description: none, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}
        /things:
          post:
            operationId: createThing
            requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/NewThing'}}}}
            responses:
              '201': {description: created, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
      components:
        schemas:
          Thing: {type: object, required: [id], properties: {id: {type: string}, p: {type: string}}}
          NewThing: {type: object, required: [name], properties: {name: {type: string}}}
          Problem: {type: object, properties: {message: {type: string}}}
      """;

  private static final String ROOT = "";
  private static final String PATH = "/paths/~1things~1{id}";
  private static final String OP = PATH + "/get";
  private static final String PARAM = OP + "/parameters/0";
  private static final String BODY = "/paths/~1things/post/requestBody";
  private static final String RESPONSE = OP + "/responses/200";
  private static final String MEDIA = RESPONSE + "/content/application~1json";
  private static final String PROP = "/components/schemas/Thing/properties/p";
  private static final String REQUEST_PROP = "/components/schemas/NewThing/properties/name";
  private static final String THING = "/components/schemas/Thing";

  /** The fields each object has in OpenAPI 3.0.3 and 3.1.0 (Reference Objects as {@code $ref}). */
  private static final Map<Kind, Set<String>> SPEC = Map.of(
      Kind.ROOT, Set.of("openapi", "info", "servers", "paths", "components", "security", "tags", "externalDocs",
          "webhooks", "jsonSchemaDialect"),
      Kind.PATH_ITEM, Set.of("$ref", "summary", "description", "get", "put", "post", "delete", "options", "head",
          "patch", "trace", "servers", "parameters"),
      Kind.OPERATION, Set.of("tags", "summary", "description", "externalDocs", "operationId", "parameters",
          "requestBody", "responses", "callbacks", "deprecated", "security", "servers"),
      Kind.PARAMETER, Set.of("$ref", "name", "in", "description", "required", "deprecated", "allowEmptyValue", "style",
          "explode", "allowReserved", "schema", "example", "examples", "content"),
      Kind.REQUEST_BODY, Set.of("$ref", "description", "content", "required"),
      Kind.MEDIA_TYPE, Set.of("schema", "example", "examples", "encoding"),
      Kind.RESPONSE, Set.of("$ref", "description", "headers", "content", "links"),
      Kind.SCHEMA, Set.of(
          // OpenAPI 3.0 Schema Object
          "title", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength",
          "pattern", "maxItems", "minItems", "uniqueItems", "maxProperties", "minProperties", "required", "enum", "type",
          "allOf", "oneOf", "anyOf", "not", "items", "properties", "additionalProperties", "description", "format",
          "default", "nullable", "discriminator", "readOnly", "writeOnly", "xml", "externalDocs", "example", "deprecated",
          "$ref",
          // JSON Schema 2020-12, as OpenAPI 3.1 allows it
          "const", "examples", "prefixItems", "contains", "minContains", "maxContains", "patternProperties",
          "propertyNames", "unevaluatedItems", "unevaluatedProperties", "dependentRequired", "dependentSchemas", "if",
          "then", "else", "$id", "$schema", "$anchor", "$dynamicRef", "$dynamicAnchor", "$defs", "$comment",
          "$vocabulary", "contentMediaType", "contentEncoding", "contentSchema"),
      Kind.SECURITY_SCHEME, Set.of("type", "description", "name", "in", "scheme", "bearerFormat", "flows",
          "openIdConnectUrl"));

  /** One keyword of one kind of object, and what reading a spec with it shows. */
  private record Case(Kind kind, String keyword, String outcome, Runnable proof) {}

  private static final List<Case> CASES = new ArrayList<>();

  private static void generated(Kind kind, String keyword, Consumer<ObjectNode> edit, Consumer<Api> shows) {
    CASES.add(new Case(kind, keyword, "generated", () -> shows.accept(read(edited(edit)))));
  }

  private static void refused(Kind kind, String keyword, Consumer<ObjectNode> edit, String pointer) {
    CASES.add(new Case(kind, keyword, "refused", () -> {
      UnsupportedSpecException e = catchThrowableOfType(UnsupportedSpecException.class, () -> read(edited(edit)));
      assertThat(e).as("refused").isNotNull();
      assertThat(e.pointer()).isEqualTo("#" + pointer);
      assertThat(e.getMessage()).startsWith("openapi/normalized/acme.yaml: #" + pointer + ": the generator does not support ");
    }));
  }

  /** Ignored: listed with a reason, and the model read is the model read without the keyword. */
  private static void ignored(Kind kind, String keyword, Consumer<ObjectNode> edit) {
    CASES.add(new Case(kind, keyword, "ignored", () -> {
      assertThat(Keywords.whyIgnored(kind, keyword)).as("reason").isNotBlank();
      assertThat(read(edited(edit))).isEqualTo(read(edited(spec -> {})));
    }));
  }

  /** Ignored: like {@link #ignored}, against a spec already edited by {@code base}. */
  private static void ignoredOn(Kind kind, String keyword, Consumer<ObjectNode> base, Consumer<ObjectNode> edit) {
    CASES.add(new Case(kind, keyword, "ignored", () -> {
      assertThat(Keywords.whyIgnored(kind, keyword)).as("reason").isNotBlank();
      assertThat(read(edited(base.andThen(edit)))).isEqualTo(read(edited(base)));
    }));
  }

  /** The spec requiring the scheme {@code s} everywhere, declared as {@code scheme}. */
  private static Consumer<ObjectNode> secured(String scheme) {
    return both(add(ROOT, "security: [{s: []}]"), add("/components", "securitySchemes: {s: " + scheme + "}"));
  }

  private static Auth authOf(Api api) {
    return api.operation("getThing").orElseThrow().auth();
  }

  private static Consumer<ObjectNode> add(String pointer, String yaml) {
    return spec -> {
      ObjectNode target = (ObjectNode) spec.at(JsonPointer.compile(pointer));
      yaml(yaml).fields().forEachRemaining(e -> target.set(e.getKey(), e.getValue()));
    };
  }

  private static Consumer<ObjectNode> replace(String pointer, String yaml) {
    return spec -> {
      JsonPointer at = JsonPointer.compile(pointer);
      JsonNode parent = spec.at(at.head());
      if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
        array.set(at.last().getMatchingIndex(), yaml(yaml));
      } else {
        ((ObjectNode) parent).set(at.last().getMatchingProperty(), yaml(yaml));
      }
    };
  }

  private static Consumer<ObjectNode> both(Consumer<ObjectNode> first, Consumer<ObjectNode> second) {
    return first.andThen(second);
  }

  static {
    // ---------------------------------------------------------------- root
    generated(Kind.ROOT, "openapi", add(ROOT, "openapi: 3.1.0"), api -> assertThat(api.operations()).hasSize(2));
    refused(Kind.ROOT, "openapi", add(ROOT, "openapi: '2.0'"), "/openapi");
    generated(Kind.ROOT, "info", add(ROOT, "info: {title: Widgets, version: '2'}"),
        api -> assertThat(api.title()).isEqualTo("Widgets"));
    generated(Kind.ROOT, "servers", add(ROOT, "servers: [{url: 'https://other.test/v2'}]"),
        api -> assertThat(api.defaultBaseUrl()).isEqualTo("https://other.test/v2"));
    refused(Kind.ROOT, "servers", add(ROOT, "servers: [{url: 'https://{region}.example.test', variables: {region: {default: eu}}}]"),
        "/servers/0/url");
    generated(Kind.ROOT, "paths", spec -> {}, api -> assertThat(api.operations()).extracting(Operation::id)
        .containsExactly("getThing", "createThing"));
    generated(Kind.ROOT, "components", spec -> {}, api -> assertThat(api.schemas()).containsKeys("Thing", "NewThing"));
    ignored(Kind.ROOT, "tags", add(ROOT, "tags: [{name: things}]"));
    ignored(Kind.ROOT, "externalDocs", add(ROOT, "externalDocs: {url: 'https://docs.example.test'}"));
    refused(Kind.ROOT, "webhooks", add(ROOT, "webhooks: {done: {post: {responses: {'200': {description: ok}}}}}"), "/webhooks");
    refused(Kind.ROOT, "jsonSchemaDialect", add(ROOT, "jsonSchemaDialect: 'https://example.test/dialect'"),
        "/jsonSchemaDialect");
    generated(Kind.ROOT, "security", secured("{type: http, scheme: bearer}"), api ->
        assertThat(api.operations()).extracting(Operation::auth).containsOnly(new Auth.Bearer()));
    generated(Kind.ROOT, "security", spec -> {}, api -> // none declared: no key is sent
        assertThat(api.operations()).extracting(Operation::auth).containsOnly(new Auth.None()));
    ignored(Kind.ROOT, "x-other-tool", add(ROOT, "x-other-tool: {anything: 1}"));
    refused(Kind.ROOT, "x-audiojobs-misspelt", add(ROOT, "x-audiojobs-misspelt: 1"), "/x-audiojobs-misspelt");

    // ---------------------------------------------------------------- path item
    for (String method : List.of("get", "put", "post", "delete", "patch")) {
      String other = "/paths/~1other";
      generated(Kind.PATH_ITEM, method, add("/paths", "/other: {" + method + ": {operationId: " + method + "Other, "
              + "responses: {'204': {description: done}}}}"),
          api -> assertThat(api.operation(method + "Other").orElseThrow().method().name())
              .isEqualTo(method.toUpperCase(java.util.Locale.ROOT)));
    }
    for (String method : List.of("options", "head", "trace")) {
      refused(Kind.PATH_ITEM, method, add(PATH, method + ": {operationId: x, responses: {'204': {description: d}}}"),
          PATH + "/" + method);
    }
    refused(Kind.PATH_ITEM, "$ref", add(PATH, "$ref: '#/components/pathItems/x'"), PATH + "/$ref");
    refused(Kind.PATH_ITEM, "servers", add(PATH, "servers: [{url: 'https://other.test'}]"), PATH + "/servers");
    ignored(Kind.PATH_ITEM, "summary", add(PATH, "summary: things by id"));
    ignored(Kind.PATH_ITEM, "description", add(PATH, "description: things by id"));
    generated(Kind.PATH_ITEM, "parameters",
        both(add(PATH, "parameters: [{name: id, in: path, required: true, schema: {type: string}, description: from the path}]"),
            spec -> ((ObjectNode) spec.at(OP)).remove("parameters")),
        api -> assertThat(api.operation("getThing").orElseThrow().parameter("id").orElseThrow().description())
            .isEqualTo("from the path"));

    // ---------------------------------------------------------------- operation
    generated(Kind.OPERATION, "summary", add(OP, "summary: Get a thing"),
        api -> assertThat(api.operation("getThing").orElseThrow().summary()).isEqualTo("Get a thing"));
    generated(Kind.OPERATION, "description", add(OP, "description: Gets it."),
        api -> assertThat(api.operation("getThing").orElseThrow().description()).isEqualTo("Gets it."));
    generated(Kind.OPERATION, "operationId", add(OP, "operationId: fetchThing"),
        api -> assertThat(api.operation("fetchThing")).isPresent());
    refused(Kind.OPERATION, "operationId", add(OP, "operationId: get-thing"), OP + "/operationId");
    generated(Kind.OPERATION, "parameters", add(OP, "parameters: [{name: id, in: path, required: true, schema: {type: string}}, "
            + "{name: verbose, in: query, schema: {type: boolean}}]"),
        api -> assertThat(api.operation("getThing").orElseThrow().parameters()).extracting(Operation.Parameter::name)
            .containsExactly("id", "verbose"));
    generated(Kind.OPERATION, "requestBody", spec -> {},
        api -> assertThat(api.operation("createThing").orElseThrow().requestBody())
            .isEqualTo(new Operation.RequestBody("application/json", "NewThing", true)));
    generated(Kind.OPERATION, "responses", spec -> {}, api -> {
      assertThat(api.operation("getThing").orElseThrow().success())
          .isEqualTo(new Operation.Response(200, new Operation.JsonBody(new Type.Ref("Thing"))));
      assertThat(api.operation("getThing").orElseThrow().errors()).containsEntry(404, "Problem");
    });
    // callbacks: ignored by decision (issue 16): requests the vendor makes to the caller's URL, never sent or
    // received by the client; the URL is a request property and webhooks are declared with x-audiojobs-webhooks
    ignored(Kind.OPERATION, "callbacks", add(OP, "callbacks: {done: {'{$request.body#/url}': {post: {responses: {'200': {description: ok}}}}}}"));
    refused(Kind.OPERATION, "servers", add(OP, "servers: [{url: 'https://other.test'}]"), OP + "/servers");
    generated(Kind.OPERATION, "security", both(secured("{type: http, scheme: bearer}"), add(OP, "security: []")), api -> {
      assertThat(authOf(api)).isEqualTo(new Auth.None());
      assertThat(api.operation("createThing").orElseThrow().auth()).isEqualTo(new Auth.Bearer());
    });
    generated(Kind.OPERATION, "security", both(secured("{type: http, scheme: bearer}"),
            both(add("/components/securitySchemes", "k: {type: apiKey, in: query, name: key}"),
                add(OP, "security: [{}, {k: []}, {s: []}]"))),
        api -> assertThat(authOf(api)).isEqualTo(new Auth.QueryKey("key"))); // the first alternative with a scheme
    refused(Kind.OPERATION, "security", both(secured("{type: http, scheme: bearer}"),
            both(add("/components/securitySchemes", "k: {type: apiKey, in: query, name: key}"),
                add(OP, "security: [{k: [], s: []}]"))), OP + "/security/0");
    refused(Kind.OPERATION, "security", add(OP, "security: [{nowhere: []}]"), OP + "/security/0/nowhere");
    ignored(Kind.OPERATION, "tags", add(OP, "tags: [things]"));
    ignored(Kind.OPERATION, "externalDocs", add(OP, "externalDocs: {url: 'https://docs.example.test'}"));
    ignored(Kind.OPERATION, "deprecated", add(OP, "deprecated: true"));

    // ---------------------------------------------------------------- parameter
    generated(Kind.PARAMETER, "name", add(PARAM, "name: thingId"), api ->
        assertThat(api.operation("getThing").orElseThrow().parameters().get(0).name()).isEqualTo("thingId"));
    generated(Kind.PARAMETER, "in", add(PARAM, "{in: query, required: false}"), api ->
        assertThat(api.operation("getThing").orElseThrow().parameters().get(0).in()).isEqualTo(Operation.Location.QUERY));
    refused(Kind.PARAMETER, "in", add(PARAM, "in: header"), PARAM + "/in");
    refused(Kind.PARAMETER, "in", add(PARAM, "in: cookie"), PARAM + "/in");
    generated(Kind.PARAMETER, "description", add(PARAM, "description: the id"), api ->
        assertThat(api.operation("getThing").orElseThrow().parameters().get(0).description()).isEqualTo("the id"));
    generated(Kind.PARAMETER, "required", add(PARAM, "{in: query, required: false}"), api ->
        assertThat(api.operation("getThing").orElseThrow().parameters().get(0).required()).isFalse());
    generated(Kind.PARAMETER, "schema", add(PARAM, "schema: {type: integer, format: int64, minimum: 1}"), api -> {
      Operation.Parameter p = api.operation("getThing").orElseThrow().parameters().get(0);
      assertThat(p.type()).isEqualTo(new Type.Scalar(Type.Kind.LONG));
      assertThat(p.constraints().minimum()).isEqualByComparingTo("1");
    });
    refused(Kind.PARAMETER, "schema", add(PARAM, "schema: {type: array, items: {type: string}}"), PARAM); // an array in a path
    // an array of scalars in a query (AssemblyAI's word search): a List, its item counts checked
    generated(Kind.PARAMETER, "schema", add(PARAM, "{in: query, required: false, schema: {type: array, items: {type: string}, "
        + "minItems: 1}}"), api -> {
      Operation.Parameter p = api.operation("getThing").orElseThrow().parameters().get(0);
      assertThat(p.type()).isEqualTo(new Type.ListOf(Type.STRING));
      assertThat(p.constraints().minItems()).isEqualTo(1);
      assertThat(p.explode()).isTrue();
    });
    refused(Kind.PARAMETER, "schema", add(PARAM, "{in: query, required: false, schema: {type: array, items: "
        + "{type: array, items: {type: string}}}}"), PARAM + "/schema/items");
    generated(Kind.PARAMETER, "style", add(PARAM, "style: simple"), api ->
        assertThat(api.operation("getThing").orElseThrow().parameters().get(0).type()).isEqualTo(Type.STRING));
    refused(Kind.PARAMETER, "style", add(PARAM, "style: matrix"), PARAM + "/style");
    refused(Kind.PARAMETER, "allowReserved", add(PARAM, "{in: query, allowReserved: true}"), PARAM + "/allowReserved");
    generated(Kind.PARAMETER, "allowReserved", add(PARAM, "{in: query, required: false, allowReserved: false}"), api ->
        assertThat(api.operation("getThing").orElseThrow().parameters().get(0).in()).isEqualTo(Operation.Location.QUERY));
    // explode: how a query array is sent (?w=a&w=b when true, the default; ?w=a,b when false)
    generated(Kind.PARAMETER, "explode", add(PARAM, "{in: query, required: false, explode: false, schema: {type: array, "
        + "items: {type: integer}}}"), api ->
        assertThat(api.operation("getThing").orElseThrow().parameters().get(0).explode()).isFalse());
    refused(Kind.PARAMETER, "explode", add(PARAM, "{in: query, required: false, explode: 'no'}"), PARAM + "/explode");
    ignored(Kind.PARAMETER, "deprecated", add(PARAM, "deprecated: true"));
    ignored(Kind.PARAMETER, "allowEmptyValue", add(PARAM, "allowEmptyValue: true"));
    ignored(Kind.PARAMETER, "example", add(PARAM, "example: t1"));
    ignored(Kind.PARAMETER, "examples", add(PARAM, "examples: {one: {value: t1}}"));
    refused(Kind.PARAMETER, "content", add(PARAM, "content: {application/json: {schema: {type: string}}}"), PARAM + "/content");
    generated(Kind.PARAMETER, "$ref", both(
            add("/components", "parameters: {ThingId: {name: id, in: path, required: true, schema: {type: string}, description: shared}}"),
            replace(PARAM, "{$ref: '#/components/parameters/ThingId'}")),
        api -> assertThat(api.operation("getThing").orElseThrow().parameters().get(0).description()).isEqualTo("shared"));
    refused(Kind.PARAMETER, "$ref", replace(PARAM, "{$ref: '#/components/parameters/Missing'}"), PARAM + "/$ref");

    // ---------------------------------------------------------------- request body
    generated(Kind.REQUEST_BODY, "content", spec -> {}, api ->
        assertThat(api.operation("createThing").orElseThrow().requestBody().schema()).isEqualTo("NewThing"));
    refused(Kind.REQUEST_BODY, "content", add(BODY, "content: {application/xml: {schema: {$ref: '#/components/schemas/NewThing'}}}"),
        BODY + "/content/application~1xml");
    // a binary body (AssemblyAI's upload): a file sent as the body itself, with the spec's media type
    generated(Kind.REQUEST_BODY, "content", add(BODY, "content: {application/octet-stream: {schema: {type: string, format: binary}}}"),
        api -> assertThat(api.operation("createThing").orElseThrow().requestBody())
            .isEqualTo(new Operation.RequestBody("application/octet-stream", "", true)));
    refused(Kind.REQUEST_BODY, "content", add(BODY, "content: {audio/*: {schema: {type: string, format: binary}}}"),
        BODY + "/content/audio~1*");
    generated(Kind.REQUEST_BODY, "required", add(BODY, "required: false"), api ->
        assertThat(api.operation("createThing").orElseThrow().requestBody().required()).isFalse());
    ignored(Kind.REQUEST_BODY, "description", add(BODY, "description: the new thing"));
    generated(Kind.REQUEST_BODY, "$ref", both(
            add("/components", "requestBodies: {NewThingBody: {required: false, content: {application/json: "
                + "{schema: {$ref: '#/components/schemas/NewThing'}}}}}"),
            replace(BODY, "{$ref: '#/components/requestBodies/NewThingBody'}")),
        api -> assertThat(api.operation("createThing").orElseThrow().requestBody())
            .isEqualTo(new Operation.RequestBody("application/json", "NewThing", false)));

    // ---------------------------------------------------------------- media type
    generated(Kind.MEDIA_TYPE, "schema", spec -> {}, api ->
        assertThat(api.operation("getThing").orElseThrow().success().body())
            .isEqualTo(new Operation.JsonBody(new Type.Ref("Thing"))));
    ignored(Kind.MEDIA_TYPE, "example", add(MEDIA, "example: {id: t1}"));
    ignored(Kind.MEDIA_TYPE, "examples", add(MEDIA, "examples: {one: {value: {id: t1}}}"));
    refused(Kind.MEDIA_TYPE, "encoding", add(MEDIA, "encoding: {id: {contentType: text/plain}}"), MEDIA + "/encoding");

    // ---------------------------------------------------------------- response
    generated(Kind.RESPONSE, "description", both(add(OP + "/responses", "'202': {description: not yet, content: "
            + "{application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}"), spec -> {}),
        api -> assertThat(((Operation.Outcomes) api.operation("getThing").orElseThrow().success().body()).outcomes())
            .extracting(Operation.Outcome::description).containsExactly("the thing", "not yet"));
    generated(Kind.RESPONSE, "content", spec -> {}, api ->
        assertThat(api.operation("getThing").orElseThrow().success().status()).isEqualTo(200));
    refused(Kind.RESPONSE, "content", replace(RESPONSE + "/content", "{application/xml: {schema: {$ref: '#/components/schemas/Thing'}}}"),
        RESPONSE + "/content/application~1xml");
    // a text/* success other than text/plain (AssemblyAI's subtitles are text/html or text/vtt): a String, like text/plain
    generated(Kind.RESPONSE, "content", replace(RESPONSE + "/content", "{text/html: {schema: {type: string}}}"), api ->
        assertThat(api.operation("getThing").orElseThrow().success().body()).isInstanceOf(Operation.TextBody.class));
    refused(Kind.RESPONSE, "content", replace(RESPONSE + "/content", "{text/html: {schema: {type: integer}}}"),
        RESPONSE + "/content/text~1html/schema");
    generated(Kind.RESPONSE, "content", both(add(OP + "/responses", "'500': {description: oops, content: {text/html: {}}}"),
            spec -> {}), // an error body without a named JSON model: ApiException keeps it raw, with status and headers
        api -> assertThat(api.operation("getThing").orElseThrow().errors()).containsOnlyKeys(404));
    refused(Kind.RESPONSE, "content", add(OP + "/responses", "'5XX': {description: oops, content: {application/json: "
        + "{schema: {$ref: '#/components/schemas/Problem'}}}}"), OP + "/responses/5XX");
    ignored(Kind.RESPONSE, "headers", add(RESPONSE, "headers: {X-Rate-Limit: {schema: {type: integer}}}"));
    ignored(Kind.RESPONSE, "links", add(RESPONSE, "links: {self: {operationId: getThing}}"));
    generated(Kind.RESPONSE, "$ref", both(
            add("/components", "responses: {NotFound: {description: none, content: {application/json: "
                + "{schema: {$ref: '#/components/schemas/Problem'}}}}}"),
            replace(OP + "/responses/404", "{$ref: '#/components/responses/NotFound'}")),
        api -> assertThat(api.operation("getThing").orElseThrow().errors()).containsEntry(404, "Problem"));
    refused(Kind.RESPONSE, "$ref", replace(OP + "/responses/404", "{$ref: '#/components/schemas/Problem'}"),
        OP + "/responses/404/$ref");

    // ---------------------------------------------------------------- security scheme
    String scheme = "/components/securitySchemes/s";
    generated(Kind.SECURITY_SCHEME, "type", secured("{type: http, scheme: bearer}"), api ->
        assertThat(authOf(api)).isEqualTo(new Auth.Bearer()));
    generated(Kind.SECURITY_SCHEME, "scheme", secured("{type: http, scheme: Basic}"), api ->
        assertThat(authOf(api)).isEqualTo(new Auth.Basic()));
    refused(Kind.SECURITY_SCHEME, "scheme", secured("{type: http, scheme: digest}"), scheme + "/scheme");
    generated(Kind.SECURITY_SCHEME, "in", secured("{type: apiKey, in: query, name: api_key}"), api ->
        assertThat(authOf(api)).isEqualTo(new Auth.QueryKey("api_key")));
    refused(Kind.SECURITY_SCHEME, "in", secured("{type: apiKey, in: cookie, name: session}"), scheme + "/in");
    generated(Kind.SECURITY_SCHEME, "name", secured("{type: apiKey, in: header, name: X-Api-Key}"), api ->
        assertThat(authOf(api)).isEqualTo(new Auth.HeaderKey("X-Api-Key", "")));
    refused(Kind.SECURITY_SCHEME, "name", secured("{type: apiKey, in: header}"), scheme + "/name");
    generated(Kind.SECURITY_SCHEME, "x-audiojobs-prefix", secured("{type: apiKey, in: header, name: Authorization, "
        + "x-audiojobs-prefix: 'Token '}"), api -> assertThat(authOf(api)).isEqualTo(new Auth.HeaderKey("Authorization", "Token ")));
    refused(Kind.SECURITY_SCHEME, "x-audiojobs-prefix", secured("{type: apiKey, in: query, name: k, x-audiojobs-prefix: 'T '}"),
        scheme + "/x-audiojobs-prefix");
    refused(Kind.SECURITY_SCHEME, "type", secured("{type: mutualTLS}"), scheme + "/type");
    refused(Kind.SECURITY_SCHEME, "flows", secured("{type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://t.test', scopes: {}}}}"),
        scheme + "/flows");
    refused(Kind.SECURITY_SCHEME, "openIdConnectUrl", secured("{type: openIdConnect, openIdConnectUrl: 'https://t.test'}"),
        scheme + "/openIdConnectUrl");
    ignoredOn(Kind.SECURITY_SCHEME, "description", secured("{type: http, scheme: bearer}"), add(scheme, "description: the key"));
    ignoredOn(Kind.SECURITY_SCHEME, "bearerFormat", secured("{type: http, scheme: bearer}"), add(scheme, "bearerFormat: JWT"));

    // ---------------------------------------------------------------- schema: generated
    generated(Kind.SCHEMA, "type", replace(PROP, "{type: integer}"), api -> assertThat(prop(api).type())
        .isEqualTo(new Type.Scalar(Type.Kind.INT)));
    refused(Kind.SCHEMA, "type", replace(PROP, "{type: [string, 'null']}"), PROP + "/type");
    refused(Kind.SCHEMA, "type", replace(PROP, "{type: 'null'}"), PROP);
    generated(Kind.SCHEMA, "format", replace(PROP, "{type: string, format: date-time}"), api ->
        assertThat(prop(api).type()).isEqualTo(new Type.Scalar(Type.Kind.DATE_TIME)));
    generated(Kind.SCHEMA, "format", replace(PROP, "{type: string, format: uuid}"), api ->
        assertThat(prop(api).type()).isEqualTo(Type.STRING)); // an annotation format: the wire is the text
    generated(Kind.SCHEMA, "nullable", replace(PROP, "{type: string, nullable: true}"), api -> assertThat(prop(api).nullable()).isTrue());
    generated(Kind.SCHEMA, "description", replace(PROP, "{type: string, description: the p}"), api ->
        assertThat(prop(api).description()).isEqualTo("the p"));
    generated(Kind.SCHEMA, "required", add(THING, "required: [id, p]"), api -> assertThat(prop(api).required()).isTrue());
    refused(Kind.SCHEMA, "required", add(THING, "required: [id, q]"), THING + "/required");
    generated(Kind.SCHEMA, "properties", spec -> {}, api ->
        assertThat(api.record("Thing").properties()).extracting(Property::name).containsExactly("id", "p"));
    generated(Kind.SCHEMA, "items", replace(PROP, "{type: array, items: {type: string}}"), api ->
        assertThat(prop(api).type()).isEqualTo(new Type.ListOf(Type.STRING)));
    refused(Kind.SCHEMA, "items", replace(PROP, "{type: array}"), PROP + "/items");
    generated(Kind.SCHEMA, "additionalProperties", replace(PROP, "{type: object, additionalProperties: {type: integer}}"),
        api -> assertThat(prop(api).type()).isEqualTo(new Type.MapOf(new Type.Scalar(Type.Kind.INT))));
    generated(Kind.SCHEMA, "additionalProperties", add(THING, "additionalProperties: false"), api ->
        assertThat(api.record("Thing").properties()).hasSize(2));
    // true (like absent) on a record: it keeps what it does not name in its Extras (shown by the generated client's
    // tests, putAdditionalProperty); the model is the same as without it
    generated(Kind.SCHEMA, "additionalProperties", add(THING, "additionalProperties: true"), api ->
        assertThat(api.record("Thing")).isEqualTo(read(edited(spec -> {})).record("Thing")));
    generated(Kind.SCHEMA, "additionalProperties", both(
            add("/components/schemas", "Counts: {type: object, additionalProperties: {type: integer}}"),
            replace(PROP, "{$ref: '#/components/schemas/Counts'}")),
        api -> assertThat(prop(api).type()).isEqualTo(new Type.MapOf(new Type.Scalar(Type.Kind.INT))));
    refused(Kind.SCHEMA, "additionalProperties", add(THING, "additionalProperties: {type: string}"), THING + "/additionalProperties");
    refused(Kind.SCHEMA, "additionalProperties", replace(PROP, "{type: object, additionalProperties: true}"), PROP);
    generated(Kind.SCHEMA, "enum", both(add("/components/schemas", "Color: {type: string, enum: [red, blue]}"),
            replace(PROP, "{$ref: '#/components/schemas/Color'}")),
        api -> assertThat(((Schema.EnumSchema) api.schema("Color")).values()).containsExactly("red", "blue"));
    refused(Kind.SCHEMA, "enum", replace(PROP, "{type: string, enum: [red, blue]}"), PROP);
    refused(Kind.SCHEMA, "enum", add("/components/schemas", "Level: {type: integer, enum: [1, 2]}"), "/components/schemas/Level");
    generated(Kind.SCHEMA, "oneOf", add("/components/schemas", "Any: {oneOf: [{$ref: '#/components/schemas/Thing'}, "
            + "{$ref: '#/components/schemas/Problem'}], x-audiojobs-select: {fallback: '#/components/schemas/Problem'}}"),
        api -> assertThat(((Schema.UnionSchema) api.schema("Any")).members()).containsExactly("Thing", "Problem"));
    refused(Kind.SCHEMA, "oneOf", replace(PROP, "{oneOf: [{type: string}, {type: integer}]}"), PROP);
    generated(Kind.SCHEMA, "discriminator", add("/components/schemas", "Any: {oneOf: [{$ref: '#/components/schemas/Thing'}], "
            + "discriminator: {propertyName: id, mapping: {t: '#/components/schemas/Thing'}}, "
            + "x-audiojobs-select: {fallback: '#/components/schemas/Problem'}}"),
        api -> assertThat(((Schema.UnionSchema) api.schema("Any")).rule())
            .isEqualTo(new Schema.Discriminator("id", Map.of("t", "Thing"))));
    refused(Kind.SCHEMA, "discriminator", add(THING, "discriminator: {propertyName: id}"), THING + "/discriminator");
    generated(Kind.SCHEMA, "allOf", add("/components/schemas", "Big: {allOf: [{$ref: '#/components/schemas/Thing'}, "
            + "{type: object, required: [size], properties: {size: {type: integer}}}]}"),
        api -> assertThat(api.record("Big").properties()).extracting(Property::name, Property::required)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("id", true), org.assertj.core.groups.Tuple.tuple("p", false),
                org.assertj.core.groups.Tuple.tuple("size", true)));
    refused(Kind.SCHEMA, "allOf", replace(PROP, "{allOf: [{$ref: '#/components/schemas/Problem'}, {type: object, "
        + "properties: {x: {type: string}}}]}"), PROP);
    generated(Kind.SCHEMA, "$ref", replace(PROP, "{$ref: '#/components/schemas/Problem', description: the problem}"), api -> {
      assertThat(prop(api).type()).isEqualTo(new Type.Ref("Problem"));
      assertThat(prop(api).description()).isEqualTo("the problem");
    });
    refused(Kind.SCHEMA, "$ref", replace(PROP, "{$ref: '#/components/schemas/Problem', properties: {x: {type: string}}}"),
        PROP + "/properties");
    refused(Kind.SCHEMA, "$ref", replace(PROP, "{$ref: 'other.yaml#/Problem'}"), PROP);
    for (String bound : List.of("minimum", "maximum")) {
      generated(Kind.SCHEMA, bound, replace(PROP, "{type: integer, " + bound + ": 3}"), api ->
          assertThat(bound.equals("minimum") ? prop(api).constraints().minimum() : prop(api).constraints().maximum())
              .isEqualByComparingTo("3"));
    }
    generated(Kind.SCHEMA, "minLength", replace(PROP, "{type: string, minLength: 2}"), api ->
        assertThat(prop(api).constraints().minLength()).isEqualTo(2));
    generated(Kind.SCHEMA, "maxLength", replace(PROP, "{type: string, maxLength: 9}"), api ->
        assertThat(prop(api).constraints().maxLength()).isEqualTo(9));
    generated(Kind.SCHEMA, "pattern", replace(PROP, "{type: string, pattern: '^t'}"), api ->
        assertThat(prop(api).constraints().pattern()).isEqualTo("^t"));
    generated(Kind.SCHEMA, "minItems", replace(PROP, "{type: array, items: {type: string}, minItems: 1}"), api ->
        assertThat(prop(api).constraints().minItems()).isEqualTo(1));
    generated(Kind.SCHEMA, "maxItems", replace(PROP, "{type: array, items: {type: string}, maxItems: 4}"), api ->
        assertThat(prop(api).constraints().maxItems()).isEqualTo(4));
    // readOnly/writeOnly: no effect in the direction they allow; refused in the one they contradict
    generated(Kind.SCHEMA, "readOnly", replace(PROP, "{type: string, readOnly: true}"), api ->
        assertThat(prop(api).type()).isEqualTo(Type.STRING));
    refused(Kind.SCHEMA, "readOnly", add(REQUEST_PROP, "readOnly: true"), REQUEST_PROP + "/readOnly");
    generated(Kind.SCHEMA, "writeOnly", add(REQUEST_PROP, "writeOnly: true"), api ->
        assertThat(api.record("NewThing").property("name").orElseThrow().required()).isTrue());
    refused(Kind.SCHEMA, "writeOnly", both(add(THING, "required: [id, p]"), add(PROP, "writeOnly: true")), PROP + "/writeOnly");

    // ---------------------------------------------------------------- schema: ignored
    for (String annotation : List.of("title", "deprecated", "$comment")) {
      ignored(Kind.SCHEMA, annotation, add(PROP, annotation + ": " + (annotation.equals("deprecated") ? "true" : "words")));
    }
    ignored(Kind.SCHEMA, "example", add(PROP, "example: t1"));
    ignored(Kind.SCHEMA, "examples", add(PROP, "examples: [t1, t2]"));
    ignored(Kind.SCHEMA, "externalDocs", add(PROP, "externalDocs: {url: 'https://docs.example.test'}"));
    ignored(Kind.SCHEMA, "xml", add(PROP, "xml: {name: pee}"));
    ignored(Kind.SCHEMA, "default", add(PROP, "default: none"));
    // Constraints the client does not check: no effect on a response, refused in a request.
    for (String[] c : List.of(new String[] {"exclusiveMinimum", "{type: integer, minimum: 0, exclusiveMinimum: true}"},
        new String[] {"exclusiveMaximum", "{type: integer, maximum: 9, exclusiveMaximum: true}"},
        new String[] {"multipleOf", "{type: integer, multipleOf: 5}"},
        new String[] {"uniqueItems", "{type: array, items: {type: string}, uniqueItems: true}"},
        new String[] {"minProperties", "{type: object, additionalProperties: {type: string}, minProperties: 1}"},
        new String[] {"maxProperties", "{type: object, additionalProperties: {type: string}, maxProperties: 3}"})) {
      String withoutIt = yaml(c[1]).deepCopy() instanceof ObjectNode o ? o.without(c[0]).toString() : c[1];
      CASES.add(new Case(Kind.SCHEMA, c[0], "ignored", () -> {
        assertThat(Keywords.whyIgnored(Kind.SCHEMA, c[0])).isNotBlank();
        assertThat(read(edited(replace(PROP, c[1])))).isEqualTo(read(edited(replace(PROP, withoutIt))));
      }));
      refused(Kind.SCHEMA, c[0], replace(REQUEST_PROP, c[1]), REQUEST_PROP + "/" + c[0]);
    }

    // ---------------------------------------------------------------- schema: refused (JSON Schema beyond a Java type)
    Map<String, String> refusedSchema = new LinkedHashMap<>();
    refusedSchema.put("anyOf", "{anyOf: [{type: string}, {type: integer}]}");
    refusedSchema.put("not", "{type: string, not: {enum: [x]}}");
    refusedSchema.put("const", "{type: string, const: fixed}");
    refusedSchema.put("prefixItems", "{type: array, prefixItems: [{type: string}]}");
    refusedSchema.put("contains", "{type: array, items: {type: string}, contains: {type: string}}");
    refusedSchema.put("minContains", "{type: array, items: {type: string}, minContains: 1}");
    refusedSchema.put("maxContains", "{type: array, items: {type: string}, maxContains: 1}");
    refusedSchema.put("patternProperties", "{type: object, patternProperties: {'^x': {type: string}}}");
    refusedSchema.put("propertyNames", "{type: object, additionalProperties: {type: string}, propertyNames: {pattern: '^a'}}");
    refusedSchema.put("unevaluatedItems", "{type: array, items: {type: string}, unevaluatedItems: false}");
    refusedSchema.put("unevaluatedProperties", "{type: object, additionalProperties: {type: string}, unevaluatedProperties: false}");
    refusedSchema.put("dependentRequired", "{type: object, additionalProperties: {type: string}, dependentRequired: {a: [b]}}");
    refusedSchema.put("dependentSchemas", "{type: object, additionalProperties: {type: string}, dependentSchemas: {a: {required: [b]}}}");
    refusedSchema.put("if", "{type: string, if: {minLength: 2}}");
    refusedSchema.put("then", "{type: string, then: {minLength: 2}}");
    refusedSchema.put("else", "{type: string, else: {minLength: 2}}");
    refusedSchema.put("$id", "{type: string, $id: 'https://example.test/p'}");
    refusedSchema.put("$schema", "{type: string, $schema: 'https://json-schema.org/draft/2020-12/schema'}");
    refusedSchema.put("$anchor", "{type: string, $anchor: p}");
    refusedSchema.put("$dynamicRef", "{type: string, $dynamicRef: '#p'}");
    refusedSchema.put("$dynamicAnchor", "{type: string, $dynamicAnchor: p}");
    refusedSchema.put("$defs", "{type: string, $defs: {x: {type: string}}}");
    refusedSchema.put("$vocabulary", "{type: string, $vocabulary: {}}");
    refusedSchema.put("contentMediaType", "{type: string, contentMediaType: application/json}");
    refusedSchema.put("contentEncoding", "{type: string, contentEncoding: base64}");
    refusedSchema.put("contentSchema", "{type: string, contentSchema: {type: object}}");
    refusedSchema.forEach((keyword, schema) ->
        refused(Kind.SCHEMA, keyword, replace(PROP, schema), PROP + "/" + keyword.replace("~", "~0").replace("/", "~1")));
    // the same keywords on a named schema and on an allOf member are met as well
    refused(Kind.SCHEMA, "anyOf", add(THING, "anyOf: [{required: [p]}]"), THING + "/anyOf");
    refused(Kind.SCHEMA, "patternProperties", add("/components/schemas", "Big: {allOf: [{$ref: '#/components/schemas/Thing'}, "
        + "{patternProperties: {'^x': {type: string}}}]}"), "/components/schemas/Big/allOf/1/patternProperties");
    refused(Kind.SCHEMA, "x-audiojobs-misspelt", add(PROP, "x-audiojobs-misspelt: 1"), PROP + "/x-audiojobs-misspelt");
    ignored(Kind.SCHEMA, "x-other-tool", add(PROP, "x-other-tool: 1"));
  }

  private static Property prop(Api api) {
    return api.record("Thing").property("p").orElseThrow();
  }

  private static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode edited(Consumer<ObjectNode> edit) {
    ObjectNode spec = (ObjectNode) yaml(BASE);
    edit.accept(spec);
    return spec;
  }

  private static Api read(JsonNode spec) {
    return SpecReader.read(spec, ACME);
  }

  @TestFactory
  Stream<DynamicTest> everyKeywordIsGeneratedOrRefusedOrIgnoredWithAReason() {
    return CASES.stream().map(c -> DynamicTest.dynamicTest(
        c.kind() + " " + c.keyword() + ": " + c.outcome(), c.proof()::run));
  }

  @Test
  void everySpecKeywordHasAnOutcomeHere() {
    Set<String> covered = new TreeSet<>();
    CASES.forEach(c -> covered.add(c.kind() + " " + c.keyword()));
    Set<String> expected = new TreeSet<>();
    SPEC.forEach((kind, keywords) -> keywords.forEach(k -> expected.add(kind + " " + k)));
    for (Kind kind : Kind.values()) {
      Set<String> listed = new TreeSet<>(SPEC.get(kind));
      listed.addAll(readOrIgnored(kind));
      for (String keyword : listed) {
        if (Keywords.whyIgnored(kind, keyword) != null) {
          assertThat(CASES).as(kind + " " + keyword + " is ignored: a case shows it changes nothing")
              .anyMatch(c -> c.kind() == kind && c.keyword().equals(keyword) && c.outcome().equals("ignored"));
        }
        if (Keywords.isRead(kind, keyword)) {
          assertThat(CASES).as(kind + " " + keyword + " is read: a case shows what it generates")
              .anyMatch(c -> c.kind() == kind && c.keyword().equals(keyword) && c.outcome().equals("generated"));
        }
      }
    }
    assertThat(covered).containsAll(expected);
  }

  @Test
  void aKeywordOfNoSpecificationIsRefusedAsUnknown() {
    assertThatThrownBy(() -> read(edited(add(OP, "operationld: typo"))))
        .isInstanceOf(UnsupportedSpecException.class)
        .hasMessage("openapi/normalized/acme.yaml: #" + OP + "/operationld: the generator does not support the operation "
            + "keyword 'operationld' (neither read nor known to be safe to ignore)");
  }

  /** What {@link Keywords} reads or ignores of {@code kind}, found by asking it of every keyword any kind lists. */
  private static Set<String> readOrIgnored(Kind kind) {
    Set<String> all = new TreeSet<>();
    SPEC.values().forEach(all::addAll);
    CASES.forEach(c -> all.add(c.keyword()));
    all.removeIf(k -> !Keywords.isRead(kind, k) && Keywords.whyIgnored(kind, k) == null);
    all.removeIf(k -> k.startsWith("x-") && !k.startsWith("x-audiojobs-")); // other tools' extensions: one case each kind
    return all;
  }

  /** The outcomes, for the report: {@code generated | ignored | refused} per keyword. */
  static Map<String, Set<String>> outcomes() {
    Map<String, Set<String>> out = new java.util.TreeMap<>();
    CASES.forEach(c -> out.computeIfAbsent(c.kind() + " " + c.keyword(), k -> new LinkedHashSet<>()).add(c.outcome()));
    return out;
  }
}
