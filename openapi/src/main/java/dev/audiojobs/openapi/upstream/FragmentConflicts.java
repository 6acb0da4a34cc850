package dev.audiojobs.openapi.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Where a vendor's upstream fragments disagree: the same JSON path holding different values in two
 * fragments. The Normalizer refuses such a tree; this names <em>both</em> fragments of every
 * disagreement, so that the report can say what to reconcile (no overlay is involved).
 */
final class FragmentConflicts {
  private FragmentConflicts() {}

  /** One disagreement: two fragments (relative to the tree), the JSON path, and both values in brief. */
  record Conflict(String first, String second, String path, String firstValue, String secondValue) {
    @Override
    public String toString() {
      return "the upstream fragments " + first + " and " + second + " disagree at " + path + " (" + firstValue + " vs "
          + secondValue + ")";
    }
  }

  /** Every disagreement between any two of {@code vendor}'s fragments in {@code tree}, pair by pair, in file order. */
  static List<Conflict> find(UpstreamTree tree, String vendor) {
    List<Path> files = tree.fragments(vendor);
    List<JsonNode> docs = new ArrayList<>();
    for (Path f : files) docs.add(tree.read(f));
    List<Conflict> conflicts = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      for (int j = i + 1; j < docs.size(); j++) {
        compare(docs.get(i), docs.get(j), "$", name(tree, files.get(i)), name(tree, files.get(j)), conflicts);
      }
    }
    return conflicts;
  }

  private static void compare(JsonNode a, JsonNode b, String path, String fileA, String fileB, List<Conflict> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode mine = a.get(field.getKey());
      if (mine == null) continue;
      String child = field.getKey().matches("[A-Za-z_$][A-Za-z0-9_$-]*") ? path + "." + field.getKey()
          : path + "['" + field.getKey().replace("'", "\\'") + "']";
      if (mine.isObject() && field.getValue().isObject()) {
        compare(mine, field.getValue(), child, fileA, fileB, out);
      } else if (!mine.equals(field.getValue())) {
        out.add(new Conflict(fileA, fileB, child, brief(mine), brief(field.getValue())));
      }
    }
  }

  private static String name(UpstreamTree tree, Path file) {
    return tree.root().relativize(file).toString().replace('\\', '/');
  }

  private static String brief(JsonNode node) {
    String text = node.toString();
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
