package dev.audiojobs.openapi.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares what this client was generated from (the committed normalized spec) with a candidate along
 * what the client reads and sends: each operation's parameters, request body, security, servers,
 * response statuses, media types and the schemas reachable from them, and judges every difference by
 * this client's real tolerance.
 *
 * <p>Variance: the client reads responses and writes requests, so the same change is judged in
 * opposite directions. A response may become <em>narrower</em> than what the client accepts (the client
 * reads a number, the vendor now sends only integers; an enum loses a value the client does not rely
 * on) and must not become wider (an integer the client decodes as a {@code long} may now be 2.5). A
 * request may become <em>wider</em> than what the client sends (an integer property now takes any
 * number; a new enum value; a raised maximum) and must not become narrower (a number now only takes
 * integers; a value the client can send is dropped; a lowered maximum; a new required property).
 *
 * <p>The rules, and why:
 * <ul>
 *   <li>Response property added: SAFE, decoding keeps unknown properties in {@code extras()} — unless its
 *       name is a key by which an {@code x-audiojobs-select} rule picks another variant first: BREAKING.
 *       Removed or renamed: BREAKING, the generated model reads it.
 *   <li>Response property: required made optional BREAKING (a decode error when absent); optional made
 *       required SAFE. Request property: added required, or optional made required, BREAKING (the client
 *       may omit it); added optional SAFE; removed BREAKING (the client sends it).
 *   <li>Type: response number→integer SAFE, integer→number BREAKING; request the reverse. Any other
 *       type or format change BREAKING.
 *   <li>Nullable added: BREAKING on a required response property (null is a decode error), else SAFE.
 *       Removed: BREAKING in a request (the client may send null), SAFE in a response.
 *   <li>Enum value added: SAFE, response enums are open (in a status the waiter does not know it as
 *       terminal), and a request enum still allows every value the client sends.
 *       Removed: in a request BREAKING (the client may send it); in a response BREAKING when the client
 *       relies on it ({@link Reliance}: a discriminator value, a terminal or unsuccessful status), else
 *       SAFE. A response enum that stops listing values the client relies on: NEEDS_A_HUMAN. A free
 *       request string that becomes an enum: BREAKING.
 *   <li>Request constraints (maximum, minLength, pattern…): narrower BREAKING (the client may send what
 *       the server now rejects), wider SAFE, a changed pattern NEEDS_A_HUMAN. In responses the client
 *       validates none: SAFE.
 *   <li>Union branch added: SAFE (the Unknown variant keeps it); removed: BREAKING.
 *   <li>Operation removed or moved, new required parameter or request body, parameter or request body
 *       removed, auth mechanism, server URL or media type changed, declared response removed: BREAKING.
 *       Added operation, optional parameter, declared response, media type: SAFE. A security scheme
 *       renamed with the same mechanism: SAFE (the client sends the mechanism, not the name).
 *   <li>Descriptions, summaries, examples, titles, {@code x-audiojobs-source}: SAFE, documentation.
 *       Except where an extension's premise is the upstream's prose or absence of a property (a size
 *       limit read from a description; a property refused because the vendor ignores it): NEEDS_A_HUMAN,
 *       see {@link ExtensionPremises}.
 * </ul>
 */
final class SpecComparison {
  private static final Set<String> DOCUMENTATION =
      Set.of("description", "summary", "example", "examples", "title", "externalDocs", "tags", "deprecated",
          "x-audiojobs-source", "x-audiojobs-enum-descriptions");
  private static final Set<String> STRUCTURE =
      Set.of("type", "format", "nullable", "enum", "properties", "required", "items", "additionalProperties",
          "oneOf", "anyOf", "allOf", "$ref", "discriminator");
  /** Upper bounds: a lower value is narrower. */
  private static final Set<String> UPPER = Set.of("maximum", "maxLength", "maxItems", "maxProperties");
  /** Lower bounds: a higher value is narrower. */
  private static final Set<String> LOWER = Set.of("minimum", "minLength", "minItems", "minProperties");
  /** Other request constraints the client checks before sending; a change whose direction is unclear needs a person. */
  private static final Set<String> CONSTRAINTS = Set.of("pattern", "multipleOf", "exclusiveMaximum", "exclusiveMinimum", "uniqueItems");

  private final String vendor;
  private final JsonNode oldDoc;
  private final JsonNode newDoc;
  private final Map<String, Reliance> reliance;
  private final List<Change> changes = new ArrayList<>();

