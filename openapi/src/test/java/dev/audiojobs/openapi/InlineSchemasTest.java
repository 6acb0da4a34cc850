package dev.audiojobs.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The naming rule of {@link InlineSchemas}, its override and its collisions. */
final class InlineSchemasTest {
  private static final String DOC = """
      openapi: 3.0.3
      info: {title: t, version: '1'}
      paths:
        /t:
          post:
            operationId: createThing
            requestBody: {content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}}
            responses:
              '200': {description: ok, content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}}
              '404': {description: no, content: {application/json: {schema: {type: object, properties: {error: {type: string}}}}}}
          get:
            operationId: listThings
            parameters: [{name: sort_order, in: query, schema: {type: string, enum: [asc, desc]}}]
            responses:
              '200': {description: ok, content: {application/json: {schema: {type: array, items: {type: object, properties: {id: {type: string}}}}}}}
      components:
        schemas:
          Thing:
            type: object
            properties:
              speech_understanding:
                type: object
                nullable: true
                description: what it understood
                properties:
                  request: {type: object, properties: {a: {type: string}}}
              words: {type: array, items: {type: object, properties: {text: {type: string}}}}
              labels: {type: object, additionalProperties: {type: object, properties: {x: {type: integer}}}}
              status: {type: string, enum: [queued, done]}
              ref: {$ref: '#/components/schemas/Other'}
              narrowed: {allOf: [{$ref: '#/components/schemas/Status'}], enum: [done]}
              tags: {type: object, additionalProperties: {type: string}}
          Other: {type: object, properties: {o: {type: string}}}
          Status: {type: string, enum: [queued, done]}
      """;

  private static ObjectNode hoisted(String text, List<InlineSchemas.Named> out) {
    ObjectNode doc = YamlFiles.parseObject(text, "x");
    out.addAll(InlineSchemas.hoist(doc, "openapi/normalized/acme.yaml"));
    return doc;
  }

  @Test
  void everyInlineObjectEnumAndUnionIsNamedByWhereItIs() {
    List<InlineSchemas.Named> named = new java.util.ArrayList<>();
    ObjectNode doc = hoisted(DOC, named);
    assertThat(named).extracting(InlineSchemas.Named::name).containsExactly(
        "ThingSpeechUnderstandingRequest", "ThingSpeechUnderstanding", "ThingWordsItem", "ThingLabelsValue",
        "ThingStatus", "CreateThingRequest", "CreateThingResponse", "CreateThing404Response", "ListThingsSortOrder",
        "ListThingsResponseItem");
    assertThat(doc.at("/paths/~1t/post/requestBody/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/CreateThingRequest");
    assertThat(doc.at("/paths/~1t/get/responses/200/content/application~1json/schema/items/$ref").asText())
        .isEqualTo("#/components/schemas/ListThingsResponseItem");
    assertThat(doc.at("/components/schemas/ThingSpeechUnderstanding/properties/request/$ref").asText())
        .isEqualTo("#/components/schemas/ThingSpeechUnderstandingRequest");
    assertThat(doc.at("/components/schemas/ThingSpeechUnderstanding/x-audiojobs-named-from").asText())
        .isEqualTo("#/components/schemas/Thing/properties/speech_understanding");
  }

  @Test
  void aReferenceKeepsTheDescriptionAndTheNullabilityWhereTheInlineSchemaWas() {
    ObjectNode doc = hoisted(DOC, new java.util.ArrayList<>());
    assertThat(doc.at("/components/schemas/Thing/properties/speech_understanding").toString()).isEqualTo(
        "{\"allOf\":[{\"$ref\":\"#/components/schemas/ThingSpeechUnderstanding\"}],\"nullable\":true,\"description\":\"what it understood\"}");
    assertThat(doc.at("/components/schemas/ThingSpeechUnderstanding").has("nullable")).isFalse();
  }

  @Test
  void referencesNarrowedEnumsAndTypedMapsStayWhereTheyAre() {
    ObjectNode doc = hoisted(DOC, new java.util.ArrayList<>());
    assertThat(doc.at("/components/schemas/Thing/properties/ref").toString()).isEqualTo("{\"$ref\":\"#/components/schemas/Other\"}");
    assertThat(doc.at("/components/schemas/Thing/properties/narrowed/enum").toString()).isEqualTo("[\"done\"]");
    assertThat(doc.at("/components/schemas/Thing/properties/tags/additionalProperties/type").asText()).isEqualTo("string");
  }

  @Test
  void anOverlayNamesAnInlineSchemaWithXAudiojobsName() {
    List<InlineSchemas.Named> named = new java.util.ArrayList<>();
    ObjectNode doc = hoisted(DOC.replace("words: {type: array, items: {type: object,", "words: {type: array, items: {x-audiojobs-name: Word, type: object,"), named);
    assertThat(named).extracting(InlineSchemas.Named::name).contains("Word").doesNotContain("ThingWordsItem");
    assertThat(doc.at("/components/schemas/Word").has("x-audiojobs-name")).isFalse();
    assertThatThrownBy(() -> hoisted(DOC.replace("words: {type: array, items: {type: object,", "words: {type: array, items: {x-audiojobs-name: Other, type: object,"),
        new java.util.ArrayList<>()))
        .isInstanceOf(SpecException.class)
        .hasMessage("openapi/normalized/acme.yaml: #/components/schemas/Thing/properties/words/items/x-audiojobs-name: "
            + "the name Other is taken by a different schema, #/components/schemas/Other");
    assertThatThrownBy(() -> hoisted(DOC.replace("words: {type: array, items: {type: object,", "words: {type: array, items: {x-audiojobs-name: word-item, type: object,"),
        new java.util.ArrayList<>()))
        .hasMessageContaining("a name is a Java class name");
  }

  @Test
  void aTakenNameGetsTheFirstFreeSuffixAndIsReportedAndAnEqualSchemaIsReused() {
    List<InlineSchemas.Named> named = new java.util.ArrayList<>();
    ObjectNode doc = hoisted(DOC.replace("Other: {type: object", "ThingWordsItem: {type: array, items: {type: string}}\n    Other: {type: object"), named);
    assertThat(named).filteredOn(InlineSchemas.Named::collision).extracting(Object::toString).containsExactly(
        "#/components/schemas/Thing/properties/words/items → #/components/schemas/ThingWordsItem2 (the derived name was taken by a different schema)");
    assertThat(doc.at("/components/schemas/ThingWordsItem/type").asText()).isEqualTo("array");

    List<InlineSchemas.Named> reused = new java.util.ArrayList<>();
    ObjectNode same = hoisted(DOC.replace("Other: {type: object", "ThingStatus: {type: string, enum: [queued, done]}\n    Other: {type: object"), reused);
    assertThat(reused).filteredOn(n -> n.name().startsWith("ThingStatus")).singleElement()
        .satisfies(n -> assertThat(n.name()).isEqualTo("ThingStatus"));
    assertThat(same.at("/components/schemas/ThingStatus").has("x-audiojobs-named-from")).isFalse();
  }

  @Test
  void namingIsDeterministic() {
    assertThat(hoisted(DOC, new java.util.ArrayList<>())).isEqualTo(hoisted(DOC, new java.util.ArrayList<>()));
    assertThat(InlineSchemas.pascal("speech_understanding")).isEqualTo("SpeechUnderstanding");
    assertThat(InlineSchemas.pascal("getTranscript")).isEqualTo("GetTranscript");
    assertThat(InlineSchemas.pascal("4XX")).isEqualTo("4XX");
  }
}
