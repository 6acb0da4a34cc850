package dev.audiojobs.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The normalizer's generic rules other than the 3.1 conversion and the naming of inline schemas:
 * each true of every vendor, so none needs an overlay action.
 *
 * <ol>
 *   <li><b>Open enums.</b> {@code anyOf} or {@code oneOf} of a string enum and a plain
 *       {@code {type: string}} ("one of these values, or any other string") is the enum itself: this
 *       client's enums are open already (a value newer than the client is kept, never refused). It
 *       becomes {@code allOf: [<the enum>]}, the schema's other keys kept.
 *   <li><b>An enum's only name.</b> A named schema that is nothing but {@code allOf: [$ref]} to a named string
 *       enum no other node refers to (what the open-enum rule leaves of {@code X: anyOf: [X0, string]}) is that
 *       enum: it takes the enum's keywords, its own annotations kept, and the enum, now unreferenced, is
 *       removed. The values are the same; the type gets the name the spec gave the parameter or property.
 *   <li><b>Unions of enums.</b> A {@code oneOf} or {@code anyOf} whose members are all string enums
 *       (named or inline, often single values) allows exactly the union of their values: it becomes one
 *       {@code type: string, enum: […]}. Under {@code oneOf}, a value two members share would be invalid,
 *       so such a union is left alone.
 *   <li><b>One or many query values.</b> A query parameter (form style, exploded: the defaults) whose
 *       schema is {@code oneOf}/{@code anyOf} of {@code X} and an array of {@code X} is an array of
 *       {@code X}: on the wire {@code ?tag=a} is both, and {@code ?tag=a&tag=b} only the array.
 *   <li><b>Typed enums.</b> An {@code enum} without a {@code type} whose values are all strings
 *       (all integers, all numbers, all booleans) gets that type: it allows nothing else anyway.
 *   <li><b>Unique operation ids.</b> An {@code operationId} that several operations share (invalid
 *       OpenAPI, yet published: Fern-generated specs use {@code list}, {@code get} per resource) is
 *       qualified on each of them by the words of its path, parameters left out:
 *       {@code list} on {@code /v1/projects/{project_id}/keys} → {@code listV1ProjectsKeys}. Ids still
 *       equal after that are refused.
 *   <li><b>Unreachable schemas.</b> A schema of {@code components/schemas} that nothing outside
 *       {@code components/schemas} refers to, directly or through other schemas, is removed: no
 *       operation sends or receives it, so the generated client would only carry dead types (and the
 *       generator would have to accept constructs no call uses). A reference is any {@code $ref} and any
 *       string value {@code #/components/schemas/<name>} (the {@code x-audiojobs-…} extensions name
 *       schemas that way).
 *   <li><b>anyOf unions.</b> A {@code oneOf} an overlay marks {@code x-audiojobs-inclusive} is read as
 *       {@code anyOf}; equal members of an {@code anyOf} are one; an {@code anyOf} with a member that
 *       accepts anything accepts anything; in a query, an {@code anyOf} of a number and enums of its
 *       numerals is the number. Each is argued in {@link UnionRules}, which applies them.
 *   <li><b>Ignored headers.</b> Header parameters named {@code Accept}, {@code Content-Type} or
 *       {@code Authorization} are removed: OpenAPI says they are ignored ({@link ReservedHeaders}).
 *   <li><b>Class names.</b> A schema name that is not a Java class name is renamed to its words, capitalised
 *       ({@link SchemaNames}); a name is no part of the wire.
 * </ol>
 * Each rule reports what it changed, as notes the normalizer prints.
 */
final class GenericRules {
  private static final String SCHEMAS = "#/components/schemas/";
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private GenericRules() {}

  /**
   * Applies the rules to {@code document} in place.
   *
   * @return a note per change, in document order
   * @throws SpecException (naming {@code file}) for operation ids that stay equal after qualifying them
   */
  static List<String> apply(ObjectNode document, String file) {
    List<String> notes = new ArrayList<>();
    UnionRules.inclusiveUnions(document, file, notes); // before the unions of enums: a oneOf read as anyOf may overlap
    openEnums(document, notes);
    enumAliases(document, notes);
    oneOrManyQueryValues(document, notes);
    UnionRules.numeralsInQueries(document, notes);
    uniqueOperationIds(document, file, notes);
    ReservedHeaders.remove(document, notes);
    SchemaNames.javaClassNames(document, file, notes);
    return notes;
  }

