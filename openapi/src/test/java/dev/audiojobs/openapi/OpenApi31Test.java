package dev.audiojobs.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Each 3.1 → 3.0 rule of {@link OpenApi31}, and each refusal naming file, pointer and reason. */
final class OpenApi31Test {
  private static ObjectNode convert(String schemas) {
    ObjectNode doc = YamlFiles.parseObject("""
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths: {}
        components:
          schemas:
        """ + schemas.indent(4), "up.yml");
    OpenApi31.convert(doc, "openapi/upstream/acme/up.yml");
    return doc;
  }

  private static JsonNode schema(String schemas, String name) {
    return convert(schemas).at("/components/schemas/" + name);
  }

  private static void refused(String schemas, String pointer, String reason) {
    assertThatThrownBy(() -> convert(schemas))
        .isInstanceOf(SpecException.class)
        .hasMessage("openapi/upstream/acme/up.yml: " + pointer + ": OpenAPI 3.1 → 3.0: " + reason);
  }

  @Test
  void theVersionBecomes303AndA30DocumentIsLeftAlone() {
    assertThat(convert("A: {type: string}").get("openapi").asText()).isEqualTo("3.0.3");
    ObjectNode doc30 = YamlFiles.parseObject("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"
        + "components: {schemas: {A: {type: [string, 'null']}}}", "x");
    ObjectNode before = doc30.deepCopy();
    OpenApi31.convert(doc30, "x");
    assertThat(doc30).isEqualTo(before);
  }

  @Test
  void aTypeArrayWithNullIsANullableType() {
    assertThat(schema("A: {type: [string, 'null'], description: d}", "A").toString())
        .isEqualTo("{\"type\":\"string\",\"description\":\"d\",\"nullable\":true}");
    assertThat(schema("A: {type: [integer]}", "A").toString()).isEqualTo("{\"type\":\"integer\"}");
    assertThat(schema("A: {type: string, enum: [a, null]}", "A").toString())
        .isEqualTo("{\"type\":\"string\",\"enum\":[\"a\"],\"nullable\":true}");
  }

  @Test
  void aNullMemberOfAOneOfOrAnyOfMeansNullable() {
    assertThat(schema("B: {type: object, properties: {x: {type: string}}}\n"
        + "A: {oneOf: [{$ref: '#/components/schemas/B'}, {type: 'null'}], description: d}", "A").toString())
        .isEqualTo("{\"description\":\"d\",\"nullable\":true,\"allOf\":[{\"$ref\":\"#/components/schemas/B\"}]}");
    assertThat(schema("A: {anyOf: [{type: string, enum: [all]}, {type: 'null'}], default: null}", "A").toString())
        .isEqualTo("{\"default\":null,\"nullable\":true,\"type\":\"string\",\"enum\":[\"all\"]}");
    assertThat(schema("A: {oneOf: [{type: string}, {type: integer}, {type: 'null'}]}", "A").toString())
        .isEqualTo("{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}],\"nullable\":true}");
  }

  @Test
  void constIsASingleValueEnumAndExamplesIsTheFirstExample() {
    assertThat(schema("A: {type: string, const: error, examples: [e1, e2]}", "A").toString())
        .isEqualTo("{\"type\":\"string\",\"enum\":[\"error\"],\"example\":\"e1\"}");
    assertThat(schema("A: {type: string, enum: [a, b], const: b}", "A").path("enum").toString()).isEqualTo("[\"b\"]");
  }

  @Test
  void numericExclusiveBoundsBecomeBooleanOnesUnlessAStricterInclusiveBoundIsThere() {
    assertThat(schema("A: {type: number, exclusiveMinimum: 0, exclusiveMaximum: 1}", "A").toString())
        .isEqualTo("{\"type\":\"number\",\"exclusiveMinimum\":true,\"exclusiveMaximum\":true,\"minimum\":0,\"maximum\":1}");
    assertThat(schema("A: {type: integer, minimum: 5, exclusiveMinimum: 0}", "A").toString())
        .isEqualTo("{\"type\":\"integer\",\"minimum\":5}");
  }

  @Test
  void refSiblingsAnnotationsStayARedundantTypeGoesAConstraintWrapsInAllOf() {
    String e = "E: {type: string, enum: [a, b]}\n";
    assertThat(schema(e + "A: {type: object, properties: {p: {$ref: '#/components/schemas/E', description: d, x-label: L}}}", "A/properties/p")
        .toString()).isEqualTo("{\"$ref\":\"#/components/schemas/E\",\"description\":\"d\",\"x-label\":\"L\"}");
    assertThat(schema(e + "A: {type: object, properties: {p: {$ref: '#/components/schemas/E', type: string}}}", "A/properties/p")
        .toString()).isEqualTo("{\"$ref\":\"#/components/schemas/E\"}");
    assertThat(schema(e + "A: {type: object, properties: {p: {$ref: '#/components/schemas/E', enum: [a], description: d}}}", "A/properties/p")
        .toString()).isEqualTo("{\"allOf\":[{\"$ref\":\"#/components/schemas/E\"}],\"enum\":[\"a\"],\"description\":\"d\"}");
  }

