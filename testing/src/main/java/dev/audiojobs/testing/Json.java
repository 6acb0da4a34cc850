package dev.audiojobs.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** The JSON the simulators read and write (Jackson, which the validator brings anyway). */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** The body as an object, or null when it is not a JSON object (the validator reports why). */
  static @Nullable ObjectNode parseObject(byte[] body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      return node instanceof ObjectNode o ? o : null;
    } catch (IOException e) {
      return null;
    }
  }

  static String text(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] bytes(JsonNode node) {
    return text(node).getBytes(StandardCharsets.UTF_8);
  }

  /** {@code node.field} as text, or {@code fallback} when absent, null or not text. */
  static @Nullable String string(JsonNode node, String field, @Nullable String fallback) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.asText() : fallback;
  }

  /** {@code node.field} as a boolean, or {@code fallback} when absent or null. */
  static boolean bool(JsonNode node, String field, boolean fallback) {
    JsonNode v = node.get(field);
    return v != null && v.isBoolean() ? v.asBoolean() : fallback;
  }
}
