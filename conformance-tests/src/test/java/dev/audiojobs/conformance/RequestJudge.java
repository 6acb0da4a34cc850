package dev.audiojobs.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MultipartReader;
import okio.Buffer;
import okio.ByteString;

/**
 * Compares the request the local server received with a case's {@code expectRequest}: method, path,
 * query, headers, and for a request with a body its media type, its JSON (compared as CASES.md
 * compares JSON) or its {@code multipart/form-data} parts. Every mismatch is added to {@code problems}.
 */
final class RequestJudge {
  private RequestJudge() {}

  /**
   * @param expected the case's {@code expectRequest}
   * @param defaultBody the JSON body expected when {@code expectRequest.body} is absent (the case's
   *     {@code request.body}), or null
   */
  static void judge(JsonNode expected, JsonNode defaultBody, RecordedRequest recorded, String basePath,
      List<String> problems) {
    if (expected.has("method") && !expected.get("method").asText().equals(recorded.getMethod())) {
      problems.add("expected method " + expected.get("method").asText() + " but was " + recorded.getMethod());
    }
    HttpUrl url = recorded.getUrl();
    String target = recorded.getTarget();
    String rawPath = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
    String prefix = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
    String relative = rawPath.startsWith(prefix) ? rawPath.substring(prefix.length()) : rawPath;
    if (expected.has("path") && !expected.get("path").asText().equals(relative)) {
      problems.add("expected request path " + expected.get("path").asText() + " but was " + relative);
    }
    if (expected.has("query")) {
      Map<String, String> want = new TreeMap<>();
      expected.get("query").fields().forEachRemaining(e -> want.put(e.getKey(), e.getValue().asText()));
      Map<String, String> got = new TreeMap<>();
      for (String name : url.queryParameterNames()) got.put(name, String.join(",", url.queryParameterValues(name).stream().map(String::valueOf).toList()));
      if (!want.equals(got)) problems.add("expected query " + want + " but was " + got);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = expected.path("headers").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> header = it.next();
      String actual = recorded.getHeaders().get(header.getKey());
      if (!header.getValue().asText().equals(actual)) {
        problems.add("expected header " + header.getKey() + ": " + header.getValue().asText() + " but was " + actual);
      }
    }
    String contentType = recorded.getHeaders().get("Content-Type");
    if (expected.has("contentType")) {
      String want = expected.get("contentType").asText();
      String got = contentType == null ? null : mediaType(contentType);
      if (!want.equalsIgnoreCase(String.valueOf(got))) {
        problems.add("expected request content type " + want + " but was " + (got == null ? "none" : got));
      }
    }
    JsonNode body = expected.has("body") ? expected.get("body") : defaultBody;
    if (body != null) judgeJsonBody(body, recorded.getBody().utf8(), problems);
    if (expected.has("parts")) judgeParts(expected.get("parts"), contentType, recorded.getBody(), problems);
  }

  /** {@code application/json; charset=utf-8} → {@code application/json}. */
  static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  private static void judgeJsonBody(JsonNode expected, String sent, List<String> problems) {
    JsonNode actual;
    try {
      actual = ConformanceCase.MAPPER.readTree(sent);
    } catch (IOException e) {
      problems.add("expected a JSON request body but the client sent " + (sent.isEmpty() ? "no body" : "text that is not JSON: " + abbreviate(sent)));
      return;
    }
    if (actual == null || actual.isMissingNode()) {
      problems.add("expected a JSON request body but the client sent no body");
      return;
    }
    JsonComparison.difference(expected, actual).ifPresent(d -> problems.add("request body differs at " + d));
  }

  /** One part as received. */
  private record Part(String filename, String contentType, byte[] bytes) {}

  /**
   * Compares the received {@code multipart/form-data} body with {@code expected} ({@code {name: "text"}}
   * or {@code {name: {text|base64, filename, contentType}}}): the same names, and each part's bytes,
   * filename and content type.
   */
  static void judgeParts(JsonNode expected, String contentType, ByteString body, List<String> problems) {
    if (contentType == null || !mediaType(contentType).equals("multipart/form-data")) {
      problems.add("expected multipart/form-data parts but the request's content type was " + contentType);
      return;
    }
    Map<String, Part> received;
    try {
      received = parts(contentType, body);
    } catch (IOException | IllegalArgumentException e) {
      problems.add("the multipart request body does not parse: " + e.getMessage());
      return;
    }
    List<String> missing = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Part got = received.get(e.getKey());
      if (got == null) {
        missing.add(e.getKey());
        continue;
      }
      JsonNode want = e.getValue();
      byte[] bytes = bytes(want);
      if (!java.util.Arrays.equals(bytes, got.bytes())) {
        problems.add("part " + e.getKey() + ": expected " + bytes.length + " bytes " + preview(bytes) + " but received "
            + got.bytes().length + " bytes " + preview(got.bytes()));
      }
      if (want.isObject()) {
        String filename = want.path("filename").asText(null);
        if (filename != null && !filename.equals(got.filename())) {
          problems.add("part " + e.getKey() + ": expected filename " + filename + " but was " + got.filename());
        }
        String type = want.path("contentType").asText(null);
        if (type != null && (got.contentType() == null || !type.equalsIgnoreCase(mediaType(got.contentType())))) {
          problems.add("part " + e.getKey() + ": expected content type " + type + " but was " + got.contentType());
        }
      }
    }
    if (!missing.isEmpty()) problems.add("expected parts " + missing + " but the request has none by that name");
    List<String> extra = received.keySet().stream().filter(n -> !expected.has(n)).toList();
    if (!extra.isEmpty()) problems.add("the request has parts " + extra + " the case does not expect");
  }

  /** The bytes a case's part stands for: a text value, {@code text}, {@code base64} or {@code size} zero bytes. */
  static byte[] bytes(JsonNode part) {
    if (part.isTextual()) return part.asText().getBytes(StandardCharsets.UTF_8);
    if (part.has("size")) return new byte[part.get("size").asInt()];
    if (part.has("base64")) return Base64.getDecoder().decode(part.get("base64").asText());
    return part.path("text").asText("").getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, Part> parts(String contentType, ByteString body) throws IOException {
    String boundary = null;
    for (String parameter : contentType.split(";")) {
      String p = parameter.trim();
      if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) boundary = p.substring("boundary=".length()).replace("\"", "");
    }
    if (boundary == null) throw new IllegalArgumentException("no boundary in " + contentType);
    Map<String, Part> parts = new LinkedHashMap<>();
    try (MultipartReader reader = new MultipartReader(new Buffer().write(body), boundary)) {
      for (MultipartReader.Part part = reader.nextPart(); part != null; part = reader.nextPart()) {
        Headers headers = part.headers();
        String disposition = String.valueOf(headers.get("Content-Disposition"));
        String name = parameter(disposition, "name");
        if (name == null) throw new IllegalArgumentException("a part without a name: " + disposition);
        parts.put(name, new Part(parameter(disposition, "filename"), headers.get("Content-Type"), part.body().readByteArray()));
      }
    }
    return parts;
  }

  /** {@code name} of {@code form-data; name="file"; filename="a.wav"}. */
  private static String parameter(String disposition, String name) {
    for (String parameter : disposition.split(";")) {
      String p = parameter.trim();
      if (p.startsWith(name + "=")) {
        String value = p.substring(name.length() + 1);
        return value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
      }
    }
    return null;
  }

  private static String preview(byte[] bytes) {
    return "(" + abbreviate(new String(bytes, StandardCharsets.UTF_8)) + ")";
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "…";
  }
}
