package dev.audiojobs.openapi.codegen.model;

import static dev.audiojobs.openapi.codegen.model.SpecNodes.SCHEMAS;
import static dev.audiojobs.openapi.codegen.model.SpecNodes.fields;
import static dev.audiojobs.openapi.codegen.model.SpecNodes.strings;
import static dev.audiojobs.openapi.codegen.model.SpecNodes.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.audiojobs.openapi.codegen.model.Schema.UnionSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link SchemaReader}'s part for named {@code oneOf} schemas: a union of records (one member may be a
 * plain string, the text variant) with its selection rule, or a union query value (scalars, enums and
 * lists of them, which only a query parameter sends).
 */
final class UnionReader {
  private final SchemaReader reader;

  UnionReader(SchemaReader reader) {
    this.reader = reader;
  }

  /**
   * Whether a named schema is a {@code oneOf} none of whose members is an object or a union: scalars, enums and
   * arrays, inline or named.
   */
  boolean isQueryValue(JsonNode schema) {
    if (schema == null || !schema.has("oneOf") || schema.has("properties") || schema.has("discriminator")) return false;
    for (JsonNode member : schema.get("oneOf")) {
      JsonNode target = member;
      if (member.has("$ref")) {
        String ref = member.get("$ref").asText();
        target = ref.startsWith(SCHEMAS) ? reader.schemas().get(ref.substring(SCHEMAS.length())) : null;
      }
      if (target == null || target.has("oneOf") || target.has("allOf") || target.has("properties")
          || !List.of("string", "integer", "number", "boolean", "array").contains(target.path("type").asText())) {
        return false;
      }
    }
    return true;
  }

