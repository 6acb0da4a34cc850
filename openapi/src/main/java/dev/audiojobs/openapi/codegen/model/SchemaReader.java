package dev.audiojobs.openapi.codegen.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.audiojobs.openapi.codegen.model.Schema.EnumSchema;
import dev.audiojobs.openapi.codegen.model.Schema.RecordSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

import static dev.audiojobs.openapi.codegen.model.SpecNodes.SCHEMAS;
import static dev.audiojobs.openapi.codegen.model.SpecNodes.escape;
import static dev.audiojobs.openapi.codegen.model.SpecNodes.fields;
import static dev.audiojobs.openapi.codegen.model.SpecNodes.strings;
import static dev.audiojobs.openapi.codegen.model.SpecNodes.text;

/**
 * {@link SpecReader}'s part for {@code components/schemas}: the named schemas as models (records, enums;
 * {@code oneOf}s through {@link UnionReader}), and the {@link Type} any schema node states.
 */
final class SchemaReader {
  private static final Pattern CLASS_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");

  private final JsonNode schemas;
  private final Vendor vendor;
  /** Every named schema, read before the operations that refer to them. */
  final SortedMap<String, Schema> models = new TreeMap<>();
  private final UnionReader unions = new UnionReader(this);

  SchemaReader(JsonNode spec, Vendor vendor) {
    this.schemas = spec.path("components").path("schemas");
    this.vendor = vendor;
  }

  /** {@code components/schemas} as in the spec. */
  JsonNode schemas() {
    return schemas;
  }

  /** Reads every named schema into {@link #models}. */
  void readModels() {
    for (Map.Entry<String, JsonNode> e : fields(schemas)) {
      Schema model = schema(e.getKey(), e.getValue());
      if (model != null) models.put(e.getKey(), model);
    }
  }

  // ---------------------------------------------------------------- types

  Type type(JsonNode schema, String where) {
    return type(schema, where, false);
  }

  /**
   * The type of a query parameter's schema: as {@link #type}, and also a {@code $ref} to a union of scalars
   * ({@link Schema.QueryValueSchema}), which nothing but a query parameter may send.
   */
  Type queryParameterType(JsonNode schema, String where) {
    return type(schema, where, true);
  }

