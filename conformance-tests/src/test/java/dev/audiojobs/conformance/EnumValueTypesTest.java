package dev.audiojobs.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every enum value of every spec the derived cases read (the project's and the third-party fixtures) is
 * of its schema's JSON type. The derived cases send an enum value as text, so a value of another type
 * would be sent as its text and pass unnoticed: an unquoted {@code no} in a YAML list of language codes,
 * which YAML 1.1 reads as the boolean {@code false}, becomes a language called {@code "false"}.
 */
final class EnumValueTypesTest {
  @Test
  void everyEnumValueIsOfItsSchemasType() {
    List<String> wrong = new ArrayList<>();
    for (String vendor : Stream.concat(VendorClients.VENDORS.stream(), VendorClients.THIRD_PARTY_VENDORS.stream()).toList()) {
      wrong.addAll(wrongValues(vendor, VendorClients.spec(vendor)));
    }
    assertThat(wrong).as("enum values of another type than their schema's").isEmpty();
  }

  @Test
  void aBooleanInAStringEnumIsNamed() throws Exception {
    JsonNode spec = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree("""
        components:
          schemas:
            Language:
              type: string
              enum: [nl, no, pl]
        """);
    assertThat(wrongValues("made-up", spec))
        .containsExactly("made-up: #/components/schemas/Language/enum/1: false is a boolean in an enum of type string");
  }

  /** The values of a {@code components/schemas} enum whose JSON type is not the schema's {@code type}. */
  static List<String> wrongValues(String vendor, JsonNode spec) {
    List<String> wrong = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("components").path("schemas").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> schema = it.next();
      String type = schema.getValue().path("type").asText("string");
      JsonNode values = schema.getValue().path("enum");
      for (int i = 0; i < values.size(); i++) {
        JsonNode value = values.get(i);
        boolean fits = switch (type) {
          case "string" -> value.isTextual();
          case "integer" -> value.isIntegralNumber();
          case "number" -> value.isNumber();
          case "boolean" -> value.isBoolean();
          default -> true;
        };
        if (!fits && !value.isNull()) {
          wrong.add(vendor + ": #/components/schemas/" + schema.getKey() + "/enum/" + i + ": " + value + " is a "
              + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " in an enum of type " + type);
        }
      }
    }
    return wrong;
  }
}
