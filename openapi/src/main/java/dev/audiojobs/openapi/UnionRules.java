package dev.audiojobs.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The normalizer's generic rules for {@code anyOf} unions, each exactly what the spec allows on the wire,
 * so none hides a meaning; run by {@link GenericRules}, each change reported as a note.
 *
 * <ol>
 *   <li><b>A oneOf the vendor means inclusively.</b> A {@code oneOf} marked
 *       {@code x-audiojobs-inclusive: true} becomes an {@code anyOf} (the marker removed). The rule only
 *       carries out the decision; the decision is the overlay's, because it widens what the letter of the
 *       spec allows: under {@code oneOf} a value two members accept is invalid, so a {@code oneOf} whose
 *       members overlap ({@code "wav"} listed by three members, a member written twice) forbids values
 *       the vendor names as defaults. Whether the vendor meant {@code anyOf} is a fact about the vendor,
 *       not about OpenAPI, so it is recorded per schema in an overlay, with its reason.
 *   <li><b>Equal members of an anyOf are one.</b> Two members of an {@code anyOf} that are equal but for
 *       annotations ({@code description}, {@code title}, {@code default}, {@code example}) accept the same
 *       values; under {@code anyOf} one of them says it all. (Under {@code oneOf} they would cancel out, so
 *       a {@code oneOf} is left alone.)
 *   <li><b>An anyOf with a member that accepts anything accepts anything.</b> A member with no keyword
 *       but annotations ({@code {description: Any type}}) accepts every value, and so does the union:
 *       the {@code anyOf} is removed, leaving a schema of any value (which the generator refuses by name
 *       rather than guess a type).
 *   <li><b>Numerals in a query.</b> In a query parameter (form style, the default), an {@code anyOf} of a
 *       plain {@code number} or {@code integer} member (no constraint but its {@code format}) and string
 *       enums whose values are all numerals of that type is the number member: a query value is text, and
 *       the text {@code 48000} is the same whether it is the enum's {@code "48000"} or the number
 *       {@code 48000}, so the enums add no value the number does not already allow. The parameter's schema
 *       becomes the number member, its annotations ({@code default}, {@code description}) kept.
 * </ol>
 */
final class UnionRules {
  static final String INCLUSIVE = "x-audiojobs-inclusive";

  private static final String SCHEMAS = "#/components/schemas/";
  private static final Set<String> ANNOTATIONS = Set.of("description", "title", "default", "example", "examples", "deprecated");

  private UnionRules() {}

  /**
   * Rules 1 to 3, in place, anywhere in {@code document}; run before the rules that read unions of enums.
   *
   * @throws SpecException (naming {@code file}) for an {@code x-audiojobs-inclusive} that is not {@code true} on a
   *     {@code oneOf}: the decision it records would silently apply to nothing
   */
  static void inclusiveUnions(ObjectNode document, String file, List<String> notes) {
    walk(document, "#", file, notes);
  }

