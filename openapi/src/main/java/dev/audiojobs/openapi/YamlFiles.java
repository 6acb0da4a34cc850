package dev.audiojobs.openapi;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads YAML (and therefore JSON) documents into Jackson trees, with errors that name file and line. */
final class YamlFiles {
  private static final YAMLMapper MAPPER =
      YAMLMapper.builder(new Yaml12Factory())
          // A key given twice is almost always a paste error; YAML says it is invalid, so do we.
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  private YamlFiles() {}

  /**
   * Reads {@code file} as a YAML mapping.
   *
   * @param displayName how the file is named in errors
   * @throws SpecException when the file cannot be read, is not valid YAML (the message carries the
   *     line and column), or its top level is not a mapping
   */
  static ObjectNode readObject(Path file, String displayName) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SpecException(displayName, "$", "cannot read the file: " + e, e);
    }
    return parseObject(text, displayName);
  }

  /** Parses {@code text} as a YAML mapping; see {@link #readObject(Path, String)}. */
  static ObjectNode parseObject(String text, String displayName) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "$" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
      String what = e.getOriginalMessage();
      // SnakeYAML's own message repeats the snippet three times; its problem and context say it once.
      if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
        what = yaml.getProblem() + (yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")");
      }
      throw new SpecException(displayName, where, "malformed YAML: " + what, e);
    }
    if (node == null || node.isMissingNode()) {
      throw new SpecException(displayName, "$", "the document is empty");
    }
    if (!node.isObject()) {
      throw new SpecException(displayName, "$", "expected a mapping at the top level, found " + node.getNodeType());
    }
    return (ObjectNode) node;
  }

  /**
   * The spec documents in {@code dir}, sorted by file name: {@code .yaml}, {@code .yml} and
   * {@code .json} files (YAML reads JSON), the names specs are published under. Empty when
   * {@code dir} does not exist.
   */
  static java.util.List<Path> documents(Path dir) {
    if (!Files.isDirectory(dir)) return java.util.List.of();
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      return files.filter(YamlFiles::isDocument).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code file} is named like a spec document: {@code .yaml}, {@code .yml} or {@code .json}. */
  static boolean isDocument(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  static YAMLMapper mapper() {
    return MAPPER;
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
