package dev.audiojobs.conformance.prism;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An OpenAPI document as the sweep reads it: its operations, found by HTTP method and path (operation
 * ids differ between an upstream spec and the normalized one), with their parameters and declared
 * error responses.
 */
final class Spec {
  static final YAMLMapper YAML = new YAMLMapper();
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** One parameter; {@code schema} has its top-level {@code $ref} resolved. */
  record Parameter(String name, String in, boolean required, JsonNode schema) {}

  /**
   * One operation; {@code errorSchemas} maps each declared status ≥ 400 to its body schema's name, or ""
   * when inline or absent; {@code bodilessErrors} are those declared without any content (AssemblyAI's
   * 503 and 504); {@code requestBodySchema} names its JSON request body's schema, or is null when it
   * takes none; {@code binaryBody} says it takes an {@code application/octet-stream} body (a file).
   */
  record Operation(String method, String path, String operationId, List<Parameter> parameters,
      Map<Integer, String> errorSchemas, String requestBodySchema, java.util.Set<Integer> bodilessErrors, boolean binaryBody) {
    String describe() {
      return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
    }
  }

  private final Path file;
  private final ObjectNode root;

  private Spec(Path file, ObjectNode root) {
    this.file = file;
    this.root = root;
  }

  static Spec read(Path file) {
    try {
      return new Spec(file, (ObjectNode) YAML.readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** A spec for a document changed in memory (the negative controls), saved to {@code file} for Prism. */
  static Spec write(Path file, ObjectNode root) {
    try {
      java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
      YAML.writeValue(file.toFile(), root);
      return new Spec(file, root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  Path file() {
    return file;
  }

  /** A deep copy of the document, to change. */
  ObjectNode copyOfRoot() {
    return root.deepCopy();
  }

  /** The named schema under {@code #/components/schemas}. */
  JsonNode schema(String name) {
    return root.path("components").path("schemas").path(name);
  }

  JsonNode root() {
    return root;
  }

  List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
      for (String method : METHODS) {
        JsonNode op = path.getValue().get(method);
        if (op != null) operations.add(operation(method, path.getKey(), path.getValue(), op));
      }
    }
    return operations;
  }

  Optional<Operation> operation(String method, String path) {
    return operations().stream().filter(o -> o.method().equals(method) && o.path().equals(path)).findFirst();
  }

  private Operation operation(String method, String path, JsonNode pathItem, JsonNode op) {
    List<Parameter> parameters = new ArrayList<>();
    // Path-level parameters come first, as the generator orders them; none of the specs has any yet.
    for (JsonNode p : iterable(pathItem.path("parameters"), op.path("parameters"))) {
      JsonNode parameter = resolve(p);
      parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
          parameter.path("required").asBoolean(), resolve(parameter.path("schema"))));
    }
    Map<Integer, String> errors = new TreeMap<>();
    java.util.Set<Integer> bodiless = new java.util.TreeSet<>();
    for (Map.Entry<String, JsonNode> response : op.path("responses").properties()) {
      if (!response.getKey().matches("[45]\\d\\d")) continue;
      JsonNode declared = resolve(response.getValue());
      String ref = declared.path("content").path("application/json").path("schema").path("$ref").asText("");
      errors.put(Integer.valueOf(response.getKey()), ref.substring(ref.lastIndexOf('/') + 1));
      if (declared.path("content").isEmpty()) bodiless.add(Integer.valueOf(response.getKey()));
    }
    String body = op.path("requestBody").path("content").path("application/json").path("schema").path("$ref").asText(null);
    boolean binary = op.path("requestBody").path("content").has("application/octet-stream");
    return new Operation(method, path, op.path("operationId").asText(""), parameters, errors,
        body == null ? null : body.substring(body.lastIndexOf('/') + 1), java.util.Set.copyOf(bodiless), binary);
  }

  /**
   * {@code jsonPath} (as the client reports it: {@code $.output.diarization[1].confidence.SPEAKER_00})
   * with array indices as {@code [*]} and map keys as {@code {key}}, found by walking the {@code status}
   * response schema of {@code operation}; so that outcomes group by place, not by generated key.
   */
  String genericPath(Operation operation, int status, String jsonPath) {
    JsonNode schema = root.path("paths").path(operation.path()).path(operation.method()).path("responses")
        .path(Integer.toString(status)).path("content").path("application/json").path("schema");
    StringBuilder out = new StringBuilder("$");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]").matcher(jsonPath);
    while (m.find()) {
      schema = resolve(schema);
      if (m.group(2) != null) {
        out.append("[*]");
        schema = items(schema);
        continue;
      }
      JsonNode property = property(schema, m.group(1));
      if (property != null) {
        out.append('.').append(m.group(1));
        schema = property;
      } else {
        boolean map = schema.has("additionalProperties") || schema.path("properties").isMissingNode();
        out.append('.').append(map && !schema.isMissingNode() ? "{key}" : m.group(1));
        schema = schema.path("additionalProperties");
      }
    }
    return out.toString();
  }

  private JsonNode property(JsonNode schema, String name) {
    JsonNode direct = schema.path("properties").get(name);
    if (direct != null) return direct;
    for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
      for (JsonNode branch : schema.path(combinator)) {
        JsonNode found = property(resolve(branch), name);
        if (found != null) return found;
      }
    }
    return null;
  }

  private JsonNode items(JsonNode schema) {
    if (schema.has("items")) return schema.get("items");
    for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
      for (JsonNode branch : schema.path(combinator)) {
        JsonNode resolved = resolve(branch);
        if (resolved.has("items")) return resolved.get("items");
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /** {@code node}, or what its local {@code $ref} points to. */
  JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int depth = 0; current.has("$ref") && depth < 10; depth++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/")) throw new IllegalArgumentException(file + ": only local $refs are supported: " + ref);
      current = root.at(ref.substring(1));
    }
    return current;
  }

  private static Iterable<JsonNode> iterable(JsonNode first, JsonNode second) {
    List<JsonNode> all = new ArrayList<>();
    first.forEach(all::add);
    second.forEach(all::add);
    return all;
  }
}
