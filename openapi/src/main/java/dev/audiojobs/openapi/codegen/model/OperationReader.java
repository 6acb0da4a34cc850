package dev.audiojobs.openapi.codegen.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.audiojobs.openapi.codegen.model.Operation.HttpMethod;
import dev.audiojobs.openapi.codegen.model.Operation.Location;
import dev.audiojobs.openapi.codegen.model.Operation.Parameter;
import dev.audiojobs.openapi.codegen.model.Schema.RecordSchema;
import java.util.ArrayList;
import java.util.Collections;
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
  private final SchemaReader types;
  private final ExtensionReader extensions;
  private final Map<String, Schema> models;
  private final Vendor vendor;

  OperationReader(SchemaReader types, ExtensionReader extensions, Vendor vendor) {
    this.types = types;
    this.extensions = extensions;
    this.models = types.models;
    this.vendor = vendor;
  }

  private UnsupportedSpecException unsupported(String where, String what) {
    return new UnsupportedSpecException(vendor.specPath(), where, what);
  }

  // ---------------------------------------------------------------- operations

  Operation operation(String path, String method, JsonNode operation) {
    String where = "#/paths/" + escape(path) + "/" + method;
    String id = operation.path("operationId").asText("");
    if (!Pattern.matches("[a-z][A-Za-z0-9]*", id)) {
      throw unsupported(where + "/operationId", "an operationId that is not a Java method name: '" + id + "'");
    }
    List<Parameter> parameters = new ArrayList<>();
    for (int i = 0; i < operation.path("parameters").size(); i++) {
      JsonNode p = operation.path("parameters").get(i);
      String wire = p.path("name").asText();
      String in = p.path("in").asText();
      if (!in.equals("path") && !in.equals("query")) throw unsupported(where, "a parameter in " + in);
      String at = where + "/parameters/" + i;
      Type type = types.type(p.path("schema"), at);
      if (type instanceof Type.ListOf || type instanceof Type.MapOf || type instanceof Type.DoubleList
          || type instanceof Type.Binary) {
        throw unsupported(where, "a collection parameter");
      }
      JsonNode defaultValue = p.path("schema").path("default");
      parameters.add(new Parameter(wire, in.equals("path") ? Location.PATH : Location.QUERY,
          p.path("required").asBoolean(false), type, text(p, "description"), types.constraints(p.path("schema"), at),
          defaultValue.isValueNode() ? defaultValue.asText() : null));
    }
    List<Operation.RequestBody> bodies = operation.has("requestBody")
        ? requestBodies(where, method, operation.get("requestBody")) : List.of();
    Operation.RequestBody body = bodies.isEmpty() ? null : bodies.get(0);
    Operation.Response success = null;
    List<Operation.Outcome> outcomes = new ArrayList<>();
    Map<Integer, String> errors = new TreeMap<>();
    for (Map.Entry<String, JsonNode> response : fields(operation.path("responses"))) {
      String at = where + "/responses/" + escape(response.getKey());
      JsonNode content = response.getValue().path("content");
      if (response.getKey().startsWith("2")) {
        outcomes.addAll(outcomes(at, response.getKey(), response.getValue()));
        if (success == null) success = success(at, response.getKey(), content);
        continue;
      }
      JsonNode schema = content.path("application/json").path("schema");
      if (!schema.has("$ref")) continue; // an error without a JSON model: ApiException keeps the raw body
      if (!response.getKey().matches("[1-5][0-9][0-9]")) {
        throw unsupported(at, "a JSON error response for a status range or default; name each status");
      }
      errors.put(Integer.parseInt(response.getKey()), types.refName(schema.get("$ref").asText(), at));
    }
    if (success == null) throw unsupported(where + "/responses", "an operation without a 2xx response");
    if (outcomes.size() > 1) {
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
        Collections.unmodifiableMap(errors), wait, paging, upload, thenWait, where);
  }

  /**
   * A request body: one media type, {@code application/json} or {@code multipart/form-data}, whose
   * schema is a named record. A body the spec marks optional is still always sent (an empty record is
   * a valid one), so the client method takes it like a required one.
   */
  private List<Operation.RequestBody> requestBodies(String where, String method, JsonNode body) {
    String at = where + "/requestBody";
    if (method.equals("get")) throw unsupported(at, "a request body on a GET");
    if (body.has("$ref")) throw unsupported(at, "a $ref to components/requestBodies; put the body inline");
    JsonNode content = body.path("content");
    if (content.isEmpty()) throw unsupported(at + "/content", "a request body without a media type");
    List<Operation.RequestBody> bodies = new ArrayList<>();
    Set<String> records = new LinkedHashSet<>();
    for (Map.Entry<String, JsonNode> media : fields(content)) {
      Operation.RequestBody one = requestBody(at, media.getKey(), content, body);
      if (!records.add(one.schema())) {
        // the client's methods are overloaded by the body's record, so each media type needs its own
        throw unsupported(at + "/content", "two media types with the same record " + one.schema());
      }
      bodies.add(one);
    }
    return List.copyOf(bodies);
  }

  private Operation.RequestBody requestBody(String at, String mediaType, JsonNode content, JsonNode body) {
    if (!mediaType.equals(Operation.RequestBody.JSON) && !mediaType.equals(Operation.RequestBody.MULTIPART)) {
      throw unsupported(at + "/content/" + escape(mediaType), "a " + mediaType + " request body");
    }
    String schemaAt = at + "/content/" + escape(mediaType) + "/schema";
    JsonNode schema = content.get(mediaType).path("schema");
    if (!schema.has("$ref")) throw unsupported(schemaAt, "a request body schema that is not a $ref to a named record");
    String name = types.refName(schema.get("$ref").asText(), schemaAt);
    if (!(models.get(name) instanceof RecordSchema)) {
      throw unsupported(schemaAt, "a request body that is not an object with properties: " + name);
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

  /** The 2xx response: JSON (a named schema or an array of one), {@code text/plain}, or no body. */
  private Operation.Response success(String at, String statusKey, JsonNode content) {
    if (!statusKey.matches("20[0-9]")) throw unsupported(at, "a 2xx range; name the status");
    int status = Integer.parseInt(statusKey);
    if (content.isMissingNode() || content.isEmpty()) return new Operation.Response(status, new Operation.NoBody());
    if (status == 204) throw unsupported(at + "/content", "a 204 with content");
    String mediaType = content.fieldNames().next();
    String schemaAt = at + "/content/" + escape(mediaType) + "/schema";
    JsonNode schema = content.get(mediaType).path("schema");
    if (mediaType.equals("text/plain")) {
      if (!schema.isMissingNode() && !Type.STRING.equals(types.type(schema, schemaAt))) {
        throw unsupported(schemaAt, "a text/plain body whose schema is not a string");
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
}
