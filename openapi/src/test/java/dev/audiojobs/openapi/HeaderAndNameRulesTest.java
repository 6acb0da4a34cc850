package dev.audiojobs.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generic rules for ignored headers ({@link ReservedHeaders}), class names ({@link SchemaNames}) and enum aliases. */
final class HeaderAndNameRulesTest {
  private static ObjectNode doc(String text) {
    return YamlFiles.parseObject(text, "x");
  }

  @Test
  void theHeadersOpenApiIgnoresAreRemovedAndOthersKept() {
    ObjectNode d = doc("""
        paths:
          /a:
            parameters:
              - {name: accept, in: header, schema: {type: string}}
            get:
              parameters:
                - {name: Authorization, in: header, required: true, schema: {type: string}}
                - {name: X-Trace, in: header, schema: {type: string}}
                - {name: authorization, in: query, schema: {type: string}}
                - {name: Content-Type, in: header, schema: {type: string}}
        """);
    List<String> notes = GenericRules.apply(d, "x");
    assertThat(d.at("/paths/~1a/parameters")).isEmpty();
    assertThat(d.at("/paths/~1a/get/parameters").findValuesAsText("name")).containsExactly("X-Trace", "authorization");
    assertThat(notes).containsExactly(
        "ignored header /a accept: OpenAPI ignores a header parameter named Accept, Content-Type or Authorization",
        "ignored header GET /a Authorization: OpenAPI ignores a header parameter named Accept, Content-Type or Authorization",
        "ignored header GET /a Content-Type: OpenAPI ignores a header parameter named Accept, Content-Type or Authorization");
  }

  @Test
  void aSchemaNameThatIsNoClassNameIsRenamedWithEveryReference() {
    ObjectNode d = doc("""
        paths:
          /a:
            get:
              responses:
                '200': {content: {application/json: {schema: {$ref: '#/components/schemas/listen_Response_200'}}}}
        components:
          schemas:
            First: {type: object, properties: {r: {$ref: '#/components/schemas/listen_Response_200'}}}
            listen_Response_200:
              oneOf: [{$ref: '#/components/schemas/First'}]
              x-audiojobs-select: {byKeys: [], fallback: '#/components/schemas/First'}
            Last: {type: string}
        """);
    List<String> notes = GenericRules.apply(d, "x");
    assertThat(d.at("/components/schemas").fieldNames()).toIterable().containsExactly("First", "ListenResponse200", "Last");
    assertThat(d.toString()).doesNotContain("listen_Response_200");
    assertThat(d.at("/paths/~1a/get/responses/200/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/ListenResponse200");
    assertThat(notes).containsExactly("schema name listen_Response_200 → ListenResponse200: a Java class name");
  }

  @Test
  void aRenameOntoATakenNameIsRefused() {
    ObjectNode d = doc("""
        components:
          schemas:
            ListenResponse: {type: string}
            listen_response: {type: string}
        """);
    assertThatThrownBy(() -> GenericRules.apply(d, "x.yaml"))
        .isInstanceOf(SpecException.class)
        .hasMessage("x.yaml: #/components/schemas/listen_response: the schema name listen_response is no Java class name, and"
            + " ListenResponse is taken: name it with an overlay");
  }

  @Test
  void aSchemaThatOnlyNamesAnEnumNothingElseUsesIsTheEnum() {
    ObjectNode d = doc("""
        paths:
          /a:
            get:
              parameters:
                - {name: model, in: query, schema: {$ref: '#/components/schemas/Model', default: nova}}
                - {name: other, in: query, schema: {$ref: '#/components/schemas/Shared'}}
        components:
          schemas:
            Model0: {type: string, enum: [nova, base]}
            Model: {title: Model, oneOf: [{$ref: '#/components/schemas/Model0'}, {type: string}]}
            Used: {type: string, enum: [a]}
            Shared: {anyOf: [{$ref: '#/components/schemas/Used'}, {type: string}]}
            User: {type: object, properties: {u: {$ref: '#/components/schemas/Used'}}}
        """);
    List<String> notes = GenericRules.apply(d, "x");
    assertThat(d.at("/components/schemas/Model").toString())
        .isEqualTo("{\"title\":\"Model\",\"type\":\"string\",\"enum\":[\"nova\",\"base\"]}");
    assertThat(d.at("/components/schemas/Shared/allOf/0/$ref").asText()).as("Used has another user").isEqualTo("#/components/schemas/Used");
    assertThat(notes).contains("enum alias #/components/schemas/Model: the only name of the enum Model0, which it becomes");
  }
}
