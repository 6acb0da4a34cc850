package dev.audiojobs.openapi.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One HTTP interaction of a committed V4 pact file, read as plain JSON.
 *
 * <p>Read with Jackson rather than Pact JVM so that {@code openapi/check-upstream} does not carry the
 * Pact runtime; only the parts the validator needs are kept.
 *
 * @param pact the pact file name
 * @param provider the pact's provider name, which starts with the vendor token ({@code pyannote-api})
 * @param description the interaction's description, unique within its pact
 * @param method the request method
 * @param path the request path, including the vendor's base path
 * @param query the request query parameters, in order
 * @param requestHeaders the request headers
 * @param requestBody the request body as text (JSON as sent), or null when there is none or it is
 *     binary ({@code encoded}: multipart and uploads are not replayed)
 * @param status the response status
 * @param responseHeaders the response headers
 * @param body the response body as JSON text, or null when there is none
 */
record PactInteraction(
    String pact,
    String provider,
    String description,
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, List<String>> requestHeaders,
    String requestBody,
    int status,
    Map<String, List<String>> responseHeaders,
    String body) {

  PactInteraction {
    query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    requestHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(requestHeaders));
    responseHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(responseHeaders));
  }

  /** The vendor this interaction belongs to: the provider name up to its first dash. */
  String vendor() {
    int dash = provider.indexOf('-');
    return dash < 0 ? provider : provider.substring(0, dash);
  }

  /** Every interaction of every {@code *.json} pact in {@code dir}, file by file in name order. */
  static List<PactInteraction> readAll(Path dir) {
    List<PactInteraction> all = new ArrayList<>();
    if (!Files.isDirectory(dir)) return all;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) all.addAll(read(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }

  static List<PactInteraction> read(Path file) {
    JsonNode pact;
    try {
      pact = UpstreamTree.JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pact " + file, e);
    }
    String name = file.getFileName().toString();
    String provider = pact.path("provider").path("name").asText();
    List<PactInteraction> interactions = new ArrayList<>();
    for (JsonNode i : pact.path("interactions")) {
      JsonNode request = i.path("request");
      JsonNode response = i.path("response");
      interactions.add(new PactInteraction(name, provider, i.path("description").asText(),
          request.path("method").asText("GET"), request.path("path").asText("/"), multiMap(request.path("query")),
          multiMap(request.path("headers")), text(request.path("body")), response.path("status").asInt(200),
          multiMap(response.path("headers")), text(response.path("body"))));
    }
    return interactions;
  }

  /** A V4 body as text: JSON content as JSON, plain content as it is; none for no body or an encoded (binary) one. */
  private static String text(JsonNode body) {
    JsonNode content = body.path("content");
    if (content.isMissingNode() || content.isNull()) return null;
    JsonNode encoded = body.path("encoded");
    if (encoded.asBoolean(false) || (encoded.isTextual() && !encoded.asText().equals("false"))) return null;
    return content.isTextual() ? content.asText() : UpstreamTree.toJson(content);
  }

  private static Map<String, List<String>> multiMap(JsonNode node) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      List<String> values = new ArrayList<>();
      if (e.getValue().isArray()) e.getValue().forEach(v -> values.add(v.asText()));
      else values.add(e.getValue().asText());
      map.put(e.getKey(), List.copyOf(values));
    }
    return map;
  }
}
