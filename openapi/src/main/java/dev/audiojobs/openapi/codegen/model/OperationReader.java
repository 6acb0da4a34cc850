package dev.audiojobs.openapi.codegen.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.audiojobs.openapi.codegen.model.Operation.HttpMethod;
import dev.audiojobs.openapi.codegen.model.Operation.Location;
import dev.audiojobs.openapi.codegen.model.Operation.Parameter;
import dev.audiojobs.openapi.codegen.model.Schema.RecordSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

import static dev.audiojobs.openapi.codegen.model.SpecNodes.escape;
import static dev.audiojobs.openapi.codegen.model.SpecNodes.fields;
import static dev.audiojobs.openapi.codegen.model.SpecNodes.text;

/**
 * {@link SpecReader}'s part for {@code paths}: one operation with its parameters, request bodies and
 * responses.
 */
final class OperationReader {
  private final JsonNode spec;
  private final SchemaReader types;
  private final ExtensionReader extensions;
  private final SecurityReader security;
  private final Map<String, Schema> models;
  private final Vendor vendor;

  OperationReader(JsonNode spec, SchemaReader types, ExtensionReader extensions, Vendor vendor) {
    this.spec = spec;
    this.types = types;
    this.extensions = extensions;
    this.security = new SecurityReader(spec, vendor);
    this.models = types.models;
    this.vendor = vendor;
  }

  private UnsupportedSpecException unsupported(String where, String what) {
    return new UnsupportedSpecException(vendor.specPath(), where, what);
  }

  private void check(JsonNode node, Keywords.Kind kind, String at) {
    Keywords.check(node, kind, at, vendor.specPath());
  }

  /**
   * {@code node} at {@code at}, or, when it is a {@code $ref} to {@code #/components/<section>/<name>}, the
   * node it names and that node's pointer (following a chain of them). A Reference Object's siblings
   * ({@code summary}, {@code description}) are annotations.
   */
  private SchemaReader.Located resolve(JsonNode node, String at, String section) {
    Set<String> seen = new LinkedHashSet<>();
    String prefix = "#/components/" + section + "/";
    while (node.has("$ref")) {
      String ref = node.get("$ref").asText();
      for (java.util.Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        if (!List.of("$ref", "summary", "description").contains(key) && !key.startsWith("x-")) {
          throw unsupported(at + "/" + escape(key), "a sibling of a $ref to components/" + section + " other than "
              + "summary or description");
        }
      }
      if (!ref.startsWith(prefix)) throw unsupported(at + "/$ref", "a $ref outside components/" + section + ": " + ref);
      String name = ref.substring(prefix.length()).replace("~1", "/").replace("~0", "~");
      JsonNode target = spec.path("components").path(section).get(name);
      if (target == null) throw unsupported(at + "/$ref", "a $ref to nothing: " + ref);
      if (!seen.add(ref)) throw unsupported(at + "/$ref", "a cycle of $refs: " + seen);
      node = target;
      at = ref;
    }
    return new SchemaReader.Located(node, at);
  }

  // ---------------------------------------------------------------- operations