  private Type type(JsonNode schema, String where, boolean query) {
    Keywords.check(schema, Keywords.Kind.SCHEMA, where, vendor.specPath());
    if (schema.has("$ref") && !query && unions.isQueryValue(schemas.get(refName(schema.get("$ref").asText(), where)))) {
      throw unsupported(where, "a union of scalars (" + schema.get("$ref").asText() + ") outside a query parameter: the "
          + "generator sends one as query values, and neither encodes nor decodes one as JSON");
    }
    if (schema.has("$ref")) {
      for (String structural : REF_SIBLINGS_REFUSED) {
        if (schema.has(structural)) {
          throw unsupported(where + "/" + structural, "a $ref with a sibling " + structural + " (the $ref names the whole type)");
        }
      }
      String name = refName(schema.get("$ref").asText(), where);
      JsonNode target = schemas.get(name);
      if (isModel(target)) return new Type.Ref(name);
      return type(target, SCHEMAS + name);
    }
    if (schema.has("allOf")) {
      JsonNode members = schema.get("allOf");
      if (members.size() != 1 || !members.get(0).has("$ref") || schema.has("properties") || schema.has("type")) {
        throw unsupported(where, "an inline allOf composition; name it in components/schemas, where it becomes one record");
      }
      return type(members.get(0), where + "/allOf/0");
    }
    if (schema.has("oneOf")) throw unsupported(where, "an inline oneOf; name it in components/schemas");
    JsonNode typeNode = schema.path("type");
    if (typeNode.isArray()) {
      throw unsupported(where + "/type", "a list of types (OpenAPI 3.1); the normalizer turns [T, 'null'] into nullable");
    }
    String type = typeNode.asText("");
    switch (type) {
      case "string" -> {
        if (schema.has("enum")) throw unsupported(where, "an inline enum; name it in components/schemas");
        String format = schema.path("format").asText("");
        if (format.equals("date-time")) return new Type.Scalar(Type.Kind.DATE_TIME);
        if (format.equals("binary")) return new Type.Binary();
        return Type.STRING;
      }
      case "number" -> {
        return new Type.Scalar(Type.Kind.DOUBLE);
      }
      case "integer" -> {
        return new Type.Scalar("int64".equals(schema.path("format").asText()) ? Type.Kind.LONG : Type.Kind.INT);
      }
      case "boolean" -> {
        return new Type.Scalar(Type.Kind.BOOLEAN);
      }
      case "array" -> {
        JsonNode items = schema.path("items");
        if ("number".equals(items.path("type").asText()) && !items.has("$ref")) {
          Keywords.check(items, Keywords.Kind.SCHEMA, where + "/items", vendor.specPath());
          return new Type.DoubleList();
        }
        Type element = type(items, where + "/items");
        if (element instanceof Type.Binary) throw unsupported(where + "/items", "an array of files");
        if (element instanceof Type.JsonValue) throw unsupported(where + "/items", "an array of any JSON values");
        return new Type.ListOf(element);
      }
      case "object" -> {
        JsonNode values = schema.path("additionalProperties");
        if (values.isObject() && !values.isEmpty() && !schema.has("properties")) {
          Type value = type(values, where + "/additionalProperties");
          if (value instanceof Type.Binary) throw unsupported(where + "/additionalProperties", "a map of files");
          if (value instanceof Type.JsonValue) {
            throw unsupported(where + "/additionalProperties", "a map of any JSON values (a record keeps them in its Extras)");
          }
          return new Type.MapOf(value);
        }
        throw unsupported(where, "an object that is neither a named schema nor a map with typed values");
      }
      default -> {
        if (anyValue(schema)) return new Type.JsonValue();
        throw unsupported(where, "a schema without a type");
      }
    }
  }

  /** Whether {@code schema} allows any JSON value: no keyword but annotations. */
  static boolean anyValue(JsonNode schema) {
    for (java.util.Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
      if (!List.of("description", "title", "default", "example", "deprecated", "nullable").contains(names.next())) return false;
    }
    return true;
  }

  /** Keywords that would change the type a {@code $ref} names, and which the reader therefore refuses beside one. */
  private static final List<String> REF_SIBLINGS_REFUSED =
      List.of("type", "properties", "items", "additionalProperties", "allOf", "oneOf", "enum", "format", "discriminator");

  /** Whether {@code schema} is a {@code $ref} to a model (a record, an enum or a union), not to an alias. */
  boolean isModelRef(JsonNode schema) {
    return schema.has("$ref") && isModel(schemas.get(refName(schema.get("$ref").asText(), "")));
  }

  private static boolean isModel(JsonNode schema) {
    return schema.has("oneOf") || schema.has("enum") || isRecord(schema);
  }

  /**
   * Whether a named schema becomes a record: it has properties, is composed with allOf, or is an object that
   * is not a map (typed additionalProperties and nothing else, which every reference reads as a map).
   */
  static boolean isRecord(JsonNode schema) {
    return !schema.has("oneOf") && !schema.has("enum") && !isMap(schema)
        && (schema.has("properties") || schema.has("allOf") || "object".equals(schema.path("type").asText()));
  }

  private static boolean isMap(JsonNode schema) {
    JsonNode values = schema.path("additionalProperties");
    return "object".equals(schema.path("type").asText()) && !schema.has("properties") && !schema.has("allOf")
        && values.isObject() && !values.isEmpty();
  }

  boolean nullable(JsonNode schema) {
    if (schema.path("nullable").asBoolean(false)) return true;
    if (schema.has("$ref")) return schemas.get(refName(schema.get("$ref").asText(), "")).path("nullable").asBoolean(false);
    return false;
  }

  String refName(String ref, String where) {
    if (!ref.startsWith(SCHEMAS) || !schemas.has(ref.substring(SCHEMAS.length()))) {
      throw unsupported(where, "a $ref outside components/schemas: " + ref);
    }
    return ref.substring(SCHEMAS.length());
  }

