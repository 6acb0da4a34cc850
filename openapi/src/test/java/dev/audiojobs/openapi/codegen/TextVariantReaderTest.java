package dev.audiojobs.openapi.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiojobs.openapi.codegen.model.Api;
import dev.audiojobs.openapi.codegen.model.Schema;
import dev.audiojobs.openapi.codegen.model.Type;
import dev.audiojobs.openapi.codegen.model.UnsupportedSpecException;
import dev.audiojobs.openapi.codegen.render.JavaSources;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A union of records with one text variant (a plain named string, as Deepgram's {@code ErrorResponseTextError}):
 * what the reader accepts and what it refuses, with the pointer and the reason.
 */
final class TextVariantReaderTest {
  /** A spec whose GET /notice answers {@code E} in a 400, with {@code schemas} added under components/schemas. */
  private static Api read(String schemas) throws IOException {
    return SpecReaderTest.read("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        servers: [{url: 'https://example.test'}]
        paths:
          /notice:
            get:
              operationId: notice
              responses:
                '204': {description: done}
                '400': {description: refused, content: {application/json: {schema: {$ref: '#/components/schemas/E'}}}}
        components:
          schemas:
            O: {type: object, properties: {m: {type: string}}}
            Other: {type: object, additionalProperties: true}
        """ + schemas.indent(4));
  }

  private static final String UNION = """
      E:
        oneOf: [{$ref: '#/components/schemas/T'}, {$ref: '#/components/schemas/O'}]
        x-audiojobs-select: {byKeys: [{keys: [m], schema: '#/components/schemas/O'}], fallback: '#/components/schemas/Other'}
      """;

  @Test
  void aPlainStringMemberIsTheTextVariantAndStaysAStringEverywhereElse() throws IOException {
    Api api = read(UNION + """
        T: {type: string, title: T, description: The error as text., example: oops}
        Holder: {type: object, properties: {t: {$ref: '#/components/schemas/T'}}}
        """);

    assertThat(api.schema("T")).isEqualTo(new Schema.TextSchema("T", "The error as text."));
    assertThat(((Schema.UnionSchema) api.schema("E")).members()).containsExactly("T", "O", "Other");
    assertThat(api.record("Holder").property("t").orElseThrow().type()).isEqualTo(Type.STRING);
    String union = JavaSources.render(api).get("dev/audiojobs/acme/E.java");
    assertThat(union).contains("public sealed interface E permits T, O, Other {\n}");
  }

  @Test
  void aMemberThatIsANumberABooleanAnArrayOrAnEnumIsRefusedNamingIt() {
    for (String member : new String[] {"{type: number}", "{type: boolean}", "{type: integer}",
        "{type: array, items: {type: string}}", "{type: string, enum: [a]}"}) {
      assertThatThrownBy(() -> read(UNION + "T: " + member + "\n"))
          .as(member)
          .isInstanceOf(UnsupportedSpecException.class)
          .hasMessageContaining("#/components/schemas/E/oneOf/0: the generator does not support a variant that is neither a "
              + "record nor a plain string: T is a");
    }
    assertThatThrownBy(() -> read(UNION + "T: {type: integer}\n")).hasMessageEndingWith("T is an integer (a union of records"
        + " may have one text variant, type: string; numbers, booleans, arrays, enums and unions are not generated as"
        + " variants)");
  }

  @Test
  void aStringWithAFormatARuleOrNullIsRefusedAtTheKeyword() {
    assertThatThrownBy(() -> read(UNION + "T: {type: string, maxLength: 5}\n"))
        .hasMessageEndingWith("#/components/schemas/T/maxLength: the generator does not support a text variant with"
            + " maxLength (of T; a text variant holds any string as received, so only annotations may qualify it: type,"
            + " title, description, example, examples, deprecated)");
    assertThatThrownBy(() -> read(UNION + "T: {type: string, format: date-time}\n"))
        .hasMessageContaining("#/components/schemas/T/format: the generator does not support a text variant with format");
    assertThatThrownBy(() -> read(UNION + "T: {type: string, nullable: true}\n"))
        .hasMessageContaining("#/components/schemas/T/nullable: the generator does not support a text variant with nullable");
  }

  @Test
  void twoTextVariantsAnInlineMemberOrARuleOnTheTextAreRefused() {
    assertThatThrownBy(() -> read("""
        E:
          oneOf: [{$ref: '#/components/schemas/T'}, {$ref: '#/components/schemas/U'}, {$ref: '#/components/schemas/O'}]
          x-audiojobs-select: {fallback: '#/components/schemas/Other'}
        T: {type: string}
        U: {type: string}
        """)).hasMessageEndingWith("#/components/schemas/E/oneOf/1: the generator does not support a second text variant: U"
            + " (T is one already; a JSON string could not choose between them)");
    assertThatThrownBy(() -> read("""
        E:
          oneOf: [{type: string}, {$ref: '#/components/schemas/O'}]
          x-audiojobs-select: {fallback: '#/components/schemas/Other'}
        """)).hasMessageEndingWith("#/components/schemas/E/oneOf/0: the generator does not support an inline member of a"
            + " oneOf of objects; name it in components/schemas");
    assertThatThrownBy(() -> read("""
        E:
          oneOf: [{$ref: '#/components/schemas/T'}, {$ref: '#/components/schemas/O'}]
          x-audiojobs-select: {byKeys: [{keys: [m], schema: '#/components/schemas/T'}], fallback: '#/components/schemas/Other'}
        T: {type: string}
        """)).hasMessageEndingWith("#/components/schemas/E/x-audiojobs-select: the generator does not support a rule that"
            + " selects the text variant T (a rule reads an object; a JSON string is the text variant without one)");
    assertThatThrownBy(() -> read("""
        E:
          oneOf: [{$ref: '#/components/schemas/O'}]
          x-audiojobs-select: {fallback: '#/components/schemas/T'}
        T: {type: string}
        """)).hasMessageEndingWith("#/components/schemas/E/x-audiojobs-select/fallback: the generator does not support a"
            + " fallback that is not a record: T (it holds an object none of the rules recognises)");
  }

  @Test
  void aUnionWithATextVariantThatARequestSendsIsRefused() {
    assertThatThrownBy(() -> SpecReaderTest.read("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        servers: [{url: 'https://example.test'}]
        paths:
          /notice:
            post:
              operationId: post
              requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/E'}}}}
              responses: {'204': {description: done}}
        components:
          schemas:
            O: {type: object, properties: {m: {type: string}}}
            Other: {type: object, additionalProperties: true}
            T: {type: string}
        """ + UNION.indent(4)))
        .hasMessageEndingWith("#/components/schemas/E: the generator does not support a union with a text variant (T) in a"
            + " request (sent from #/paths/~1notice/post/requestBody): the client checks a union it sends as one of its"
            + " records");
  }
}
