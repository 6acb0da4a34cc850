package dev.audiojobs.openapi.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.audiojobs.openapi.OverlayTrace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Overlay drift: a change in the upstream beneath an overlay action, judged against what the action
 * assumed.
 *
 * <p>An overlay records a decision about the upstream as it was when the overlay was written: the
 * committed upstream. What an action assumed is the part of the upstream it found at its target and
 * replaced or merged into (its <em>assumption</em>: the whole node for a removal; for an update, the
 * values under the keys it writes, absent ones included). The overlays are replayed action by action
 * on the committed and on the candidate upstream ({@link OverlayTrace}); where an assumption differs,
 * the normalized spec may not move at all (the overlay replaced what changed), so the change is judged
 * here:
 * <ul>
 *   <li>In a schema: the client's schema there (the committed normalized spec) is compared with the
 *       upstream's, before and after, by {@link SpecComparison}'s rules; what the new comparison finds
 *       that the old one did not is reported with the overlay named (an overlay that replaced a status
 *       enum with terminal markers: the upstream renaming a terminal status is BREAKING). What the old
 *       one found and the new one does not means the upstream moved toward the overlay: SAFE.
 *   <li>Elsewhere (an operation, a responses map, the schemas map): a value the upstream now states
 *       as the overlay adds it is SAFE (the action may be dropped); a name or documentation the overlay
 *       overrides anyway is SAFE; anything else NEEDS_A_HUMAN — the upstream now says something about
 *       what the overlay decided, and only a person can tell which is right.
 * </ul>
 */
final class OverlayDrift {
  /**
   * Keys an overlay may override or drop without the upstream's value mattering to the client: names
   * and documentation ({@code bearerFormat} is a hint, the client sends the key as it is).
   */
  private static final Set<String> NAMES_AND_DOCS = Set.of("operationId", "summary", "description", "title", "example",
      "examples", "tags", "x-audiojobs-source", "bearerFormat");
  /** Keywords whose value belongs to the schema that holds them: a target ending in one is judged at that schema. */
  private static final Set<String> KEYWORDS = Set.of("type", "format", "nullable", "enum", "required", "allOf", "oneOf",
      "anyOf", "properties", "description", "default", "example", "discriminator", "minimum", "maximum", "pattern",
      "minLength", "maxLength", "minItems", "maxItems");

  private final String vendor;
  private final JsonNode client;
  private final List<Change> normalizedChanges;
  private final List<Change> changes = new ArrayList<>();

  private OverlayDrift(String vendor, JsonNode client, List<Change> normalizedChanges) {
    this.vendor = vendor;
    this.client = client;
    this.normalizedChanges = normalizedChanges;
  }

  /**
   * Every drift between two traces of the same overlays.
   *
   * @param client the committed normalized spec: what the client was generated from
   * @param normalizedChanges what the comparison of the normalized specs found: a change that passes
   *     through an overlay into the normalized spec is reported there, and not again here
   * @param committed the overlays replayed on the committed upstream
   * @param candidate the same overlays replayed on the candidate upstream
   */
  static List<Change> judge(String vendor, JsonNode client, List<Change> normalizedChanges, List<OverlayTrace.Step> committed,
      List<OverlayTrace.Step> candidate) {
    OverlayDrift drift = new OverlayDrift(vendor, client, normalizedChanges);
    for (int i = 0; i < Math.min(committed.size(), candidate.size()); i++) drift.step(committed.get(i), candidate.get(i));
    return List.copyOf(drift.changes);
  }

