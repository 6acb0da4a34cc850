package dev.audiojobs.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The lint rules for the {@code x-audiojobs-…} extensions the generator reads: each names parameters,
 * properties and operations that exist, with the types the generated code needs.
 *
 * <ul>
 *   <li>{@code x-audiojobs-paging} on an operation, one of three shapes. By offset:
 *       {@code {limit, offset, items, total}}; by a cursor from the page: {@code {cursor, nextCursor, items,
 *       limit}}; by a cursor from the page's last item: {@code {cursor, lastItemCursor, items, limit}}.
 *       {@code limit}, {@code offset} and {@code cursor} name optional query parameters of the
 *       operation (limit and offset integers, cursor a string); {@code items} names an array property
 *       of its 2xx JSON body, {@code total} an integer one, {@code nextCursor} a nullable string one
 *       (null ends the walk), {@code lastItemCursor} a required string property of the named schema of
 *       the items (its value on a page's last item is the next page's cursor). Or by a next-page URL:
 *       {@code {nextUrl, items, limit}}, {@code nextUrl} a nullable string property of the 2xx JSON body.
 *       No other keys.
 *   <li>{@code x-audiojobs-then-wait: {operation, jobIdProperty}}: {@code operation} is the id of an
 *       operation with {@code x-audiojobs-wait} and exactly one required parameter (where the job id
 *       goes); {@code jobIdProperty} is a required string property of this operation's 2xx body.
 *   <li>{@code x-audiojobs-upload: {maxBytes, urlProperty, maxBytesSource}}: a positive integer, a
 *       required string property of the 2xx body (the pre-signed URL), and where the limit is stated.
 *   <li>{@code x-audiojobs-wait: {status, error, …}}: {@code status} is a property of every variant of
 *       the 2xx body whose schema is a named enum with {@code x-audiojobs-terminal}; {@code error} is a
 *       path of property names that some variant has.
 *   <li>{@code x-audiojobs-closed} is a boolean on a named enum. Every enum a request body reaches says
 *       whether it is closed (the client refuses other values before sending) or open; no closed enum
 *       is reachable from a response, which must decode values newer than this client.
 *   <li>{@code x-audiojobs-webhooks: {payload, source, signature}} at the root: {@code payload} is a
 *       {@code $ref} to a named schema; {@code signature} has {@code header}, {@code signedContent} with
 *       {@code {body}} once and {@code {timestamp}} exactly when there is a {@code timestampHeader} (which
 *       then has a non-negative integer {@code toleranceSeconds}), {@code secretEncoding} {@code utf8} or
 *       {@code base64}, and {@code encodings}, a non-empty list of {@code base64} and {@code hex}.
 * </ul>
 */
final class ExtensionLinter {
  private static final String SCHEMAS = "#/components/schemas/";
  private static final Set<String> OFFSET_PAGING = Set.of("limit", "offset", "items", "total");
  private static final Set<String> CURSOR_PAGING = Set.of("cursor", "nextCursor", "items", "limit");
  private static final Set<String> LAST_ITEM_PAGING = Set.of("cursor", "lastItemCursor", "items", "limit");
  private static final Set<String> NEXT_URL_PAGING = Set.of("nextUrl", "items", "limit");

  private final Map<String, JsonNode> schemas = new HashMap<>();
  private final Map<String, ObjectNode> operationsById = new HashMap<>();
  private final List<SpecLinter.Violation> out;

  private ExtensionLinter(ObjectNode document, List<SpecLinter.Violation> out) {
    this.out = out;
    document.path("components").path("schemas").fields().forEachRemaining(e -> schemas.put(e.getKey(), e.getValue()));
    SpecLinter.forEachOperation(document, (path, operation) -> {
      if (operation.path("operationId").isTextual()) operationsById.putIfAbsent(operation.get("operationId").asText(), operation);
    });
  }

