package dev.audiojobs.openapi.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiojobs.openapi.codegen.model.Api;
import dev.audiojobs.openapi.codegen.model.Schema;
import dev.audiojobs.openapi.codegen.model.Type;
import dev.audiojobs.openapi.codegen.model.UnsupportedSpecException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Union query values: a oneOf of scalars, enums and lists that only a query parameter may send. */
final class QueryValueReaderTest {
  private static Api read(String parameterSchema, String schemas) throws IOException {
    return SpecReaderTest.read("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        servers: [{url: 'https://example.test'}]
        paths:
          /listen:
            get:
              operationId: listen
              parameters:
                - {name: detect, in: query, schema: %s}
              responses: {'204': {description: done}}
        components:
          schemas:
            Languages: {type: string, enum: [en, fr]}
        """.formatted(parameterSchema) + schemas.indent(4));
  }

  @Test
  void aOneOfOfScalarsEnumsAndAListIsAQueryValueWithItsMembersInOrder() throws IOException {
    Api api = read("{$ref: '#/components/schemas/Detect'}", """
        Detect:
          description: Whether, or among which languages.
          oneOf: [{type: boolean}, {$ref: '#/components/schemas/Languages'}, {type: array, items: {$ref: '#/components/schemas/Languages'}}]
        """);

    assertThat(api.schema("Detect")).isEqualTo(new Schema.QueryValueSchema("Detect", "Whether, or among which languages.",
        List.of(new Type.Scalar(Type.Kind.BOOLEAN), new Type.Ref("Languages"), new Type.ListOf(new Type.Ref("Languages")))));
    assertThat(api.operation("listen").orElseThrow().parameters().get(0).type()).isEqualTo(new Type.Ref("Detect"));
  }

  @Test
  void aQueryValueAnywhereButAQueryParameterIsRefused() {
    String detect = "Detect: {oneOf: [{type: boolean}, {type: string}]}\n";
    assertThatThrownBy(() -> read("{type: string}", detect + "Thing: {type: object, properties: {d: {$ref: '#/components/schemas/Detect'}}}"))
        .isInstanceOf(UnsupportedSpecException.class)
        .hasMessage("openapi/normalized/acme.yaml: #/components/schemas/Thing/properties/d: the generator does not support a union"
            + " of scalars (#/components/schemas/Detect) outside a query parameter: the generator sends one as query values,"
            + " and neither encodes nor decodes one as JSON");
  }

  @Test
  void membersNoFactoryCouldTellApartOrWhoseRulesWouldGoUncheckedAreRefused() {
    assertThatThrownBy(() -> read("{$ref: '#/components/schemas/D'}", "D: {oneOf: [{type: string}, {type: string, format: uri}]}"))
        .hasMessageEndingWith("#/components/schemas/D/oneOf/1: the generator does not support a member of a union query value of"
            + " the same Java type as another (Scalar[kind=STRING]): no factory method could tell them apart");
    assertThatThrownBy(() -> read("{$ref: '#/components/schemas/D'}",
        "D: {oneOf: [{type: array, items: {type: string}}, {type: array, items: {type: integer}}]}"))
        .hasMessageContaining("#/components/schemas/D/oneOf/1: the generator does not support a member of a union query value of"
            + " the same Java type as another");
    assertThatThrownBy(() -> read("{$ref: '#/components/schemas/D'}", "D: {oneOf: [{type: boolean}, {type: integer, maximum: 3}]}"))
        .hasMessageEndingWith("#/components/schemas/D/oneOf/1: the generator does not support a rule (maximum) on a member of a"
            + " union query value: the client would send it unchecked");
    assertThatThrownBy(() -> read("{$ref: '#/components/schemas/D'}",
        "D: {oneOf: [{type: boolean}, {$ref: '#/components/schemas/Closed'}]}\nClosed: {type: string, enum: [a], x-audiojobs-closed: true}"))
        .hasMessageEndingWith("#/components/schemas/D/oneOf/1: the generator does not support a closed enum in a union query value:"
            + " the client would not check its values");
  }

  @Test
  void aUnionWithAnObjectMemberStaysAUnionOfRecords() throws IOException {
    // ErrorResponse of Deepgram: a text or an object; a union of records whose string member is its text variant.
    Api api = read("{type: string}", """
        E:
          oneOf: [{$ref: '#/components/schemas/T'}, {$ref: '#/components/schemas/O'}]
          x-audiojobs-select: {byKeys: [], fallback: '#/components/schemas/O'}
        T: {type: string}
        O: {type: object, properties: {m: {type: string}}}
        """);

    assertThat(api.schema("E")).isInstanceOfSatisfying(Schema.UnionSchema.class,
        e -> assertThat(e.variants()).containsExactly("T", "O"));
    assertThat(api.schema("T")).isEqualTo(new Schema.TextSchema("T", ""));
  }
}
