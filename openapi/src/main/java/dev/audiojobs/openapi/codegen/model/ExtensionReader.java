package dev.audiojobs.openapi.codegen.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.audiojobs.openapi.codegen.model.Operation.Location;
import dev.audiojobs.openapi.codegen.model.Operation.Parameter;
import dev.audiojobs.openapi.codegen.model.Schema.EnumSchema;
import dev.audiojobs.openapi.codegen.model.Schema.RecordSchema;
import dev.audiojobs.openapi.codegen.model.Schema.UnionSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

import static dev.audiojobs.openapi.codegen.model.SpecNodes.SCHEMAS;
import static dev.audiojobs.openapi.codegen.model.SpecNodes.escape;
import static dev.audiojobs.openapi.codegen.model.SpecNodes.strings;
import static dev.audiojobs.openapi.codegen.model.SpecNodes.text;

/**
 * {@link SpecReader}'s part for the {@code x-audiojobs-*} extensions that describe behaviour:
 * webhooks, waiting, paging, uploads and then-wait.
 */
final class ExtensionReader {
  private final JsonNode spec;
  private final JsonNode schemas;
  private final SchemaReader types;
  private final Map<String, Schema> models;
  private final Vendor vendor;

  ExtensionReader(JsonNode spec, SchemaReader types, Vendor vendor) {
    this.spec = spec;
    this.schemas = types.schemas();
    this.types = types;
    this.models = types.models;
    this.vendor = vendor;
  }