  /** Adds every extension violation of {@code document} to {@code out}, in document order. */
  static void lint(ObjectNode document, List<SpecLinter.Violation> out) {
    ExtensionLinter linter = new ExtensionLinter(document, out);
    SpecLinter.forEachOperation(document, linter::operation);
    linter.closedEnums(document);
    if (document.has("x-audiojobs-webhooks")) linter.webhooks(document.get("x-audiojobs-webhooks"));
  }

  // ---------------------------------------------------------------- x-audiojobs-webhooks

  private void webhooks(JsonNode hooks) {
    String at = "$.x-audiojobs-webhooks";
    if (!hooks.isObject()) {
      violation(at, "is a mapping {payload, source, signature}");
      return;
    }
    hooks.fieldNames().forEachRemaining(key -> {
      if (!Set.of("payload", "source", "signature").contains(key)) violation(at + "." + key, "not a key of this extension [payload, signature, source]");
    });
    String payload = hooks.path("payload").asText("");
    if (!payload.startsWith(SCHEMAS) || !schemas.containsKey(payload.substring(SCHEMAS.length()))) {
      violation(at + ".payload", "names no schema of components/schemas: " + (payload.isEmpty() ? "(missing)" : payload));
    }
    if (hooks.path("source").asText("").isBlank()) violation(at + ".source", "says where the vendor documents the scheme");
    JsonNode signature = hooks.path("signature");
    String sat = at + ".signature";
    if (!signature.isObject()) {
      violation(sat, "is a mapping {header, timestampHeader, signedContent, secretEncoding, encodings, toleranceSeconds}");
      return;
    }
    if (signature.path("header").asText("").isBlank()) violation(sat + ".header", "names the signature header");
    boolean timed = signature.has("timestampHeader");
    String content = signature.path("signedContent").asText("");
    if (content.split("\\{body}", -1).length != 2) violation(sat + ".signedContent", "contains {body} exactly once: " + content);
    if (content.contains("{timestamp}") != timed) {
      violation(sat + ".signedContent", timed
          ? "does not sign {timestamp}, so timestampHeader would not be protected"
          : "contains {timestamp} but there is no timestampHeader");
    }
    JsonNode tolerance = signature.path("toleranceSeconds");
    if (timed != signature.has("toleranceSeconds") || (timed && (!tolerance.isIntegralNumber() || tolerance.asLong() < 0))) {
      violation(sat + ".toleranceSeconds", "is a non-negative integer, given exactly when there is a timestampHeader");
    }
    if (!Set.of("utf8", "base64").contains(signature.path("secretEncoding").asText(""))) {
      violation(sat + ".secretEncoding", "is utf8 or base64");
    }
    JsonNode encodings = signature.path("encodings");
    boolean valid = encodings.isArray() && !encodings.isEmpty();
    for (JsonNode e : encodings) valid &= Set.of("base64", "hex").contains(e.asText(""));
    if (!valid) violation(sat + ".encodings", "is a non-empty list of base64 and hex");
  }

  private void operation(String path, ObjectNode operation) {
    String success = successSchema(operation);
    if (operation.has("x-audiojobs-paging")) paging(path + ".x-audiojobs-paging", operation, success);
    if (operation.has("x-audiojobs-then-wait")) thenWait(path + ".x-audiojobs-then-wait", operation, success);
    if (operation.has("x-audiojobs-upload")) upload(path + ".x-audiojobs-upload", operation, success);
    if (operation.has("x-audiojobs-wait")) waitRule(path + ".x-audiojobs-wait", operation, success);
  }

  // ---------------------------------------------------------------- x-audiojobs-paging

