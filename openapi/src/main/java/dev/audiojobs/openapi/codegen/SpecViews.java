package dev.audiojobs.openapi.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds the {@link Views} of one normalized spec: everything the templates render.
 *
 * <p>Only what the normalized spec states is generated. Union selection rules come from the spec's
 * {@code discriminator} and {@code x-audiojobs-select}; terminal statuses from
 * {@code x-audiojobs-terminal}; nothing here knows a vendor. A construct the generator does not
 * support (an inline enum, a header parameter) is an error naming the JSON path, never a silent guess.
 */
final class SpecViews {
  private static final String SCHEMAS = "#/components/schemas/";
  private static final Set<String> LOCAL_CLASHES = Set.of("reader", "writer", "value", "extras", "NAMES", "INSTANCE");

  private final JsonNode spec;
  private final JsonNode schemas;
  private final String vendor;
  private final String packageName;
  private final String specPath;
  private final String header;
  /** Record name → the interfaces it implements (union interfaces and their nested interfaces). */
  private final Map<String, Set<String>> interfaces = new LinkedHashMap<>();
  private final Map<String, Views.Model> models = new TreeMap<>();

  SpecViews(JsonNode spec, String vendor, String packageName, String specPath) {
    this.spec = spec;
    this.schemas = spec.path("components").path("schemas");
    this.vendor = vendor;
    this.packageName = packageName;
    this.specPath = specPath;
    this.header = "// Generated from " + specPath + "; do not edit.";
    schemas.fields().forEachRemaining(e -> {
      if (e.getValue().has("oneOf")) planUnion(e.getKey(), e.getValue());
    });
    schemas.fields().forEachRemaining(e -> models.put(e.getKey(), model(e.getKey(), e.getValue())));
  }

  /** Every model, by schema name. */
  Map<String, Views.Model> models() {
    return models;
  }

  // ---------------------------------------------------------------- types

