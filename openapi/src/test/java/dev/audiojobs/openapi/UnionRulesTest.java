package dev.audiojobs.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generic rules of {@link UnionRules} (through {@link GenericRules#apply}, as the normalizer runs them) and
 * the lint's exemption of unions only query parameters send.
 */
final class UnionRulesTest {
  private static ObjectNode doc(String text) {
    return YamlFiles.parseObject(text, "x");
  }

  @Test
  void aOneOfIsReadAsAnyOfOnlyWhereTheOverlayMarksIt() {
    ObjectNode d = doc("""
        components:
          schemas:
            None: {type: string, enum: [none]}
            Wav1: {type: string, enum: [wav]}
            Wav2: {type: string, enum: [wav]}
            Marked:
              oneOf: [{$ref: '#/components/schemas/None'}, {$ref: '#/components/schemas/Wav1'}, {$ref: '#/components/schemas/Wav2'}]
              x-audiojobs-inclusive: true
            Unmarked:
              oneOf: [{$ref: '#/components/schemas/None'}, {$ref: '#/components/schemas/Wav1'}, {$ref: '#/components/schemas/Wav2'}]
        """);
    List<String> notes = GenericRules.apply(d, "x");
    // Marked: read as anyOf, then the union of enums applies (a shared value is allowed under anyOf).
    assertThat(d.at("/components/schemas/Marked").toString()).isEqualTo("{\"type\":\"string\",\"enum\":[\"none\",\"wav\"]}");
    // Unmarked: under oneOf "wav" is invalid (two members accept it); the normalizer does not decide otherwise.
    assertThat(d.at("/components/schemas/Unmarked").has("oneOf")).isTrue();
    assertThat(notes).contains("inclusive union #/components/schemas/Marked: the overlay reads this oneOf as anyOf"
        + " (a value may match several members)");
  }

  @Test
  void aMarkerThatAppliesToNoOneOfFailsNamingWhereItIs() {
    ObjectNode d = doc("""
        components:
          schemas:
            Plain: {type: string, x-audiojobs-inclusive: true}
        """);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GenericRules.apply(d, "n.yaml"))
        .isInstanceOf(SpecException.class)
        .hasMessage("n.yaml: #/components/schemas/Plain/x-audiojobs-inclusive: x-audiojobs-inclusive reads a oneOf as anyOf: it"
            + " is true, beside a oneOf (and no anyOf), found true with no oneOf");
  }

  @Test
  void equalMembersOfAnAnyOfAreOneButAOneOfKeepsThem() {
    ObjectNode d = doc("""
        components:
          schemas:
            Any: {anyOf: [{type: number, description: a}, {type: number, description: b}, {type: boolean}]}
            One: {oneOf: [{type: number}, {type: number}]}
        """);
    List<String> notes = GenericRules.apply(d, "x");
    assertThat(d.at("/components/schemas/Any/anyOf").toString())
        .isEqualTo("[{\"type\":\"number\",\"description\":\"a\"},{\"type\":\"boolean\"}]");
    assertThat(d.at("/components/schemas/One/oneOf").size()).isEqualTo(2);
    assertThat(notes).containsExactly(
        "equal members #/components/schemas/Any: 1 of the anyOf's 3 members repeat another; one says it all");
  }

  @Test
  void anAnyOfWithAMemberOfAnyValueIsAnyValue() {
    ObjectNode d = doc("""
        components:
          schemas:
            Body: {title: Body, anyOf: [{description: Any type}, {type: string}]}
            Typed: {anyOf: [{type: string, description: text}, {type: boolean}]}
        """);
    List<String> notes = GenericRules.apply(d, "x");
    assertThat(d.at("/components/schemas/Body").toString()).isEqualTo("{\"title\":\"Body\"}");
    assertThat(d.at("/components/schemas/Typed").has("anyOf")).as("a described member still constrains").isTrue();
    assertThat(notes).containsExactly("any value #/components/schemas/Body: a member of the anyOf accepts any value, so the union does");
  }

  @Test
  void inAQueryAnAnyOfOfANumberAndEnumsOfItsNumeralsIsTheNumber() {
    ObjectNode d = doc("""
        paths:
          /speak:
            post:
              parameters:
                - {name: bit_rate, in: query, schema: {$ref: '#/components/schemas/Rate', default: 48000}}
                - {name: words, in: query, schema: {anyOf: [{$ref: '#/components/schemas/Words'}, {type: integer}]}}
                - {name: bounded, in: query, schema: {anyOf: [{$ref: '#/components/schemas/Rates'}, {type: integer, maximum: 9}]}}
                - {name: decimal, in: query, schema: {anyOf: [{$ref: '#/components/schemas/Decimals'}, {type: integer}]}}
                - {name: exclusive, in: query, schema: {oneOf: [{$ref: '#/components/schemas/Rates'}, {type: integer}]}}
                - {name: h, in: header, schema: {$ref: '#/components/schemas/Rate'}}
        components:
          schemas:
            Rates: {type: string, enum: ['32000', '48000']}
            Words: {type: string, enum: ['32000', 'max']}
            Decimals: {type: string, enum: ['1.5']}
            Rate: {anyOf: [{$ref: '#/components/schemas/Rates'}, {type: integer}]}
        """);
    List<String> notes = GenericRules.apply(d, "x");
    assertThat(d.at("/paths/~1speak/post/parameters/0/schema").toString()).isEqualTo("{\"type\":\"integer\",\"default\":48000}");
    assertThat(d.at("/paths/~1speak/post/parameters/1/schema").has("anyOf")).as("max is no integer").isTrue();
    assertThat(d.at("/paths/~1speak/post/parameters/2/schema").has("anyOf")).as("48000 breaks the maximum").isTrue();
    assertThat(d.at("/paths/~1speak/post/parameters/3/schema").has("anyOf")).as("1.5 is no integer").isTrue();
    assertThat(d.at("/paths/~1speak/post/parameters/4/schema").has("oneOf")).as("exclusive: 32000 matches both").isTrue();
    assertThat(d.at("/paths/~1speak/post/parameters/5/schema/$ref").isTextual()).as("a header is not a query").isTrue();
    assertThat(notes).containsExactly(
        "numerals in a query /speak ?bit_rate: an anyOf of an integer and enums of its numerals is the integer");
  }

  private static final String QUERY_UNION = """
      openapi: 3.0.3
      info: {title: Listen API, version: '1'}
      paths:
        /listen:
          post:
            operationId: listen
            parameters:
              - {name: detect_language, in: query, schema: {$ref: '#/components/schemas/DetectLanguage'}}
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Result'}
      components:
        schemas:
          Languages: {type: string, enum: [en, fr]}
          DetectLanguage:
            oneOf: [{type: boolean}, {type: array, items: {$ref: '#/components/schemas/Languages'}}]
          Result: {type: object, properties: {id: {type: string}}}
      """;

  private static List<SpecLinter.Violation> lint(String text) {
    return SpecLinter.lint(YamlFiles.parseObject(text, "x.yaml"), text);
  }

  @Test
  void aUnionOfScalarsOnlyAQuerySendsNeedsNoRuleNorNamedMembers() {
    assertThat(lint(QUERY_UNION)).isEmpty();
  }

  @Test
  void aUnionOfScalarsABodyAlsoCarriesStillNeedsItsRule() {
    String text = QUERY_UNION.replace("properties: {id: {type: string}}",
        "properties: {id: {type: string}, detect: {$ref: '#/components/schemas/DetectLanguage'}}");
    assertThat(lint(text)).extracting(SpecLinter.Violation::problem).containsExactly(
        "oneOf members are $refs to named schemas",
        "oneOf members are $refs to named schemas",
        "oneOf without a selection rule: add a discriminator or x-audiojobs-select");
  }

  @Test
  void aQueryUnionMemberIsAScalarANamedEnumOrAListOfThem() {
    String text = QUERY_UNION.replace("{type: boolean}", "{$ref: '#/components/schemas/Result'}")
        .replace("items: {$ref: '#/components/schemas/Languages'}", "items: {type: string, enum: [en]}");
    assertThat(lint(text)).extracting(SpecLinter.Violation::path).containsExactly(
        "$.components.schemas.DetectLanguage.oneOf[0]", "$.components.schemas.DetectLanguage.oneOf[1]");
  }
}
