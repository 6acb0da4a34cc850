package dev.audiojobs.openapi.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a vendor's committed normalized spec with a candidate one along what this client reads:
 * each operation's parameters, security, servers, response statuses, media types and the response
 * schemas reachable from them, and judges every difference by this client's real tolerance.
 *
 * <p>The rules, and why:
 * <ul>
 *   <li>Response property added (optional or required): SAFE, decoding keeps unknown properties in {@code extras()}.
 *   <li>Response property removed or renamed: BREAKING, the generated model reads it.
 *   <li>Required property made optional: BREAKING, the client throws a decode error when it is absent.
 *       Optional made required: SAFE.
 *   <li>Type or format changed: BREAKING (number→integer is SAFE: every integer decodes as a number).
 *   <li>Nullable added to a required property: BREAKING (null is a decode error); to an optional one: SAFE
 *       (the client decodes null as absent). Nullable removed: SAFE.
 *   <li>Enum value added: SAFE, enums are open. Removed: SAFE in a response, BREAKING in a parameter (the
 *       client may send it).
 *   <li>Union branch added: SAFE (the Unknown variant keeps it); removed: BREAKING.
 *   <li>Operation removed or moved, new required parameter, parameter removed, auth scheme, server URL or
 *       media type changed, declared response removed: BREAKING. Added operation, optional parameter,
 *       declared response, media type: SAFE.
 *   <li>Descriptions, summaries, examples, titles, {@code x-audiojobs-source}: SAFE, documentation.
 *       Validation keywords (minimum, pattern, default…): SAFE, the client validates neither side.
 * </ul>
 */
final class SpecComparison {
  private static final Set<String> DOCUMENTATION =
      Set.of("description", "summary", "example", "examples", "title", "externalDocs", "tags", "deprecated",
          "x-audiojobs-source", "x-audiojobs-enum-descriptions");
  private static final Set<String> STRUCTURE =
      Set.of("type", "format", "nullable", "enum", "properties", "required", "items", "additionalProperties",
          "oneOf", "anyOf", "allOf", "$ref", "discriminator");

  private final String vendor;
  private final JsonNode oldDoc;
  private final JsonNode newDoc;
  private final List<Change> changes = new ArrayList<>();

  private SpecComparison(String vendor, JsonNode oldDoc, JsonNode newDoc) {
    this.vendor = vendor;
    this.oldDoc = oldDoc;
    this.newDoc = newDoc;
  }

  /** Every change between {@code committed} and {@code candidate} normalized specs of {@code vendor}. */
  static List<Change> compare(String vendor, JsonNode committed, JsonNode candidate) {
    SpecComparison c = new SpecComparison(vendor, committed, candidate);
    c.run();
    return List.copyOf(c.changes);
  }

  private void run() {
    Map<String, Operation> oldOps = operations(oldDoc);
    Map<String, Operation> newOps = operations(newDoc);
    if (!oldDoc.path("servers").equals(newDoc.path("servers"))) {
      changes.add(Change.breaking(vendor, "-", "servers", "server URL changed from " + urls(oldDoc) + " to " + urls(newDoc)
          + "; it is the client's default base URL"));
    }
    documentation("-", "info", without(oldDoc.path("info"), "x-audiojobs-normalized-from"),
        without(newDoc.path("info"), "x-audiojobs-normalized-from"));
    for (Operation o : oldOps.values()) {
      Operation n = newOps.get(o.id);
      if (n == null) {
        changes.add(Change.breaking(vendor, o.id, o.method.toUpperCase(java.util.Locale.ROOT) + " " + o.path,
            "operation removed; the client calls it"));
      } else {
        compareOperation(o, n);
      }
    }
    for (Operation n : newOps.values()) {
      if (!oldOps.containsKey(n.id)) {
        changes.add(Change.safe(vendor, n.id, n.method.toUpperCase(java.util.Locale.ROOT) + " " + n.path,
            "operation added; the client does not call it"));
      }
    }
  }

  private record Operation(String id, String path, String method, JsonNode node) {}