  private JavaType type(JsonNode schema, String where) {
    if (schema.has("$ref")) {
      String name = refName(schema.get("$ref").asText(), where);
      JsonNode target = schemas.get(name);
      if (target.has("oneOf") || target.has("enum") || target.has("properties") || "object".equals(target.path("type").asText())) {
        return JavaType.model(name);
      }
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
        if ("date-time".equals(schema.path("format").asText())) {
          return JavaType.scalar("OffsetDateTime", "OffsetDateTime", "readDateTime", "writeDateTime");
        }
        return JavaType.scalar("String", "String", "readString", "writeString");
      }
      case "number" -> {
        return JavaType.scalar("double", "Double", "readDouble", "writeDouble");
      }
      case "integer" -> {
        return "int64".equals(schema.path("format").asText())
            ? JavaType.scalar("long", "Long", "readLong", "writeLong")
            : JavaType.scalar("int", "Integer", "readInt", "writeInt");
      }
      case "boolean" -> {
        return JavaType.scalar("boolean", "Boolean", "readBoolean", "writeBoolean");
      }
      case "array" -> {
        JsonNode items = schema.path("items");
        if ("number".equals(items.path("type").asText()) && !items.has("$ref")) {
          // No boxed Double per element: a confidence array holds a sample every 20 ms.
          return new JavaType("DoubleList", "DoubleList", false, "Json.readDoubleList(reader)", "Json::readDoubleList",
              "Json::writeDoubleList", "Json.writeDoubleList(writer, %s);", "%s");
        }
        return JavaType.list(type(items, where + "/items"));
      }
      case "object" -> {
        JsonNode values = schema.path("additionalProperties");
        if (values.isObject() && !values.isEmpty()) {
          return JavaType.map(type(values, where + "/additionalProperties"));
        }
        throw unsupported(where, "an object that is neither a named schema nor a map with typed values");
      }
      default -> throw unsupported(where, "a schema without a type");
    }
  }

  private boolean nullable(JsonNode schema) {
    if (schema.path("nullable").asBoolean(false)) return true;
    if (schema.has("$ref")) return schemas.get(refName(schema.get("$ref").asText(), "")).path("nullable").asBoolean(false);
    return false;
  }

  private String refName(String ref, String where) {
    if (!ref.startsWith(SCHEMAS) || !schemas.has(ref.substring(SCHEMAS.length()))) {
      throw unsupported(where, "a $ref outside components/schemas: " + ref);
    }
    return ref.substring(SCHEMAS.length());
  }

  private IllegalStateException unsupported(String where, String what) {
    return new IllegalStateException(specPath + ": " + where + ": the generator does not support " + what);
  }

  // ---------------------------------------------------------------- models

  private Views.Model model(String name, JsonNode schema) {
    String pointer = SCHEMAS + name;
    if (schema.has("oneOf")) return union(name, schema);
    if (schema.has("enum")) return enumeration(name, schema);
    if (schema.has("properties") || "object".equals(schema.path("type").asText())) return record(name, schema);
    throw unsupported(pointer, "a named schema that is not an object, an enum or a oneOf");
  }

  private String javadoc(String indent, List<String> paragraphs, List<String> tags) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : paragraphs) {
      if (!lines.isEmpty()) {
        lines.add("");
        if (!paragraph.startsWith("<")) paragraph = "<p>" + paragraph;
      }
      lines.addAll(List.of(paragraph.split("\n", -1)));
    }
    if (!tags.isEmpty()) {
      lines.add("");
      lines.addAll(tags);
    }
    StringBuilder out = new StringBuilder(indent).append("/**\n");
    for (String line : lines) out.append(indent).append(line.isEmpty() ? " *" : " * " + line).append('\n');
    return out.append(indent).append(" */").toString();
  }

  private List<String> description(JsonNode schema) {
    String text = descriptionText(schema);
    return text.isBlank() ? List.of() : List.of(Names.javadoc(text));
  }

  private Views.Model record(String name, JsonNode schema) {
    Set<String> required = new LinkedHashSet<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    List<Views.Property> properties = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    List<String> params = new ArrayList<>();
    List<String> components = new ArrayList<>();
    List<String> wires = new ArrayList<>();
    int index = 0;
    for (Map.Entry<String, JsonNode> entry : iterable(schema.path("properties"))) {
      String wire = entry.getKey();
      JsonNode propertySchema = entry.getValue();
      String where = SCHEMAS + name + "/properties/" + wire;
      JavaType base = type(propertySchema, where);
      boolean isRequired = required.contains(wire);
      boolean acceptsNull = nullable(propertySchema);
      boolean javaNullable = !isRequired || acceptsNull;
      JavaType t = javaNullable ? base.optional() : base;
      String member = Names.member(wire);
      String local = LOCAL_CLASHES.contains(member) ? member + "Value" : member;
      String declared = (javaNullable ? "@Nullable " : "") + t.declared();
      boolean needsFlag = isRequired && (t.primitive() || acceptsNull);
      String has = "has" + Names.type(member);
      String literal = Names.literal(wire);

      String zero = t.declared().equals("boolean") ? "false" : "0";
      String localDecl = t.primitive()
          ? t.declared() + " " + local + " = " + zero + ";"
          : "@Nullable " + t.boxed() + " " + local + " = null;";
      if (needsFlag) localDecl += "\nboolean " + has + " = false;";

      String onNull;
      if (isRequired && !acceptsNull) onNull = "throw Json.unexpectedNull(reader);";
      else if (isRequired) onNull = "reader.nextNull();\n  " + has + " = true;";
      else onNull = "reader.nextNull();\n  extras = Json.explicitNull(extras, " + literal + ");";
      String readCase = "if (reader.peek() == JsonReader.Token.NULL) {\n  " + onNull + "\n} else {\n  " + local + " = "
          + t.read() + ";" + (needsFlag ? "\n  " + has + " = true;" : "") + "\n}";

      String check = "";
      if (needsFlag) check = "if (!" + has + ") throw Json.missing(reader, extras, " + literal + ");";
      else if (isRequired) check = "if (" + local + " == null) throw Json.missing(reader, extras, " + literal + ");";

      String access = "value." + member + "()";
      String writeValue = t.writeFormat().formatted(access);
      String write;
      if (isRequired && !acceptsNull) {
        write = "writer.name(" + literal + ");\n" + writeValue;
      } else if (isRequired) {
        write = "writer.name(" + literal + ");\nif (" + access + " == null) {\n  Json.writeNull(writer);\n} else {\n  "
            + writeValue + "\n}";
      } else {
        write = "if (" + access + " != null) {\n  writer.name(" + literal + ");\n  " + writeValue
            + "\n} else if (value.extras().isExplicitNull(" + literal + ")) {\n  writer.name(" + literal
            + ");\n  Json.writeNull(writer);\n}";
      }

      String compact = "";
      if (t.copies()) {
        compact = javaNullable
            ? member + " = " + member + " == null ? null : " + t.copyFormat().formatted(member) + ";"
            : member + " = " + t.copyFormat().formatted("Objects.requireNonNull(" + member + ", \"" + member + " == null\")") + ";";
      } else if (!javaNullable && !t.primitive()) {
        compact = "Objects.requireNonNull(" + member + ", \"" + member + " == null\");";
      }

      properties.add(new Views.Property(index++, localDecl, readCase, check, write, compact, local));
      components.add(declared + " " + member);
      params.add(member);
      wires.add(literal);
      String text = descriptionText(propertySchema);
      if (!text.isBlank()) tags.add("@param " + member + " " + Names.javadoc(text).replace("\n", " "));
    }
    tags.add("@param extras properties this client does not know, and optional properties sent as explicit null;");
    tags.add("    re-encoding writes both back");
    List<String> paragraphs = new ArrayList<>(description(schema));
    paragraphs.add("Schema {@code " + SCHEMAS + name + "} of {@code " + specPath + "}.");
    Set<String> implemented = interfaces.getOrDefault(name, Set.of());
    String implementsClause = implemented.isEmpty() ? "" : " implements " + String.join(", ", implemented);
    components.add("Extras extras");
    Views.Record record = new Views.Record(implementsClause, properties, String.join(", ", components),
        String.join(", ", components.subList(0, components.size() - 1)), String.join(", ", params),
        String.join(", ", wires));
    String all = record.components() + properties.stream().map(Views.Property::compact).collect(Collectors.joining());
    String locals = properties.stream().map(Views.Property::local).collect(Collectors.joining());
    return new Views.Model(name, header, packageName, imports(all, true), adapterImports(locals + " @Nullable"),
        javadoc("", paragraphs, tags), record, null, null);
  }

  private static String descriptionText(JsonNode schema) {
    return schema.path("description").asText("");
  }

  private List<String> imports(String code, boolean model) {
    List<String> imports = new ArrayList<>();
    if (model) imports.add("dev.audiojobs.client.Extras");
    if (code.contains("DoubleList")) imports.add("dev.audiojobs.client.DoubleList");
    if (model) imports.add("dev.audiojobs.client.internal.Json");
    if (code.contains("OffsetDateTime")) imports.add("java.time.OffsetDateTime");
    if (code.contains("List<")) imports.add("java.util.List");
    if (code.contains("Map<")) imports.add("java.util.Map");
    if (model || code.contains("Objects.")) imports.add("java.util.Objects");
    if (code.contains("@Nullable")) imports.add("org.jspecify.annotations.Nullable");
    return imports;
  }

  private List<String> adapterImports(String code) {
    List<String> imports = new ArrayList<>(List.of("com.squareup.moshi.JsonAdapter", "com.squareup.moshi.JsonReader",
        "com.squareup.moshi.JsonWriter"));
    if (code.contains("DoubleList")) imports.add("dev.audiojobs.client.DoubleList");
    imports.add("dev.audiojobs.client.internal.Json");
    imports.add("java.io.IOException");
    if (code.contains("OffsetDateTime")) imports.add("java.time.OffsetDateTime");
    if (code.contains("List<")) imports.add("java.util.List");
    if (code.contains("Map<")) imports.add("java.util.Map");
    imports.add("org.jspecify.annotations.Nullable");
    return imports;
  }

  private Views.Model enumeration(String name, JsonNode schema) {
    if (!"string".equals(schema.path("type").asText())) throw unsupported(SCHEMAS + name, "a non-string enum");
    JsonNode descriptions = schema.path("x-audiojobs-enum-descriptions");
    List<Views.Constant> constants = new ArrayList<>();
    for (JsonNode value : schema.get("enum")) {
      String text = descriptions.path(value.asText()).asText("");
      String doc = text.isBlank() ? "" : javadoc("  ", List.of(Names.javadoc(text)), List.of());
      constants.add(new Views.Constant(name, Names.constant(value.asText()), Names.literal(value.asText()), doc));
    }
    List<String> paragraphs = new ArrayList<>(description(schema));
    paragraphs.add("An open enum: a value newer than this client decodes, keeps its text and re-encodes unchanged; "
        + "{@link #known()} is empty for it. Compare with {@code equals} or switch on {@link #known()}.");
    paragraphs.add("Schema {@code " + SCHEMAS + name + "} of {@code " + specPath + "}.");
    Views.Enumeration e = new Views.Enumeration(constants, literals(schema.path("x-audiojobs-terminal")),
        literals(schema.path("x-audiojobs-unsuccessful")));
    return new Views.Model(name, header, packageName, List.of("org.jspecify.annotations.Nullable"),
        adapterImports("@Nullable"), javadoc("", paragraphs, List.of()), null, e, null);
  }

  private static String literals(JsonNode values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(Names.literal(v.asText())));
    return String.join(", ", out);
  }

  // ---------------------------------------------------------------- unions

  /** The variants of a union, its fallback last. */
  private List<String> variants(String union, JsonNode schema) {
    List<String> variants = new ArrayList<>();
    schema.get("oneOf").forEach(m -> variants.add(refName(m.path("$ref").asText(), SCHEMAS + union + "/oneOf")));
    String fallback = schema.path("x-audiojobs-select").path("fallback").asText("");
    if (fallback.isEmpty()) throw unsupported(SCHEMAS + union, "a oneOf without x-audiojobs-select.fallback");
    variants.add(refName(fallback, SCHEMAS + union + "/x-audiojobs-select/fallback"));
    return variants;
  }

  private void planUnion(String union, JsonNode schema) {
    List<String> variants = variants(union, schema);
    for (String variant : variants) interfaces.computeIfAbsent(variant, k -> new LinkedHashSet<>()).add(union);
    for (String property : commonProperties(variants)) {
      if (sameType(variants, property) == null && objectRefs(variants, property) != null) {
        String nested = union + "." + Names.type(property);
        for (String member : objectRefs(variants, property)) {
          interfaces.computeIfAbsent(member, k -> new LinkedHashSet<>()).add(nested);
        }
      }
    }
  }

  private List<String> commonProperties(List<String> records) {
    List<String> common = new ArrayList<>();
    schemas.get(records.get(0)).path("properties").fieldNames().forEachRemaining(common::add);
    for (String record : records) common.retainAll(fieldNames(schemas.get(record).path("properties")));
    return common;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The Java type every record declares for {@code property}, or null when they differ. */
  private String sameType(List<String> records, String property) {
    String seen = null;
    for (String record : records) {
      String where = SCHEMAS + record + "/properties/" + property;
      String t = type(schemas.get(record).path("properties").get(property), where).boxed();
      if (seen != null && !seen.equals(t)) return null;
      seen = t;
    }
    return seen;
  }

  /** The object schemas each record refers to for {@code property}, or null unless all are object $refs. */
  private List<String> objectRefs(List<String> records, String property) {
    List<String> refs = new ArrayList<>();
    for (String record : records) {
      JsonNode p = schemas.get(record).path("properties").get(property);
      if (!p.has("$ref")) return null;
      String name = refName(p.get("$ref").asText(), "");
      JsonNode target = schemas.get(name);
      if (!target.has("properties") || target.has("oneOf")) return null;
      refs.add(name);
    }
    return refs;
  }

  private boolean optionalIn(String record, String property) {
    JsonNode schema = schemas.get(record);
    boolean required = false;
    for (JsonNode r : schema.path("required")) required |= r.asText().equals(property);
    return !required || nullable(schema.path("properties").get(property));
  }

  /** Accessors for the properties every record has with the same Java type. */
  private List<Views.Accessor> accessors(List<String> records, String owner, String indent) {
    List<Views.Accessor> accessors = new ArrayList<>();
    for (String property : commonProperties(records)) {
      String where = SCHEMAS + records.get(0) + "/properties/" + property;
      JavaType t = type(schemas.get(records.get(0)).path("properties").get(property), where);
      boolean anyOptional = records.stream().anyMatch(r -> optionalIn(r, property));
      String text = descriptionText(schemas.get(records.get(0)).path("properties").get(property));
      String doc = text.isBlank() ? "" : javadoc(indent, List.of(Names.javadoc(text)), List.of());
      if (sameType(records, property) != null) {
        boolean allPrimitive = t.primitive() && records.stream().noneMatch(r -> optionalIn(r, property));
        if (t.primitive() && !allPrimitive && records.stream().anyMatch(r -> !optionalIn(r, property))) {
          continue; // int in one record and Integer in another cannot share one accessor
        }
        String declared = anyOptional ? "@Nullable " + t.optional().declared() : t.declared();
        accessors.add(new Views.Accessor(doc, declared, Names.member(property)));
      } else if (objectRefs(records, property) != null) {
        // Declared inside the union interface, so the nested interface's simple name resolves.
        String nested = Names.type(property);
        accessors.add(new Views.Accessor(doc, (anyOptional ? "@Nullable " : "") + nested, Names.member(property)));
      }
    }
    return accessors;
  }

  private Views.Model union(String name, JsonNode schema) {
    List<String> variants = variants(name, schema);
    String fallback = variants.get(variants.size() - 1);
    List<Views.Accessor> accessors = accessors(variants, name, "  ");
    List<Views.Nested> nested = new ArrayList<>();
    for (String property : commonProperties(variants)) {
      List<String> refs = sameType(variants, property) == null ? objectRefs(variants, property) : null;
      if (refs == null) continue;
      String nestedName = Names.type(property);
      String doc = javadoc("  ", List.of("What every variant's {@code " + Names.javadoc(property) + "} has in common: one of "
          + refs.stream().map(r -> "{@link " + r + "}").collect(Collectors.joining(", ")) + "."), List.of());
      nested.add(new Views.Nested(nestedName, doc, String.join(", ", new LinkedHashSet<>(refs)), accessors(refs, name + "." + nestedName, "    ")));
    }

    JsonNode select = schema.path("x-audiojobs-select");
    List<String> paragraphs = new ArrayList<>(description(schema));
    StringBuilder code = new StringBuilder();
    StringBuilder rule = new StringBuilder();
    if (schema.has("discriminator")) {
      String property = schema.path("discriminator").path("propertyName").asText();
      rule.append("The variant is chosen by the value of {@code ").append(Names.javadoc(property))
          .append("} (the spec's {@code discriminator}):\n<ul>\n");
      Map<String, List<String>> byVariant = new LinkedHashMap<>();
      schema.path("discriminator").path("mapping").fields().forEachRemaining(e ->
          byVariant.computeIfAbsent(refName(e.getValue().asText(), SCHEMAS + name + "/discriminator"), k -> new ArrayList<>())
              .add(e.getKey()));
      code.append("String tag = Json.stringProperty(reader, ").append(Names.literal(property)).append(");\n");
      code.append("if (tag != null) {\n  switch (tag) {\n");
      for (Map.Entry<String, List<String>> e : byVariant.entrySet()) {
        code.append("    case ").append(e.getValue().stream().map(Names::literal).collect(Collectors.joining(", ")))
            .append(" -> {\n      return ").append(e.getKey()).append("JsonAdapter.INSTANCE.fromJson(reader);\n    }\n");
        rule.append("  <li>").append(e.getValue().stream().map(v -> "{@code " + Names.javadoc(v) + "}").collect(Collectors.joining(" or ")))
            .append(" → {@link ").append(e.getKey()).append("};\n");
      }
      code.append("    default -> {\n      // A value newer than this client: the fallback below keeps it.\n    }\n  }\n}\n");
      rule.append("  <li>any other value, or none → {@link ").append(fallback).append("}, which keeps what was received.\n</ul>");
    } else {
      String property = select.path("property").asText();
      rule.append("The spec's variants share their fields and have no discriminator, so the variant is chosen from the keys of {@code ")
          .append(Names.javadoc(property)).append("}, in this order (rule {@code x-audiojobs-select} of {@code ")
          .append(specPath).append("}):\n<ul>\n");
      code.append("Set<String> keys = Json.keysOf(reader, ").append(Names.literal(property)).append(");\n");
      for (JsonNode r : select.path("byKeys")) {
        List<String> keys = new ArrayList<>();
        r.path("keys").forEach(k -> keys.add(k.asText()));
        String variant = refName(r.path("schema").asText(), SCHEMAS + name + "/x-audiojobs-select");
        code.append("if (").append(keys.stream().map(k -> "keys.contains(" + Names.literal(k) + ")").collect(Collectors.joining(" || ")))
            .append(") {\n  return ").append(variant).append("JsonAdapter.INSTANCE.fromJson(reader);\n}\n");
        rule.append("  <li>").append(keys.stream().map(k -> "{@code " + Names.javadoc(k) + "}").collect(Collectors.joining(" or ")))
            .append(" → {@link ").append(variant).append("};\n");
      }
      rule.append("  <li>anything else, including no {@code ").append(Names.javadoc(property)).append("} → {@link ")
          .append(fallback).append("}, which keeps what was received.\n</ul>");
    }
    code.append("return ").append(fallback).append("JsonAdapter.INSTANCE.fromJson(reader);");
    String singlePass = schema.has("discriminator") ? "" : singlePass(name, select, variants);
    paragraphs.add(rule.toString());
    paragraphs.add("Schema {@code " + SCHEMAS + name + "} of {@code " + specPath + "}.");
    Views.Union union = new Views.Union(String.join(", ", variants), accessors, nested, code.toString(), singlePass,
        variants);
    String all = accessors.stream().map(Views.Accessor::type).collect(Collectors.joining(" "))
        + nested.stream().flatMap(n -> n.accessors().stream()).map(Views.Accessor::type).collect(Collectors.joining(" "));
    List<String> imports = imports(all, false);
    imports.add(0, "dev.audiojobs.client.Extras");
    List<String> adapterImports = adapterImports("@Nullable");
    if (!schema.has("discriminator")) adapterImports.add(adapterImports.size() - 1, "java.util.Set");
    return new Views.Model(name, header, packageName, imports, adapterImports, javadoc("", paragraphs, List.of()),
        null, null, union);
  }

  /**
   * The one-pass decoding of a union chosen by keys, or "" when a variant's selecting property is not
   * a named object (its keys could then not be confirmed).
   *
   * <p>The exact rule needs every key of the selecting object, so it looks ahead over all of it and
   * then decodes it: two passes over what is, for a diarization job, nearly the whole body. When the
   * caller can decode again ({@code Json.singlePass}), the adapter instead guesses the variant from
   * the first rule key, decodes once, and confirms the guess with the rule applied to the decoded
   * value's own keys (typed properties, explicit nulls and unknown properties: all the keys it had).
   * A confirmed guess is exactly what the rule gives; otherwise it asks for the exact decoding.
   */
  private String singlePass(String union, JsonNode select, List<String> variants) {
    String property = select.path("property").asText();
    Map<String, String> outputs = new LinkedHashMap<>();
    for (String variant : variants) {
      JsonNode p = schemas.get(variant).path("properties").get(property);
      if (p == null || !p.has("$ref")) return "";
      String output = refName(p.get("$ref").asText(), SCHEMAS + variant + "/properties/" + property);
      if (!schemas.get(output).has("properties")) return "";
      outputs.put(variant, output);
    }
    String fallback = variants.get(variants.size() - 1);
    List<String> allKeys = new ArrayList<>();
    List<Map.Entry<List<String>, String>> rules = new ArrayList<>();
    for (JsonNode r : select.path("byKeys")) {
      List<String> keys = new ArrayList<>();
      r.path("keys").forEach(k -> keys.add(k.asText()));
      allKeys.addAll(keys);
      rules.add(Map.entry(keys, refName(r.path("schema").asText(), SCHEMAS + union + "/x-audiojobs-select")));
    }
    String member = Names.member(property);
    StringBuilder out = new StringBuilder();
    out.append("private static final Set<String> RULE_KEYS = Set.of(")
        .append(allKeys.stream().map(Names::literal).collect(Collectors.joining(", "))).append(");\n\n");
    out.append("/** One pass on a guess from the first rule key of {@code ").append(Names.javadoc(property))
        .append("}, confirmed by the decoded keys; see the generator's SpecViews.singlePass. */\n");
    out.append("private static ").append(union).append(" guessed(JsonReader reader) throws IOException {\n");
    out.append("  String first = Json.firstKeyOf(reader, ").append(Names.literal(property)).append(", RULE_KEYS);\n");
    out.append("  ").append(union).append(" value;\n  try {\n");
    String indent = "    ";
    for (Map.Entry<List<String>, String> r : rules) {
      out.append(indent).append("if (").append(r.getKey().stream().map(k -> Names.literal(k) + ".equals(first)")
          .collect(Collectors.joining(" || "))).append(") {\n      value = ").append(r.getValue())
          .append("JsonAdapter.INSTANCE.fromJson(reader);\n    } else ");
      indent = "";
    }
    out.append("{\n      value = ").append(fallback).append("JsonAdapter.INSTANCE.fromJson(reader);\n    }\n");
    out.append("  } catch (IOException | RuntimeException e) {\n    throw new Json.RetryExactly(e);\n  }\n");
    out.append("  String selected = \"\";\n");
    for (String variant : variants) {
      out.append("  if (value instanceof ").append(variant).append(" v) selected = select").append(variant)
          .append("(v.").append(member).append("());\n");
    }
    out.append("  if (!selected.equals(value.getClass().getSimpleName())) throw new Json.RetryExactly(null);\n");
    out.append("  return value;\n}\n");
    for (Map.Entry<String, String> e : outputs.entrySet()) {
      String output = e.getValue();
      JsonNode declared = schemas.get(output).path("properties");
      out.append("\nprivate static String select").append(e.getKey()).append("(@Nullable ").append(output)
          .append(" o) {\n  if (o == null) return ").append(Names.literal(fallback)).append(";\n");
      for (Map.Entry<List<String>, String> r : rules) {
        String test = r.getKey().stream().map(k -> declared.has(k)
                ? "(o." + Names.member(k) + "() != null || o.extras().isExplicitNull(" + Names.literal(k) + "))"
                : "o.extras().unknownProperties().containsKey(" + Names.literal(k) + ")")
            .collect(Collectors.joining(" || "));
        out.append("  if (").append(test).append(") return ").append(Names.literal(r.getValue())).append(";\n");
      }
      out.append("  return ").append(Names.literal(fallback)).append(";\n}\n");
    }
    return out.toString().stripTrailing();
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }

  // ---------------------------------------------------------------- operations

  /** The vendor view: client, service and JSON classes named after {@code clientPrefix} ({@code Pyannote}). */
  Views.Vendor vendor(String clientPrefix) {
    List<Views.Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : iterable(spec.path("paths"))) {
      for (String method : List.of("get", "put", "post", "delete", "patch")) {
        JsonNode operation = path.getValue().get(method);
        if (operation != null) operations.add(operation(path.getKey(), method, operation));
      }
    }
    List<String> adapted = new ArrayList<>(models.keySet());
    String title = Names.javadoc(spec.path("info").path("title").asText(vendor));
    String server = spec.path("servers").path(0).path("url").asText("");
    if (server.isEmpty()) throw unsupported("#/servers", "a spec without a server URL");
    return new Views.Vendor(vendor, packageName, header, clientPrefix + "Client", clientPrefix + "Service",
        clientPrefix + "Json", server, title, operations, adapted);
  }

  private Views.Operation operation(String path, String method, JsonNode operation) {
    String id = operation.path("operationId").asText();
    String where = "#/paths/" + path + "/" + method;
    List<Views.Param> params = new ArrayList<>();
    List<String> paramDocs = new ArrayList<>();
    for (JsonNode p : operation.path("parameters")) {
      String wire = p.path("name").asText();
      String in = p.path("in").asText();
      boolean required = p.path("required").asBoolean(false);
      if (!in.equals("path") && !in.equals("query")) throw unsupported(where, "a parameter in " + in);
      JavaType t = type(p.path("schema"), where + "/parameters/" + wire);
      if (t.declared().startsWith("List<") || t.declared().startsWith("Map<")) throw unsupported(where, "a collection parameter");
      String name = Names.member(wire);
      String type = required ? t.boxed() : "@Nullable " + t.boxed();
      String annotation = (in.equals("path") ? "@Path(" : "@Query(") + Names.literal(wire) + ")";
      params.add(new Views.Param(wire, name, type, annotation + " " + type + " " + name, required));
      String text = p.path("description").asText("");
      paramDocs.add("@param " + name + " " + (text.isBlank() ? "" : Names.javadoc(text) + " ")
          + "({@code " + Names.javadoc(wire) + "} in " + in + (required ? "" : "; null to leave it out") + ")");
    }
    String success = null;
    Map<Integer, String> errors = new TreeMap<>();
    for (Map.Entry<String, JsonNode> response : iterable(operation.path("responses"))) {
      JsonNode schema = response.getValue().path("content").path("application/json").path("schema");
      if (!schema.has("$ref")) continue;
      String model = refName(schema.get("$ref").asText(), where + "/responses/" + response.getKey());
      int status = Integer.parseInt(response.getKey());
      if (status / 100 == 2) success = model;
      else errors.put(status, model);
    }
    if (success == null) throw unsupported(where, "an operation without a JSON 2xx response");

    StringBuilder definition = new StringBuilder("Operation.builder(").append(Names.literal(id)).append(", ")
        .append(success).append("JsonAdapter.INSTANCE)");
    Set<String> requestIdModels = new LinkedHashSet<>();
    for (Map.Entry<Integer, String> error : errors.entrySet()) {
      definition.append("\n      .error(").append(error.getKey()).append(", ").append(error.getValue()).append("JsonAdapter.INSTANCE)");
      for (Map.Entry<String, JsonNode> property : iterable(schemas.get(error.getValue()).path("properties"))) {
        if (property.getValue().path("x-audiojobs-request-id").asBoolean(false) && requestIdModels.add(error.getValue())) {
          definition.append("\n      .requestId(").append(error.getValue()).append(".class, ").append(error.getValue())
              .append("::").append(Names.member(property.getKey())).append(")");
        }
      }
    }
    definition.append("\n      .build()");

    List<String> docLines = new ArrayList<>();
    String summary = operation.path("summary").asText("");
    String description = operation.path("description").asText("");
    if (!summary.isBlank()) docLines.add(Names.javadoc(summary));
    if (!description.isBlank()) {
      if (!docLines.isEmpty()) docLines.add("");
      docLines.addAll(List.of(Names.javadoc(description).split("\n")));
    }
    if (!docLines.isEmpty()) docLines.add("");
    docLines.add("<p>{@code " + method.toUpperCase(java.util.Locale.ROOT) + " " + path + "}, operation {@code " + id + "}.");
    docLines.add("");
    docLines.addAll(paramDocs);
    String doc = docLines.stream().map(l -> l.isEmpty() ? "   *" : "   * " + l).collect(Collectors.joining("\n"));
    String declared = errors.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
    String throwsDoc = "   * @throws ApiException for a non-2xx response; the spec declares "
        + (declared.isEmpty() ? "none" : declared) + "\n"
        + "   * @throws DecodeException when a 2xx body does not fit the spec\n"
        + "   * @throws TransportException when no response arrives (connection, timeout)";

    boolean hasOptional = params.stream().anyMatch(p -> !p.required());
    String signature = params.stream().map(p -> p.type() + " " + p.name()).collect(Collectors.joining(", "));
    String arguments = params.stream().map(Views.Param::name).collect(Collectors.joining(", "));
    String requiredSignature = params.stream().filter(Views.Param::required).map(p -> p.type() + " " + p.name())
        .collect(Collectors.joining(", "));
    String requiredArguments = params.stream().map(p -> p.required() ? p.name() : "null").collect(Collectors.joining(", "));
    String serviceSignature = params.stream().map(Views.Param::serviceDeclaration).collect(Collectors.joining(", "));
    String relative = path.startsWith("/") ? path.substring(1) : path;
    String nullChecks = params.stream().filter(Views.Param::required)
        .map(p -> "    Objects.requireNonNull(" + p.name() + ", \"" + p.name() + " == null\");").collect(Collectors.joining("\n"));
    Views.Wait wait = operation.has("x-audiojobs-wait")
        ? wait(id, where, operation.get("x-audiojobs-wait"), success, params) : null;
    Views.Paging paging = operation.has("x-audiojobs-paging")
        ? paging(id, where, operation, success, params) : null;
    return new Views.Operation(id, Names.constant(id), method.toUpperCase(java.util.Locale.ROOT), relative, success, doc, throwsDoc,
        nullChecks, params, signature, arguments, requiredSignature, requiredArguments, hasOptional, serviceSignature,
        definition.toString(), wait, paging);
  }

  // ---------------------------------------------------------------- waiting and paging

  /** The properties a success model has for sure: a record's own, or those every variant of a union shares. */
  private List<String> sharedProperties(String model) {
    JsonNode schema = schemas.get(model);
    return schema.has("oneOf") ? commonProperties(variants(model, schema)) : fieldNames(schema.path("properties"));
  }

  /** The schema of {@code property} in {@code model}, in its first variant for a union. */
  private JsonNode propertySchema(String model, String property) {
    JsonNode schema = schemas.get(model);
    String owner = schema.has("oneOf") ? variants(model, schema).get(0) : model;
    return schemas.get(owner).path("properties").path(property);
  }

  /**
   * {@code waitFor…} from {@code x-audiojobs-wait}: {@code status} names the property holding the job's
   * status, an enum with {@code x-audiojobs-terminal}; {@code error} the path of the vendor's error text
   * in the job's JSON; {@code intervalSeconds} the vendor's polling interval and {@code intervalSource}
   * where it comes from. The operation must take exactly one parameter, the job id.
   */
  private Views.Wait wait(String id, String where, JsonNode spec, String success, List<Views.Param> params) {
    String at = where + "/x-audiojobs-wait";
    if (params.size() != 1 || !params.get(0).required() || !params.get(0).type().equals("String")) {
      throw unsupported(at, "waiting on an operation whose only parameter is not a required string (the job id)");
    }
    String statusProperty = spec.path("status").asText("");
    if (!sharedProperties(success).contains(statusProperty)) {
      throw unsupported(at, "a status property that " + success + " does not have on every variant: " + statusProperty);
    }
    JsonNode statusSchema = propertySchema(success, statusProperty);
    if (statusSchema.has("allOf")) statusSchema = statusSchema.get("allOf").get(0);
    String statusType = refName(statusSchema.path("$ref").asText(""), at + "/status");
    JsonNode terminalValues = schemas.get(statusType).path("x-audiojobs-terminal");
    if (terminalValues.isEmpty()) {
      throw unsupported(at, "a status enum without x-audiojobs-terminal: " + statusType);
    }
    int seconds = spec.path("intervalSeconds").asInt(0);
    if (seconds <= 0) throw unsupported(at, "a wait without a positive intervalSeconds");
    String source = spec.path("intervalSource").asText("");
    if (source.isBlank()) throw unsupported(at, "a wait without intervalSource: where does the interval come from?");
    List<String> errorPath = new ArrayList<>();
    spec.path("error").forEach(e -> errorPath.add(e.asText()));

    String status = Names.member(statusProperty);
    String method = "waitFor" + Names.type(id.startsWith("get") && id.length() > 3 ? id.substring(3) : id);
    String constant = Names.constant(id) + "_POLLER";
    String definition = "JobPoller.builder(" + Names.literal(id) + ", " + success + "JsonAdapter.INSTANCE)\n"
        + "      .initialInterval(Duration.ofSeconds(" + seconds + "))\n"
        + "      .status(job -> job." + status + "().value(), job -> job." + status + "().isTerminal(), job -> job."
        + status + "().isUnsuccessful())\n"
        + (errorPath.isEmpty() ? "" : "      .errorAt(" + errorPath.stream().map(Names::literal).collect(Collectors.joining(", ")) + ")\n")
        + "      .build()";
    List<String> terminal = new ArrayList<>();
    terminalValues.forEach(v -> terminal.add("{@code " + Names.javadoc(v.asText()) + "}"));
    List<String> unsuccessful = new ArrayList<>();
    schemas.get(statusType).path("x-audiojobs-unsuccessful").forEach(v -> unsuccessful.add("{@code " + Names.javadoc(v.asText()) + "}"));
    String errorText = errorPath.isEmpty() ? "none" : "{@code " + Names.javadoc(String.join(".", errorPath)) + "}";
    Views.Param job = params.get(0);
    String doc = String.join("\n",
        "  /**",
        "   * Polls {@link #" + id + "} until the job's {@code " + Names.javadoc(statusProperty) + "} is terminal ("
            + String.join(", ", terminal) + ") or {@code timeout} has passed, and returns the job.",
        "   *",
        "   * <p>The first poll is at once; the next after " + seconds + " s (" + Names.javadoc(source) + "), each pause",
        "   * then 1.5 times the last, at most 60 s. A poll response with {@code Retry-After} is not polled again",
        "   * sooner. The first terminal status seen ends the wait, even if the job would flip back later. Each",
        "   * poll is a call of {@link #" + id + "}, retried as the client's {@link RetryPolicy} says; a poll that",
        "   * still fails ends the wait with its exception. From {@code x-audiojobs-wait} in {@code " + specPath + "}.",
        "   *",
        "   * @param " + job.name() + " the id of the job",
        "   * @param timeout how long to wait at most; zero polls once. When the next pause would pass it, the last",
        "   *     poll is made at the deadline.",
        "   * @return the job, in a terminal status that is not unsuccessful",
        "   * @throws JobFailedException if the job ends " + (unsuccessful.isEmpty() ? "unsuccessful" : String.join(" or ", unsuccessful))
            + "; it carries the job and the vendor's error text (" + errorText + ")",
        "   * @throws WaitTimeoutException if the job is not terminal in time; it carries the last job seen",
        "   * @throws InterruptedException if the thread is interrupted; the wait stops at once",
        "   * @throws ApiException for a poll answered with a non-2xx status (after retries)",
        "   * @throws DecodeException when a poll's body does not fit the spec",
        "   * @throws TransportException when a poll gets no response (after retries)",
        "   * @throws IllegalArgumentException if {@code timeout} is negative",
        "   */");
    return new Views.Wait(method, constant, definition, job.type() + " " + job.name(), job.name(),
        "    Objects.requireNonNull(" + job.name() + ", \"" + job.name() + " == null\");", doc, id, success);
  }

  /**
   * {@code …All} from {@code x-audiojobs-paging}: {@code limit} and {@code offset} name the integer query
   * parameters, {@code items} the array and {@code total} the integer count of the success model.
   */
  private Views.Paging paging(String id, String where, JsonNode operation, String success, List<Views.Param> params) {
    String at = where + "/x-audiojobs-paging";
    JsonNode spec = operation.get("x-audiojobs-paging");
    String limit = spec.path("limit").asText("");
    String offset = spec.path("offset").asText("");
    Views.Param limitParam = params.stream().filter(p -> p.wire().equals(limit)).findFirst()
        .orElseThrow(() -> unsupported(at, "a limit that is not a parameter: " + limit));
    Views.Param offsetParam = params.stream().filter(p -> p.wire().equals(offset)).findFirst()
        .orElseThrow(() -> unsupported(at, "an offset that is not a parameter: " + offset));
    if (limitParam.required() || offsetParam.required() || !limitParam.type().endsWith("Integer")
        || !offsetParam.type().endsWith("Integer")) {
      throw unsupported(at, "a limit or offset that is not an optional integer parameter");
    }
    JsonNode model = schemas.get(success);
    Set<String> required = new LinkedHashSet<>();
    model.path("required").forEach(r -> required.add(r.asText()));
    String itemsProperty = spec.path("items").asText("");
    JsonNode itemsSchema = model.path("properties").path(itemsProperty);
    if (!"array".equals(itemsSchema.path("type").asText())) {
      throw unsupported(at, "items that are not an array property of " + success + ": " + itemsProperty);
    }
    String item = type(itemsSchema.path("items"), SCHEMAS + success + "/properties/" + itemsProperty + "/items").boxed();
    String totalProperty = spec.path("total").asText("");
    JsonNode totalSchema = model.path("properties").path(totalProperty);
    if (!"integer".equals(totalSchema.path("type").asText())) {
      throw unsupported(at, "a total that is not an integer property of " + success + ": " + totalProperty);
    }
    String items = Names.member(itemsProperty);
    String total = Names.member(totalProperty);
    String itemsFunction = required.contains(itemsProperty) && !nullable(itemsSchema)
        ? success + "::" + items
        : "page -> page." + items + "() == null ? java.util.List.of() : page." + items + "()";
    String totalFunction = required.contains(totalProperty) && !nullable(totalSchema)
        ? "page -> (long) page." + total + "()"
        : "page -> page." + total + "() == null ? null : page." + total + "().longValue()";
    int defaultLimit = limitDefault(operation, at, limit);

    List<Views.Param> kept = params.stream().filter(p -> p != offsetParam).toList();
    String signature = kept.stream().map(p -> p.type() + " " + p.name()).collect(Collectors.joining(", "));
    String requiredSignature = kept.stream().filter(Views.Param::required).map(p -> p.type() + " " + p.name())
        .collect(Collectors.joining(", "));
    String requiredArguments = kept.stream().map(p -> p.required() ? p.name() : "null").collect(Collectors.joining(", "));
    String callArguments = params.stream()
        .map(p -> p == limitParam ? "pageLimit" : p == offsetParam ? "pageOffset" : p.name())
        .collect(Collectors.joining(", "));
    String body = "return OffsetPager.create(\n"
        + "        " + limitParam.name() + " == null ? " + defaultLimit + " : " + limitParam.name() + ",\n"
        + "        (pageLimit, pageOffset) -> " + id + "(" + callArguments + "),\n"
        + "        " + itemsFunction + ",\n"
        + "        " + totalFunction + ");";
    List<String> doc = new ArrayList<>(List.of(
        "  /**",
        "   * Every item of {@link #" + id + "}, fetched page by page as the result is iterated or streamed; nothing",
        "   * is fetched before the first item is asked for.",
        "   *",
        "   * <p>Pages are asked for with {@code " + Names.javadoc(limit) + "} items at {@code " + Names.javadoc(offset)
            + "} 0, then at the number of items received so far.",
        "   * The walk ends after an empty page, a page shorter than asked for, or once the items received reach the",
        "   * {@code " + Names.javadoc(totalProperty) + "} of the latest page (a total that shrank between pages ends it"
            + " early, without error). No page is",
        "   * fetched twice in one walk; a page that fails throws its exception from the iterator, after the items",
        "   * before it. From {@code x-audiojobs-paging} in {@code " + specPath + "}.",
        "   *",
        "   * @param " + limitParam.name() + " the page size; null for the spec's default, " + defaultLimit));
    kept.stream().filter(p -> p != limitParam).forEach(p -> doc.add("   * @param " + p.name() + " as for {@link #" + id + "}"));
    doc.add("   * @throws IllegalArgumentException if {@code " + limitParam.name() + "} is below 1");
    doc.add("   */");
    boolean hasOptional = kept.stream().anyMatch(p -> !p.required());
    return new Views.Paging(id + "All", item, signature, body, String.join("\n", doc), hasOptional, requiredSignature,
        requiredArguments);
  }

  /** The {@code default} of the limit parameter's schema: the page size when the caller gives none. */
  private int limitDefault(JsonNode operation, String at, String limit) {
    for (JsonNode p : operation.path("parameters")) {
      if (p.path("name").asText().equals(limit) && p.path("schema").path("default").canConvertToInt()) {
        int value = p.path("schema").path("default").asInt();
        if (value > 0) return value;
      }
    }
    throw unsupported(at, "a limit parameter without a positive default (the page size when none is given)");
  }
}
