package dev.audiojobs.conformance.prism;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The overlay actions of one vendor ({@code openapi/overlays/<vendor>/*.yaml}, in file-name order),
 * and which of them explains a rejection that the upstream spec allows.
 *
 * <p>An action explains a rejection when it names the rejected property in the way the rejection
 * needs: a required property missing or null ↔ an action whose {@code required} list names it; a
 * value of another type ↔ an action that retypes that property (its target ends at {@code
 * properties.<name>} and it sets a constraining keyword or removes {@code type}, or it redefines the
 * property under {@code properties}); a rejected request parameter ↔ an action on that parameter; a
 * request body property Prism rejects ↔ an action that reshapes that property (a pattern, a length),
 * or, for a missing one, whose {@code required} list names it. A
 * value in a map counts as the map property's. Matching by name alone would credit any action that
 * mentions {@code status}.
 */
final class OverlayActions {
  private static final Pattern PROPERTY = Pattern.compile("properties(?:\\.([A-Za-z0-9_]+)|\\['([^']+)'])");
  /**
   * Keywords whose update changes which values a property accepts. Not a description or an x- mark, and
   * not a bare {@code $ref}: the overlays use those to flatten wrappers and to name open enums, which
   * reject nothing.
   */
  private static final List<String> SHAPING = List.of("type", "format", "enum", "items", "additionalProperties",
      "properties", "allOf", "oneOf", "anyOf", "nullable", "minimum", "maximum", "pattern", "minLength", "maxLength",
      "minItems", "maxItems");
  private static final Pattern PARAMETER = Pattern.compile("@\\.name == '([^']+)'");

  /** One action: where it is, what it targets, its reason, and the names it touches per way. */
  record Action(String file, int index, String target, String description, Set<String> required,
      Set<String> retyped, Set<String> parameters) {
    String cite() {
      String reason = description.replaceAll("\\s+", " ").trim();
      int end = reason.indexOf(". ");
      if (end > 0 && end < 160) reason = reason.substring(0, end + 1);
      else if (reason.length() > 160) reason = reason.substring(0, 159) + "…";
      return file + " action " + index + " (`" + target + "`): \"" + reason + "\"";
    }
  }

  private final List<Action> actions;

  private OverlayActions(List<Action> actions) {
    this.actions = actions;
  }

  static OverlayActions of(Path overlaysDir, String vendor) {
    List<Action> actions = new ArrayList<>();
    Path dir = overlaysDir.resolve(vendor);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        JsonNode overlay = Spec.YAML.readTree(file.toFile());
        int index = 0;
        for (JsonNode action : overlay.path("actions")) {
          index++;
          actions.add(action("openapi/overlays/" + vendor + "/" + file.getFileName(), index, action));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the overlays in " + dir, e);
    }
    return new OverlayActions(actions);
  }

  private static Action action(String file, int index, JsonNode action) {
    String target = action.path("target").asText();
    JsonNode update = action.path("update");
    Set<String> targeted = new LinkedHashSet<>();
    Matcher m = PROPERTY.matcher(target);
    while (m.find()) targeted.add(m.group(1) != null ? m.group(1) : m.group(2));
    Set<String> required = new LinkedHashSet<>();
    if (target.endsWith(".required")) update.forEach(n -> required.add(n.asText()));
    update.path("required").forEach(n -> required.add(n.asText()));
    Set<String> retyped = new LinkedHashSet<>();
    boolean onProperty = target.matches(".*properties(\\.[A-Za-z0-9_]+|\\['[^']+'])(\\.type)?$");
    if (onProperty && (SHAPING.stream().anyMatch(update::has) || target.endsWith(".type"))) {
      retyped.add(last(targeted));
    }
    if (target.endsWith(".properties")) update.fieldNames().forEachRemaining(retyped::add);
    Set<String> parameters = new LinkedHashSet<>();
    Matcher p = PARAMETER.matcher(target);
    while (p.find()) parameters.add(p.group(1));
    return new Action(file, index, target, action.path("description").asText(), required, retyped, parameters);
  }

  private static String last(Set<String> names) {
    String last = null;
    for (String name : names) last = name;
    return last;
  }

  /** The actions that explain {@code outcome}; empty when none does (the report says UNEXPLAINED). */
  List<Action> explaining(Sweep.Outcome outcome) {
    if (outcome.kind() == Sweep.Kind.REQUEST_REJECTED && outcome.detail().contains("request.body")) {
      // Prism names the body property in the location (request.body.url, request.body.voiceprints.0.label)
      // or, when one is missing, in the message (request.body: … must have required property 'url').
      Set<String> reshaped = new LinkedHashSet<>();
      Set<String> missing = new LinkedHashSet<>();
      Matcher located = Pattern.compile("request\\.body((?:\\.[A-Za-z0-9_-]+)+): (?!.*required property)").matcher(outcome.detail());
      while (located.find()) {
        List<String> segments = new ArrayList<>(List.of(located.group(1).substring(1).split("\\.")));
        segments.removeIf(segment -> segment.matches("\\d+"));
        if (!segments.isEmpty()) reshaped.add(segments.get(segments.size() - 1));
      }
      Matcher absent = Pattern.compile("required property '([^']+)'").matcher(outcome.detail());
      while (absent.find()) missing.add(absent.group(1));
      return actions.stream()
          .filter(a -> a.retyped().stream().anyMatch(reshaped::contains) || a.required().stream().anyMatch(missing::contains))
          .toList();
    }
    if (outcome.kind() == Sweep.Kind.REQUEST_REJECTED) {
      // Prism names the parameter in the location (request.query.take) or, when one is missing, in the
      // message (request.query: … must have required property 'take').
      Matcher m = Pattern.compile("request\\.(?:query|path|header)\\.([A-Za-z0-9_-]+)|required property '([^']+)'")
          .matcher(outcome.detail());
      Set<String> names = new LinkedHashSet<>();
      while (m.find()) names.add(m.group(1) != null ? m.group(1) : m.group(2));
      return actions.stream().filter(a -> a.parameters().stream().anyMatch(names::contains)).toList();
    }
    if (outcome.path() == null) return List.of();
    String reason = outcome.reason();
    boolean required = reason.contains("required property missing") || reason.contains("null where a value is required");
    // The property the value belongs to: the innermost name, or for a value in a map ({key}) the map.
    List<String> names = names(outcome.genericPath());
    if (names.isEmpty()) return List.of();
    String name = names.get(names.size() - 1);
    return actions.stream().filter(a -> required ? a.required().contains(name) : a.retyped().contains(name)).toList();
  }

  /** {@code $.output.diarization[*].confidence.{key}} → [output, diarization, confidence]. */
  static List<String> names(String genericPath) {
    List<String> names = new ArrayList<>();
    for (String segment : genericPath.replace("[*]", "").split("\\.")) {
      if (!segment.equals("$") && !segment.equals("{key}") && !segment.isEmpty()) names.add(segment);
    }
    return names;
  }
}