  Operation operation(String path, String method, JsonNode operation, JsonNode pathItem) {
    String where = "#/paths/" + escape(path) + "/" + method;
    check(operation, Keywords.Kind.OPERATION, where);
    String id = operation.path("operationId").asText("");
    if (!Pattern.matches("[a-z][A-Za-z0-9]*", id)) {
      throw unsupported(where + "/operationId", "an operationId that is not a Java method name: '" + id + "'");
    }
    // Path-level parameters first; the operation's own replace one with the same name and location.
    Map<String, Parameter> byKey = new LinkedHashMap<>();
    for (int i = 0; i < pathItem.path("parameters").size(); i++) {
      Parameter p = parameter(pathItem.path("parameters").get(i), "#/paths/" + escape(path) + "/parameters/" + i);
      byKey.put(p.in() + " " + p.name(), p);
    }
    for (int i = 0; i < operation.path("parameters").size(); i++) {
      Parameter p = parameter(operation.path("parameters").get(i), where + "/parameters/" + i);
      byKey.put(p.in() + " " + p.name(), p);
    }
    List<Parameter> parameters = new ArrayList<>(byKey.values());
    List<Operation.RequestBody> bodies = operation.has("requestBody")
        ? requestBodies(where, method, operation.get("requestBody")) : List.of();
    Operation.RequestBody body = bodies.isEmpty() ? null : bodies.get(0);
    Operation.Response success = null;
    List<Operation.Outcome> outcomes = new ArrayList<>();
    Map<Integer, String> errors = new TreeMap<>();
    for (Map.Entry<String, JsonNode> entry : fields(operation.path("responses"))) {
      String status = entry.getKey();
      SchemaReader.Located located = resolve(entry.getValue(), where + "/responses/" + escape(status), "responses");
      String at = located.at();
      JsonNode response = located.node();
      check(response, Keywords.Kind.RESPONSE, at);
      JsonNode content = response.path("content");
      for (Map.Entry<String, JsonNode> media : fields(content)) {
        check(media.getValue(), Keywords.Kind.MEDIA_TYPE, at + "/content/" + escape(media.getKey()));
      }
      if (status.startsWith("2")) {
        outcomes.addAll(outcomes(at, status, response));
        if (success == null) success = success(at, status, content);
        continue;
      }
      if (response.has("x-audiojobs-not-ready")) {
        throw unsupported(at + "/x-audiojobs-not-ready", "a not-ready marker on a response that is not a 2xx");
      }
      JsonNode schema = content.path("application/json").path("schema");
      // An error without a named JSON model (another media type, an inline schema, no body): ApiException
      // keeps the status, headers and raw body; nothing is dropped.
      if (!schema.has("$ref")) continue;
      types.type(schema, at + "/content/application~1json/schema");
      if (!status.matches("[1-5][0-9][0-9]")) {
        throw unsupported(at, "a JSON error response for a status range or default; name each status");
      }
      errors.put(Integer.parseInt(status), types.refName(schema.get("$ref").asText(), at));
    }
    if (success == null) throw unsupported(where + "/responses", "an operation without a 2xx response");
    // One status in several text types (AssemblyAI's captions: text/plain or text/html) is one String
    // result whichever the server picks: every text/* success decodes the same way.
    boolean oneTextResult = outcomes.stream().allMatch(o -> o.body() instanceof Operation.TextBody
        && o.status() == outcomes.get(0).status());
    if (outcomes.size() > 1 && !oneTextResult) {
      Set<String> names = new LinkedHashSet<>();
      for (Operation.Outcome outcome : outcomes) {
        if (outcome.schema().isEmpty() || !names.add(outcome.schema())) {
          throw unsupported(where + "/responses", "several 2xx bodies that are not each a distinct named schema "
              + "(each names its variant of the result)");
        }
      }
      success = new Operation.Response(success.status(), new Operation.Outcomes(List.copyOf(outcomes)));
    }
    Operation.Wait wait = operation.has("x-audiojobs-wait")
        ? extensions.wait(where, operation.get("x-audiojobs-wait"), parameters, success) : null;
    Operation.Paging paging = operation.has("x-audiojobs-paging")
        ? extensions.paging(where, operation.get("x-audiojobs-paging"), parameters, success) : null;
    Operation.Upload upload = operation.has("x-audiojobs-upload")
        ? extensions.upload(where, operation.get("x-audiojobs-upload"), body, success) : null;
    Operation.ThenWait thenWait = null;
    if (operation.has("x-audiojobs-then-wait")) {
      JsonNode then = operation.get("x-audiojobs-then-wait");
      thenWait = new Operation.ThenWait(then.path("operation").asText(""), then.path("jobIdProperty").asText(""));
    }
    return new Operation(id, HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)), path, text(operation, "summary"),
        text(operation, "description"), List.copyOf(parameters), body, bodies, success,
        Collections.unmodifiableMap(errors), wait, paging, upload, thenWait, where, security.auth(operation, where));
  }

  /**
   * A request body: one media type, {@code application/json} or {@code multipart/form-data}, whose
   * schema is a named record or a oneOf of records (JSON only), or a binary body (any other concrete media type, a {@code format: binary} string). A body the spec marks optional is still always sent (an empty record is
   * a valid one), so the client method takes it like a required one.
   */
  private List<Operation.RequestBody> requestBodies(String where, String method, JsonNode body) {
    String at = where + "/requestBody";
    if (method.equals("get")) throw unsupported(at, "a request body on a GET");
    SchemaReader.Located located = resolve(body, at, "requestBodies");
    at = located.at();
    body = located.node();
    check(body, Keywords.Kind.REQUEST_BODY, at);
    JsonNode content = body.path("content");
    if (content.isEmpty()) throw unsupported(at + "/content", "a request body without a media type");
    List<Operation.RequestBody> bodies = new ArrayList<>();
    Set<String> records = new LinkedHashSet<>();
    for (Map.Entry<String, JsonNode> media : fields(content)) {
      check(media.getValue(), Keywords.Kind.MEDIA_TYPE, at + "/content/" + escape(media.getKey()));
      Operation.RequestBody one = requestBody(at, media.getKey(), content, body);
      if (!records.add(one.binary() ? "a file" : one.schema())) {
        // the client's methods are overloaded by the body's record, so each media type needs its own
        throw unsupported(at + "/content", "two media types with the same record "
            + (one.binary() ? "(two binary bodies)" : one.schema()));
      }
      bodies.add(one);
    }
    return List.copyOf(bodies);
  }

  private Operation.RequestBody requestBody(String at, String mediaType, JsonNode content, JsonNode body) {
    String schemaAt = at + "/content/" + escape(mediaType) + "/schema";
    JsonNode schema = content.get(mediaType).path("schema");
    if (!mediaType.equals(Operation.RequestBody.JSON) && !mediaType.equals(Operation.RequestBody.MULTIPART)) {
      // any other media type is a file sent as the body itself, with that type: the type must be concrete
      // (the client sends one Content-Type) and the schema a binary string
      if (mediaType.contains("*") || !mediaType.matches("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+")) {
        throw unsupported(at + "/content/" + escape(mediaType), "a " + mediaType + " request body (a binary body needs "
            + "one concrete media type to send)");
      }
      if (!(types.type(schema, schemaAt) instanceof Type.Binary)) {
        throw unsupported(at + "/content/" + escape(mediaType), "a " + mediaType + " request body whose schema is not "
            + "{type: string, format: binary}");
      }
      return new Operation.RequestBody(mediaType, "", body.path("required").asBoolean(false));
    }
    boolean anyValue = schema.has("$ref") ? !types.isModelRef(schema) && types.type(schema, schemaAt) instanceof Type.JsonValue
        : SchemaReader.anyValue(schema);
    if (mediaType.equals(Operation.RequestBody.JSON) && anyValue) {
      return new Operation.RequestBody(mediaType, "", body.path("required").asBoolean(false));
    }
    if (!schema.has("$ref")) throw unsupported(schemaAt, "a request body schema that is not a $ref to a named record");
    String name = types.refName(schema.get("$ref").asText(), schemaAt);
    if (!(models.get(name) instanceof RecordSchema || models.get(name) instanceof Schema.UnionSchema)) {
      throw unsupported(schemaAt, "a request body that is neither an object with properties nor a oneOf of them: " + name);
    }
    return new Operation.RequestBody(mediaType, name, body.path("required").asBoolean(false));
  }

  /**
   * Every body one 2xx response may carry, one per media type, each a named schema: the variants of a
   * result when an operation has more than one.
   */
  private List<Operation.Outcome> outcomes(String at, String statusKey, JsonNode response) {
    JsonNode content = response.path("content");
    List<Operation.Outcome> out = new ArrayList<>();
    if (!statusKey.matches("20[0-9]")) throw unsupported(at, "a 2xx range; name the status");
    for (Map.Entry<String, JsonNode> media : fields(content)) {
      String mediaAt = at + "/content/" + escape(media.getKey());
      JsonNode schema = media.getValue().path("schema");
      Operation.Response one = success(at, statusKey, single(content, media.getKey()));
      String name = schema.has("$ref") ? types.refName(schema.get("$ref").asText(), mediaAt + "/schema") : null;
      out.add(new Operation.Outcome(one.status(), media.getKey(), name == null ? "" : name, one.body(),
          text(response, "description"), notReady(at, response)));
    }
    if (content.isMissingNode() || content.isEmpty()) {
      out.add(new Operation.Outcome(Integer.parseInt(statusKey), "", "", new Operation.NoBody(), text(response, "description"),
          notReady(at, response)));
    }
    return out;
  }

  /** {@code x-audiojobs-not-ready}: a positive {@code intervalSeconds} and where it comes from; null when absent. */
  private @Nullable Integer notReady(String at, JsonNode response) {
    if (!response.has("x-audiojobs-not-ready")) return null;
    JsonNode notReady = response.get("x-audiojobs-not-ready");
    int seconds = notReady.path("intervalSeconds").asInt(0);
    if (seconds <= 0) throw unsupported(at + "/x-audiojobs-not-ready", "a not-ready outcome without a positive intervalSeconds");
    if (notReady.path("intervalSource").asText("").isBlank()) {
      throw unsupported(at + "/x-audiojobs-not-ready", "a not-ready interval without intervalSource: where does it come from?");
    }
    return seconds;
  }

  private static JsonNode single(JsonNode content, String mediaType) {
    com.fasterxml.jackson.databind.node.ObjectNode one = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    one.set(mediaType, content.get(mediaType));
    return one;
  }

  /**
   * The 2xx response: JSON (a named schema or an array of one), text (any {@code text/*} type: text/plain,
   * text/html, text/vtt…, returned as a String decoded in its charset), or no body.
   */
  private Operation.Response success(String at, String statusKey, JsonNode content) {
    if (!statusKey.matches("20[0-9]")) throw unsupported(at, "a 2xx range; name the status");
    int status = Integer.parseInt(statusKey);
    if (content.isMissingNode() || content.isEmpty()) return new Operation.Response(status, new Operation.NoBody());
    if (status == 204) throw unsupported(at + "/content", "a 204 with content");
    String mediaType = content.fieldNames().next();
    String schemaAt = at + "/content/" + escape(mediaType) + "/schema";
    JsonNode schema = content.get(mediaType).path("schema");
    if (mediaType.startsWith("text/")) {
      if (!schema.isMissingNode() && !Type.STRING.equals(types.type(schema, schemaAt))) {
        throw unsupported(schemaAt, "a " + mediaType + " body whose schema is not a string");
      }
      return new Operation.Response(status, new Operation.TextBody());
    }
    if (!mediaType.equals("application/json")) throw unsupported(at + "/content/" + escape(mediaType), "a " + mediaType + " success");
    Type type = types.type(schema, schemaAt);
    boolean named = type instanceof Type.Ref;
    boolean arrayOfNamed = type instanceof Type.ListOf list
        && (list.element() instanceof Type.Ref || list.element() instanceof Type.Scalar);
    if (!named && !arrayOfNamed) {
      throw unsupported(schemaAt, "a JSON success that is neither a named schema nor an array of one or of scalars");
    }
    return new Operation.Response(status, new Operation.JsonBody(type));
  }

  /**
   * A path or query parameter (or a {@code $ref} to one in components/parameters) in the default style of
   * its location ({@code simple} in a path, {@code form} in a query): a scalar, the value alone whatever
   * {@code explode} says, or, in a query only, an array of scalars or enums, sent as {@code ?w=a&w=b} when
   * {@code explode} is true (the default of {@code form}) and as {@code ?w=a,b} when it is false.
   */
  private Parameter parameter(JsonNode node, String declaredAt) {
    SchemaReader.Located located = resolve(node, declaredAt, "parameters");
    JsonNode p = located.node();
    String at = located.at();
    check(p, Keywords.Kind.PARAMETER, at);
    String wire = p.path("name").asText();
    String in = p.path("in").asText();
    if (!in.equals("path") && !in.equals("query")) {
      throw unsupported(at + "/in", "a parameter in " + in + " (the client sends path and query parameters)");
    }
    if (p.has("style") && !p.get("style").asText().equals(in.equals("path") ? "simple" : "form")) {
      throw unsupported(at + "/style", "the style " + p.get("style").asText() + " for a " + in + " parameter");
    }
    if (p.path("allowReserved").asBoolean(false)) {
      throw unsupported(at + "/allowReserved", "reserved characters sent unencoded in a query");
    }
    if (!p.has("schema")) throw unsupported(at, "a parameter without a schema");
    Type type = in.equals("query") ? types.queryParameterType(p.path("schema"), at + "/schema")
        : types.type(p.path("schema"), at + "/schema");
    if (type instanceof Type.Ref ref && models.get(ref.schema()) instanceof Schema.QueryValueSchema && p.has("explode")
        && !p.get("explode").asBoolean(true)) {
      throw unsupported(at + "/explode", "a union query value not exploded (sent as one comma-joined value)");
    }
    boolean explode = p.path("explode").asBoolean(true);
    if (p.has("explode") && !p.get("explode").isBoolean()) throw unsupported(at + "/explode", "an explode that is not a boolean");
    if (type instanceof Type.DoubleList) type = new Type.ListOf(new Type.Scalar(Type.Kind.DOUBLE));
    if (type instanceof Type.JsonValue) throw unsupported(at + "/schema", "a parameter of any JSON value (no type)");
    if (type instanceof Type.ListOf list && in.equals("query")) {
      // An enum is sent as its wire value (its toString), like a scalar.
      boolean enumeration = list.element() instanceof Type.Ref ref && models.get(ref.schema()) instanceof Schema.EnumSchema;
      if (!(list.element() instanceof Type.Scalar) && !enumeration) {
        throw unsupported(at + "/schema/items", "an array query parameter whose items are not scalars or enums");
      }
    } else if (type instanceof Type.ListOf || type instanceof Type.MapOf || type instanceof Type.Binary) {
      throw unsupported(at, "a collection parameter"
          + (type instanceof Type.ListOf ? " in a " + in + " (arrays are sent in a query only)" : ""));
    }
    JsonNode defaultValue = p.path("schema").path("default");
    return new Parameter(wire, in.equals("path") ? Location.PATH : Location.QUERY,
        p.path("required").asBoolean(false), type, text(p, "description"), types.constraints(p.path("schema"), at),
        defaultValue.isValueNode() ? defaultValue.asText() : null, explode);
  }
}
