package dev.audiojobs.openapi.codegen.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Small readers of a spec's JSON nodes, shared by the parts of {@link SpecReader}. */
final class SpecNodes {
  static final String SCHEMAS = "#/components/schemas/";

  private SpecNodes() {}

  /** A JSON pointer segment: {@code /v1/jobs} → {@code ~1v1~1jobs}. */
  static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  /** The text of {@code field}, empty when absent. */
  static String text(JsonNode node, String field) {
    return node.path(field).asText("");
  }

  /** The texts of a JSON array, in order, without repeats; empty for a missing node. */
  static Set<String> strings(JsonNode array) {
    Set<String> out = new LinkedHashSet<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  /** The fields of an object node, in document order; none for any other node. */
  static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    return () -> {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      return fields;
    };
  }
}
