package dev.audiojobs.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@link Overlay} actions to a document, in order, with the Overlay 1.0 semantics.
 *
 * <ul>
 *   <li>{@code update} on an object merges recursively: objects merge key by key, arrays append the
 *       update's elements, any other value replaces.
 *   <li>{@code update} on an array appends: the elements of an array update, or the value itself.
 *   <li>{@code remove: true} deletes every node the target selects from its parent.
 *   <li>A target that selects nothing is an error, never a no-op: it means the upstream spec moved
 *       under the overlay, and the decision the action records must be looked at again.
 *   <li>{@code update} on a scalar (a string, a number) is an error: target its parent object instead.
 *   <li>A node selected twice ({@code ['k','k']}) is one match; a path Jayway lists where nothing is
 *       (an index past the end of an array) is no match.
 * </ul>
 *
 * <p>Every error names the overlay file, the action ({@code $.actions[3]}), its reason (the
 * {@code description}) and its target, whatever went wrong: Jayway's own exceptions never escape.
 *
 * <p>JSONPath is Jayway's, over the Jackson tree, which it edits in place.
 */
final class OverlayApplier {
  private static final Configuration PATHS =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider())
          .mappingProvider(new JacksonMappingProvider())
          .options(Option.AS_PATH_LIST)
          .build();
  private static final Configuration VALUES =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider())
          .mappingProvider(new JacksonMappingProvider())
          .build();

  private static final Pattern TRAILING_MULTI_PROPERTY = Pattern.compile("\\[('[^']*'(?:,\\s*'[^']*')+)\\]$");
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

  private OverlayApplier() {}

  /**
   * Applies every action of {@code overlay} to {@code document}, editing it in place.
   *
   * @throws SpecException naming the overlay file and the action's path when a target is not valid
   *     JSONPath, selects nothing, or selects a value an update cannot merge into
   */
  static void apply(Overlay overlay, ObjectNode document) {
    for (Overlay.Action action : overlay.actions()) {
      apply(overlay.file(), action, document);
    }
  }

  private static void apply(String file, Overlay.Action action, ObjectNode document) {
    List<String> matches = select(file, action, document);
    if (action.remove()) {
      // Delete the deepest matches first so that removing a node never moves another match's index.
      // Last match first (array indexes), then deepest first (a child before its parent); the sort is stable.
      List<String> deepestFirst = new ArrayList<>(matches);
      java.util.Collections.reverse(deepestFirst);
      deepestFirst.sort(Comparator.comparingInt((String p) -> OverlayTrace.segments(p).size()).reversed());
      for (String match : deepestFirst) {
        if (OverlayTrace.at(document, match).isMissingNode()) continue; // went with an ancestor removed before it
        try {
          JsonPath.using(VALUES).parse(document).delete(match);
        } catch (JsonPathException e) {
          throw error(file, action, ".target", "cannot remove " + match + ": " + describe(e), e);
        }
      }
      return;
    }
    for (String match : matches) {
      JsonNode target = OverlayTrace.at(document, match);
      if (target instanceof ObjectNode object) {
        if (!action.update().isObject()) {
          throw error(file, action, ".update", "selects " + match + ", an object; the update must be a mapping, found "
              + action.update().getNodeType(), null);
        }
        mergeObject(object, (ObjectNode) action.update());
      } else if (target instanceof ArrayNode array) {
        append(array, action.update());
      } else {
        throw error(file, action, ".target",
            "selects " + match + ", which is a scalar; target its parent object to replace it", null);
      }
    }
  }

  /**
   * The concrete paths {@code action}'s target selects in {@code document}, in selection order, each
   * once and each existing.
   *
   * @throws SpecException naming the overlay file, the action, its reason and its target, when the
   *     target is not valid JSONPath, cannot be evaluated, or selects nothing
   */
  static List<String> select(String file, Overlay.Action action, ObjectNode document) {
    Set<String> matches = new LinkedHashSet<>();
    try {
      // With the Jackson provider, the path list comes back as an ArrayNode of strings.
      Object found = JsonPath.using(PATHS).parse(document).read(action.target());
      DocumentContext values = JsonPath.using(VALUES).parse(document);
      List<String> paths = new ArrayList<>();
      if (found instanceof ArrayNode list) list.forEach(p -> expandInto(paths, p.asText(), values));
      else if (found instanceof List<?> list) list.forEach(p -> expandInto(paths, String.valueOf(p), values));
      for (String path : paths) {
        // Jayway lists a definite path even where nothing is (an index past the end): not a match.
        if (!OverlayTrace.at(document, path).isMissingNode()) matches.add(path);
      }
    } catch (PathNotFoundException e) {
      // A definite path that does not exist: reported below like any other empty match.
    } catch (InvalidPathException e) {
      throw error(file, action, ".target", "is an invalid JSONPath: " + describe(e), e);
    } catch (JsonPathException | IllegalArgumentException e) {
      throw error(file, action, ".target", "cannot be evaluated: " + describe(e), e);
    }
    if (matches.isEmpty()) {
      throw error(file, action, ".target",
          "matches nothing: the upstream spec moved under this action; revisit the decision and retarget or drop it", null);
    }
    return new ArrayList<>(matches);
  }

  /** Every overlay error: the file, the action (index, reason, target) and what is wrong. */
  private static SpecException error(String file, Overlay.Action action, String field, String problem, Throwable cause) {
    return new SpecException(file, action.path() + field,
        action.target() + " " + problem + " (action \"" + action.description() + "\")", cause);
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * Adds {@code path} to {@code matches}, split when it ends in a multi-property selector.
   *
   * <p>Jayway reports {@code $.a['x','y']} as one path and reads it as a new map holding x and y, so
   * an update merged into that map would change nothing in the document. Each property is a target
   * of its own, and only the properties the object has are selected ({@code $.a['x','y']} on an
   * object without y selects x alone, as a JSONPath union selects only what exists); when it has none
   * of them the target matches nothing, which is an error like any other empty match.
   */
  private static void expandInto(List<String> matches, String path, DocumentContext document) {
    Matcher multi = TRAILING_MULTI_PROPERTY.matcher(path);
    if (!multi.find()) {
      matches.add(path);
      return;
    }
    String parent = path.substring(0, multi.start());
    Matcher name = QUOTED.matcher(multi.group(1));
    while (name.find()) {
      String property = parent + "['" + name.group(1) + "']";
      if (exists(document, property)) matches.add(property);
    }
  }

  private static boolean exists(DocumentContext document, String path) {
    try {
      document.read(path);
      return true;
    } catch (PathNotFoundException e) {
      return false;
    }
  }

  /** Recursive Overlay merge of {@code update} into {@code target}. */
  static void mergeObject(ObjectNode target, ObjectNode update) {
    for (Iterator<Map.Entry<String, JsonNode>> it = update.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode existing = target.get(field.getKey());
      JsonNode incoming = field.getValue();
      if (existing instanceof ObjectNode existingObject && incoming.isObject()) {
        mergeObject(existingObject, (ObjectNode) incoming);
      } else if (existing instanceof ArrayNode existingArray && incoming.isArray()) {
        append(existingArray, incoming);
      } else {
        target.set(field.getKey(), incoming.deepCopy());
      }
    }
  }

  private static void append(ArrayNode target, JsonNode update) {
    if (update.isArray()) {
      for (JsonNode element : update) target.add(element.deepCopy());
    } else {
      target.add(update.deepCopy());
    }
  }
}
