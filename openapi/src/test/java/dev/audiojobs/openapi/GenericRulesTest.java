package dev.audiojobs.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The normalizer's generic rules: open enums, typed enums, unique operation ids, unreachable schemas. */
final class GenericRulesTest {
  private static ObjectNode doc(String text) {
    return YamlFiles.parseObject(text, "x");
  }

  @Test
  void anEnumOrAnyStringIsTheEnumBecauseEnumsAreOpen() {
    ObjectNode d = doc("""
        components:
          schemas:
            Code: {type: string, enum: [en, fr]}
            T:
              type: object
              properties:
                code: {anyOf: [{$ref: '#/components/schemas/Code'}, {type: string}], default: en}
                inline: {oneOf: [{type: string}, {type: string, enum: [a]}]}
                other: {anyOf: [{$ref: '#/components/schemas/Code'}, {type: integer}]}
        """);
    List<String> notes = GenericRules.apply(d, "x");
    assertThat(d.at("/components/schemas/T/properties/code").toString())
        .isEqualTo("{\"default\":\"en\",\"allOf\":[{\"$ref\":\"#/components/schemas/Code\"}]}");
    assertThat(d.at("/components/schemas/T/properties/inline").toString()).isEqualTo("{\"type\":\"string\",\"enum\":[\"a\"]}");
    assertThat(d.at("/components/schemas/T/properties/other").has("anyOf")).as("an enum or an integer is a real union").isTrue();
    assertThat(notes).containsExactly(
        "open enum #/components/schemas/T/properties/code: anyOf of an enum and any string is the enum (enums are open)",
        "open enum #/components/schemas/T/properties/inline: oneOf of an enum and any string is the enum (enums are open)");
  }

  @Test
  void anEnumWithoutATypeGetsTheTypeItsValuesShareUnlessItNarrowsAReference() {
    ObjectNode d = doc("""
        components:
          schemas:
            S: {enum: [POSITIVE, NEGATIVE]}
            N: {enum: [1, 2.5]}
            M: {enum: [a, 1]}
            R: {allOf: [{$ref: '#/components/schemas/S'}], enum: [POSITIVE]}
        """);
    GenericRules.apply(d, "x");
    assertThat(d.at("/components/schemas/S/type").asText()).isEqualTo("string");
    assertThat(d.at("/components/schemas/N/type").asText()).isEqualTo("number");
    assertThat(d.at("/components/schemas/M").has("type")).isFalse();
    assertThat(d.at("/components/schemas/R").has("type")).isFalse();
  }

  @Test
  void aSharedOperationIdIsQualifiedByItsPathWords() {
    ObjectNode d = doc("""
        paths:
          /v1/projects/{project_id}/keys: {get: {operationId: list}}
          /v1/projects: {get: {operationId: list}}
          /v1/models: {get: {operationId: listModels}}
        """);
    List<String> notes = GenericRules.apply(d, "x");
    assertThat(d.at("/paths/~1v1~1projects~1{project_id}~1keys/get/operationId").asText()).isEqualTo("listV1ProjectsKeys");
    assertThat(d.at("/paths/~1v1~1projects/get/operationId").asText()).isEqualTo("listV1Projects");
    assertThat(d.at("/paths/~1v1~1models/get/operationId").asText()).isEqualTo("listModels");
    assertThat(notes).contains("operationId list of /v1/projects → listV1Projects (shared by 2 operations)");
    assertThatThrownBy(() -> GenericRules.apply(doc("""
        paths:
          /a/{x}: {get: {operationId: get}}
          /a/{y}: {get: {operationId: get}}
        """), "openapi/upstream/acme/a.yaml"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("openapi/upstream/acme/a.yaml: #/paths/~1a~1{y}: the operationId get is shared by several operations");
  }

  @Test
  void aSchemaNothingReachesIsRemovedAndOneAnExtensionNamesIsKept() {
    ObjectNode d = doc("""
        paths:
          /a: {get: {responses: {'200': {content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}}}}
        x-audiojobs-webhooks: {payload: {$ref: '#/components/schemas/Hook'}}
        components:
          schemas:
            A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}}}
            B: {type: object, properties: {x: {type: string}}}
            U: {oneOf: [{$ref: '#/components/schemas/A'}], x-audiojobs-select: {fallback: '#/components/schemas/F'}}
            F: {type: object}
            Hook: {type: object}
            Dead: {type: object, properties: {d: {$ref: '#/components/schemas/DeadToo'}}}
            DeadToo: {type: object}
        """);
    List<String> notes = GenericRules.pruneUnreachable(d);
    assertThat(d.at("/components/schemas").fieldNames()).toIterable().containsExactly("A", "B", "Hook");
    assertThat(notes).containsExactly(
        "removed #/components/schemas/U: no operation, webhook or extension reaches it",
        "removed #/components/schemas/F: no operation, webhook or extension reaches it",
        "removed #/components/schemas/Dead: no operation, webhook or extension reaches it",
        "removed #/components/schemas/DeadToo: no operation, webhook or extension reaches it");
  }

  @Test
  void aUnionOfStringEnumsIsOneEnumUnlessAOneOfSharesAValue() {
    ObjectNode d = doc("""
        components:
          schemas:
            Mp3: {type: string, enum: [mp3]}
            Wav: {enum: [wav]}
            C: {oneOf: [{$ref: '#/components/schemas/Mp3'}, {$ref: '#/components/schemas/Wav'}, {type: string, enum: [ogg]}], description: d}
            Shared: {oneOf: [{type: string, enum: [a, b]}, {type: string, enum: [b]}]}
            Mixed: {oneOf: [{$ref: '#/components/schemas/Mp3'}, {type: number}]}
        """);
    GenericRules.apply(d, "x");
    assertThat(d.at("/components/schemas/C").toString())
        .isEqualTo("{\"description\":\"d\",\"type\":\"string\",\"enum\":[\"mp3\",\"wav\",\"ogg\"]}");
    assertThat(d.at("/components/schemas/Shared").has("oneOf")).isTrue();
    assertThat(d.at("/components/schemas/Mixed").has("oneOf")).isTrue();
  }

  @Test
  void aQueryValueThatIsOneOrManyIsAnArray() {
    ObjectNode d = doc("""
        paths:
          /listen:
            post:
              parameters:
                - {name: tag, in: query, schema: {$ref: '#/components/schemas/Tag'}}
                - {name: kw, in: query, schema: {oneOf: [{type: string}, {type: array, items: {type: string}}]}, explode: false}
                - {name: h, in: header, schema: {$ref: '#/components/schemas/Tag'}}
        components:
          schemas:
            Tag: {oneOf: [{type: string, description: one}, {type: array, items: {type: string}}]}
        """);
    List<String> notes = GenericRules.apply(d, "x");
    assertThat(d.at("/paths/~1listen/post/parameters/0/schema").toString())
        .isEqualTo("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}");
    assertThat(d.at("/paths/~1listen/post/parameters/1/schema").has("oneOf")).as("not exploded: a,b is not two values").isTrue();
    assertThat(d.at("/paths/~1listen/post/parameters/2/schema/$ref").isTextual()).as("a header is not a query value").isTrue();
    assertThat(notes).contains("one or many /listen ?tag: a value or an array of values is an array");
  }
}
