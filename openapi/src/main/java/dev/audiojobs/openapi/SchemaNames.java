package dev.audiojobs.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renames the schemas of {@code components/schemas} whose names are not Java class names (letters and digits,
 * upper-case first), which the generator names its classes after: the words of the name, each capitalised,
 * joined ({@code listen_v1_media_transcribe_Response_200} → {@code ListenV1MediaTranscribeResponse200}). A
 * schema's name is the spec's own label, never on the wire, so renaming it (and every reference, {@code $ref}s
 * and the {@code #/components/schemas/…} strings of extensions alike) changes nothing a server sees. A new name
 * another schema has, or one that does not start with a letter, is refused: set the name with an overlay.
 */
final class SchemaNames {
  private static final String SCHEMAS = "#/components/schemas/";

  private SchemaNames() {}

  /**
   * Renames them in {@code document}, in place, keeping their order.
   *
   * @throws SpecException naming {@code file} and the schema when its new name is taken or not a class name
   */
  static void javaClassNames(ObjectNode document, String file, List<String> notes) {
    if (!(document.path("components").get("schemas") instanceof ObjectNode schemas)) return;
    Map<String, String> renamed = new LinkedHashMap<>();
    for (Iterator<String> it = schemas.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (name.matches("[A-Z][A-Za-z0-9]*")) continue;
      String pascal = InlineSchemas.pascal(name);
      String at = SCHEMAS + OpenApi31.escape(name);
      if (!pascal.matches("[A-Z][A-Za-z0-9]*")) {
        throw new SpecException(file, at, "the schema name " + name + " is no Java class name, and its words (" + pascal
            + ") start with no letter: name it with an overlay");
      }
      if (schemas.has(pascal) || renamed.containsValue(pascal)) {
        throw new SpecException(file, at, "the schema name " + name + " is no Java class name, and " + pascal
            + " is taken: name it with an overlay");
      }
      renamed.put(name, pascal);
    }
    if (renamed.isEmpty()) return;
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    schemas.fields().forEachRemaining(entries::add);
    schemas.removeAll();
    for (Map.Entry<String, JsonNode> e : entries) schemas.set(renamed.getOrDefault(e.getKey(), e.getKey()), e.getValue());
    Map<String, String> refs = new LinkedHashMap<>();
    renamed.forEach((from, to) -> refs.put(SCHEMAS + OpenApi31.escape(from), SCHEMAS + to));
    rewrite(document, refs);
    renamed.forEach((from, to) -> notes.add("schema name " + from + " → " + to + ": a Java class name"));
  }

  private static void rewrite(JsonNode node, Map<String, String> refs) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> child = it.next();
        if (child.getValue().isTextual() && refs.containsKey(child.getValue().asText())) {
          child.setValue(TextNode.valueOf(refs.get(child.getValue().asText())));
        } else {
          rewrite(child.getValue(), refs);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isTextual() && refs.containsKey(array.get(i).asText())) array.set(i, TextNode.valueOf(refs.get(array.get(i).asText())));
        else rewrite(array.get(i), refs);
      }
    }
  }
}