  /** Removes the schemas nothing reaches; see the class comment. Run after every rule that adds references. */
  static List<String> pruneUnreachable(ObjectNode document) {
    if (!(document.path("components").get("schemas") instanceof ObjectNode schemas)) return List.of();
    Deque<String> pending = new ArrayDeque<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = document.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> top = it.next();
      if (!top.getKey().equals("components")) references(top.getValue(), pending);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = document.get("components").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> kind = it.next();
      if (!kind.getKey().equals("schemas")) references(kind.getValue(), pending);
    }
    Set<String> reached = new LinkedHashSet<>();
    while (!pending.isEmpty()) {
      String name = pending.pop();
      if (reached.add(name) && schemas.has(name)) references(schemas.get(name), pending);
    }
    List<String> notes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    schemas.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      if (!reached.contains(name)) {
        schemas.remove(name);
        notes.add("removed " + SCHEMAS + name + ": no operation, webhook or extension reaches it");
      }
    }
    return notes;
  }

  private static void references(JsonNode node, Deque<String> out) {
    if (node.isTextual() && node.asText().startsWith(SCHEMAS)) {
      out.push(node.asText().substring(SCHEMAS.length()).replace("~1", "/").replace("~0", "~"));
    }
    for (JsonNode child : node) references(child, out);
  }

  private static void openEnums(ObjectNode document, List<String> notes) {
    Map<String, JsonNode> schemas = new HashMap<>();
    document.path("components").path("schemas").fields().forEachRemaining(e -> schemas.put(e.getKey(), e.getValue()));
    walk(document, "#", schemas, notes);
  }

  private static void walk(JsonNode node, String at, Map<String, JsonNode> schemas, List<String> notes) {
    if (node instanceof ObjectNode object) {
      if (object.get("enum") instanceof ArrayNode values && !values.isEmpty() && !object.has("type") && !object.has("$ref")
          && !object.has("allOf")) { // an enum beside allOf: [$ref] narrows the referenced type
        String type = sharedType(values);
        if (type != null) {
          object.put("type", type);
          notes.add("typed enum " + at + ": its values are all of type " + type);
        }
      }
      for (String union : List.of("anyOf", "oneOf")) {
        if (object.get(union) instanceof ArrayNode members && members.size() > 1) {
          List<JsonNode> values = enumUnion(members, union.equals("oneOf"), schemas);
          if (values != null) {
            object.remove(union);
            object.put("type", "string");
            object.putArray("enum").addAll(values);
            notes.add("union of enums " + at + ": " + union + " of " + members.size() + " string enums is one enum of their values");
            continue;
          }
        }
        if (object.get(union) instanceof ArrayNode members && members.size() == 2) {
          int anyString = plainString(members.get(0)) ? 0 : plainString(members.get(1)) ? 1 : -1;
          if (anyString >= 0 && isStringEnum(members.get(1 - anyString), schemas)) {
            JsonNode values = members.get(1 - anyString);
            object.remove(union);
            if (values.has("$ref")) {
              object.putArray("allOf").add(values);
            } else {
              values.fields().forEachRemaining(e -> object.set(e.getKey(), e.getValue()));
            }
            notes.add("open enum " + at + ": " + union + " of an enum and any string is the enum (enums are open)");
          }
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> child = it.next();
        walk(child.getValue(), at + "/" + OpenApi31.escape(child.getKey()), schemas, notes);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) walk(array.get(i), at + "/" + i, schemas, notes);
    }
  }

  private static void enumAliases(ObjectNode document, List<String> notes) {
    if (!(document.path("components").get("schemas") instanceof ObjectNode schemas)) return;
    Map<String, Integer> uses = new HashMap<>();
    countReferences(document, uses);
    for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> alias = it.next();
      if (!(alias.getValue() instanceof ObjectNode object) || !(object.get("allOf") instanceof ArrayNode parts) || parts.size() != 1) continue;
      JsonNode bare = UnionRules.withoutAnnotations(object);
      String ref = parts.get(0).path("$ref").asText("");
      if (bare.size() != 1 || parts.get(0).size() != 1 || !ref.startsWith(SCHEMAS)) continue;
      String name = ref.substring(SCHEMAS.length());
      JsonNode target = schemas.get(name);
      if (target == null || name.equals(alias.getKey()) || !isStringEnum(target, Map.of()) || uses.getOrDefault(name, 0) != 1) continue;
      object.remove("allOf");
      target.fields().forEachRemaining(e -> {
        if (!object.has(e.getKey())) object.set(e.getKey(), e.getValue().deepCopy());
      });
      notes.add("enum alias " + SCHEMAS + alias.getKey() + ": the only name of the enum " + name + ", which it becomes");
    }
  }

  private static void countReferences(JsonNode node, Map<String, Integer> out) {
    if (node.isTextual() && node.asText().startsWith(SCHEMAS)) {
      out.merge(node.asText().substring(SCHEMAS.length()).replace("~1", "/").replace("~0", "~"), 1, Integer::sum);
    }
    for (JsonNode child : node) countReferences(child, out);
  }

  /** The values of a union whose members are all string enums, or null. */
  private static List<JsonNode> enumUnion(ArrayNode members, boolean exclusive, Map<String, JsonNode> schemas) {
    List<JsonNode> values = new ArrayList<>();
    for (JsonNode member : members) {
      JsonNode target = member;
      if (member.has("$ref")) {
        String ref = member.get("$ref").asText();
        target = ref.startsWith(SCHEMAS) ? schemas.get(ref.substring(SCHEMAS.length())) : null;
      }
      if (target == null || !isStringEnum(target, schemas) || target.has("$ref")) return null;
      for (JsonNode v : target.get("enum")) {
        if (!v.isTextual()) return null;
        if (values.contains(v)) {
          if (exclusive) return null;
          continue;
        }
        values.add(v);
      }
    }
    return values;
  }

  /** A query parameter in form style (the default), with the path it is declared under. */
  record FormQueryParameter(String path, ObjectNode parameter) {}

  /** Every form-style query parameter of {@code document}, path-level and per operation, in document order. */
  static List<FormQueryParameter> formQueryParameters(ObjectNode document) {
    List<FormQueryParameter> found = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> item = it.next();
      List<JsonNode> parameterLists = new ArrayList<>();
      parameterLists.add(item.getValue().path("parameters"));
      for (String method : METHODS) parameterLists.add(item.getValue().path(method).path("parameters"));
      for (JsonNode parameters : parameterLists) {
        for (JsonNode parameter : parameters) {
          if (!(parameter instanceof ObjectNode p) || !"query".equals(p.path("in").asText())) continue;
          if ("form".equals(p.path("style").asText("form"))) found.add(new FormQueryParameter(item.getKey(), p));
        }
      }
    }
    return found;
  }

  /** The document's {@code components/schemas} by name. */
  static Map<String, JsonNode> schemas(ObjectNode document) {
    Map<String, JsonNode> schemas = new HashMap<>();
    document.path("components").path("schemas").fields().forEachRemaining(e -> schemas.put(e.getKey(), e.getValue()));
    return schemas;
  }

  private static void oneOrManyQueryValues(ObjectNode document, List<String> notes) {
    Map<String, JsonNode> schemas = schemas(document);
    for (FormQueryParameter query : formQueryParameters(document)) {
      ObjectNode p = query.parameter();
      if (!p.path("explode").asBoolean(true)) continue;
      JsonNode schema = p.path("schema");
      if (schema.has("$ref") && schema.get("$ref").asText().startsWith(SCHEMAS)) {
        schema = schemas.getOrDefault(schema.get("$ref").asText().substring(SCHEMAS.length()), schema);
      }
      JsonNode one = oneOrMany(schema);
      if (one == null) continue;
      ObjectNode array = p.putObject("schema");
      array.put("type", "array");
      array.set("items", one.deepCopy());
      notes.add("one or many " + query.path() + " ?" + p.path("name").asText() + ": a value or an array of values is an array");
    }
  }

  /** X when {@code schema} is oneOf/anyOf [X, {type: array, items: X}] (either order), else null. */
  private static JsonNode oneOrMany(JsonNode schema) {
    for (String union : List.of("oneOf", "anyOf")) {
      JsonNode members = schema.get(union);
      if (members == null || members.size() != 2) continue;
      for (int i = 0; i < 2; i++) {
        JsonNode one = members.get(i);
        JsonNode many = members.get(1 - i);
        if ("array".equals(many.path("type").asText()) && withoutAnnotations(many.path("items")).equals(withoutAnnotations(one))) {
          return withoutAnnotations(one);
        }
      }
    }
    return null;
  }

  private static JsonNode withoutAnnotations(JsonNode schema) {
    if (!(schema instanceof ObjectNode object)) return schema;
    ObjectNode copy = object.deepCopy();
    for (String key : List.of("description", "title", "default", "example", "examples")) copy.remove(key);
    return copy;
  }

  private static String sharedType(ArrayNode values) {
    String shared = null;
    for (JsonNode v : values) {
      String type = v.isTextual() ? "string" : v.isIntegralNumber() ? "integer" : v.isNumber() ? "number"
          : v.isBoolean() ? "boolean" : v.isNull() ? null : "other";
      if (type == null) continue;
      if (shared == null) shared = type;
      else if (shared.equals("integer") && type.equals("number") || shared.equals("number") && type.equals("integer")) shared = "number";
      else if (!shared.equals(type)) return null;
    }
    return "other".equals(shared) ? null : shared;
  }

  private static boolean plainString(JsonNode schema) {
    if (!"string".equals(schema.path("type").asText())) return false;
    for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("type") && !name.equals("description") && !name.equals("title") && !name.startsWith("x-")) return false;
    }
    return true;
  }

  private static boolean isStringEnum(JsonNode schema, Map<String, JsonNode> schemas) {
    JsonNode target = schema;
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      if (!ref.startsWith(SCHEMAS)) return false;
      target = schemas.get(ref.substring(SCHEMAS.length()));
      if (target == null) return false;
    }
    return target.has("enum") && "string".equals(target.path("type").asText("string"));
  }

  private static void uniqueOperationIds(ObjectNode document, String file, List<String> notes) {
    Map<String, List<ObjectNode>> byId = new LinkedHashMap<>();
    Map<ObjectNode, String> pathOf = new java.util.IdentityHashMap<>(); // equal operations are still two
    for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> item = it.next();
      for (String method : METHODS) {
        if (item.getValue().get(method) instanceof ObjectNode op && op.path("operationId").isTextual()) {
          byId.computeIfAbsent(op.get("operationId").asText(), k -> new ArrayList<>()).add(op);
          pathOf.put(op, item.getKey());
        }
      }
    }
    Set<String> taken = new LinkedHashSet<>(byId.keySet());
    for (Map.Entry<String, List<ObjectNode>> id : byId.entrySet()) {
      if (id.getValue().size() < 2) continue;
      for (ObjectNode op : id.getValue()) {
        String qualified = id.getKey() + InlineSchemas.pascal(pathOf.get(op).replaceAll("\\{[^}]*}", ""));
        if (!taken.add(qualified)) {
          throw new SpecException(file, "#/paths/" + OpenApi31.escape(pathOf.get(op)), "the operationId " + id.getKey()
              + " is shared by several operations, and qualifying it by the path gives " + qualified
              + " twice: set distinct operationIds with an overlay");
        }
        op.put("operationId", qualified);
        notes.add("operationId " + id.getKey() + " of " + pathOf.get(op) + " → " + qualified + " (shared by "
            + id.getValue().size() + " operations)");
      }
      taken.remove(id.getKey());
    }
  }
}
