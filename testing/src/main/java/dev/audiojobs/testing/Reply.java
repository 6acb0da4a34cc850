package dev.audiojobs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response a simulator is about to send: status, headers and body. */
final class Reply {
  final int status;
  final Map<String, String> headers = new LinkedHashMap<>();
  final byte[] body;

  private Reply(int status, byte[] body) {
    this.status = status;
    this.body = body;
  }

  static Reply json(int status, JsonNode body) {
    Reply r = new Reply(status, Json.bytes(body));
    r.headers.put("Content-Type", "application/json");
    return r;
  }

  static Reply text(int status, String contentType, String body) {
    Reply r = new Reply(status, body.getBytes(StandardCharsets.UTF_8));
    r.headers.put("Content-Type", contentType);
    return r;
  }

  static Reply bytes(int status, String contentType, byte[] body) {
    Reply r = new Reply(status, body);
    r.headers.put("Content-Type", contentType);
    return r;
  }

  static Reply empty(int status) {
    return new Reply(status, new byte[0]);
  }

  Reply header(String name, String value) {
    headers.put(name, value);
    return this;
  }
}
