package dev.audiojobs.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An OpenAPI Overlay 1.0 document: an ordered list of actions, each with a target, a reason, and either
 * an update or a removal.
 *
 * <p>Parsing is strict, beyond the Overlay spec in one respect: every action must carry a non-blank
 * {@code description}, because in this project it is the written reason for changing the vendor's
 * spec. Unknown fields (other than {@code x-} extensions) are errors, so a typo such as
 * {@code udpate:} cannot silently turn an action into a no-op.
 */
record Overlay(String file, String title, String version, List<Action> actions) {
  private static final Pattern SUPPORTED_VERSION = Pattern.compile("1\\.0\\.\\d+");
  private static final Set<String> DOCUMENT_FIELDS = Set.of("overlay", "info", "extends", "actions");
  private static final Set<String> INFO_FIELDS = Set.of("title", "version", "description");
  private static final Set<String> ACTION_FIELDS = Set.of("target", "description", "update", "remove");

  Overlay {
    actions = Collections.unmodifiableList(new ArrayList<>(actions));
  }

  /**
   * One action. Exactly one of {@code update} and {@code remove} is set.
   *
   * @param path the action's JSON path inside the overlay file, e.g. {@code $.actions[3]}
   * @param update the value merged into each target, or null for a removal
   */
  record Action(String path, String target, String description, JsonNode update, boolean remove) {}

  /**
   * Reads and validates an overlay file.
   *
   * @throws SpecException for malformed YAML, an unsupported {@code overlay} version, a missing or
   *     unknown field, or an action without a reason
   */
  static Overlay read(Path file, String displayName) {
    return parse(YamlFiles.readObject(file, displayName), displayName);
  }

  /** Validates an already parsed overlay document; see {@link #read(Path, String)}. */
  static Overlay parse(ObjectNode doc, String file) {
    rejectUnknown(doc, DOCUMENT_FIELDS, "$", file);
    JsonNode version = doc.get("overlay");
    if (version == null || !version.isTextual()) {
      throw new SpecException(file, "$.overlay", "missing: an Overlay document starts with `overlay: 1.0.0`");
    }
    if (!SUPPORTED_VERSION.matcher(version.asText()).matches()) {
      throw new SpecException(
          file, "$.overlay", "unsupported Overlay version '" + version.asText() + "' (supported: 1.0.x)");
    }
    JsonNode info = doc.get("info");
    if (info == null || !info.isObject()) throw new SpecException(file, "$.info", "missing: give a title and a version");
    rejectUnknown((ObjectNode) info, INFO_FIELDS, "$.info", file);
    String title = requireText(info, "title", "$.info", file);
    String infoVersion = requireText(info, "version", "$.info", file);

    JsonNode actionsNode = doc.get("actions");
    if (actionsNode == null || !actionsNode.isArray() || actionsNode.isEmpty()) {
      throw new SpecException(file, "$.actions", "missing or empty: an overlay has at least one action");
    }
    List<Action> actions = new ArrayList<>();
    for (int i = 0; i < actionsNode.size(); i++) {
      String path = JsonPaths.index("$.actions", i);
      JsonNode node = actionsNode.get(i);
      if (!node.isObject()) throw new SpecException(file, path, "an action is a mapping, found " + node.getNodeType());
      rejectUnknown((ObjectNode) node, ACTION_FIELDS, path, file);
      String target = requireText(node, "target", path, file);
      if (!target.startsWith("$")) {
        throw new SpecException(file, path + ".target", "a target is a JSONPath starting with `$`: " + target);
      }
      String description = requireText(node, "description", path, file);
      JsonNode update = node.get("update");
      JsonNode remove = node.get("remove");
      if (remove != null && !remove.isBoolean()) {
        throw new SpecException(file, path + ".remove", "must be true or false, found " + remove);
      }
      boolean removes = remove != null && remove.booleanValue();
      if (removes == (update != null)) {
        throw new SpecException(
            file, path, "an action has exactly one of `update` and `remove: true` (target " + target + ")");
      }
      actions.add(new Action(path, target, description, update, removes));
    }
    return new Overlay(file, title, infoVersion, actions);
  }

  private static String requireText(JsonNode parent, String field, String path, String file) {
    JsonNode value = parent.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      String why = field.equals("description") ? " (every action states its reason)" : "";
      throw new SpecException(file, JsonPaths.child(path, field), "missing or blank" + why);
    }
    return value.asText();
  }

  private static void rejectUnknown(ObjectNode node, Set<String> known, String path, String file) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name) && !name.startsWith("x-")) {
        throw new SpecException(file, JsonPaths.child(path, name), "unknown field (known: " + known + ")");
      }
    }
  }
}