  UnsupportedSpecException unsupported(String where, String what) {
    return new UnsupportedSpecException(vendor.specPath(), where, what);
  }

  /**
   * The constraints of {@code schema}. Only request values are checked against them (see
   * {@link #checkRequestConstraints}); a response is decoded whatever they say.
   */
  Constraints constraints(JsonNode schema, String where) {
    String pattern = schema.has("pattern") ? schema.get("pattern").asText() : null;
    return new Constraints(decimal(schema, "minimum"), decimal(schema, "maximum"), integer(schema, "minLength"),
        integer(schema, "maxLength"), pattern, integer(schema, "minItems"), integer(schema, "maxItems"),
        schema.path("x-audiojobs-max-bytes").canConvertToLong() ? schema.get("x-audiojobs-max-bytes").longValue() : null,
        schema.has("x-audiojobs-max-bytes-instead") ? schema.get("x-audiojobs-max-bytes-instead").asText() : null);
  }

  private static @Nullable BigDecimal decimal(JsonNode schema, String keyword) {
    return schema.path(keyword).isNumber() ? schema.get(keyword).decimalValue() : null;
  }

  private static @Nullable Integer integer(JsonNode schema, String keyword) {
    return schema.path(keyword).canConvertToInt() ? schema.get(keyword).intValue() : null;
  }

  // ---------------------------------------------------------------- schemas

  /**
   * The model class of a named schema, or null for an alias: a named string or array, which every
   * reference reads as the type it names ({@code DownloadText: {type: string}} is a {@code String}).
   */
  @Nullable Schema schema(String name, JsonNode schema) {
    String pointer = SCHEMAS + name;
    Keywords.check(schema, Keywords.Kind.SCHEMA, pointer, vendor.specPath());
    if (!CLASS_NAME.matcher(name).matches()) {
      throw unsupported(pointer, "a schema name that is not a Java class name (letters and digits, upper-case first)");
    }
    for (String generated : List.of("Client", "Service", "Json")) {
      if (name.equals(vendor.prefix() + generated)) throw unsupported(pointer, "a schema named like the generated " + name);
    }
    if (schema.has("discriminator") && !schema.has("oneOf")) {
      throw unsupported(pointer + "/discriminator", "a discriminator outside a oneOf (inheritance); list the variants "
          + "in a oneOf of their own");
    }
    if (unions.isQueryValue(schema)) return unions.queryValue(name, schema);
    if (schema.has("oneOf")) return unions.union(name, schema);
    if (schema.has("enum")) return enumeration(name, schema);
    if (isRecord(schema)) return record(name, schema);
    if (List.of("string", "array").contains(schema.path("type").asText()) || isMap(schema)) {
      type(schema, pointer); // an alias the generator cannot type fails here, at its own pointer
      return null;
    }
    if (anyValue(schema)) return null; // an alias of any JSON value, which only a record property may be
    throw unsupported(pointer, "a named schema that is not an object, an enum, a oneOf, a string, an array or a map");
  }

  /**
   * The properties every record declares, its {@code allOf} members merged in, by record name: where each
   * property's schema is, for what the model does not keep (the constraints a request must not carry).
   */
  final Map<String, Map<String, Located>> declared = new TreeMap<>();

  /** A node of the spec and its JSON pointer. */
  record Located(JsonNode node, String at) {}