  private SpecComparison(String vendor, JsonNode oldDoc, JsonNode newDoc) {
    this.vendor = vendor;
    this.oldDoc = oldDoc;
    this.newDoc = newDoc;
    this.reliance = Reliance.index(oldDoc);
  }

  /** Every change between {@code committed} and {@code candidate} normalized specs of {@code vendor}. */
  static List<Change> compare(String vendor, JsonNode committed, JsonNode candidate) {
    SpecComparison c = new SpecComparison(vendor, committed, candidate);
    c.run();
    return List.copyOf(c.changes);
  }

  /**
   * The changes between one schema of the client's spec and one schema of another document, by the
   * same rules: how overlay drift is judged (the client's node against the upstream's, before and after).
   *
   * @param clientDoc the document {@code clientNode}'s {@code $ref}s resolve in (the committed normalized spec)
   * @param otherDoc the document {@code otherNode}'s {@code $ref}s resolve in
   * @param request whether the client sends this schema (else it reads it)
   * @param schemaName the component schema {@code clientNode} is, or is inside of, or null
   * @param propertyPath the property names from {@code schemaName} to {@code clientNode}
   */
  static List<Change> compareNode(String vendor, String op, String where, JsonNode clientDoc, JsonNode clientNode,
      JsonNode otherDoc, JsonNode otherNode, boolean request, String schemaName, List<String> propertyPath) {
    SpecComparison c = new SpecComparison(vendor, clientDoc, otherDoc);
    Reliance r = schemaName == null ? Reliance.NONE : c.reliance.getOrDefault(schemaName, Reliance.NONE);
    for (String p : propertyPath) r = r.property(p);
    c.compareSchema(op, where, clientNode, otherNode, request, true, r, new HashSet<>());
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
        changes.add(Change.breaking(vendor, o.id, o.method.toUpperCase(Locale.ROOT) + " " + o.path,
            "operation removed; the client calls it"));
      } else {
        compareOperation(o, n);
      }
    }
    for (Operation n : newOps.values()) {
      if (!oldOps.containsKey(n.id)) {
        changes.add(Change.safe(vendor, n.id, n.method.toUpperCase(Locale.ROOT) + " " + n.path,
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
      changes.add(Change.breaking(vendor, o.id, "path", "operation moved from " + o.method.toUpperCase(Locale.ROOT)
          + " " + o.path + " to " + n.method.toUpperCase(Locale.ROOT) + " " + n.path + "; the client calls the old one"));
    }
    for (String key : List.of("summary", "description", "tags")) {
      if (!o.node.path(key).equals(n.node.path(key))) changes.add(Change.safe(vendor, o.id, key, "documentation changed"));
    }
    compareParameters(o, n);
    compareRequestBody(o, n);
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
      compareSchema(o.id, where, e.getValue().path("schema"), np.path("schema"), true, isRequired, Reliance.NONE, new HashSet<>());
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

  /** What the client sends as a body: its presence, whether it is required, its media types and schemas. */
  private void compareRequestBody(Operation o, Operation n) {
    JsonNode ob = resolve(oldDoc, o.node.path("requestBody"));
    JsonNode nb = resolve(newDoc, n.node.path("requestBody"));
    String where = "request";
    if (ob.isMissingNode() && nb.isMissingNode()) return;
    if (ob.isMissingNode()) {
      changes.add(nb.path("required").asBoolean()
          ? Change.breaking(vendor, o.id, where, "new required request body; the client sends none")
          : Change.safe(vendor, o.id, where, "new optional request body; the client sends none"));
      return;
    }
    if (nb.isMissingNode()) {
      changes.add(Change.breaking(vendor, o.id, where, "request body removed; the client sends one"));
      return;
    }
    boolean wasRequired = ob.path("required").asBoolean();
    boolean isRequired = nb.path("required").asBoolean();
    if (!wasRequired && isRequired) {
      changes.add(Change.breaking(vendor, o.id, where, "request body is now required; the client may omit it"));
    } else if (wasRequired && !isRequired) {
      changes.add(Change.safe(vendor, o.id, where, "request body is now optional; the client still sends it"));
    }
    documentation(o.id, where, ob, nb);
    JsonNode oldContent = ob.path("content");
    JsonNode newContent = nb.path("content");
    for (Iterator<Map.Entry<String, JsonNode>> media = oldContent.fields(); media.hasNext(); ) {
      Map.Entry<String, JsonNode> m = media.next();
      if (!newContent.has(m.getKey())) {
        changes.add(Change.breaking(vendor, o.id, where, "media type " + m.getKey() + " no longer accepted (now "
            + names(newContent) + "); the client sends " + m.getKey()));
        continue;
      }
      compareSchema(o.id, where + " $", m.getValue().path("schema"), newContent.get(m.getKey()).path("schema"), true, true,
          Reliance.NONE, new HashSet<>());
    }
    for (Iterator<String> media = newContent.fieldNames(); media.hasNext(); ) {
      String name = media.next();
      if (!oldContent.has(name)) {
        changes.add(Change.safe(vendor, o.id, where, "media type " + name + " accepted too; the client keeps sending "
            + names(oldContent)));
      }
    }
  }

  private void compareSecurity(Operation o, Operation n) {
    JsonNode oldSec = effectiveSecurity(oldDoc, o.node);
    JsonNode newSec = effectiveSecurity(newDoc, n.node);
    if (oldSec.equals(newSec)) return;
    if (mechanisms(oldSec).equals(mechanisms(newSec))) {
      changes.add(Change.safe(vendor, o.id, "security", "scheme renamed from " + schemeNames(oldSec) + " to " + schemeNames(newSec)
          + "; same mechanism " + mechanisms(newSec) + ", which is all the client sends"));
    } else {
      changes.add(Change.breaking(vendor, o.id, "security", "auth changed from " + oldSec + " to " + newSec
          + "; the client sends Authorization: Bearer <key>"));
    }
  }

  /** The schemes an operation requires, by name, resolved, without their documentation. */
  private static JsonNode effectiveSecurity(JsonNode doc, JsonNode op) {
    JsonNode requirements = op.has("security") ? op.get("security") : doc.path("security");
    ArrayNode out = UpstreamTree.JSON.createArrayNode();
    for (JsonNode requirement : requirements) {
      ObjectNode resolved = out.addObject();
      requirement.fieldNames().forEachRemaining(name -> {
        JsonNode scheme = doc.path("components").path("securitySchemes").path(name);
        resolved.set(name, without(scheme, "description", "x-audiojobs-source"));
      });
    }
    return out;
  }

  /** The requirements without the schemes' names: the alternatives, each a sorted list of mechanisms. */
  private static Set<List<String>> mechanisms(JsonNode security) {
    Set<List<String>> out = new LinkedHashSet<>();
    for (JsonNode requirement : security) {
      List<String> schemes = new ArrayList<>();
      requirement.forEach(s -> schemes.add(s.toString()));
      schemes.sort(null);
      out.add(schemes);
    }
    return out;
  }

  private static List<String> schemeNames(JsonNode security) {
    List<String> names = new ArrayList<>();
    security.forEach(r -> r.fieldNames().forEachRemaining(names::add));
    return names;
  }

  private void compareResponses(Operation o, Operation n) {
    JsonNode oldResponses = o.node.path("responses");
    JsonNode newResponses = n.node.path("responses");
    Reliance operationReliance = Reliance.ofOperation(o.node);
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
            true, status.startsWith("2") ? operationReliance : Reliance.NONE, new HashSet<>());
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
   * @param relied what the client relies on here beyond the shape, from the context (a union's
   *     discriminator, the waiter); the schema's own terminal markers and its component's entry in the
   *     reliance index are added here
   */
  private void compareSchema(String op, String where, JsonNode oldRaw, JsonNode newRaw, boolean request, boolean required,
      Reliance relied, Set<String> visited) {
    String pair = oldRaw.path("$ref").asText("") + "|" + newRaw.path("$ref").asText("") + "|" + where;
    if (!visited.add(pair) || visited.size() > 2000) return;
    String refName = oldRaw.has("$ref") ? Reliance.refName(oldRaw.get("$ref").asText()) : null;
    JsonNode o = effective(oldDoc, oldRaw);
    JsonNode n = effective(newDoc, newRaw);
    Reliance r = relied.merge(refName == null ? null : reliance.get(refName)).merge(Reliance.ofEnum(o));
    documentation(op, where, o, n);
    if (request) changes.addAll(ExtensionPremises.check(vendor, op, where, o, n));

    String oldType = o.path("type").asText(null);
    String newType = n.path("type").asText(null);
    if (!Objects.equals(oldType, newType)) {
      if ("number".equals(oldType) && "integer".equals(newType) && !request) {
        changes.add(Change.safe(vendor, op, where, "type narrowed from number to integer; every integer decodes as a number"));
      } else if ("integer".equals(oldType) && "number".equals(newType) && request) {
        changes.add(Change.safe(vendor, op, where, "type widened from integer to number; every integer the client sends is a number"));
      } else if ("integer".equals(oldType) && "number".equals(newType)) {
        changes.add(Change.breaking(vendor, op, where, "type widened from integer to number; the client decodes integer"));
      } else {
        changes.add(Change.breaking(vendor, op, where, "type changed from " + oldType + " to " + newType + "; the client "
            + (request ? "sends" : "decodes") + " " + oldType));
      }
    }
    String oldFormat = o.path("format").asText(null);
    String newFormat = n.path("format").asText(null);
    if (!Objects.equals(oldFormat, newFormat)) {
      if (oldFormat == null && !request) {
        changes.add(Change.safe(vendor, op, where, "format " + newFormat + " added; the client keeps reading a plain " + oldType));
      } else if (newFormat == null && request) {
        changes.add(Change.safe(vendor, op, where, "format " + oldFormat + " dropped; what the client sends is still a " + newType));
      } else {
        changes.add(Change.breaking(vendor, op, where, "format changed from " + oldFormat + " to " + newFormat
            + "; the client " + (request ? "sends" : "decodes") + " " + (oldFormat == null ? "any " + oldType : oldFormat)));
      }
    }
    boolean oldNullable = o.path("nullable").asBoolean();
    boolean newNullable = n.path("nullable").asBoolean();
    if (!oldNullable && newNullable) {
      if (request) {
        changes.add(Change.safe(vendor, op, where, "now nullable; the client need not send null"));
      } else if (required) {
        changes.add(Change.breaking(vendor, op, where, "now nullable; the client requires a value and fails to decode null"));
      } else {
        changes.add(Change.safe(vendor, op, where, "now nullable; the client decodes null as absent"));
      }
    } else if (oldNullable && !newNullable) {
      changes.add(request
          ? Change.breaking(vendor, op, where, "no longer nullable; the client may send null")
          : Change.safe(vendor, op, where, "no longer nullable; the client accepts values as before"));
    }
    compareEnum(op, where, o, n, request, r);
    compareUnion(op, where, o, n, request, r, visited);
    compareProperties(op, where, o, n, request, r, visited);
    if (o.has("items") || n.has("items")) {
      compareSchema(op, where + "[]", o.path("items"), n.path("items"), request, true, Reliance.NONE, visited);
    }
    JsonNode oldExtra = o.path("additionalProperties");
    JsonNode newExtra = n.path("additionalProperties");
    if (oldExtra.isObject() && newExtra.isObject()) {
      compareSchema(op, where + "{}", oldExtra, newExtra, request, true, Reliance.NONE, visited);
    } else if (oldExtra.isObject() && !request) {
      changes.add(Change.breaking(vendor, op, where + "{}", "map values no longer described; the client decodes them as "
          + oldExtra.path("type").asText("objects")));
    }
    for (String keyword : union(o, n)) {
      if (STRUCTURE.contains(keyword) || DOCUMENTATION.contains(keyword)) continue;
      if (Objects.equals(o.get(keyword), n.get(keyword))) continue;
      if (keyword.startsWith("x-audiojobs-")) {
        changes.add(Change.breaking(vendor, op, where, keyword + " changed; the generator reads it (regenerate and review)"));
      } else if (request) {
        changes.add(constraint(op, where, keyword, o.get(keyword), n.get(keyword)));
      } else {
        changes.add(Change.safe(vendor, op, where, keyword + " changed from " + o.get(keyword) + " to " + n.get(keyword)
            + "; the client does not validate it"));
      }
    }
    if (!Objects.equals(o.get("discriminator"), n.get("discriminator"))) {
      changes.add(Change.breaking(vendor, op, where, "discriminator changed from " + o.get("discriminator") + " to "
          + n.get("discriminator") + "; the client selects variants by it (regenerate and review)"));
    }
  }

  /** A changed keyword of a schema the client sends: narrower breaks it, wider does not. */
  private Change constraint(String op, String where, String keyword, JsonNode before, JsonNode after) {
    String what = keyword + " changed from " + text(before) + " to " + text(after);
    Boolean narrower = null;
    if (UPPER.contains(keyword) || LOWER.contains(keyword)) {
      if (before == null) narrower = true;
      else if (after == null) narrower = false;
      else if (before.isNumber() && after.isNumber()) {
        int cmp = new BigDecimal(after.asText()).compareTo(new BigDecimal(before.asText()));
        narrower = UPPER.contains(keyword) ? cmp < 0 : cmp > 0;
      }
    } else if (CONSTRAINTS.contains(keyword)) {
      if (before == null) narrower = true;
      else if (after == null) narrower = false;
    } else {
      return Change.safe(vendor, op, where, what + (keyword.equals("default")
          ? "; a request that omits it gets the new default" : "; not a constraint on what the client sends"));
    }
    if (narrower == null) {
      return Change.needsAHuman(vendor, op, where, what + "; which accepts more cannot be told: check that what the client"
          + " sends still conforms");
    }
    return narrower
        ? Change.breaking(vendor, op, where, what + "; narrower: the client may send a value the server now rejects")
        : Change.safe(vendor, op, where, what + "; wider: what the client sends still conforms");
  }

  private static String text(JsonNode value) {
    return value == null ? "none" : value.isTextual() ? value.asText() : value.toString();
  }

  private void compareEnum(String op, String where, JsonNode o, JsonNode n, boolean request, Reliance relied) {
    Set<String> oldValues = values(o.path("enum"));
    Set<String> newValues = values(n.path("enum"));
    if (oldValues.equals(newValues)) return;
    if (newValues.isEmpty()) {
      List<String> needed = oldValues.stream().filter(relied.values()::containsKey)
          .map(v -> v + " (" + relied.values().get(v) + ")").toList();
      if (request) {
        changes.add(Change.safe(vendor, op, where, "no longer an enum; every value the client sends is still allowed"));
      } else if (needed.isEmpty()) {
        changes.add(Change.safe(vendor, op, where, "no longer an enum; the client's open enums keep any value"));
      } else {
        changes.add(Change.needsAHuman(vendor, op, where, "no longer lists its values; check that the values the client"
            + " relies on still exist: " + String.join(", ", needed)));
      }
      return;
    }
    if (oldValues.isEmpty()) {
      changes.add(request
          ? Change.breaking(vendor, op, where, "now an enum " + newValues + "; the client may send any string")
          : Change.safe(vendor, op, where, "now an enum " + newValues + "; the client reads any string"));
      return;
    }
    Set<String> added = new TreeSet<>(newValues);
    added.removeAll(oldValues);
    Set<String> removed = new TreeSet<>(oldValues);
    removed.removeAll(newValues);
    if (!added.isEmpty()) {
      changes.add(Change.safe(vendor, op, where, "enum values added " + added + (request
          ? "; every value the client sends is still allowed"
          : "; the client's enums are open and keep unknown values"
              + (o.has("x-audiojobs-terminal") ? "; the waiter treats them as not terminal (x-audiojobs-terminal)" : ""))));
    }
    if (removed.isEmpty()) return;
    if (request) {
      changes.add(Change.breaking(vendor, op, where, "enum values removed " + removed + "; the client may send them"));
      return;
    }
    Set<String> unrelied = new TreeSet<>();
    for (String value : removed) {
      String why = relied.values().get(value);
      if (why == null) unrelied.add(value);
      else changes.add(Change.breaking(vendor, op, where, "enum value " + value + " removed; " + why));
    }
    if (!unrelied.isEmpty()) {
      changes.add(Change.safe(vendor, op, where, "enum values removed " + unrelied + "; the client never requires them"));
    }
  }

  private void compareUnion(String op, String where, JsonNode o, JsonNode n, boolean request, Reliance relied, Set<String> visited) {
    for (String keyword : List.of("oneOf", "anyOf")) {
      if (!o.has(keyword) && !n.has(keyword)) continue;
      Map<String, JsonNode> oldBranches = branches(o.path(keyword));
      Map<String, JsonNode> newBranches = branches(n.path(keyword));
      for (Map.Entry<String, JsonNode> b : oldBranches.entrySet()) {
        if (!newBranches.containsKey(b.getKey())) {
          changes.add(Change.breaking(vendor, op, where + "<" + b.getKey() + ">", "union branch removed; the client "
              + (request ? "sends" : "decodes") + " it"));
        } else {
          compareSchema(op, where + "<" + b.getKey() + ">", b.getValue(), newBranches.get(b.getKey()), request, true, relied, visited);
        }
      }
      for (String name : newBranches.keySet()) {
        if (!oldBranches.containsKey(name)) {
          changes.add(Change.safe(vendor, op, where + "<" + name + ">", request
              ? "union branch added; the client need not send it"
              : "union branch added; the client decodes it as its Unknown variant"));
        }
      }
    }
    JsonNode oldFallback = o.path("x-audiojobs-select").path("fallback");
    JsonNode newFallback = n.path("x-audiojobs-select").path("fallback");
    if (oldFallback.isTextual() && newFallback.isTextual()) {
      // What no rule selects decodes as the fallback; its shape (a status the waiter reads) counts too.
      compareSchema(op, where + "<" + Reliance.refName(oldFallback.asText()) + ">", ref(oldFallback.asText()),
          ref(newFallback.asText()), request, true, relied, visited);
    }
  }

  private static JsonNode ref(String ref) {
    return UpstreamTree.JSON.createObjectNode().put("$ref", ref);
  }

  private static Map<String, JsonNode> branches(JsonNode list) {
    Map<String, JsonNode> branches = new LinkedHashMap<>();
    int i = 0;
    for (JsonNode b : list) {
      String ref = b.path("$ref").asText("");
      branches.put(ref.isEmpty() ? "#" + i : Reliance.refName(ref), b);
      i++;
    }
    return branches;
  }

  private void compareProperties(String op, String where, JsonNode o, JsonNode n, boolean request, Reliance relied, Set<String> visited) {
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
      String why = relied.keys().containsKey(name) ? "; " + relied.keys().get(name) : "";
      changes.add(request
          ? Change.breaking(vendor, op, where + "." + name, "property removed" + renamed + "; the client sends it")
          : Change.breaking(vendor, op, where + "." + name, "property removed" + renamed + "; the client reads it"
              + (oldRequired.contains(name) ? " and requires it" : "") + why));
    }
    for (String name : added) {
      boolean isRequired = newRequired.contains(name);
      if (request && isRequired) {
        changes.add(Change.breaking(vendor, op, where + "." + name, "new required property; the client does not send it"));
      } else if (!request && relied.collisions().containsKey(name)) {
        changes.add(Change.breaking(vendor, op, where + "." + name, "property added; " + relied.collisions().get(name)));
      } else {
        changes.add(Change.safe(vendor, op, where + "." + name, "property added" + (isRequired ? " (required)" : "")
            + (request ? "; the client need not send it" : "; the client keeps it in extras()")));
      }
    }
    for (Iterator<String> it = oldProps.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!newProps.has(name)) continue;
      boolean wasRequired = oldRequired.contains(name);
      boolean isRequired = newRequired.contains(name);
      if (request && !wasRequired && isRequired) {
        changes.add(Change.breaking(vendor, op, where + "." + name, "now required; the client may omit it"));
      } else if (request && wasRequired && !isRequired) {
        changes.add(Change.safe(vendor, op, where + "." + name, "no longer required; the client still sends it"));
      } else if (!request && wasRequired && !isRequired) {
        changes.add(Change.breaking(vendor, op, where + "." + name, "no longer required; the client requires it and fails to decode without it"));
      } else if (!request && !wasRequired && isRequired) {
        changes.add(Change.safe(vendor, op, where + "." + name, "now required; the client already reads it when present"));
      }
      compareSchema(op, where + "." + name, oldProps.get(name), newProps.get(name), request, wasRequired, relied.property(name), visited);
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
  static JsonNode resolve(JsonNode doc, JsonNode node) {
    for (int hops = 0; node != null && node.has("$ref") && hops < 20; hops++) {
      String ref = node.get("$ref").asText();
      if (!ref.startsWith("#/")) return node;
      node = doc.at(ref.substring(1));
    }
    return node == null ? MissingNode.getInstance() : node;
  }

  /**
   * The schema a node stands for: {@code $ref}s followed, and {@code allOf} members folded in (the
   * node's own keywords win: {@code {enum: [complete], allOf: [JobStatus]}} is JobStatus pinned to
   * {@code complete}, with JobStatus's type and terminal markers).
   */
  static JsonNode effective(JsonNode doc, JsonNode node) {
    return effective(doc, node, 0);
  }

  private static JsonNode effective(JsonNode doc, JsonNode node, int depth) {
    JsonNode resolved = resolve(doc, node);
    if (!resolved.has("allOf") || depth > 10) return resolved;
    ObjectNode folded = ((ObjectNode) resolved).deepCopy();
    folded.remove("allOf");
    for (JsonNode member : resolved.get("allOf")) {
      effective(doc, member, depth + 1).fields().forEachRemaining(f -> {
        if (!folded.has(f.getKey())) folded.set(f.getKey(), f.getValue());
      });
    }
    return folded;
  }

  private static JsonNode without(JsonNode node, String... names) {
    if (!node.isObject()) return node;
    ObjectNode copy = node.deepCopy();
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
