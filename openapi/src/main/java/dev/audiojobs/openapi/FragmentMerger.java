package dev.audiojobs.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Merges a vendor's upstream fragments (one OpenAPI document per documented page) into one document.
 *
 * <p>Fragments repeat what they share ({@code info}, {@code servers}, the error schemas); repeated
 * values must be identical. Mappings merge key by key; any other difference — two definitions of the
 * same schema that disagree, two different {@code servers} lists — is an error that names both files
 * and the JSON path, because silently picking one would hide an upstream inconsistency.
 */
final class FragmentMerger {
  private FragmentMerger() {}

  /** A parsed fragment and the name it is reported under. */
  record Fragment(String file, ObjectNode document) {}

  /**
   * Returns a new document holding every fragment's content, in fragment order.
   *
   * @throws SpecException when two fragments disagree on a value at the same path
   * @throws IllegalArgumentException when {@code fragments} is empty
   */
  static ObjectNode merge(List<Fragment> fragments) {
    if (fragments.isEmpty()) throw new IllegalArgumentException("fragments is empty");
    ObjectNode merged = fragments.get(0).document().deepCopy();
    String firstFile = fragments.get(0).file();
    for (Fragment fragment : fragments.subList(1, fragments.size())) {
      mergeInto(merged, fragment.document(), "$", firstFile, fragment.file());
    }
    return merged;
  }

  private static void mergeInto(ObjectNode into, ObjectNode from, String path, String intoFile, String fromFile) {
    for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      String childPath = JsonPaths.child(path, key);
      JsonNode existing = into.get(key);
      JsonNode incoming = field.getValue();
      if (existing == null) {
        into.set(key, incoming.deepCopy());
      } else if (existing.isObject() && incoming.isObject()) {
        mergeInto((ObjectNode) existing, (ObjectNode) incoming, childPath, intoFile, fromFile);
      } else if (!existing.equals(incoming)) {
        throw new SpecException(
            fromFile,
            childPath,
            "conflicts with " + intoFile + " at the same path (" + brief(existing) + " vs " + brief(incoming)
                + "); fragments of one vendor must agree on what they share");
      }
    }
  }

  private static String brief(JsonNode node) {
    String text = node.toString();
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