  /** Keywords a member of a union query value may not carry: nothing would check them before sending. */
  private static final List<String> UNCHECKED = List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
      "multipleOf", "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems");

  Schema.QueryValueSchema queryValue(String name, JsonNode schema) {
    String pointer = SCHEMAS + name;
    List<Type> members = new ArrayList<>();
    Set<Object> javaTypes = new LinkedHashSet<>();
    JsonNode oneOf = schema.get("oneOf");
    for (int i = 0; i < oneOf.size(); i++) {
      String at = pointer + "/oneOf/" + i;
      JsonNode member = oneOf.get(i);
      JsonNode target = member.has("$ref") ? reader.schemas().get(reader.refName(member.get("$ref").asText(), at)) : member;
      for (JsonNode checked : List.of(target, target.path("items"))) {
        for (String keyword : UNCHECKED) {
          if (checked.has(keyword)) {
            throw reader.unsupported(at, "a rule (" + keyword + ") on a member of a union query value: the client would send "
                + "it unchecked");
          }
        }
      }
      Type type = reader.type(member, at);
      if (type instanceof Type.DoubleList) type = new Type.ListOf(new Type.Scalar(Type.Kind.DOUBLE));
      Type element = type instanceof Type.ListOf list ? list.element() : type;
      boolean enumeration = element instanceof Type.Ref ref && reader.schemas().get(ref.schema()).has("enum");
      if (!(element instanceof Type.Scalar) && !enumeration) {
        throw reader.unsupported(at, "a member of a union query value that is not a scalar, an enum or a list of them");
      }
      if (enumeration && reader.schemas().get(((Type.Ref) element).schema()).path("x-audiojobs-closed").asBoolean(false)) {
        throw reader.unsupported(at, "a closed enum in a union query value: the client would not check its values");
      }
      if (!javaTypes.add(type instanceof Type.ListOf ? "a list" : type)) {
        throw reader.unsupported(at, "a member of a union query value of the same Java type as another (" + type + "): no "
            + "factory method could tell them apart");
      }
      members.add(type);
    }
    return new Schema.QueryValueSchema(name, text(schema, "description"), List.copyOf(members));
  }

  UnionSchema union(String name, JsonNode schema) {
    String pointer = SCHEMAS + name;
    List<String> variants = new ArrayList<>();
    JsonNode oneOf = schema.get("oneOf");
    for (int i = 0; i < oneOf.size(); i++) {
      if (!oneOf.get(i).has("$ref")) {
        throw reader.unsupported(pointer + "/oneOf/" + i, "an inline member of a oneOf of objects; name it in components/schemas");
      }
      variants.add(reader.refName(oneOf.get(i).get("$ref").asText(), pointer + "/oneOf/" + i));
    }
    String fallbackRef = schema.path("x-audiojobs-select").path("fallback").asText("");
    if (fallbackRef.isEmpty()) throw reader.unsupported(pointer, "a oneOf without x-audiojobs-select.fallback");
    String fallback = reader.refName(fallbackRef, pointer + "/x-audiojobs-select/fallback");
    if (!SchemaReader.isRecord(reader.schemas().get(fallback))) {
      throw reader.unsupported(pointer + "/x-audiojobs-select/fallback", "a fallback that is not a record: " + fallback + " (it "
          + "holds an object none of the rules recognises)");
    }
    String text = null;
    for (int i = 0; i < variants.size(); i++) {
      String member = variants.get(i);
      if (SchemaReader.isRecord(reader.schemas().get(member))) continue;
      String at = pointer + "/oneOf/" + i;
      checkText(member, reader.schemas().get(member), at);
      if (text != null) {
        throw reader.unsupported(at, "a second text variant: " + member + " (" + text + " is one already; a JSON string could "
            + "not choose between them)");
      }
      text = member;
    }
    Schema.Rule rule;
    if (schema.has("discriminator")) {
      JsonNode discriminator = schema.get("discriminator");
      Map<String, String> mapping = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : fields(discriminator.path("mapping"))) {
        mapping.put(e.getKey(), reader.refName(e.getValue().asText(), pointer + "/discriminator"));
      }
      rule = new Schema.Discriminator(discriminator.path("propertyName").asText(), Collections.unmodifiableMap(mapping));
    } else {
      JsonNode select = schema.path("x-audiojobs-select");
      List<Schema.KeyRule> rules = new ArrayList<>();
      for (JsonNode r : select.path("byKeys")) {
        rules.add(new Schema.KeyRule(List.copyOf(strings(r.path("keys"))),
            reader.refName(r.path("schema").asText(), pointer + "/x-audiojobs-select")));
      }
      rule = new Schema.ByKeys(select.path("property").asText(), List.copyOf(rules));
    }
    if (text != null) {
      List<String> selectable = rule instanceof Schema.Discriminator d ? List.copyOf(d.mapping().values())
          : ((Schema.ByKeys) rule).rules().stream().map(Schema.KeyRule::variant).toList();
      if (selectable.contains(text)) {
        throw reader.unsupported(pointer + "/" + (rule instanceof Schema.Discriminator ? "discriminator" : "x-audiojobs-select"),
            "a rule that selects the text variant " + text + " (a rule reads an object; a JSON string is the text "
            + "variant without one)");
      }
      reader.models.put(text, new Schema.TextSchema(text, text(reader.schemas().get(text), "description")));
    }
    return new UnionSchema(name, text(schema, "description"), List.copyOf(variants), fallback, rule, false);
  }

  /** Keywords a text variant may carry: annotations, which change nothing the client reads or writes. */
  private static final List<String> TEXT_ANNOTATIONS = List.of("type", "title", "description", "example", "examples",
      "deprecated");

  /**
   * Refuses a member of a union of records that is not a text variant: a named {@code type: string} with no
   * keyword but annotations. A number, a boolean or an array has no variant record yet; a string with a format,
   * an enum or a rule would need a check (or a type) the text variant does not have.
   */
  private void checkText(String member, JsonNode schema, String at) {
    String type = schema.path("type").asText("");
    if (schema.has("oneOf") || schema.has("enum") || !type.equals("string")) {
      String what = schema.has("oneOf") ? "a oneOf" : schema.has("enum") ? "an enum" : switch (type) {
        case "" -> "a schema without a type";
        case "integer" -> "an integer";
        case "array" -> "an array";
        case "object" -> "a map";
        default -> "a " + type;
      };
      throw reader.unsupported(at, "a variant that is neither a record nor a plain string: " + member + " is " + what + " (a union "
          + "of records may have one text variant, type: string; numbers, booleans, arrays, enums and unions are not "
          + "generated as variants)");
    }
    for (java.util.Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
      String keyword = names.next();
      if (!TEXT_ANNOTATIONS.contains(keyword)) {
        throw reader.unsupported(SCHEMAS + member + "/" + keyword, "a text variant with " + keyword + " (of " + member + "; a text "
            + "variant holds any string as received, so only annotations may qualify it: " + String.join(", ",
            TEXT_ANNOTATIONS) + ")");
      }
    }
  }
}
