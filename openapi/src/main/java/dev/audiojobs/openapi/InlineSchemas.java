package dev.audiojobs.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names every inline object, enum and union of a document and moves it into
 * {@code components/schemas}, so the generator meets named schemas only (never an
 * {@code InlineResponse200}).
 *
 * <p>The name, by where the schema is (words in PascalCase: {@code speech_understanding} →
 * {@code SpeechUnderstanding}):
 * <ul>
 *   <li>property {@code p} of schema {@code Parent}: {@code ParentP};
 *   <li>items of {@code Parent}: {@code ParentItem} (so items of property {@code p}: {@code ParentPItem});
 *       values of a map: {@code ParentValue}; member {@code i} of a union: {@code ParentOption<i+1>};
 *   <li>request body of operation {@code op}: {@code OpRequest}; its 2xx response body:
 *       {@code OpResponse}; any other response: {@code Op<status>Response} ({@code Op4XXResponse},
 *       {@code OpDefaultResponse}); parameter {@code p}: {@code OpP};
 *   <li>in {@code components}: response {@code R}: {@code RResponse}; request body {@code B}:
 *       {@code BRequest}; parameter {@code P}: {@code P};
 *   <li>an inline member of an {@code allOf} is a part of its schema, not a type: it stays inline
 *       and what it holds is named after the schema.
 * </ul>
 * {@code x-audiojobs-name: Name} on an inline schema (from an overlay) overrides the rule; a name so
 * given must not be taken by a different schema. A derived name that is taken by an equal schema
 * reuses it; by a different one, it gets the first free suffix {@code 2}, {@code 3}, … and the
 * collision is reported. Every moved schema records where it was, as
 * {@code x-audiojobs-named-from: <JSON pointer>}. A reference keeps the inline schema's
 * {@code description} beside it, and its {@code nullable} as {@code allOf: [$ref], nullable: true}.
 *
 * <p>The walk is in document order and the result a pure function of the document.
 */
final class InlineSchemas {
  static final String NAME = "x-audiojobs-name";
  static final String NAMED_FROM = "x-audiojobs-named-from";
  private static final String SCHEMAS = "#/components/schemas/";
  private static final Pattern CLASS_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
  private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** One schema moved into {@code components/schemas}. */
  record Named(String name, String from, boolean collision) {
    @Override
    public String toString() {
      return from + " → " + SCHEMAS + name + (collision ? " (the derived name was taken by a different schema)" : "");
    }
  }

  private final String file;
  private final ObjectNode schemas;
  private final List<Named> named = new ArrayList<>();

  private InlineSchemas(String file, ObjectNode schemas) {
    this.file = file;
    this.schemas = schemas;
  }

  /**
   * Names and moves the inline schemas of {@code document}, in place.
   *
   * @param file how the document is named in errors
   * @return what was moved, in walk order
   * @throws SpecException for an {@code x-audiojobs-name} that is not a class name or is taken by a
   *     different schema
   */
  static List<Named> hoist(ObjectNode document, String file) {
    InlineSchemas walk = new InlineSchemas(file, document.with("components").with("schemas"));
    for (String name : names(walk.schemas)) walk.named(name);
    if (document.get("paths") instanceof ObjectNode paths) {
      for (String path : names(paths)) {
        JsonNode item = paths.get(path);
        for (String method : names(item)) {
          if (OPERATIONS.contains(method) && item.get(method) instanceof ObjectNode op) {
            walk.operation(op, "#/paths/" + OpenApi31.escape(path) + "/" + method);
          }
        }
      }
    }
    JsonNode components = document.path("components");
    for (String name : names(components.path("responses"))) {
      walk.holder(components.get("responses").get(name), "#/components/responses/" + OpenApi31.escape(name), pascal(name) + "Response");
    }
    for (String name : names(components.path("requestBodies"))) {
      walk.holder(components.get("requestBodies").get(name), "#/components/requestBodies/" + OpenApi31.escape(name), pascal(name) + "Request");
    }
    for (String name : names(components.path("parameters"))) {
      walk.parameter(components.get("parameters").get(name), "#/components/parameters/" + OpenApi31.escape(name), pascal(name));
    }
    if (document.has("components") && walk.schemas.isEmpty()) ((ObjectNode) document.get("components")).remove("schemas");
    return Collections.unmodifiableList(walk.named);
  }

  private void operation(ObjectNode op, String at) {
    String id = op.path("operationId").asText("");
    String base = id.isEmpty() ? pascal(at.substring(at.lastIndexOf('/') + 1)) : pascal(id);
    JsonNode parameters = op.path("parameters");
    for (int i = 0; i < parameters.size(); i++) {
      parameter(parameters.get(i), at + "/parameters/" + i, base + pascal(parameters.get(i).path("name").asText("")));
    }
    if (op.has("requestBody")) holder(op.get("requestBody"), at + "/requestBody", base + "Request");
    boolean successNamed = false;
    for (String status : names(op.path("responses"))) {
      boolean success = status.startsWith("2") && !successNamed;
      successNamed |= success;
      String name = base + (success ? "" : pascal(status)) + "Response";
      holder(op.get("responses").get(status), at + "/responses/" + OpenApi31.escape(status), name);
    }
  }

  private void parameter(JsonNode parameter, String at, String name) {
    if (parameter instanceof ObjectNode p && p.has("schema")) p.set("schema", place(p.get("schema"), at + "/schema", name));
    holder(parameter, at, name);
  }

