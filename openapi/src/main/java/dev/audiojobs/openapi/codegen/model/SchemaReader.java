package dev.audiojobs.openapi.codegen.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.audiojobs.openapi.codegen.model.Schema.EnumSchema;
import dev.audiojobs.openapi.codegen.model.Schema.RecordSchema;
import dev.audiojobs.openapi.codegen.model.Schema.UnionSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * {@link SpecReader}'s part for {@code components/schemas}: the named schemas as models, and the
 * {@link Type} any schema node states.
 */
final class SchemaReader {
  private static final Pattern CLASS_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");

  private final JsonNode schemas;
  private final Vendor vendor;
  /** Every named schema, read before the operations that refer to them. */
  final SortedMap<String, Schema> models = new TreeMap<>();

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
    if (schema.has("$ref")) {
      String name = refName(schema.get("$ref").asText(), where);
      JsonNode target = schemas.get(name);
      if (isModel(target)) return new Type.Ref(name);
      return type(target, SCHEMAS + name);
    }
    if (schema.has("allOf")) {
      JsonNode members = schema.get("allOf");
      if (members.size() != 1 || !members.get(0).has("$ref")) {
        throw unsupported(where, "allOf other than one $ref narrowed by sibling constraints");
      }
      return type(members.get(0), where + "/allOf/0");
    }
    String type = schema.path("type").asText("");
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
        if ("number".equals(items.path("type").asText()) && !items.has("$ref")) return new Type.DoubleList();
        Type element = type(items, where + "/items");
        if (element instanceof Type.Binary) throw unsupported(where + "/items", "an array of files");
        return new Type.ListOf(element);
      }
      case "object" -> {
        JsonNode values = schema.path("additionalProperties");
        if (values.isObject() && !values.isEmpty()) {
          Type value = type(values, where + "/additionalProperties");
          if (value instanceof Type.Binary) throw unsupported(where + "/additionalProperties", "a map of files");
          return new Type.MapOf(value);
        }
        throw unsupported(where, "an object that is neither a named schema nor a map with typed values");
      }
      default -> throw unsupported(where, "a schema without a type");
    }
  }

  private static boolean isModel(JsonNode schema) {
    return schema.has("oneOf") || schema.has("enum") || schema.has("properties")
        || "object".equals(schema.path("type").asText());
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
    if (!CLASS_NAME.matcher(name).matches()) {
      throw unsupported(pointer, "a schema name that is not a Java class name (letters and digits, upper-case first)");
    }
    for (String generated : List.of("Client", "Service", "Json")) {
      if (name.equals(vendor.prefix() + generated)) throw unsupported(pointer, "a schema named like the generated " + name);
    }
    if (schema.has("oneOf")) return union(name, schema);
    if (schema.has("enum")) return enumeration(name, schema);
    if (schema.has("properties") || "object".equals(schema.path("type").asText())) return record(name, schema);
    if (List.of("string", "array").contains(schema.path("type").asText())) {
      type(schema, pointer); // an alias the generator cannot type fails here, at its own pointer
      return null;
    }
    throw unsupported(pointer, "a named schema that is not an object, an enum, a oneOf, a string or an array");
  }

  private RecordSchema record(String name, JsonNode schema) {
    Set<String> required = strings(schema.path("required"));
    List<Property> properties = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : fields(schema.path("properties"))) {
      String where = SCHEMAS + name + "/properties/" + escape(entry.getKey());
      JsonNode property = entry.getValue();
      if (property.has("x-audiojobs-max-bytes") && !(type(property, where) instanceof Type.Binary)) {
        throw unsupported(where + "/x-audiojobs-max-bytes", "a size limit on a property that is not a file (format: binary)");
      }
      properties.add(new Property(entry.getKey(), type(property, where), required.contains(entry.getKey()),
          nullable(property), text(property, "description"), constraints(property, where),
          property.path("x-audiojobs-request-id").asBoolean(false)));
    }
    Map<String, String> refused = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : fields(schema.path("x-audiojobs-refused-properties"))) {
      if (schema.path("properties").has(e.getKey())) {
        throw unsupported(SCHEMAS + name + "/x-audiojobs-refused-properties/" + escape(e.getKey()),
            "refusing a property the record declares");
      }
      refused.put(e.getKey(), e.getValue().asText());
    }
    return new RecordSchema(name, text(schema, "description"), List.copyOf(properties), false, false,
        Collections.unmodifiableMap(refused));
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

  private UnionSchema union(String name, JsonNode schema) {
    String pointer = SCHEMAS + name;
    List<String> variants = new ArrayList<>();
    schema.get("oneOf").forEach(m -> variants.add(refName(m.path("$ref").asText(), pointer + "/oneOf")));
    String fallbackRef = schema.path("x-audiojobs-select").path("fallback").asText("");
    if (fallbackRef.isEmpty()) throw unsupported(pointer, "a oneOf without x-audiojobs-select.fallback");
    String fallback = refName(fallbackRef, pointer + "/x-audiojobs-select/fallback");
    for (String member : variants) {
      if (!schemas.get(member).has("properties") || schemas.get(member).has("oneOf")) {
        throw unsupported(pointer + "/oneOf", "a variant that is not a record: " + member);
      }
    }
    Schema.Rule rule;
    if (schema.has("discriminator")) {
      JsonNode discriminator = schema.get("discriminator");
      Map<String, String> mapping = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : fields(discriminator.path("mapping"))) {
        mapping.put(e.getKey(), refName(e.getValue().asText(), pointer + "/discriminator"));
      }
      rule = new Schema.Discriminator(discriminator.path("propertyName").asText(), Collections.unmodifiableMap(mapping));
    } else {
      JsonNode select = schema.path("x-audiojobs-select");
      List<Schema.KeyRule> rules = new ArrayList<>();
      for (JsonNode r : select.path("byKeys")) {
        rules.add(new Schema.KeyRule(List.copyOf(strings(r.path("keys"))),
            refName(r.path("schema").asText(), pointer + "/x-audiojobs-select")));
      }
      rule = new Schema.ByKeys(select.path("property").asText(), List.copyOf(rules));
    }
    return new UnionSchema(name, text(schema, "description"), List.copyOf(variants), fallback, rule);
  }
}