  private void paging(String at, ObjectNode operation, String success) {
    JsonNode paging = operation.get("x-audiojobs-paging");
    Set<String> keys = new TreeSet<>();
    paging.fieldNames().forEachRemaining(keys::add);
    boolean byCursor = keys.contains("cursor");
    boolean byUrl = keys.contains("nextUrl") && !byCursor && !keys.contains("offset");
    if (byCursor == keys.contains("offset") && !byUrl) {
      violation(at, "pages either by offset {limit, offset, items, total} or by cursor {cursor, nextCursor, items, limit} "
          + "or {cursor, lastItemCursor, items, limit} or by URL {nextUrl, items, limit}, found " + keys);
      return;
    }
    boolean byLastItem = byCursor && keys.contains("lastItemCursor");
    Set<String> shape = byUrl ? NEXT_URL_PAGING : byLastItem ? LAST_ITEM_PAGING : byCursor ? CURSOR_PAGING : OFFSET_PAGING;
    String kind = byUrl ? "URL" : byCursor ? "cursor" : "offset";
    for (String key : keys) {
      if (!shape.contains(key)) violation(at + "." + key, "not a key of paging by " + kind + " " + shape);
    }
    for (String key : new TreeSet<>(shape)) {
      if (!paging.path(key).isTextual()) violation(at + "." + key, "paging by " + kind + " names its " + key);
    }
    queryParameter(at + ".limit", operation, paging.path("limit").asText(""), "integer");
    if (byCursor) queryParameter(at + ".cursor", operation, paging.path("cursor").asText(""), "string");
    else if (!byUrl) queryParameter(at + ".offset", operation, paging.path("offset").asText(""), "integer");
    if (success == null) {
      violation(at, "the operation has no 2xx JSON body named in components/schemas to page through");
      return;
    }
    JsonNode items = property(success, paging.path("items").asText(""));
    if (items == null || !"array".equals(items.path("type").asText())) {
      violation(at + ".items", "names no array property of " + success + ": " + paging.path("items").asText(""));
    }
    if (byUrl) {
      String name = paging.path("nextUrl").asText("");
      JsonNode next = property(success, name);
      if (next == null || !"string".equals(next.path("type").asText()) || !next.path("nullable").asBoolean(false)) {
        violation(at + ".nextUrl", "names no nullable string property of " + success + " (null ends the walk): " + name);
      }
    } else if (byLastItem) {
      String name = paging.path("lastItemCursor").asText("");
      String item = items == null ? null : refName(items.path("items"));
      if (item == null || !schemas.containsKey(item)) {
        violation(at + ".lastItemCursor", "needs items that are a named schema, to read " + name + " from the last one");
      } else {
        requiredString(at + ".lastItemCursor", item, name);
      }
    } else if (byCursor) {
      String name = paging.path("nextCursor").asText("");
      JsonNode next = property(success, name);
      if (next == null || !"string".equals(next.path("type").asText()) || !next.path("nullable").asBoolean(false)) {
        violation(at + ".nextCursor", "names no nullable string property of " + success + " (null ends the walk): " + name);
      }
    } else {
      JsonNode total = property(success, paging.path("total").asText(""));
      if (total == null || !"integer".equals(resolve(total).path("type").asText())) {
        violation(at + ".total", "names no integer property of " + success + ": " + paging.path("total").asText(""));
      }
    }
  }

  private void queryParameter(String at, ObjectNode operation, String name, String type) {
    if (name.isEmpty()) return; // reported as a missing key
    for (JsonNode parameter : operation.path("parameters")) {
      if (!parameter.path("name").asText().equals(name)) continue;
      if (!"query".equals(parameter.path("in").asText()) || parameter.path("required").asBoolean(false)) {
        violation(at, "names " + name + ", which is not an optional query parameter");
      } else if (!type.equals(resolve(parameter.path("schema")).path("type").asText())) {
        violation(at, "names " + name + ", which is not of type " + type);
      }
      return;
    }
    violation(at, "names no parameter of the operation: " + name);
  }

  // ---------------------------------------------------------------- x-audiojobs-then-wait

