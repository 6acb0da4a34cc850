package dev.audiojobs.openapi.codegen.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.audiojobs.openapi.codegen.model.Operation.HttpMethod;
import dev.audiojobs.openapi.codegen.model.Operation.Location;
import dev.audiojobs.openapi.codegen.model.Operation.Parameter;
import dev.audiojobs.openapi.codegen.model.Schema.EnumSchema;
import dev.audiojobs.openapi.codegen.model.Schema.RecordSchema;
import dev.audiojobs.openapi.codegen.model.Schema.UnionSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a normalized spec into an {@link Api}: the one place that interprets the spec.
 *
 * <p>Only what the normalized spec states is read. Union selection rules come from the spec's
 * {@code discriminator} and {@code x-audiojobs-select}; terminal statuses from
 * {@code x-audiojobs-terminal}; nothing here knows a vendor. A construct the generator does not
 * support (an inline enum, a header parameter, a {@code PATCH}) is an {@link UnsupportedSpecException}
 * naming its JSON pointer, never a silent guess.
 */
public final class SpecReader {
  private static final String SCHEMAS = "#/components/schemas/";
  private static final Pattern CLASS_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  private final JsonNode spec;
  private final JsonNode schemas;
  private final Vendor vendor;
  /** Every named schema, read before the operations that refer to them. */
  private final SortedMap<String, Schema> models = new TreeMap<>();

  private SpecReader(JsonNode spec, Vendor vendor) {
    this.spec = spec;
    this.schemas = spec.path("components").path("schemas");
    this.vendor = vendor;
  }

  /**
   * Reads {@code spec}, the normalized spec of {@code vendor}.
   *
   * @throws UnsupportedSpecException for the first construct the generator does not support
   */
  public static Api read(JsonNode spec, Vendor vendor) {
    return new SpecReader(spec, vendor).api();
  }

