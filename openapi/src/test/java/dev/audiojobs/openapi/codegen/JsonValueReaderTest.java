package dev.audiojobs.openapi.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiojobs.openapi.codegen.model.Api;
import dev.audiojobs.openapi.codegen.model.Property;
import dev.audiojobs.openapi.codegen.model.Schema;
import dev.audiojobs.openapi.codegen.model.Type;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A schema with no keyword but annotations is any JSON value: a record property may be one, nothing else. */
final class JsonValueReaderTest {
  private static Api read(String parameterSchema, String properties) throws IOException {
    return SpecReaderTest.read("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        servers: [{url: 'https://example.test'}]
        paths:
          /things:
            get:
              operationId: listThings
              parameters:
                - {name: q, in: query, schema: %s}
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
        components:
          schemas:
            Anything: {description: Any type}
            Thing:
              type: object
              required: [value]
              properties:
        """.formatted(parameterSchema) + properties.indent(8));
  }

  @Test
  void aPropertyOfAnyValueIsAJsonValueThatMayBeNullInlineOrThroughAnAlias() throws IOException {
    Api api = read("{type: string}", """
        value: {description: the variable's value}
        aliased: {$ref: '#/components/schemas/Anything'}
        """);
    Schema.RecordSchema thing = (Schema.RecordSchema) api.schema("Thing");
    Property value = thing.property("value").orElseThrow();

    assertThat(value.type()).isEqualTo(new Type.JsonValue());
    assertThat(value.required()).isTrue();
    assertThat(value.nullable()).as("null is a JSON value").isTrue();
    assertThat(thing.property("aliased").orElseThrow().type()).isEqualTo(new Type.JsonValue());
    assertThat(api.schemas()).doesNotContainKey("Anything");
  }

  @Test
  void anyValueAsAParameterOrInsideAnArrayOrMapIsRefused() {
    assertThatThrownBy(() -> read("{description: anything}", "value: {type: string}"))
        .hasMessage("openapi/normalized/acme.yaml: #/paths/~1things/get/parameters/0/schema: the generator does not support a"
            + " parameter of any JSON value (no type)");
    assertThatThrownBy(() -> read("{type: string}", "value: {type: array, items: {description: any}}"))
        .hasMessageEndingWith("#/components/schemas/Thing/properties/value/items: the generator does not support an array of"
            + " any JSON values");
    assertThatThrownBy(() -> read("{type: string}", "value: {type: object, additionalProperties: {title: any}}"))
        .hasMessageEndingWith("#/components/schemas/Thing/properties/value/additionalProperties: the generator does not support"
            + " a map of any JSON values (a record keeps them in its Extras)");
  }

  @Test
  void aSchemaWithAKeywordButNoTypeIsStillRefused() {
    assertThatThrownBy(() -> read("{type: string}", "value: {minLength: 2}"))
        .hasMessageEndingWith("#/components/schemas/Thing/properties/value: the generator does not support a schema without a type");
  }
}