  private void thenWait(String at, ObjectNode operation, String success) {
    JsonNode thenWait = operation.get("x-audiojobs-then-wait");
    onlyKeys(at, thenWait, Set.of("operation", "jobIdProperty"));
    String target = thenWait.path("operation").asText("");
    ObjectNode waited = operationsById.get(target);
    if (waited == null) {
      violation(at + ".operation", "names no operation of this spec: " + target);
    } else if (!waited.has("x-audiojobs-wait")) {
      violation(at + ".operation", target + " has no x-audiojobs-wait, so nothing says how to wait with it");
    } else {
      int required = 0;
      for (JsonNode parameter : waited.path("parameters")) if (parameter.path("required").asBoolean(false)) required++;
      if (required != 1) {
        violation(at + ".operation", target + " takes " + required + " required parameters; the job id needs exactly one place");
      }
    }
    requiredString(at + ".jobIdProperty", success, thenWait.path("jobIdProperty").asText(""));
  }

  // ---------------------------------------------------------------- x-audiojobs-upload

  private void upload(String at, ObjectNode operation, String success) {
    JsonNode upload = operation.get("x-audiojobs-upload");
    onlyKeys(at, upload, Set.of("maxBytes", "urlProperty", "maxBytesSource"));
    JsonNode maxBytes = upload.path("maxBytes");
    if (!maxBytes.canConvertToLong() || !maxBytes.isIntegralNumber() || maxBytes.asLong() <= 0) {
      violation(at + ".maxBytes", "is a positive whole number of bytes, found " + maxBytes);
    }
    if (upload.path("maxBytesSource").asText("").isBlank()) {
      violation(at + ".maxBytesSource", "says where the limit is stated (doc <url> or inferred (why))");
    }
    requiredString(at + ".urlProperty", success, upload.path("urlProperty").asText(""));
  }

  // ---------------------------------------------------------------- x-audiojobs-wait

  private void waitRule(String at, ObjectNode operation, String success) {
    JsonNode wait = operation.get("x-audiojobs-wait");
    if (success == null) {
      violation(at, "the operation has no 2xx JSON body named in components/schemas to read a status from");
      return;
    }
    String status = wait.path("status").asText("");
    List<String> variants = variants(success);
    for (String variant : variants) {
      JsonNode statusSchema = schemas.get(variant).path("properties").get(status);
      String enumName = statusSchema == null ? null : namedType(statusSchema);
      if (enumName == null || !schemas.containsKey(enumName) || !schemas.get(enumName).has("x-audiojobs-terminal")) {
        violation(at + ".status", variant + "." + status + " is not a named enum with x-audiojobs-terminal");
      }
    }
    JsonNode error = wait.path("error");
    if (!error.isArray() || error.isEmpty()) {
      violation(at + ".error", "is the path of property names to the vendor's error text, e.g. [output, error]");
      return;
    }
    List<String> current = variants;
    for (JsonNode step : error) {
      List<String> next = new ArrayList<>();
      boolean leaf = false;
      for (String model : current) {
        JsonNode property = schemas.get(model).path("properties").get(step.asText());
        if (property == null) continue;
        String ref = refName(property);
        if (ref != null && schemas.containsKey(ref)) next.addAll(variants(ref));
        else leaf = true;
      }
      if (next.isEmpty() && !leaf) {
        violation(at + ".error", "no variant of " + success + " has " + error + " (stops at " + step.asText() + ")");
        return;
      }
      current = next;
    }
  }

  // ---------------------------------------------------------------- x-audiojobs-closed

  private void closedEnums(ObjectNode document) {
    Set<String> fromRequests = new LinkedHashSet<>();
    Set<String> fromResponses = new LinkedHashSet<>();
    SpecLinter.forEachOperation(document, (path, operation) -> {
      operation.path("requestBody").path("content").forEach(media -> reach(media.path("schema"), fromRequests));
      operation.path("responses").forEach(response -> response.path("content").forEach(media -> reach(media.path("schema"), fromResponses)));
    });
    for (Map.Entry<String, JsonNode> entry : new java.util.TreeMap<>(schemas).entrySet()) {
      String name = entry.getKey();
      JsonNode schema = entry.getValue();
      String at = JsonPaths.child("$.components.schemas", name) + ".x-audiojobs-closed";
      JsonNode closed = schema.get("x-audiojobs-closed");
      if (closed != null && (!closed.isBoolean() || !schema.has("enum"))) {
        violation(at, "is true or false, on a named enum only");
        continue;
      }
      if (!schema.has("enum")) continue;
      if (fromRequests.contains(name) && closed == null) {
        violation(at, "a request body sends " + name + ": say whether the client may send only its values (true)"
            + " or any value (false)");
      }
      if (fromResponses.contains(name) && closed != null && closed.asBoolean()) {
        violation(at, "a response reaches " + name + ", and a closed enum cannot decode a value newer than this client");
      }
    }
  }