  private void step(OverlayTrace.Step before, OverlayTrace.Step after) {
    String action = before.overlayFile() + " " + before.actionPath();
    if (before.before().size() != after.before().size()) {
      changes.add(Change.needsAHuman(vendor, "-", before.target(), "the target of " + action + " now selects "
          + after.before().size() + " nodes, not " + before.before().size() + "; revisit the decision (\""
          + brief(before.description()) + "\")"));
      return;
    }
    for (int m = 0; m < before.before().size(); m++) {
      OverlayTrace.Match old = before.before().get(m);
      OverlayTrace.Match now = after.before().get(m);
      JsonNode oldAssumed = assumption(before, old.value());
      JsonNode newAssumed = assumption(before, now.value());
      if (oldAssumed.equals(newAssumed)) continue;
      List<Object> path = OverlayTrace.segments(old.path());
      int schema = schemaPrefix(path);
      if (schema > 0) {
        inSchema(before, after, path.subList(0, schema), action);
      } else {
        elsewhere(before, path, oldAssumed, newAssumed, action);
      }
    }
  }

  /**
   * What an action assumed of the node it found: the whole node for a removal or an append to an
   * array; for an update of an object, the node's values under the update's keys (recursively where
   * both are objects), absent keys absent.
   */
  static JsonNode assumption(OverlayTrace.Step step, JsonNode found) {
    if (step.remove() || !found.isObject() || !step.update().isObject()) return found;
    return overlap(found, step.update());
  }

