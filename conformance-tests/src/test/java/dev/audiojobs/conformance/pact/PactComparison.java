package dev.audiojobs.conformance.pact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares two pact files as the contract they state.
 *
 * <p>Ignored, because they vary without the contract changing: {@code metadata.pact-jvm} (the version
 * of the library that wrote the file) and the order of interactions (sorted by description, which is
 * unique per provider). Everything else — each interaction's key, provider states, request, response,
 * headers, body — must be equal.
 */
final class PactComparison {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PactComparison() {}

  /** The first difference as {@code <json pointer>: committed X, generated Y}, or empty when equal. */
  static Optional<String> difference(String committed, String generated) {
    return difference("", canonical(committed), canonical(generated));
  }

  static JsonNode canonical(String pact) {
    try {
      ObjectNode root = (ObjectNode) MAPPER.readTree(pact);
      if (root.get("metadata") instanceof ObjectNode metadata) metadata.remove("pact-jvm");
      if (root.get("interactions") instanceof ArrayNode interactions) {
        List<JsonNode> sorted = new ArrayList<>();
        interactions.forEach(sorted::add);
        sorted.sort(Comparator.comparing(i -> i.path("description").asText()));
        interactions.removeAll();
        interactions.addAll(sorted);
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException("not a pact file", e);
    }
  }

  private static Optional<String> difference(String pointer, JsonNode a, JsonNode b) {
    if (a.isObject() && b.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      // An interaction's key is a hash of the rest: report the difference it summarizes instead.
      List<String> ordered = new ArrayList<>(names);
      if (ordered.remove("key")) ordered.add("key");
      for (String name : ordered) {
        String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
        if (!a.has(name)) return Optional.of(child + ": not in the committed pact, generated " + b.get(name));
        if (!b.has(name)) return Optional.of(child + ": committed " + a.get(name) + ", no longer generated");
        Optional<String> d = difference(child, a.get(name), b.get(name));
        if (d.isPresent()) return d;
      }
      return Optional.empty();
    }
    if (a.isArray() && b.isArray()) {
      Iterator<JsonNode> ia = a.elements();
      Iterator<JsonNode> ib = b.elements();
      for (int i = 0; ia.hasNext() || ib.hasNext(); i++) {
        String child = pointer + "/" + i;
        if (!ia.hasNext()) return Optional.of(child + ": not in the committed pact, generated " + ib.next());
        if (!ib.hasNext()) return Optional.of(child + ": committed " + ia.next() + ", no longer generated");
        JsonNode x = ia.next();
        JsonNode y = ib.next();
        Optional<String> d = difference(child + describe(x), x, y);
        if (d.isPresent()) return d;
      }
      return Optional.empty();
    }
    return a.equals(b) ? Optional.empty() : Optional.of(pointer + ": committed " + a + ", generated " + b);
  }

  /** Names an interaction in a pointer so the message says which one differs. */
  private static String describe(JsonNode element) {
    return element.has("description") ? " (\"" + element.get("description").asText() + "\")" : "";
  }
}
