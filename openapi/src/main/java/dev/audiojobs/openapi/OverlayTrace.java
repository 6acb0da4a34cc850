package dev.audiojobs.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A vendor's overlays applied the way the {@link Normalizer} applies them, one action at a time,
 * recording what each action's target selected just before it ran: the upstream as the action found
 * it, which is what the decision it records was made about. {@code openapi/check-upstream} replays this
 * on the committed and on a candidate upstream and judges where the two differ (overlay drift).
 */
public final class OverlayTrace {
  private static final Pattern SEGMENT = Pattern.compile("\\['((?:[^'\\\\]|\\\\.)*)'\\]|\\[(\\d+)\\]");

  private OverlayTrace() {}

  /** One node an action's target selected, by its concrete JSONPath ({@code $['components']['schemas']['X']}). */
  public record Match(String path, JsonNode value) {}

  /**
   * One overlay action and what it found.
   *
   * @param overlayFile the overlay, as the Normalizer names it ({@code openapi/overlays/daily/10-job.yaml})
   * @param actionPath the action inside it ({@code $.actions[2]})
   * @param update the merged value, or null for a removal
   * @param before each node the target selected before the action ran, in selection order
   * @param document the whole document before the action ran (a copy; {@code $ref}s in {@code before} resolve in it)
   */
  public record Step(String overlayFile, String actionPath, String target, String description, boolean remove,
      JsonNode update, List<Match> before, JsonNode document) {
    public Step {
      before = List.copyOf(before);
    }
  }

  /**
   * The overlays replayed: every step, and the document after the last one (what the Normalizer writes,
   * before it records its inputs' hashes and orders the keys).
   */
  public record Replay(List<Step> steps, ObjectNode result) {
    public Replay {
      steps = List.copyOf(steps);
    }
  }

  /**
   * Replays the overlays of {@code vendor} under {@code openapiDir} ({@code upstream/} and {@code overlays/}).
   *
   * @throws SpecException exactly where {@link Normalizer#normalize} would: fragments that disagree, a
   *     malformed overlay, an action whose target matches nothing
   */
  public static Replay trace(Path openapiDir, String vendor) {
    ObjectNode document = mergeUpstream(openapiDir, vendor);
    List<Step> steps = new ArrayList<>();
    for (Path file : yamlFiles(openapiDir.resolve("overlays").resolve(vendor))) {
      Overlay overlay = Overlay.read(file, display(openapiDir, file));
      for (Overlay.Action action : overlay.actions()) {
        List<Match> before = new ArrayList<>();
        for (String path : OverlayApplier.select(overlay.file(), action, document)) before.add(new Match(path, at(document, path).deepCopy()));
        steps.add(new Step(overlay.file(), action.path(), action.target(), action.description(), action.remove(),
            action.update(), before, document.deepCopy()));
        OverlayApplier.apply(new Overlay(overlay.file(), overlay.title(), overlay.version(), List.of(action)), document);
      }
    }
    return new Replay(steps, document);
  }

  /**
   * The vendor's upstream fragments merged as the Normalizer merges them.
   *
   * @throws SpecException when a fragment is malformed or two fragments disagree
   */
  public static ObjectNode mergeUpstream(Path openapiDir, String vendor) {
    List<FragmentMerger.Fragment> fragments = new ArrayList<>();
    for (Path file : yamlFiles(openapiDir.resolve("upstream").resolve(vendor))) {
      if (file.getFileName().toString().equals(Normalizer.PROVENANCE)) continue;
      String name = display(openapiDir, file);
      fragments.add(Normalizer.fragment(file, name));
    }
    if (fragments.isEmpty()) throw new SpecException(display(openapiDir, openapiDir.resolve("upstream").resolve(vendor)), "$", "no upstream spec");
    return FragmentMerger.merge(fragments);
  }

  /**
   * The segments of a concrete JSONPath as Jayway reports matches ({@code $['a']['b'][0]}): property
   * names as strings, array indexes as integers.
   *
   * @throws IllegalArgumentException for any other notation
   */
  public static List<Object> segments(String path) {
    if (!path.startsWith("$")) throw new IllegalArgumentException("not a concrete JSONPath: " + path);
    List<Object> segments = new ArrayList<>();
    Matcher m = SEGMENT.matcher(path);
    int at = 1;
    while (at < path.length()) {
      if (!m.find(at) || m.start() != at) throw new IllegalArgumentException("not a concrete JSONPath: " + path);
      segments.add(m.group(1) != null ? m.group(1).replace("\\'", "'").replace("\\\\", "\\") : (Object) Integer.valueOf(m.group(2)));
      at = m.end();
    }
    return segments;
  }

  /** The node at a concrete JSONPath, or a missing node. */
  public static JsonNode at(JsonNode document, String path) {
    JsonNode node = document;
    for (Object segment : segments(path)) {
      node = segment instanceof Integer i ? node.path(i) : node.path((String) segment);
    }
    return node;
  }

  private static String display(Path openapiDir, Path file) {
    Path base = openapiDir.toAbsolutePath().normalize();
    Path abs = file.toAbsolutePath().normalize();
    return ("openapi/" + (abs.startsWith(base) ? base.relativize(abs) : abs)).replace('\\', '/');
  }

  private static List<Path> yamlFiles(Path dir) {
    return YamlFiles.documents(dir);
  }
}
