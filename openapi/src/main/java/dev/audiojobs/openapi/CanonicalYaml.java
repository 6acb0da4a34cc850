package dev.audiojobs.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Writes an OpenAPI document in one canonical form, so that equal documents are equal bytes and a
 * change upstream shows up as the smallest diff.
 *
 * <p>Order: the top-level fields in the order the OpenAPI spec lists them; {@code paths}, each
 * operation's {@code responses} and each {@code components} map sorted by key; operations within a
 * path in HTTP-method order. Everything else keeps document order, because it carries meaning
 * (property order becomes record component order in generated code). Formatting: two-space YAML,
 * string values always double-quoted (a YAML 1.1 reader would otherwise turn an unquoted 2024-02-20T12:00:00Z into a timestamp), no line wrapping, a trailing newline.
 */
final class CanonicalYaml {
  private static final List<String> TOP_LEVEL =
      List.of("openapi", "info", "servers", "security", "tags", "externalDocs", "paths", "components");
  private static final List<String> PATH_ITEM =
      List.of("$ref", "summary", "description", "servers", "parameters",
          "get", "put", "post", "delete", "options", "head", "patch", "trace");

  private static final YAMLMapper WRITER =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .disable(YAMLGenerator.Feature.SPLIT_LINES)
                  .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                  .build())
          .build();

  private CanonicalYaml() {}

  /** Returns {@code document} in canonical order, as a new tree. */
  static ObjectNode order(ObjectNode document) {
    ObjectNode out = ordered(document, TOP_LEVEL);
    JsonNode paths = out.get("paths");
    if (paths instanceof ObjectNode pathsObject) {
      ObjectNode sortedPaths = sorted(pathsObject);
      for (Iterator<String> names = sortedPaths.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!(sortedPaths.get(name) instanceof ObjectNode item)) continue;
        ObjectNode orderedItem = ordered(item, PATH_ITEM);
        for (Iterator<String> keys = orderedItem.fieldNames(); keys.hasNext(); ) {
          String key = keys.next();
          if (orderedItem.get(key) instanceof ObjectNode operation
              && operation.get("responses") instanceof ObjectNode responses) {
            operation.set("responses", sorted(responses));
          }
        }
        sortedPaths.set(name, orderedItem);
      }
      out.set("paths", sortedPaths);
    }
    if (out.get("components") instanceof ObjectNode components) {
      ObjectNode sortedComponents = sorted(components);
      for (Iterator<String> names = sortedComponents.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (sortedComponents.get(name) instanceof ObjectNode map && !name.startsWith("x-")) {
          sortedComponents.set(name, sorted(map));
        }
      }
      out.set("components", sortedComponents);
    }
    return out;
  }

  /** Serializes an already ordered document. */
  static String write(JsonNode document) {
    try {
      return WRITER.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a Jackson tree always serializes", e);
    }
  }

  private static ObjectNode ordered(ObjectNode node, List<String> first) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (String key : first) {
      if (node.has(key)) out.set(key, node.get(key));
    }
    List<String> rest = new ArrayList<>();
    node.fieldNames().forEachRemaining(rest::add);
    for (String key : rest) {
      if (!out.has(key)) out.set(key, node.get(key));
    }
    return out;
  }

  private static ObjectNode sorted(ObjectNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    keys.sort(Comparator.naturalOrder());
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (String key : keys) out.set(key, node.get(key));
    return out;
  }
}