  private Api api() {
    for (Map.Entry<String, JsonNode> e : fields(schemas)) {
      Schema model = schema(e.getKey(), e.getValue());
      if (model != null) models.put(e.getKey(), model);
    }
    String server = spec.path("servers").path(0).path("url").asText("");
    if (server.isEmpty()) throw unsupported("#/servers", "a spec without a server URL");
    String title = spec.path("info").path("title").asText(vendor.token());
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : fields(spec.path("paths"))) {
      for (Map.Entry<String, JsonNode> entry : fields(path.getValue())) {
        String where = "#/paths/" + escape(path.getKey()) + "/" + entry.getKey();
        if (METHODS.contains(entry.getKey()) && !List.of("get", "put", "post", "delete").contains(entry.getKey())) {
          throw unsupported(where, "the HTTP method " + entry.getKey().toUpperCase(Locale.ROOT));
        }
      }
      for (String method : List.of("get", "put", "post", "delete")) {
        JsonNode operation = path.getValue().get(method);
        if (operation != null) operations.add(operation(path.getKey(), method, operation));
      }
    }
    new RequestRecords(models, schemas, vendor.specPath()).mark(operations);
    Api api = new Api(vendor, title, server, List.copyOf(operations), Collections.unmodifiableSortedMap(models),
        Optional.ofNullable(webhooks()));
    for (Operation operation : operations) {
      if (operation.thenWait() != null) checkThenWait(api, operation);
    }
    return api;
  }

  private static final Set<String> WEBHOOK_KEYS = Set.of("payload", "source", "signature");
  private static final Set<String> SIGNATURE_KEYS =
      Set.of("header", "timestampHeader", "signedContent", "secretEncoding", "encodings", "toleranceSeconds");

  /**
   * {@code x-audiojobs-webhooks: {payload, source, signature: {header, timestampHeader?, signedContent,
   * secretEncoding, encodings, toleranceSeconds?}}} at the spec's root: the payload is a named schema;
   * a tolerance goes with a timestamp header and only with one. The template itself is checked by the
   * runtime's {@code WebhookScheme} when the generated class loads, and by the generator's tests.
   */
  private @Nullable Webhooks webhooks() {
    JsonNode hooks = spec.get("x-audiojobs-webhooks");
    if (hooks == null) return null;
    String at = "#/x-audiojobs-webhooks";
    onlyKeys(hooks, WEBHOOK_KEYS, at);
    String payload = refName(requiredText(hooks, "payload", at), at + "/payload");
    String source = requiredText(hooks, "source", at);
    JsonNode signature = hooks.path("signature");
    String sat = at + "/signature";
    if (!signature.isObject()) throw unsupported(sat, "webhooks without a signature object");
    onlyKeys(signature, SIGNATURE_KEYS, sat);
    String timestampHeader = signature.has("timestampHeader") ? requiredText(signature, "timestampHeader", sat) : null;
    Long tolerance = null;
    if (signature.has("toleranceSeconds")) {
      JsonNode t = signature.get("toleranceSeconds");
      if (!t.canConvertToLong() || !t.isIntegralNumber() || t.asLong() < 0) {
        throw unsupported(sat + "/toleranceSeconds", "a tolerance that is not a non-negative integer: " + t);
      }
      tolerance = t.asLong();
    }
    if ((tolerance == null) != (timestampHeader == null)) {
      throw unsupported(sat, "toleranceSeconds without timestampHeader, or timestampHeader without toleranceSeconds");
    }
    String secretEncoding = requiredText(signature, "secretEncoding", sat);
    if (!List.of("utf8", "base64").contains(secretEncoding)) {
      throw unsupported(sat + "/secretEncoding", "a secret encoding other than utf8 or base64: " + secretEncoding);
    }
    List<String> encodings = List.copyOf(strings(signature.path("encodings")));
    if (encodings.isEmpty() || !List.of("base64", "hex").containsAll(encodings)) {
      throw unsupported(sat + "/encodings", "signature encodings other than a non-empty list of base64 and hex: " + encodings);
    }
    return new Webhooks(payload, source, requiredText(signature, "header", sat), timestampHeader,
        requiredText(signature, "signedContent", sat), secretEncoding, List.copyOf(encodings), tolerance);
  }

  private void onlyKeys(JsonNode node, Set<String> allowed, String at) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) throw unsupported(at + "/" + name, "an unknown key; expected " + new java.util.TreeSet<>(allowed));
    }
  }

  private String requiredText(JsonNode node, String key, String at) {
    JsonNode value = node.get(key);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw unsupported(at + "/" + key, "a missing or blank " + key);
    }
    return value.asText();
  }

  /** A JSON pointer segment: {@code /v1/jobs} → {@code ~1v1~1jobs}. */
  static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  // ---------------------------------------------------------------- types

  private Type type(JsonNode schema, String where) {
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

  private UnsupportedSpecException unsupported(String where, String what) {
    return new UnsupportedSpecException(vendor.specPath(), where, what);
  }

  /**
   * The constraints of {@code schema}. Only request values are checked against them (see
   * {@link #checkRequestConstraints}); a response is decoded whatever they say.
   */
  private Constraints constraints(JsonNode schema, String where) {
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
  private @Nullable Schema schema(String name, JsonNode schema) {
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

  // ---------------------------------------------------------------- operations

  private Operation operation(String path, String method, JsonNode operation) {
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
      Type type = type(p.path("schema"), at);
      if (type instanceof Type.ListOf || type instanceof Type.MapOf || type instanceof Type.DoubleList
          || type instanceof Type.Binary) {
        throw unsupported(where, "a collection parameter");
      }
      JsonNode defaultValue = p.path("schema").path("default");
      parameters.add(new Parameter(wire, in.equals("path") ? Location.PATH : Location.QUERY,
          p.path("required").asBoolean(false), type, text(p, "description"), constraints(p.path("schema"), at),
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
      errors.put(Integer.parseInt(response.getKey()), refName(schema.get("$ref").asText(), at));
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
        ? wait(where, operation.get("x-audiojobs-wait"), parameters, success) : null;
    Operation.Paging paging = operation.has("x-audiojobs-paging")
        ? paging(where, operation.get("x-audiojobs-paging"), parameters, success) : null;
    Operation.Upload upload = operation.has("x-audiojobs-upload")
        ? upload(where, operation.get("x-audiojobs-upload"), body, success) : null;
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
    String name = refName(schema.get("$ref").asText(), schemaAt);
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
      String name = schema.has("$ref") ? refName(schema.get("$ref").asText(), mediaAt + "/schema") : null;
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
      if (!schema.isMissingNode() && !Type.STRING.equals(type(schema, schemaAt))) {
        throw unsupported(schemaAt, "a text/plain body whose schema is not a string");
      }
      return new Operation.Response(status, new Operation.TextBody());
    }
    if (!mediaType.equals("application/json")) throw unsupported(at + "/content/" + escape(mediaType), "a " + mediaType + " success");
    Type type = type(schema, schemaAt);
    boolean named = type instanceof Type.Ref;
    boolean arrayOfNamed = type instanceof Type.ListOf list
        && (list.element() instanceof Type.Ref || list.element() instanceof Type.Scalar);
    if (!named && !arrayOfNamed) {
      throw unsupported(schemaAt, "a JSON success that is neither a named schema nor an array of one or of scalars");
    }
    return new Operation.Response(status, new Operation.JsonBody(type));
  }

  /**
   * {@code x-audiojobs-upload}: the operation returns a pre-signed URL ({@code urlProperty} of its
   * success record) to PUT a file of at most {@code maxBytes} to. Its JSON request record has exactly one
   * required string property, the name the file is stored under, which the generated {@code upload}
   * takes.
   */
  private Operation.Upload upload(String where, JsonNode upload, Operation.RequestBody body, Operation.Response success) {
    String at = where + "/x-audiojobs-upload";
    long maxBytes = upload.path("maxBytes").asLong(0);
    if (maxBytes <= 0) throw unsupported(at, "an upload without a positive maxBytes");
    if (body == null || body.multipart()) throw unsupported(at, "an upload whose operation has no JSON request body");
    List<Property> required = ((RecordSchema) models.get(body.schema())).properties().stream()
        .filter(Property::required).toList();
    if (required.size() != 1 || !required.get(0).type().equals(Type.STRING)) {
      throw unsupported(at, "an upload whose request record does not have exactly one required string property");
    }
    String urlProperty = upload.path("urlProperty").asText("");
    Property url = models.get(successModel(success, at)) instanceof RecordSchema r ? r.property(urlProperty).orElse(null) : null;
    if (url == null || !url.type().equals(Type.STRING) || !url.required() || url.nullable()) {
      throw unsupported(at + "/urlProperty", "a URL property that is not a required string of the success record: " + urlProperty);
    }
    return new Operation.Upload(maxBytes, urlProperty);
  }

  /**
   * {@code x-audiojobs-then-wait}: {@code operation} is an operation with {@code x-audiojobs-wait}, and
   * {@code jobIdProperty} a required string of this operation's success record.
   */
  private void checkThenWait(Api api, Operation operation) {
    String at = operation.pointer() + "/x-audiojobs-then-wait";
    Operation.ThenWait then = operation.thenWait();
    Operation waited = api.operation(then.operation()).orElseThrow(
        () -> unsupported(at + "/operation", "waiting with an operation that does not exist: " + then.operation()));
    if (waited.waiting() == null) {
      throw unsupported(at + "/operation", "waiting with an operation without x-audiojobs-wait: " + then.operation());
    }
    Property jobId = models.get(successModel(operation.success(), at)) instanceof RecordSchema r
        ? r.property(then.jobIdProperty()).orElse(null) : null;
    if (jobId == null || !jobId.type().equals(Type.STRING) || !jobId.required() || jobId.nullable()) {
      throw unsupported(at + "/jobIdProperty", "a job id that is not a required string of the success record: "
          + then.jobIdProperty());
    }
  }

  /**
   * {@code x-audiojobs-wait}: {@code status} names the property holding the job's status, an enum with
   * {@code x-audiojobs-terminal}; {@code error} the path of the vendor's error text in the job's JSON;
   * {@code intervalSeconds} the vendor's polling interval and {@code intervalSource} where it comes from.
   * The operation must take exactly one parameter, the job id.
   */
  private Operation.Wait wait(String where, JsonNode wait, List<Parameter> params, Operation.Response success) {
    String at = where + "/x-audiojobs-wait";
    if (params.size() != 1 || !params.get(0).required() || !params.get(0).type().equals(Type.STRING)) {
      throw unsupported(at, "waiting on an operation whose only parameter is not a required string (the job id)");
    }
    String model = successModel(success, at);
    String statusProperty = wait.path("status").asText("");
    Property status = sharedProperty(model, statusProperty);
    if (status == null) {
      throw unsupported(at, "a status property that " + model + " does not have on every variant: " + statusProperty);
    }
    if (!(status.type() instanceof Type.Ref ref) || !(models.get(ref.schema()) instanceof EnumSchema statusEnum)) {
      throw unsupported(at + "/status", "a status that is not an enum schema");
    }
    if (statusEnum.terminal().isEmpty()) {
      throw unsupported(at, "a status enum without x-audiojobs-terminal: " + statusEnum.name());
    }
    int seconds = wait.path("intervalSeconds").asInt(0);
    if (seconds <= 0) throw unsupported(at, "a wait without a positive intervalSeconds");
    String source = wait.path("intervalSource").asText("");
    if (source.isBlank()) throw unsupported(at, "a wait without intervalSource: where does the interval come from?");
    List<String> errorPath = new ArrayList<>();
    wait.path("error").forEach(e -> errorPath.add(e.asText()));
    return new Operation.Wait(statusProperty, statusEnum.name(), List.copyOf(errorPath), seconds, source);
  }

  /** The name of the operation's JSON success record or union. */
  private String successModel(Operation.Response success, String at) {
    if (success.body() instanceof Operation.JsonBody json && json.type() instanceof Type.Ref ref) {
      return ref.schema();
    }
    throw unsupported(at, "an extension on an operation whose success body is not a named JSON schema");
  }

  /** {@code property} of a record, or of the first variant of a union when every variant has it; else null. */
  private @Nullable Property sharedProperty(String model, String property) {
    Schema schema = models.get(model);
    if (schema instanceof UnionSchema union) {
      for (String member : union.members()) {
        if (!(models.get(member) instanceof RecordSchema r) || r.property(property).isEmpty()) return null;
      }
      return ((RecordSchema) models.get(union.members().get(0))).property(property).orElseThrow();
    }
    if (schema instanceof RecordSchema record) return record.property(property).orElse(null);
    return null;
  }

  /**
   * {@code x-audiojobs-paging}, offset or cursor. Offset: {@code limit} and {@code offset} name optional
   * integer query parameters, {@code items} the array and {@code total} the integer count of the success
   * record. Cursor: {@code cursor} names an optional string query parameter, {@code nextCursor} the
   * success record's string (null on the last page), {@code items} the array, and {@code limit}, if
   * given, an optional integer query parameter.
   */
  private Operation.Paging paging(String where, JsonNode paging, List<Parameter> params, Operation.Response success) {
    String at = where + "/x-audiojobs-paging";
    String model = successModel(success, at);
    JsonNode schema = schemas.get(model);
    String itemsProperty = paging.path("items").asText("");
    JsonNode itemsSchema = schema.path("properties").path(itemsProperty);
    if (!"array".equals(itemsSchema.path("type").asText())) {
      throw unsupported(at, "items that are not an array property of " + model + ": " + itemsProperty);
    }
    Type item = type(itemsSchema.path("items"), SCHEMAS + model + "/properties/" + escape(itemsProperty) + "/items");
    Type integer = new Type.Scalar(Type.Kind.INT);
    if (paging.has("cursor")) {
      String cursor = paging.path("cursor").asText("");
      Parameter cursorParam = params.stream().filter(p -> p.name().equals(cursor)).findFirst()
          .orElseThrow(() -> unsupported(at + "/cursor", "a cursor that is not a parameter: " + cursor));
      if (cursorParam.required() || cursorParam.in() != Location.QUERY || !cursorParam.type().equals(Type.STRING)) {
        throw unsupported(at + "/cursor", "a cursor that is not an optional string query parameter");
      }
      String nextCursor = paging.path("nextCursor").asText("");
      JsonNode next = schema.path("properties").path(nextCursor);
      if (!"string".equals(next.path("type").asText())) {
        throw unsupported(at + "/nextCursor", "a nextCursor that is not a string property of " + model + ": " + nextCursor);
      }
      String limit = paging.has("limit") ? paging.get("limit").asText() : null;
      if (limit != null) {
        Parameter limitParam = params.stream().filter(p -> p.name().equals(limit)).findFirst()
            .orElseThrow(() -> unsupported(at + "/limit", "a limit that is not a parameter: " + limit));
        if (limitParam.required() || !limitParam.type().equals(integer)) {
          throw unsupported(at + "/limit", "a limit that is not an optional integer parameter");
        }
      }
      for (String other : List.of("offset", "total")) {
        if (paging.has(other)) throw unsupported(at + "/" + other, "cursor paging with " + other);
      }
      return new Operation.CursorPaging(cursor, nextCursor, itemsProperty, limit, item);
    }
    String limit = paging.path("limit").asText("");
    String offset = paging.path("offset").asText("");
    Parameter limitParam = params.stream().filter(p -> p.name().equals(limit)).findFirst()
        .orElseThrow(() -> unsupported(at, "a limit that is not a parameter: " + limit));
    Parameter offsetParam = params.stream().filter(p -> p.name().equals(offset)).findFirst()
        .orElseThrow(() -> unsupported(at, "an offset that is not a parameter: " + offset));
    if (limitParam.required() || offsetParam.required() || !limitParam.type().equals(integer)
        || !offsetParam.type().equals(integer)) {
      throw unsupported(at, "a limit or offset that is not an optional integer parameter");
    }
    String totalProperty = paging.path("total").asText("");
    JsonNode totalSchema = schema.path("properties").path(totalProperty);
    if (!"integer".equals(totalSchema.path("type").asText())) {
      throw unsupported(at, "a total that is not an integer property of " + model + ": " + totalProperty);
    }
    int defaultLimit = limitParam.defaultValue() == null ? 0 : parsePositive(limitParam.defaultValue());
    if (defaultLimit <= 0) {
      throw unsupported(at, "a limit parameter without a positive default (the page size when none is given)");
    }
    return new Operation.OffsetPaging(limit, offset, itemsProperty, totalProperty, defaultLimit, item);
  }

  private static int parsePositive(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  // ---------------------------------------------------------------- JSON helpers

  private static String text(JsonNode node, String field) {
    return node.path(field).asText("");
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new LinkedHashSet<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    return () -> {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      return fields;
    };
  }
}