  private static Map<String, Operation> operations(JsonNode doc) {
    Map<String, Operation> ops = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> it = path.getValue().fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> op = it.next();
        if (!op.getValue().isObject() || op.getKey().equals("parameters")) continue;
        String id = op.getValue().path("operationId").asText(op.getKey() + " " + path.getKey());
        ops.put(id, new Operation(id, path.getKey(), op.getKey(), op.getValue()));
      }
    }
    return ops;
  }

  private void compareOperation(Operation o, Operation n) {
    if (!o.path.equals(n.path) || !o.method.equals(n.method)) {
      changes.add(Change.breaking(vendor, o.id, "path", "operation moved from " + o.method.toUpperCase(java.util.Locale.ROOT)
          + " " + o.path + " to " + n.method.toUpperCase(java.util.Locale.ROOT) + " " + n.path + "; the client calls the old one"));
    }
    for (String key : List.of("summary", "description", "tags")) {
      if (!o.node.path(key).equals(n.node.path(key))) changes.add(Change.safe(vendor, o.id, key, "documentation changed"));
    }
    compareParameters(o, n);
    compareSecurity(o, n);
    compareResponses(o, n);
  }

  private void compareParameters(Operation o, Operation n) {
    Map<String, JsonNode> oldParams = parameters(oldDoc, o.node);
    Map<String, JsonNode> newParams = parameters(newDoc, n.node);
    for (Map.Entry<String, JsonNode> e : oldParams.entrySet()) {
      JsonNode np = newParams.get(e.getKey());
      String where = "parameter " + e.getKey();
      if (np == null) {
        changes.add(Change.breaking(vendor, o.id, where, "parameter removed or moved; the client sends it"));
        continue;
      }
      boolean wasRequired = e.getValue().path("required").asBoolean();
      boolean isRequired = np.path("required").asBoolean();
      if (!wasRequired && isRequired) {
        changes.add(Change.breaking(vendor, o.id, where, "parameter is now required; the client may omit it"));
      } else if (wasRequired && !isRequired) {
        changes.add(Change.safe(vendor, o.id, where, "parameter is now optional; the client still sends it"));
      }
      documentation(o.id, where, e.getValue(), np);
      compareSchema(o.id, where, e.getValue().path("schema"), np.path("schema"), true, isRequired, new HashSet<>());
    }
    for (Map.Entry<String, JsonNode> e : newParams.entrySet()) {
      if (oldParams.containsKey(e.getKey())) continue;
      String where = "parameter " + e.getKey();
      if (e.getValue().path("required").asBoolean()) {
        changes.add(Change.breaking(vendor, o.id, where, "new required parameter; the client does not send it"));
      } else {
        changes.add(Change.safe(vendor, o.id, where, "new optional parameter; the client does not need to send it"));
      }
    }
  }

  private static Map<String, JsonNode> parameters(JsonNode doc, JsonNode op) {
    Map<String, JsonNode> params = new LinkedHashMap<>();
    for (JsonNode p : op.path("parameters")) {
      JsonNode resolved = resolve(doc, p);
      params.put(resolved.path("in").asText() + "." + resolved.path("name").asText(), resolved);
    }
    return params;
  }

  private void compareSecurity(Operation o, Operation n) {
    JsonNode oldSec = effectiveSecurity(oldDoc, o.node);
    JsonNode newSec = effectiveSecurity(newDoc, n.node);
    if (!oldSec.equals(newSec)) {
      changes.add(Change.breaking(vendor, o.id, "security", "auth changed from " + oldSec + " to " + newSec
          + "; the client sends Authorization: Bearer <key>"));
    }
  }

  /** The schemes an operation requires, resolved, without their documentation. */
  private static JsonNode effectiveSecurity(JsonNode doc, JsonNode op) {
    JsonNode requirements = op.has("security") ? op.get("security") : doc.path("security");
    com.fasterxml.jackson.databind.node.ArrayNode out = UpstreamTree.JSON.createArrayNode();
    for (JsonNode requirement : requirements) {
      com.fasterxml.jackson.databind.node.ObjectNode resolved = out.addObject();
      requirement.fieldNames().forEachRemaining(name -> {
        JsonNode scheme = doc.path("components").path("securitySchemes").path(name);
        resolved.set(name, without(scheme, "description", "x-audiojobs-source"));
      });
    }
    return out;
  }

  private void compareResponses(Operation o, Operation n) {
    JsonNode oldResponses = o.node.path("responses");
    JsonNode newResponses = n.node.path("responses");
    for (Iterator<Map.Entry<String, JsonNode>> it = oldResponses.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String status = e.getKey();
      JsonNode oldResponse = resolve(oldDoc, e.getValue());
      if (!newResponses.has(status)) {
        changes.add(Change.breaking(vendor, o.id, "response " + status, status.startsWith("2")
            ? "success response removed; the client decodes it"
            : "declared error response removed; the client decodes its body as the declared model"));
        continue;
      }
      JsonNode newResponse = resolve(newDoc, newResponses.get(status));
      if (!oldResponse.path("description").equals(newResponse.path("description"))) {
        changes.add(Change.safe(vendor, o.id, "response " + status, "documentation changed"));
      }
      JsonNode oldContent = oldResponse.path("content");
      JsonNode newContent = newResponse.path("content");
      for (Iterator<Map.Entry<String, JsonNode>> media = oldContent.fields(); media.hasNext(); ) {
        Map.Entry<String, JsonNode> m = media.next();
        if (!newContent.has(m.getKey())) {
          changes.add(Change.breaking(vendor, o.id, "response " + status, "media type " + m.getKey()
              + " no longer offered (now " + names(newContent) + "); the client reads " + m.getKey()));
          continue;
        }
        compareSchema(o.id, status + " $", m.getValue().path("schema"), newContent.get(m.getKey()).path("schema"), false,
            true, new HashSet<>());
      }
      for (Iterator<String> media = newContent.fieldNames(); media.hasNext(); ) {
        String name = media.next();
        if (!oldContent.has(name)) changes.add(Change.safe(vendor, o.id, "response " + status, "media type " + name + " added"));
      }
    }
    for (Iterator<String> it = newResponses.fieldNames(); it.hasNext(); ) {
      String status = it.next();
      if (!oldResponses.has(status)) {
        changes.add(Change.safe(vendor, o.id, "response " + status, "new declared response; the client raises ApiException"
            + " for it, keeping the body raw"));
      }
    }
  }

  /**
   * Compares two schemas at {@code where}.
   *
   * @param request true for a parameter or request body (what the client sends), false for a response
   * @param required whether the property holding this schema is required (responses: whether the client
   *     requires it)
   */
  private void compareSchema(String op, String where, JsonNode oldRaw, JsonNode newRaw, boolean request, boolean required,
      Set<String> visited) {
    String pair = oldRaw.path("$ref").asText("") + "|" + newRaw.path("$ref").asText("") + "|" + where;
    if (!visited.add(pair) || visited.size() > 2000) return;
    JsonNode o = resolve(oldDoc, oldRaw);
    JsonNode n = resolve(newDoc, newRaw);
    documentation(op, where, o, n);

    String oldType = o.path("type").asText(null);
    String newType = n.path("type").asText(null);
    if (!Objects.equals(oldType, newType)) {
      if ("number".equals(oldType) && "integer".equals(newType) && !request) {
        changes.add(Change.safe(vendor, op, where, "type narrowed from number to integer; every integer decodes as a number"));
      } else {
        changes.add(Change.breaking(vendor, op, where, "type changed from " + oldType + " to " + newType + "; the client "
            + (request ? "sends" : "decodes") + " " + oldType));
      }
    }
    String oldFormat = o.path("format").asText(null);
    String newFormat = n.path("format").asText(null);
    if (!Objects.equals(oldFormat, newFormat)) {
      if (oldFormat == null) {
        changes.add(Change.safe(vendor, op, where, "format " + newFormat + " added; the client keeps reading a plain " + oldType));
      } else {
        changes.add(Change.breaking(vendor, op, where, "format changed from " + oldFormat + " to " + newFormat
            + "; the client " + (request ? "sends" : "decodes") + " " + oldFormat));
      }
    }
    boolean oldNullable = o.path("nullable").asBoolean();
    boolean newNullable = n.path("nullable").asBoolean();
    if (!oldNullable && newNullable) {
      if (!request && required) {
        changes.add(Change.breaking(vendor, op, where, "now nullable; the client requires a value and fails to decode null"));
      } else {
        changes.add(Change.safe(vendor, op, where, "now nullable; the client decodes null as absent"));
      }
    } else if (oldNullable && !newNullable) {
      changes.add(Change.safe(vendor, op, where, "no longer nullable; the client accepts values as before"));
    }
    compareEnum(op, where, o, n, request);
    compareUnion(op, where, o, n, request, visited);
    compareProperties(op, where, o, n, request, visited);
    if (o.has("items") || n.has("items")) {
      compareSchema(op, where + "[]", o.path("items"), n.path("items"), request, true, visited);
    }
    JsonNode oldExtra = o.path("additionalProperties");
    JsonNode newExtra = n.path("additionalProperties");
    if (oldExtra.isObject() && newExtra.isObject()) {
      compareSchema(op, where + "{}", oldExtra, newExtra, request, true, visited);
    } else if (oldExtra.isObject() && !request) {
      changes.add(Change.breaking(vendor, op, where + "{}", "map values no longer described; the client decodes them as "
          + oldExtra.path("type").asText("objects")));
    }
    for (String keyword : union(o, n)) {
      if (STRUCTURE.contains(keyword) || DOCUMENTATION.contains(keyword)) continue;
      if (Objects.equals(o.get(keyword), n.get(keyword))) continue;
      if (keyword.startsWith("x-audiojobs-")) {
        changes.add(Change.breaking(vendor, op, where, keyword + " changed; the generator reads it (regenerate and review)"));
      } else {
        changes.add(Change.safe(vendor, op, where, keyword + " changed from " + o.get(keyword) + " to " + n.get(keyword)
            + "; the client does not validate it"));
      }
    }
  }

  private void compareEnum(String op, String where, JsonNode o, JsonNode n, boolean request) {
    Set<String> oldValues = values(o.path("enum"));
    Set<String> newValues = values(n.path("enum"));
    if (oldValues.equals(newValues)) return;
    Set<String> added = new TreeSet<>(newValues);
    added.removeAll(oldValues);
    Set<String> removed = new TreeSet<>(oldValues);
    removed.removeAll(newValues);
    if (!added.isEmpty()) {
      changes.add(Change.safe(vendor, op, where, "enum values added " + added + "; the client's enums are open and keep unknown values"));
    }
    if (!removed.isEmpty()) {
      changes.add(request
          ? Change.breaking(vendor, op, where, "enum values removed " + removed + "; the client may send them")
          : Change.safe(vendor, op, where, "enum values removed " + removed + "; the client never requires them"));
    }
  }

  private void compareUnion(String op, String where, JsonNode o, JsonNode n, boolean request, Set<String> visited) {
    for (String keyword : List.of("oneOf", "anyOf")) {
      if (!o.has(keyword) && !n.has(keyword)) continue;
      Map<String, JsonNode> oldBranches = branches(o.path(keyword));
      Map<String, JsonNode> newBranches = branches(n.path(keyword));
      for (Map.Entry<String, JsonNode> b : oldBranches.entrySet()) {
        if (!newBranches.containsKey(b.getKey())) {
          changes.add(Change.breaking(vendor, op, where + "<" + b.getKey() + ">", "union branch removed; the client decodes it"));
        } else {
          compareSchema(op, where + "<" + b.getKey() + ">", b.getValue(), newBranches.get(b.getKey()), request, true, visited);
        }
      }
      for (String name : newBranches.keySet()) {
        if (!oldBranches.containsKey(name)) {
          changes.add(Change.safe(vendor, op, where + "<" + name + ">", "union branch added; the client decodes it as its Unknown variant"));
        }
      }
    }
  }

  private static Map<String, JsonNode> branches(JsonNode list) {
    Map<String, JsonNode> branches = new LinkedHashMap<>();
    int i = 0;
    for (JsonNode b : list) {
      String ref = b.path("$ref").asText("");
      branches.put(ref.isEmpty() ? "#" + i : ref.substring(ref.lastIndexOf('/') + 1), b);
      i++;
    }
    return branches;
  }

  private void compareProperties(String op, String where, JsonNode o, JsonNode n, boolean request, Set<String> visited) {
    JsonNode oldProps = o.path("properties");
    JsonNode newProps = n.path("properties");
    Set<String> oldRequired = values(o.path("required"));
    Set<String> newRequired = values(n.path("required"));
    List<String> removed = new ArrayList<>();
    List<String> added = new ArrayList<>();
    for (Iterator<String> it = oldProps.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!newProps.has(name)) removed.add(name);
    }
    for (Iterator<String> it = newProps.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!oldProps.has(name)) added.add(name);
    }
    for (String name : removed) {
      String renamed = added.stream()
          .filter(a -> resolve(newDoc, newProps.get(a)).path("type").equals(resolve(oldDoc, oldProps.get(name)).path("type")))
          .findFirst().map(a -> " (renamed to " + a + "?)").orElse("");
      changes.add(request
          ? Change.breaking(vendor, op, where + "." + name, "property removed" + renamed + "; the client sends it")
          : Change.breaking(vendor, op, where + "." + name, "property removed" + renamed + "; the client reads it"
              + (oldRequired.contains(name) ? " and requires it" : "")));
    }
    for (String name : added) {
      boolean isRequired = newRequired.contains(name);
      changes.add(request && isRequired
          ? Change.breaking(vendor, op, where + "." + name, "new required property; the client does not send it")
          : Change.safe(vendor, op, where + "." + name, "property added" + (isRequired ? " (required)" : "")
              + (request ? "; the client need not send it" : "; the client keeps it in extras()")));
    }
    for (Iterator<String> it = oldProps.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!newProps.has(name)) continue;
      boolean wasRequired = oldRequired.contains(name);
      boolean isRequired = newRequired.contains(name);
      if (!request && wasRequired && !isRequired) {
        changes.add(Change.breaking(vendor, op, where + "." + name, "no longer required; the client requires it and fails to decode without it"));
      } else if (!request && !wasRequired && isRequired) {
        changes.add(Change.safe(vendor, op, where + "." + name, "now required; the client already reads it when present"));
      }
      compareSchema(op, where + "." + name, oldProps.get(name), newProps.get(name), request, wasRequired, visited);
    }
  }

  private void documentation(String op, String where, JsonNode o, JsonNode n) {
    for (String keyword : DOCUMENTATION) {
      if (!Objects.equals(o.get(keyword), n.get(keyword))) {
        changes.add(Change.safe(vendor, op, where, keyword + " changed; documentation only"));
      }
    }
  }

  /** Follows local {@code $ref}s, wherever a schema, parameter or response may use one. */
  private static JsonNode resolve(JsonNode doc, JsonNode node) {
    for (int hops = 0; node != null && node.has("$ref") && hops < 20; hops++) {
      String ref = node.get("$ref").asText();
      if (!ref.startsWith("#/")) return node;
      node = doc.at(ref.substring(1));
    }
    return node == null ? MissingNode.getInstance() : node;
  }

  private static JsonNode without(JsonNode node, String... names) {
    if (!node.isObject()) return node;
    com.fasterxml.jackson.databind.node.ObjectNode copy = node.deepCopy();
    copy.remove(List.of(names));
    return copy;
  }

  private static Set<String> values(JsonNode array) {
    Set<String> values = new LinkedHashSet<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static Set<String> union(JsonNode a, JsonNode b) {
    Set<String> names = new TreeSet<>();
    a.fieldNames().forEachRemaining(names::add);
    b.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names.toString();
  }

  private static String urls(JsonNode doc) {
    List<String> urls = new ArrayList<>();
    doc.path("servers").forEach(s -> urls.add(s.path("url").asText()));
    return urls.toString();
  }
}