  /** The schemas of a request body's, response's or parameter's media types. */
  private void holder(JsonNode holder, String at, String name) {
    for (String mediaType : names(holder.path("content"))) {
      if (holder.get("content").get(mediaType) instanceof ObjectNode media && media.has("schema")) {
        media.set("schema", place(media.get("schema"), at + "/content/" + OpenApi31.escape(mediaType) + "/schema", name));
      }
    }
  }

  /** Walks a named schema's inside, naming what it holds after it. */
  private void named(String name) {
    if (schemas.get(name) instanceof ObjectNode schema) inside(schema, SCHEMAS + OpenApi31.escape(name), name);
  }

  /**
   * The schema to put at {@code at}: a reference to the named schema when {@code schema} is one to
   * name, else {@code schema} itself with its inside named.
   */
  private JsonNode place(JsonNode schema, String at, String name) {
    if (!(schema instanceof ObjectNode object) || object.has("$ref")) return schema;
    if (!isType(object)) {
      inside(object, at, name);
      return object;
    }
    return reference(object, move(object, at, name));
  }

  private void inside(ObjectNode schema, String at, String name) {
    if (schema.get("properties") instanceof ObjectNode properties) {
      for (String property : names(properties)) {
        properties.set(property, place(properties.get(property), at + "/properties/" + OpenApi31.escape(property), name + pascal(property)));
      }
    }
    if (schema.has("items")) schema.set("items", place(schema.get("items"), at + "/items", name + "Item"));
    if (schema.get("additionalProperties") instanceof ObjectNode values) {
      schema.set("additionalProperties", place(values, at + "/additionalProperties", name + "Value"));
    }
    if (schema.get("allOf") instanceof ArrayNode parts) {
      // An inline allOf member is a part of this schema, not a type of its own.
      for (int i = 0; i < parts.size(); i++) {
        if (parts.get(i) instanceof ObjectNode part && !part.has("$ref")) inside(part, at + "/allOf/" + i, name);
      }
    }
    for (String union : List.of("oneOf", "anyOf")) {
      if (!(schema.get(union) instanceof ArrayNode members)) continue;
      for (int i = 0; i < members.size(); i++) {
        members.set(i, place(members.get(i), at + "/" + union + "/" + i, name + "Option" + (i + 1)));
      }
    }
  }

  /** Whether an inline schema is one the generator needs named: an object, an enum, a union, a composition. */
  private static boolean isType(ObjectNode schema) {
    if (schema.has(NAME)) return true;
    JsonNode allOf = schema.get("allOf");
    // allOf: [$ref] with constraints beside it narrows the named schema (an enum subset, nullable): no new type.
    if (allOf != null && allOf.size() == 1 && allOf.path(0).has("$ref") && !schema.has("properties")) return false;
    if (schema.has("properties") || schema.has("enum") || schema.has("oneOf") || schema.has("anyOf")) return true;
    if (allOf != null) return true;
    JsonNode values = schema.get("additionalProperties");
    boolean map = values != null && values.isObject() && !values.isEmpty();
    return "object".equals(schema.path("type").asText()) && !map;
  }

  private String move(ObjectNode schema, String at, String derived) {
    JsonNode given = schema.remove(NAME);
    String name = given == null ? derived : given.asText();
    if (given != null && !CLASS_NAME.matcher(name).matches()) {
      throw new SpecException(file, at + "/" + NAME, "a name is a Java class name (letters and digits, upper-case first): " + name);
    }
    ObjectNode body = schema.deepCopy();
    body.remove("nullable");
    inside(body, at, name);
    String chosen = name;
    boolean collision = false;
    for (int n = 2; schemas.has(chosen) && !sameSchema(schemas.get(chosen), body); n++) {
      if (given != null) {
        throw new SpecException(file, at + "/" + NAME, "the name " + name + " is taken by a different schema, "
            + SCHEMAS + name + (schemas.get(name).has(NAMED_FROM) ? " (named from " + schemas.get(name).get(NAMED_FROM).asText() + ")" : ""));
      }
      chosen = name + n;
      collision = true;
    }
    if (!schemas.has(chosen)) {
      body.put(NAMED_FROM, at);
      schemas.set(chosen, body);
    }
    named.add(new Named(chosen, at, collision));
    return chosen;
  }

  private static boolean sameSchema(JsonNode existing, ObjectNode candidate) {
    ObjectNode a = existing.deepCopy();
    a.remove(NAMED_FROM);
    return a.equals(candidate);
  }

  /** The reference that replaces an inline schema, keeping its description and nullability where it was. */
  private static ObjectNode reference(ObjectNode inline, String name) {
    ObjectNode ref = JsonNodeFactory.instance.objectNode();
    if (inline.path("nullable").asBoolean(false)) {
      ref.putArray("allOf").addObject().put("$ref", SCHEMAS + name);
      ref.put("nullable", true);
    } else {
      ref.put("$ref", SCHEMAS + name);
    }
    if (inline.has("description")) ref.set("description", inline.get("description"));
    return ref;
  }

  /** {@code speech_understanding} → {@code SpeechUnderstanding}; {@code getTranscript} → {@code GetTranscript}. */
  static String pascal(String words) {
    StringBuilder out = new StringBuilder();
    for (String word : words.split("[^A-Za-z0-9]+")) {
      if (word.isEmpty()) continue;
      out.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
    }
    return out.toString();
  }

  private static List<String> names(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node != null && node.isObject()) node.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
