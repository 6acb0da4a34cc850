package dev.audiojobs.openapi;

import java.util.regex.Pattern;

/** Builds the JSON paths that errors report, in the notation Jayway and the Overlay spec read. */
final class JsonPaths {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

  private JsonPaths() {}

  /** {@code parent.key}, or {@code parent['key']} when the key is not a plain identifier. */
  static String child(String parent, String key) {
    if (PLAIN.matcher(key).matches()) return parent + "." + key;
    return parent + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  /** {@code parent[index]}. */
  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