  @Test
  void contentEncodingAndMediaTypeBecomeFormats() {
    assertThat(schema("A: {type: string, contentEncoding: base64}", "A").toString())
        .isEqualTo("{\"type\":\"string\",\"format\":\"byte\"}");
    assertThat(schema("A: {contentMediaType: audio/mpeg}", "A").toString())
        .isEqualTo("{\"x-content-media-type\":\"audio/mpeg\",\"format\":\"binary\",\"type\":\"string\"}");
    assertThat(schema("A: {type: string, contentMediaType: text/vtt}", "A").has("format")).isFalse();
  }

  @Test
  void equalPrefixItemsAreItemsWithACountAndTrueIsTheEmptySchema() {
    assertThat(schema("A: {type: array, prefixItems: [{type: number}, {type: number}], items: false}", "A").toString())
        .isEqualTo("{\"type\":\"array\",\"items\":{\"type\":\"number\"},\"minItems\":2,\"maxItems\":2}");
    assertThat(schema("A: {type: object, properties: {any: true}}", "A/properties/any").toString()).isEqualTo("{}");
  }

  @Test
  void schemasInParametersBodiesResponsesHeadersAndWebhooksAreConvertedToo() {
    ObjectNode doc = YamlFiles.parseObject("""
        openapi: 3.1.0
        info: {title: t, version: '1', summary: s}
        paths:
          /a:
            post:
              parameters: [{name: q, in: query, schema: {type: [string, 'null']}}]
              requestBody: {content: {application/json: {schema: {type: object, properties: {x: {const: 1}}}}}}
              responses:
                '200':
                  description: ok
                  headers: {H: {schema: {type: [integer, 'null']}}}
                  content: {application/json: {schema: {type: [string, 'null']}}}
        webhooks:
          done: {post: {requestBody: {content: {application/json: {schema: {type: [boolean, 'null']}}}}, responses: {'200': {description: ok}}}}
        """, "x");
    OpenApi31.convert(doc, "x");
    assertThat(doc.at("/paths/~1a/post/parameters/0/schema/nullable").asBoolean()).isTrue();
    assertThat(doc.at("/paths/~1a/post/requestBody/content/application~1json/schema/properties/x/enum").toString()).isEqualTo("[1]");
    assertThat(doc.at("/paths/~1a/post/responses/200/headers/H/schema/type").asText()).isEqualTo("integer");
    assertThat(doc.at("/paths/~1a/post/responses/200/content/application~1json/schema/nullable").asBoolean()).isTrue();
    assertThat(doc.has("webhooks")).isFalse();
    assertThat(doc.at("/x-webhooks/done/post/requestBody/content/application~1json/schema/type").asText()).isEqualTo("boolean");
    assertThat(doc.at("/info/x-summary").asText()).isEqualTo("s");
  }

  @Test
  void whatThreeZeroCannotSayIsRefusedNamingFilePointerAndReason() {
    refused("A: {type: [string, integer]}", "#/components/schemas/A/type",
        "several types [string, integer]: a 3.0 schema has one type; write a oneOf of one schema per type");
    refused("A: {type: object, properties: {n: {type: 'null'}}}", "#/components/schemas/A/properties/n/type",
        "a schema that allows only null cannot be said in 3.0 (outside a oneOf/anyOf, where it means nullable)");
    refused("A: {type: object, properties: {n: false}}", "#/components/schemas/A/properties/n",
        "the schema `false` (nothing is valid) cannot be said in 3.0");
    refused("A: {type: object, $defs: {B: {type: string}}}", "#/components/schemas/A/$defs",
        "local definitions ($defs) have no 3.0 place; move them to components/schemas");
    refused("A: {type: object, if: {required: [a]}, then: {required: [b]}}", "#/components/schemas/A/if",
        "conditional schemas (if/then/else) cannot be said in 3.0");
    refused("A: {type: array, prefixItems: [{type: string}, {type: number}]}", "#/components/schemas/A/prefixItems",
        "a tuple of different items cannot be said in 3.0");
    refused("A: {type: string, enum: [a], const: b}", "#/components/schemas/A/const",
        "const \"b\" is not one of the enum's values [\"a\"]: nothing is valid");
    refused("A: {type: string, contentEncoding: base32}", "#/components/schemas/A/contentEncoding",
        "the encoding base32 has no 3.0 format (base64 has: byte)");
    refused("A: {type: object, unevaluatedProperties: false}", "#/components/schemas/A/unevaluatedProperties",
        "unevaluatedProperties cannot be said in 3.0");
    refused("A: {oneOf: [{type: 'null'}]}", "#/components/schemas/A/oneOf", "a schema that allows only null cannot be said in 3.0");
  }
}
