package dev.audiojobs.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One case file, parsed strictly: it must validate against {@code case.schema.json} (unknown keys and
 * missing required fields are errors), and its vendor folder and operation must exist.
 *
 * @param name {@code <vendor>/<file>}, as reported
 */
record ConformanceCase(String name, String vendor, String description, String operation, ObjectNode json) {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchema SCHEMA = loadSchema();

  private static JsonSchema loadSchema() {
    try (InputStream in = ConformanceCase.class.getResourceAsStream("/case.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A case file that cannot be run, with what is wrong and where. */
  static final class MalformedCase extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedCase(String message) {
      super(message);
    }
  }

  /**
   * Reads {@code file}, found under {@code <root>/<vendor>/}.
   *
   * @throws MalformedCase naming the file and each problem (JSON path and reason)
   */
  static ConformanceCase read(Path file, String vendor) throws MalformedCase {
    String name = vendor + "/" + file.getFileName();
    JsonNode node;
    try {
      node = MAPPER.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new MalformedCase(name + ": not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    Set<ValidationMessage> problems = SCHEMA.validate(node);
    if (!problems.isEmpty()) {
      throw new MalformedCase(name + ": does not follow case.schema.json: "
          + problems.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; ")));
    }
    ObjectNode json = (ObjectNode) node;
    return new ConformanceCase(name, vendor, json.get("description").asText(), json.get("operation").asText(), json);
  }
}