  private UnsupportedSpecException unsupported(String where, String what) {
    return new UnsupportedSpecException(vendor.specPath(), where, what);
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
  @Nullable Webhooks webhooks() {
    JsonNode hooks = spec.get("x-audiojobs-webhooks");
    if (hooks == null) return null;
    String at = "#/x-audiojobs-webhooks";
    onlyKeys(hooks, WEBHOOK_KEYS, at);
    String payload = types.refName(requiredText(hooks, "payload", at), at + "/payload");
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

  /**
   * {@code x-audiojobs-upload}: the operation returns a pre-signed URL ({@code urlProperty} of its
   * success record) to PUT a file of at most {@code maxBytes} to. Its JSON request record has exactly one
   * required string property, the name the file is stored under, which the generated {@code upload}
   * takes.
   */
  Operation.Upload upload(String where, JsonNode upload, Operation.RequestBody body, Operation.Response success) {
    String at = where + "/x-audiojobs-upload";
    long maxBytes = upload.path("maxBytes").asLong(0);
    if (maxBytes <= 0) throw unsupported(at, "an upload without a positive maxBytes");
    if (body == null || !body.mediaType().equals(Operation.RequestBody.JSON)) throw unsupported(at, "an upload whose operation has no JSON request body");
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
  void checkThenWait(Api api, Operation operation) {
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
  Operation.Wait wait(String where, JsonNode wait, List<Parameter> params, Operation.Response success) {
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

  /** The {@code limit} a cursor or next-URL paging names, which must be an optional integer parameter; null if none. */
  private @Nullable String optionalLimit(JsonNode paging, String at, List<Parameter> params) {
    if (!paging.has("limit")) return null;
    String limit = paging.get("limit").asText();
    Parameter limitParam = params.stream().filter(p -> p.name().equals(limit)).findFirst()
        .orElseThrow(() -> unsupported(at + "/limit", "a limit that is not a parameter: " + limit));
    if (limitParam.required() || !limitParam.type().equals(new Type.Scalar(Type.Kind.INT))) {
      throw unsupported(at + "/limit", "a limit that is not an optional integer parameter");
    }
    return limit;
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
   * success record's string (null on the last page) or {@code lastItemCursor} the required string of the
   * items' record whose value on a page's last item is the next page's cursor, {@code items} the array,
   * and {@code limit}, if given, an optional integer query parameter.
   */
  Operation.Paging paging(String where, JsonNode paging, List<Parameter> params, Operation.Response success) {
    String at = where + "/x-audiojobs-paging";
    onlyKeys(paging, Set.of("limit", "offset", "total", "items", "cursor", "nextCursor", "lastItemCursor", "nextUrl"), at);
    String model = successModel(success, at);
    Map<String, SchemaReader.Located> declared = types.declared.getOrDefault(model, Map.of());
    String itemsProperty = paging.path("items").asText("");
    JsonNode itemsSchema = node(declared, itemsProperty);
    if (!"array".equals(itemsSchema.path("type").asText())) {
      throw unsupported(at, "items that are not an array property of " + model + ": " + itemsProperty);
    }
    Type item = types.type(itemsSchema.path("items"), declared.get(itemsProperty).at() + "/items");
    Type integer = new Type.Scalar(Type.Kind.INT);
    if (paging.has("nextUrl")) {
      for (String other : List.of("cursor", "nextCursor", "lastItemCursor", "offset", "total")) {
        if (paging.has(other)) throw unsupported(at + "/" + other, "paging by a next-page URL with " + other);
      }
      if (!where.endsWith("/get")) throw unsupported(at + "/nextUrl", "a next-page URL on an operation other than a GET");
      String nextUrl = paging.path("nextUrl").asText("");
      if (!"string".equals(node(declared, nextUrl).path("type").asText())) {
        throw unsupported(at + "/nextUrl", "a nextUrl that is not a string property of " + model + ": " + nextUrl);
      }
      String limit = optionalLimit(paging, at, params);
      return new Operation.NextUrlPaging(nextUrl, itemsProperty, limit, item);
    }
    if (paging.has("cursor")) {
      String cursor = paging.path("cursor").asText("");
      Parameter cursorParam = params.stream().filter(p -> p.name().equals(cursor)).findFirst()
          .orElseThrow(() -> unsupported(at + "/cursor", "a cursor that is not a parameter: " + cursor));
      if (cursorParam.required() || cursorParam.in() != Location.QUERY || !cursorParam.type().equals(Type.STRING)) {
        throw unsupported(at + "/cursor", "a cursor that is not an optional string query parameter");
      }
      if (paging.has("nextCursor") == paging.has("lastItemCursor")) {
        throw unsupported(at, "cursor paging without exactly one of nextCursor (a property of the page) and "
            + "lastItemCursor (a property of its last item)");
      }
      String nextCursor = paging.path("nextCursor").asText("");
      String lastItemCursor = paging.path("lastItemCursor").asText("");
      if (paging.has("nextCursor") && !"string".equals(node(declared, nextCursor).path("type").asText())) {
        throw unsupported(at + "/nextCursor", "a nextCursor that is not a string property of " + model + ": " + nextCursor);
      }
      if (paging.has("lastItemCursor")) {
        Property itemId = item instanceof Type.Ref ref && models.get(ref.schema()) instanceof RecordSchema r
            ? r.property(lastItemCursor).orElse(null) : null;
        if (itemId == null || !itemId.type().equals(Type.STRING) || !itemId.required() || itemId.nullable()) {
          throw unsupported(at + "/lastItemCursor", "a lastItemCursor that is not a required string property of the "
              + "items' record: " + lastItemCursor);
        }
      }
      String limit = optionalLimit(paging, at, params);
      for (String other : List.of("offset", "total")) {
        if (paging.has(other)) throw unsupported(at + "/" + other, "cursor paging with " + other);
      }
      if (paging.has("lastItemCursor")) {
        return new Operation.LastItemCursorPaging(cursor, lastItemCursor, itemsProperty, limit, item);
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
    JsonNode totalSchema = node(declared, totalProperty);
    if (!"integer".equals(totalSchema.path("type").asText())) {
      throw unsupported(at, "a total that is not an integer property of " + model + ": " + totalProperty);
    }
    int defaultLimit = limitParam.defaultValue() == null ? 0 : parsePositive(limitParam.defaultValue());
    if (defaultLimit <= 0) {
      throw unsupported(at, "a limit parameter without a positive default (the page size when none is given)");
    }
    return new Operation.OffsetPaging(limit, offset, itemsProperty, totalProperty, defaultLimit, item);
  }

  /** The schema of a record's property, allOf members merged; a missing node when it has none. */
  private static JsonNode node(Map<String, SchemaReader.Located> declared, String property) {
    SchemaReader.Located located = declared.get(property);
    return located == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : located.node();
  }

  private static int parsePositive(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