  private static JsonNode overlap(JsonNode found, JsonNode update) {
    ObjectNode out = UpstreamTree.JSON.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = update.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode value = found.get(e.getKey());
      if (value == null) continue;
      out.set(e.getKey(), value.isObject() && e.getValue().isObject() ? overlap(value, e.getValue()) : value);
    }
    return out;
  }

  /** A change beneath an action inside a schema: the client's schema against the upstream's, before and after. */
  private void inSchema(OverlayTrace.Step before, OverlayTrace.Step after, List<Object> schemaPath, String action) {
    String concrete = concrete(schemaPath);
    JsonNode clientNode = OverlayTrace.at(client, concrete);
    Location where = locate(schemaPath);
    if (clientNode.isMissingNode()) {
      changes.add(Change.needsAHuman(vendor, where.operations, where.label, "the upstream changed beneath " + action
          + ", and the client's spec has nothing here to judge it against; revisit the decision (\"" + brief(before.description()) + "\")"));
      return;
    }
    JsonNode oldUpstream = OverlayTrace.at(before.document(), concrete);
    JsonNode newUpstream = OverlayTrace.at(after.document(), concrete);
    Set<String> was = new LinkedHashSet<>();
    Set<String> now = new LinkedHashSet<>();
    List<Change> found = new ArrayList<>();
    for (boolean request : where.directions) {
      SpecComparison.compareNode(vendor, where.operations, where.label, client, clientNode, before.document(), oldUpstream,
          request, where.schemaName, where.properties).forEach(c -> was.add(c.toString()));
      for (Change c : SpecComparison.compareNode(vendor, where.operations, where.label, client, clientNode, after.document(),
          newUpstream, request, where.schemaName, where.properties)) {
        if (now.add(c.toString())) found.add(c);
      }
    }
    boolean differs = false;
    for (Change c : found) {
      if (was.contains(c.toString())) continue;
      differs = true;
      if (reportedInNormalized(c, where.label)) continue;
      changes.add(c.withReason(c.reason() + "; overlay drift: " + action + " was written against the upstream as it was (\""
          + brief(before.description()) + "\")"));
    }
    if (differs) return;
    Set<String> gone = new TreeSet<>(was);
    gone.removeAll(now);
    changes.add(gone.isEmpty()
        ? Change.safe(vendor, where.operations, where.label, "the upstream changed beneath " + action
            + "; what the client reads and sends here is unaffected")
        : Change.safe(vendor, where.operations, where.label, "the upstream now agrees with " + action
            + " here (the action may no longer be needed): no longer " + gone.size() + " difference(s) from the client's spec"));
  }

  /**
   * Whether the normalized comparison already reports {@code c}: the same verdict and reason, for the
   * same operations, at a field path ending in the part of {@code c}'s that lies below {@code label}.
   * (The node itself, with nothing below the label, never passes into the normalized spec unchanged.)
   */
  private boolean reportedInNormalized(Change c, String label) {
    String below = c.where().substring(Math.min(label.length(), c.where().length()));
    if (below.isEmpty()) return false;
    return normalizedChanges.stream().anyMatch(n -> n.verdict() == c.verdict() && n.reason().equals(c.reason())
        && c.operation().contains(n.operation()) && n.where().endsWith(below));
  }

  /** A change beneath an action outside any schema: an operation, a responses map, the schemas map. */
  private void elsewhere(OverlayTrace.Step step, List<Object> path, JsonNode oldAssumed, JsonNode newAssumed, String action) {
    Location at = locate(path);
    Object last = path.isEmpty() ? null : path.get(path.size() - 1);
    if (step.remove() && last instanceof String key && NAMES_AND_DOCS.contains(key)) {
      changes.add(Change.safe(vendor, at.operations, at.label, "the upstream changed it from " + text(oldAssumed) + " to "
          + text(newAssumed) + "; " + action + " still removes it, and the client does not read it"));
      return;
    }
    if (!oldAssumed.isObject() || !newAssumed.isObject() || step.remove()) {
      changes.add(Change.needsAHuman(vendor, at.operations, at.label, "the upstream changed what " + action + " "
          + (step.remove() ? "removes" : "updates") + " (" + brief(oldAssumed.toString()) + " → " + brief(newAssumed.toString())
          + "); revisit the decision (\"" + brief(step.description()) + "\")"));
      return;
    }
    Set<String> keys = new TreeSet<>();
    oldAssumed.fieldNames().forEachRemaining(keys::add);
    newAssumed.fieldNames().forEachRemaining(keys::add);
    for (String key : keys) {
      JsonNode was = oldAssumed.path(key);
      JsonNode now = newAssumed.path(key);
      if (was.equals(now)) continue;
      String where = at.label + child(key);
      JsonNode overlay = step.update().path(key);
      if (was.isMissingNode() && withoutDocs(now).equals(withoutDocs(overlay))) {
        changes.add(Change.safe(vendor, at.operations, where, "the upstream now states what " + action
            + " adds (documentation aside); the action can be dropped"));
      } else if (NAMES_AND_DOCS.contains(key) && !was.isMissingNode()) {
        changes.add(Change.safe(vendor, at.operations, where, "the upstream changed it from " + text(was) + " to " + text(now)
            + "; " + action + " still sets " + text(overlay)));
      } else if (was.isMissingNode()) {
        changes.add(Change.needsAHuman(vendor, at.operations, where, "the upstream now declares it, differently from what "
            + action + " adds (upstream " + brief(now.toString()) + "); decide which is right: the client follows the overlay (\""
            + brief(step.description()) + "\")"));
      } else {
        changes.add(Change.needsAHuman(vendor, at.operations, where, "the upstream changed it from " + brief(was.toString())
            + " to " + brief(now.toString()) + " beneath " + action + "; revisit the decision (\"" + brief(step.description()) + "\")"));
      }
    }
  }

  /**
   * How many leading segments of {@code path} name the schema that holds the target, or 0 when the
   * target is not inside a schema. {@code components.schemas.X}, a parameter's, request body's or
   * response's {@code schema}, then any chain of properties, items, additionalProperties and
   * allOf/oneOf/anyOf members; a trailing keyword ({@code .type}) belongs to the schema before it.
   */
  static int schemaPrefix(List<Object> path) {
    int at;
    if (path.size() >= 3 && "components".equals(path.get(0)) && "schemas".equals(path.get(1))) {
      at = 3;
    } else {
      int schema = path.indexOf("schema");
      if (schema < 0 || !"paths".equals(path.get(0))) return 0;
      at = schema + 1;
    }
    while (at < path.size()) {
      Object s = path.get(at);
      boolean hasNext = at + 1 < path.size();
      if (("properties".equals(s) && hasNext) || (("allOf".equals(s) || "oneOf".equals(s) || "anyOf".equals(s)) && hasNext
          && path.get(at + 1) instanceof Integer)) {
        at += 2;
      } else if ("items".equals(s) || "additionalProperties".equals(s) || "not".equals(s)) {
        at += 1;
      } else {
        break;
      }
    }
    // What is left must be schema keywords (a value an update merges into, or one a removal deletes).
    for (Object s : path.subList(at, path.size())) {
      if (!(s instanceof String k) || !(KEYWORDS.contains(k) || k.startsWith("x-"))) {
        if (!(s instanceof Integer)) return 0;
      }
    }
    return at;
  }

  /** Where a path is, for the report: the label, the operations it concerns, the directions the client uses it in. */
  private record Location(String label, String operations, List<Boolean> directions, String schemaName, List<String> properties) {}

  private Location locate(List<Object> path) {
    if ("paths".equals(path.get(0)) && path.size() >= 3) {
      String op = client.path("paths").path((String) path.get(1)).path((String) path.get(2)).path("operationId")
          .asText(path.get(2).toString().toUpperCase(Locale.ROOT) + " " + path.get(1));
      int schema = path.indexOf("schema");
      if (path.size() > 4 && "parameters".equals(path.get(3)) && path.get(4) instanceof Integer i) {
        JsonNode p = SpecComparison.resolve(client, client.path("paths").path((String) path.get(1)).path((String) path.get(2))
            .path("parameters").path(i));
        String label = "parameter " + p.path("in").asText() + "." + p.path("name").asText();
        return new Location(label + (schema > 0 ? rest(path, schema + 1) : ""), op, List.of(true), null, List.of());
      }
      if (path.size() > 3 && "requestBody".equals(path.get(3))) {
        return new Location("request $" + (schema > 0 ? rest(path, schema + 1) : ""), op, List.of(true), null, List.of());
      }
      if (path.size() > 4 && "responses".equals(path.get(3)) && schema > 0) {
        return new Location(path.get(4) + " $" + rest(path, schema + 1), op, List.of(false), null, List.of());
      }
      return new Location(concreteDotted(path), op, List.of(false), null, List.of());
    }
    if (path.size() >= 3 && "components".equals(path.get(0)) && "schemas".equals(path.get(1))) {
      String name = (String) path.get(2);
      List<String> properties = new ArrayList<>();
      for (int i = 3; i + 1 < path.size(); i++) {
        if ("properties".equals(path.get(i))) properties.add((String) path.get(++i));
        else break;
      }
      Reach reach = reach(name);
      List<Boolean> directions = new ArrayList<>();
      if (!reach.requests.isEmpty()) directions.add(true);
      if (!reach.responses.isEmpty() || reach.requests.isEmpty()) directions.add(false);
      Set<String> ops = new TreeSet<>(reach.requests);
      ops.addAll(reach.responses);
      return new Location(concreteDotted(path), operations(ops), directions, name, properties);
    }
    if (path.size() >= 3 && "components".equals(path.get(0)) && "securitySchemes".equals(path.get(1))) {
      Set<String> ops = new TreeSet<>();
      for (Iterator<JsonNode> p = client.path("paths").elements(); p.hasNext(); ) {
        for (Iterator<JsonNode> o = p.next().elements(); o.hasNext(); ) {
          JsonNode op = o.next();
          JsonNode security = op.has("security") ? op.get("security") : client.path("security");
          for (JsonNode requirement : security) if (requirement.has((String) path.get(2))) ops.add(op.path("operationId").asText());
        }
      }
      return new Location(concreteDotted(path), operations(ops), List.of(false), null, List.of());
    }
    return new Location(concreteDotted(path), "-", List.of(false), null, List.of());
  }

  /**
   * Operation ids joined by commas; {@code -} (the whole spec) for none, or for every operation of a
   * spec with several (a spec with one operation names it).
   */
  private String operations(Set<String> ids) {
    Set<String> all = new TreeSet<>();
    client.path("paths").forEach(p -> p.forEach(op -> {
      if (op.has("operationId")) all.add(op.get("operationId").asText());
    }));
    return ids.isEmpty() || (ids.size() > 1 && ids.equals(all)) ? "-" : String.join(",", ids);
  }

  /** The operations whose requests and responses reach a component schema, in the client's spec. */
  private record Reach(Set<String> requests, Set<String> responses) {}

  private Reach reach(String schemaName) {
    Set<String> requests = new TreeSet<>();
    Set<String> responses = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = client.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> p = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (!op.getValue().isObject() || !op.getValue().has("responses")) continue;
        String id = op.getValue().path("operationId").asText(op.getKey() + " " + p.getKey());
        JsonNode sent = UpstreamTree.JSON.createArrayNode().add(op.getValue().path("parameters")).add(op.getValue().path("requestBody"));
        if (reaches(sent, schemaName, new HashSet<>())) requests.add(id);
        if (reaches(op.getValue().path("responses"), schemaName, new HashSet<>())) responses.add(id);
      }
    }
    return new Reach(requests, responses);
  }

  private boolean reaches(JsonNode node, String schemaName, Set<String> seen) {
    if (node.isObject() && node.has("$ref")) {
      String ref = node.get("$ref").asText();
      String name = Reliance.refName(ref);
      if (name.equals(schemaName)) return true;
      if (!ref.startsWith("#/") || !seen.add(ref)) return false;
      return reaches(client.at(ref.substring(1)), schemaName, seen);
    }
    if (node.isObject() && node.has("x-audiojobs-select") && reaches(node.get("x-audiojobs-select").path("fallback").isTextual()
        ? UpstreamTree.JSON.createObjectNode().put("$ref", node.get("x-audiojobs-select").get("fallback").asText())
        : MissingNode.getInstance(), schemaName, seen)) {
      return true;
    }
    for (JsonNode child : node) if (reaches(child, schemaName, seen)) return true;
    return false;
  }

  /** The rest of a path from {@code from}, in SpecComparison's notation ({@code .output.diarization[]}). */
  private static String rest(List<Object> path, int from) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i < path.size(); i++) {
      Object s = path.get(i);
      if ("properties".equals(s) && i + 1 < path.size()) out.append('.').append(path.get(++i));
      else if ("items".equals(s)) out.append("[]");
      else if ("additionalProperties".equals(s)) out.append("{}");
      else if (s instanceof Integer) out.append('[').append(s).append(']');
      else out.append('.').append(s);
    }
    return out.toString();
  }

  private static String concrete(List<Object> path) {
    StringBuilder out = new StringBuilder("$");
    for (Object s : path) out.append(s instanceof Integer ? "[" + s + "]" : "['" + ((String) s).replace("'", "\\'") + "']");
    return out.toString();
  }

  /** A path as a reader writes it: {@code $.paths['/v1/jobs'].get.responses['404']}. */
  private static String concreteDotted(List<Object> path) {
    StringBuilder out = new StringBuilder("$");
    for (Object s : path) out.append(s instanceof Integer ? "[" + s + "]" : child((String) s));
    return out.toString();
  }

  private static JsonNode withoutDocs(JsonNode node) {
    if (!node.isObject() && !node.isArray()) return node;
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode o) o.remove(NAMES_AND_DOCS);
    for (JsonNode child : node) strip(child);
  }

  private static String text(JsonNode value) {
    return value.isMissingNode() ? "nothing" : value.isValueNode() ? value.asText() : value.toString();
  }

  private static String brief(String text) {
    String line = text.replaceAll("\\s+", " ").trim();
    return line.length() <= 90 ? line : line.substring(0, 87) + "...";
  }

  /** JSONPath notation for one more property: {@code .name}, or {@code ['name']} when it is not an identifier. */
  private static String child(String key) {
    return key.matches("[A-Za-z_$][A-Za-z0-9_$-]*") ? "." + key : "['" + key.replace("'", "\\'") + "']";
  }
}