  /**
   * A record: its own properties and those of every {@code allOf} member ({@code $ref}s to named records
   * and inline objects, nested to any depth), required lists unioned. A property declared by two members
   * with different schemas is refused, naming both.
   */
  private RecordSchema record(String name, JsonNode schema) {
    Map<String, Located> merged = new LinkedHashMap<>();
    Set<String> required = new LinkedHashSet<>();
    collect(schema, SCHEMAS + name, merged, required, new LinkedHashSet<>(List.of(name)));
    declared.put(name, Collections.unmodifiableMap(merged));
    List<Property> properties = new ArrayList<>();
    for (Map.Entry<String, Located> entry : merged.entrySet()) {
      String where = entry.getValue().at();
      JsonNode property = entry.getValue().node();
      if (property.has("x-audiojobs-max-bytes") && !(type(property, where) instanceof Type.Binary)) {
        throw unsupported(where + "/x-audiojobs-max-bytes", "a size limit on a property that is not a file (format: binary)");
      }
      Type type = type(property, where);
      properties.add(new Property(entry.getKey(), type, required.contains(entry.getKey()),
          nullable(property) || type instanceof Type.JsonValue, text(property, "description"), constraints(property, where),
          property.path("x-audiojobs-request-id").asBoolean(false)));
    }
    for (String name1 : required) {
      if (!merged.containsKey(name1)) {
        throw unsupported(SCHEMAS + name + "/required", "a required property no member declares: " + name1);
      }
    }
    Map<String, String> refused = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : fields(schema.path("x-audiojobs-refused-properties"))) {
      if (merged.containsKey(e.getKey())) {
        throw unsupported(SCHEMAS + name + "/x-audiojobs-refused-properties/" + escape(e.getKey()),
            "refusing a property the record declares");
      }
      refused.put(e.getKey(), e.getValue().asText());
    }
    String description = text(schema, "description");
    return new RecordSchema(name, description, List.copyOf(properties), false, false, false,
        Collections.unmodifiableMap(refused));
  }

  /** Adds the properties and required names of {@code schema} at {@code at}, allOf members first. */
  private void collect(JsonNode schema, String at, Map<String, Located> into, Set<String> required, Set<String> visiting) {
    Keywords.check(schema, Keywords.Kind.SCHEMA, at, vendor.specPath());
    if (schema.has("oneOf") || schema.has("enum")) {
      throw unsupported(at, "an allOf member that is not an object (a oneOf or an enum)");
    }
    // true, {} or absent: a record keeps what it does not name in its Extras, untyped; false: there is none.
    JsonNode extra = schema.path("additionalProperties");
    if (extra.isObject() && !extra.isEmpty()) {
      throw unsupported(at + "/additionalProperties", "typed additional properties beside named ones (a record "
          + "keeps unnamed properties untyped, in its Extras); make it a map, or drop the named ones");
    }
    JsonNode members = schema.path("allOf");
    for (int i = 0; i < members.size(); i++) {
      JsonNode member = members.get(i);
      String memberAt = at + "/allOf/" + i;
      if (member.has("$ref")) {
        String ref = refName(member.get("$ref").asText(), memberAt);
        if (!visiting.add(ref)) throw unsupported(memberAt, "an allOf that includes itself: " + ref);
        collect(schemas.get(ref), SCHEMAS + ref, into, required, visiting);
        visiting.remove(ref);
      } else {
        collect(member, memberAt, into, required, visiting);
      }
    }
    for (Map.Entry<String, JsonNode> e : fields(schema.path("properties"))) {
      Located here = new Located(e.getValue(), at + "/properties/" + escape(e.getKey()));
      Located before = into.putIfAbsent(e.getKey(), here);
      if (before != null && !before.node().equals(here.node())) {
        throw unsupported(here.at(), "a property declared twice with different schemas, here and at " + before.at());
      }
    }
    required.addAll(strings(schema.path("required")));
  }

  private EnumSchema enumeration(String name, JsonNode schema) {
    if (!"string".equals(schema.path("type").asText())) throw unsupported(SCHEMAS + name, "a non-string enum");
    JsonNode descriptions = schema.path("x-audiojobs-enum-descriptions");
    List<String> values = new ArrayList<>();
    Map<String, String> texts = new LinkedHashMap<>();
    for (JsonNode value : schema.get("enum")) {
      values.add(value.asText());
      String text = descriptions.path(value.asText()).asText("");
      if (!text.isBlank()) texts.put(value.asText(), text);
    }
    return new EnumSchema(name, text(schema, "description"), List.copyOf(values), Collections.unmodifiableMap(texts),
        List.copyOf(strings(schema.path("x-audiojobs-terminal"))),
        List.copyOf(strings(schema.path("x-audiojobs-unsuccessful"))), schema.path("x-audiojobs-closed").asBoolean(false));
  }
}