  /** Adds every named schema {@code schema} reaches to {@code reached}. */
  private void reach(JsonNode schema, Set<String> reached) {
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.add(schema);
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      String ref = refName(node);
      if (ref != null) {
        if (schemas.containsKey(ref) && reached.add(ref)) pending.add(schemas.get(ref));
        continue;
      }
      node.path("properties").forEach(pending::add);
      if (node.get("items") != null) pending.add(node.get("items"));
      if (node.get("additionalProperties") instanceof ObjectNode values) pending.add(values);
      for (String composition : List.of("allOf", "anyOf", "oneOf")) node.path(composition).forEach(pending::add);
    }
  }

  // ---------------------------------------------------------------- helpers

  /** The named schema of the operation's first 2xx {@code application/json} body, or null. */
  private String successSchema(ObjectNode operation) {
    for (Iterator<Map.Entry<String, JsonNode>> it = operation.path("responses").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> response = it.next();
      if (!response.getKey().startsWith("2")) continue;
      String ref = refName(response.getValue().path("content").path("application/json").path("schema"));
      if (ref != null && schemas.containsKey(ref)) return ref;
    }
    return null;
  }

  /** A union's variants, or the schema itself. */
  private List<String> variants(String name) {
    JsonNode schema = schemas.get(name);
    if (!schema.has("oneOf")) return List.of(name);
    List<String> variants = new ArrayList<>();
    for (JsonNode member : schema.get("oneOf")) {
      String ref = refName(member);
      if (ref != null && schemas.containsKey(ref)) variants.add(ref);
    }
    return variants;
  }

  private JsonNode property(String model, String name) {
    return model == null ? null : schemas.get(model).path("properties").get(name);
  }

  private void requiredString(String at, String model, String name) {
    if (model == null) {
      violation(at, "the operation has no 2xx JSON body named in components/schemas to read " + name + " from");
      return;
    }
    JsonNode property = property(model, name);
    boolean required = false;
    for (JsonNode r : schemas.get(model).path("required")) required |= r.asText().equals(name);
    if (property == null || !"string".equals(resolve(property).path("type").asText()) || !required) {
      violation(at, "names no required string property of " + model + ": " + name);
    }
  }

  private JsonNode resolve(JsonNode schema) {
    String ref = refName(schema);
    return ref != null && schemas.containsKey(ref) ? schemas.get(ref) : schema;
  }

  /** The named schema a property is, directly or narrowed ({@code enum} beside {@code allOf: [$ref]}). */
  private static String namedType(JsonNode schema) {
    String ref = refName(schema);
    JsonNode allOf = schema.path("allOf");
    return ref != null || allOf.size() != 1 ? ref : refName(allOf.get(0));
  }

  private static String refName(JsonNode schema) {
    String ref = schema.path("$ref").asText("");
    return ref.startsWith(SCHEMAS) ? ref.substring(SCHEMAS.length()) : null;
  }

  private void onlyKeys(String at, JsonNode extension, Set<String> allowed) {
    if (!extension.isObject()) {
      violation(at, "is a mapping with " + new TreeSet<>(allowed));
      return;
    }
    extension.fieldNames().forEachRemaining(key -> {
      if (!allowed.contains(key)) violation(at + "." + key, "not a key of this extension " + new TreeSet<>(allowed));
    });
  }

  private void violation(String path, String problem) {
    out.add(new SpecLinter.Violation(path, problem));
  }
}
