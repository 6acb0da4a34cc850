package dev.audiojobs.openapi.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Upstream changes that look like documentation or an added property but undo the premise of an
 * {@code x-audiojobs-*} extension an overlay attached to a schema the client sends, judged NEEDS-A-HUMAN
 * since only a person can read the new prose:
 * <ul>
 *   <li>{@code x-audiojobs-max-bytes} is a figure read from the schema's description (lyrcs.ai's "about
 *       4.5 MB"). When the description changes, the limit the client enforces before sending may no longer
 *       be the vendor's: a lower one lets through files the vendor now rejects.
 *   <li>{@code x-audiojobs-refused-properties} refuses a property because the vendor ignores it there
 *       (lyrcs.ai's {@code webhook_url} in multipart). When the upstream starts declaring that property on
 *       the schema, the vendor may now honour it, and the client refuses what would work.
 * </ul>
 * Both compare the client's (committed normalized) schema with the candidate's at the same place; a
 * schema without these extensions yields nothing.
 */
final class ExtensionPremises {
  private ExtensionPremises() {}

  /** The NEEDS-A-HUMAN changes at {@code where} between the client's schema {@code o} and the candidate's {@code n}. */
  static List<Change> check(String vendor, String op, String where, JsonNode o, JsonNode n) {
    List<Change> changes = new ArrayList<>();
    JsonNode maxBytes = o.get("x-audiojobs-max-bytes");
    if (maxBytes != null && !Objects.equals(o.get("description"), n.get("description"))) {
      changes.add(Change.needsAHuman(vendor, op, where, "description changed, and x-audiojobs-max-bytes ("
          + maxBytes.asText() + ") was read from it: check that the vendor's limit is still that figure (new description: \""
          + n.path("description").asText("").strip() + "\")"));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = o.path("x-audiojobs-refused-properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> refused = it.next();
      String name = refused.getKey();
      if (!o.path("properties").has(name) && n.path("properties").has(name)) {
        changes.add(Change.needsAHuman(vendor, op, where + "." + name, "the upstream now declares it, and the client refuses it"
            + " (x-audiojobs-refused-properties: " + refused.getValue().asText() + "): check whether the vendor now honours it"));
      }
    }
    return changes;
  }
}
