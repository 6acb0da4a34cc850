package dev.audiojobs.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Removes the header parameters OpenAPI itself says are ignored: "If in is "header" and the name field is
 * "Accept", "Content-Type" or "Authorization", the parameter definition SHALL be ignored" (OpenAPI 3.0.3 and
 * 3.1, Parameter Object). What they would say is said elsewhere: the media types of the responses and the
 * request body, and the security schemes. Specs generated from SDK definitions (Fern) list
 * {@code Authorization} on every operation; kept, the generator would take it for a header the caller passes.
 * Names compare case-insensitively, as HTTP header names do. A {@code $ref}'d parameter is left alone.
 */
final class ReservedHeaders {
  private static final Set<String> IGNORED = Set.of("accept", "content-type", "authorization");
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private ReservedHeaders() {}

  /** Removes them from every path item and operation of {@code document}, a note per path and name. */
  static void remove(JsonNode document, List<String> notes) {
    for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> item = it.next();
      remove(item.getValue().path("parameters"), item.getKey(), notes);
      for (String method : METHODS) {
        remove(item.getValue().path(method).path("parameters"), method.toUpperCase(Locale.ROOT) + " " + item.getKey(), notes);
      }
    }
  }

  private static void remove(JsonNode parameters, String where, List<String> notes) {
    if (!(parameters instanceof ArrayNode list)) return;
    for (int i = 0; i < list.size(); ) {
      JsonNode parameter = list.get(i);
      String name = parameter.path("name").asText();
      if (!"header".equals(parameter.path("in").asText()) || !IGNORED.contains(name.toLowerCase(Locale.ROOT))) {
        i++;
      } else {
        list.remove(i);
        notes.add("ignored header " + where + " " + name + ": OpenAPI ignores a header parameter named Accept, Content-Type"
            + " or Authorization");
      }
    }
  }
}