  private static void walk(JsonNode node, String at, String file, List<String> notes) {
    if (node instanceof ObjectNode object) {
      if (object.has(INCLUSIVE)) {
        if (!object.get(INCLUSIVE).asBoolean(false) || !(object.get("oneOf") instanceof ArrayNode members) || object.has("anyOf")) {
          throw new SpecException(file, at + "/" + INCLUSIVE, INCLUSIVE + " reads a oneOf as anyOf: it is true, beside a oneOf"
              + " (and no anyOf), found " + object.get(INCLUSIVE) + (object.has("oneOf") ? "" : " with no oneOf"));
        }
        object.set("anyOf", members);
        object.remove("oneOf");
        object.remove(INCLUSIVE);
        notes.add("inclusive union " + at + ": the overlay reads this oneOf as anyOf (a value may match several members)");
      }
      if (object.get("anyOf") instanceof ArrayNode members) {
        List<JsonNode> kept = new ArrayList<>();
        List<JsonNode> seen = new ArrayList<>();
        for (JsonNode member : members) {
          JsonNode bare = withoutAnnotations(member);
          if (!seen.contains(bare)) {
            seen.add(bare);
            kept.add(member);
          }
        }
        if (kept.size() < members.size()) {
          notes.add("equal members " + at + ": " + (members.size() - kept.size()) + " of the anyOf's " + members.size()
              + " members repeat another; one says it all");
          members.removeAll();
          members.addAll(kept);
        }
        for (JsonNode member : members) {
          if (member.isObject() && withoutAnnotations(member).isEmpty()) {
            object.remove("anyOf");
            notes.add("any value " + at + ": a member of the anyOf accepts any value, so the union does");
            break;
          }
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> child = it.next();
        walk(child.getValue(), at + "/" + OpenApi31.escape(child.getKey()), file, notes);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) walk(array.get(i), at + "/" + i, file, notes);
    }
  }

  /** Rule 4, on every query parameter of {@code document}. */
  static void numeralsInQueries(ObjectNode document, List<String> notes) {
    Map<String, JsonNode> schemas = GenericRules.schemas(document);
    for (GenericRules.FormQueryParameter query : GenericRules.formQueryParameters(document)) {
      ObjectNode p = query.parameter();
      if (!(p.get("schema") instanceof ObjectNode schema)) continue;
      JsonNode union = resolve(schema, schemas);
      JsonNode number = numberOfNumerals(union, schemas);
      if (number == null) continue;
      ObjectNode replaced = number.deepCopy();
      for (Iterator<Map.Entry<String, JsonNode>> keys = schema.fields(); keys.hasNext(); ) {
        Map.Entry<String, JsonNode> key = keys.next();
        if (ANNOTATIONS.contains(key.getKey())) replaced.set(key.getKey(), key.getValue());
      }
      p.set("schema", replaced);
      String type = number.path("type").asText();
      notes.add("numerals in a query " + query.path() + " ?" + p.path("name").asText() + ": an anyOf of "
          + (type.equals("integer") ? "an " : "a ") + type + " and enums of its numerals is the " + type);
    }
  }

  /** The number member when {@code union} is an anyOf of it and string enums of its numerals, else null. */
  private static JsonNode numberOfNumerals(JsonNode union, Map<String, JsonNode> schemas) {
    if (!(union.get("anyOf") instanceof ArrayNode members) || members.size() < 2) return null;
    JsonNode number = null;
    List<JsonNode> enums = new ArrayList<>();
    for (JsonNode member : members) {
      JsonNode target = resolve(member, schemas);
      String type = target.path("type").asText("");
      if ((type.equals("number") || type.equals("integer")) && !target.has("enum")) {
        if (number != null) return null;
        number = withoutAnnotations(target);
      } else if (type.equals("string") && target.get("enum") instanceof ArrayNode values) {
        enums.add(values);
      } else {
        return null;
      }
    }
    if (number == null) return null;
    for (Iterator<String> keys = number.fieldNames(); keys.hasNext(); ) {
      if (!Set.of("type", "format").contains(keys.next())) return null; // a constraint the numerals might break
    }
    boolean integer = number.path("type").asText().equals("integer");
    for (JsonNode values : enums) {
      for (JsonNode value : values) {
        if (!value.isTextual() || !numeral(value.asText(), integer)) return null;
      }
    }
    return number;
  }

  private static boolean numeral(String text, boolean integer) {
    if (!text.matches(integer ? "-?(0|[1-9][0-9]*)" : "-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) return false;
    if (!integer) return true;
    BigDecimal value = new BigDecimal(text);
    return value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0 && value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
  }

  private static JsonNode resolve(JsonNode schema, Map<String, JsonNode> schemas) {
    if (schema.has("$ref") && schema.get("$ref").asText().startsWith(SCHEMAS)) {
      return schemas.getOrDefault(schema.get("$ref").asText().substring(SCHEMAS.length()), schema);
    }
    return schema;
  }

  static JsonNode withoutAnnotations(JsonNode schema) {
    if (!(schema instanceof ObjectNode object)) return schema;
    ObjectNode copy = object.deepCopy();
    for (String key : ANNOTATIONS) copy.remove(key);
    return copy;
  }
}
