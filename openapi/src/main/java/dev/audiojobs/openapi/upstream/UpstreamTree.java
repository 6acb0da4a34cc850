package dev.audiojobs.openapi.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.audiojobs.openapi.SpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A tree laid out like {@code openapi/upstream/}: one folder per vendor holding that vendor's spec
 * fragments and {@code provenance.yaml}.
 *
 * <p>{@link #merged} joins a vendor's fragments the simple way the validator needs (paths by key and
 * within a shared path by method, components by key, first fragment wins); the Normalizer's stricter merge is what judges fragments
 * that disagree.
 */
final class UpstreamTree {
  static final String PROVENANCE = "provenance.yaml";
  static final YAMLMapper YAML = dev.audiojobs.openapi.Yaml12Factory.mapper();
  static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;

  UpstreamTree(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  /** The vendors with a folder, sorted. */
  List<String> vendors() {
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The spec fragments of {@code vendor}, sorted by name, without the provenance file. */
  List<Path> fragments(String vendor) {
    Path dir = root.resolve(vendor);
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().matches(".*\\.(yaml|yml|json)"))
          .filter(p -> !p.getFileName().toString().equals(PROVENANCE)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The vendor's fragments as one document.
   *
   * @throws SpecException when a fragment is not a YAML mapping, or the vendor has none
   */
  ObjectNode merged(String vendor) {
    List<Path> fragments = fragments(vendor);
    if (fragments.isEmpty()) throw new SpecException(display(root.resolve(vendor)), "$", "no spec fragments");
    ObjectNode merged = null;
    for (Path file : fragments) {
      ObjectNode fragment = read(file);
      // Compared as the normalizer reads it: a 3.1 fragment in its 3.0 spelling.
      dev.audiojobs.openapi.Normalizer.toOpenApi30(fragment, display(file));
      if (merged == null) {
        merged = fragment;
      } else {
        mergeSection(merged, fragment, "paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = fragment.path("components").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> section = it.next();
          ObjectNode target = merged.with("components").with(section.getKey());
          section.getValue().fields().forEachRemaining(e -> {
            if (!target.has(e.getKey())) target.set(e.getKey(), e.getValue());
          });
        }
      }
    }
    return merged;
  }

  private static void mergeSection(ObjectNode into, ObjectNode from, String name) {
    ObjectNode target = into.with(name);
    from.path(name).fields().forEachRemaining(e -> {
      JsonNode existing = target.get(e.getKey());
      if (existing == null) {
        target.set(e.getKey(), e.getValue());
      } else if (existing instanceof ObjectNode item && e.getValue() instanceof ObjectNode more) {
        // A path two fragments share (Daily's GET and DELETE /batch-processor/{id}) keeps the operations
        // of both; for the same method the first fragment still wins.
        more.fields().forEachRemaining(op -> {
          if (!item.has(op.getKey())) item.set(op.getKey(), op.getValue());
        });
      }
    });
  }

  ObjectNode read(Path file) {
    try {
      JsonNode node = YAML.readTree(file.toFile());
      if (!(node instanceof ObjectNode object)) {
        throw new SpecException(display(file), "$", "not a YAML mapping; an OpenAPI document is expected");
      }
      return object;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "$"
          : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new SpecException(display(file), where, "not valid YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String display(Path file) {
    return file.toString().replace('\\', '/');
  }

  static String toJson(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a Jackson tree always serializes", e);
    }
  }
}
