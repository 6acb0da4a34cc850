package dev.audiojobs.conformance.prism;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Text about sweep results: counts, failure listings and groups of like outcomes. */
final class SweepReport {
  private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");

  private SweepReport() {}

  /** "435 calls: 380 decoded, 40 typed errors, 15 outside the spec, 0 failures". */
  static String counts(List<Sweep.Result> results) {
    long calls = 0;
    long decoded = 0;
    long typed = 0;
    long outside = 0;
    long failures = 0;
    for (Sweep.Result r : results) {
      calls += r.outcomes().size();
      decoded += r.count(Sweep.Kind.DECODED);
      typed += r.count(Sweep.Kind.TYPED_ERROR);
      outside += r.count(Sweep.Kind.OUTSIDE_SPEC);
      failures += r.failures().size();
    }
    return calls + " calls: " + decoded + " decoded, " + typed + " typed errors, " + outside
        + " outside the spec, " + failures + " failures";
  }

  /** The first {@code max} failures in full, then how many more; grouped so that one bug is not 200 lines. */
  static String firstFailures(List<Sweep.Outcome> failures, int max) {
    StringBuilder s = new StringBuilder();
    Map<String, List<Sweep.Outcome>> groups = group(failures);
    s.append(failures.size()).append(" failing calls in ").append(groups.size()).append(" groups:\n");
    int shown = 0;
    for (Map.Entry<String, List<Sweep.Outcome>> group : groups.entrySet()) {
      s.append("- ").append(group.getValue().size()).append(" × ").append(group.getKey()).append('\n');
      if (shown++ < max) s.append("  first: ").append(group.getValue().get(0).describe()).append('\n');
    }
    return s.toString();
  }

  /**
   * Outcomes with the same kind, operation, JSON path (indices as {@code [*]}) and reason (quoted values
   * as {@code "…"}), in first-seen order.
   */
  static Map<String, List<Sweep.Outcome>> group(List<Sweep.Outcome> outcomes) {
    Map<String, List<Sweep.Outcome>> groups = new LinkedHashMap<>();
    for (Sweep.Outcome o : outcomes) groups.computeIfAbsent(key(o), k -> new ArrayList<>()).add(o);
    return groups;
  }

  static String key(Sweep.Outcome o) {
    String key = o.kind() + " " + o.operationId();
    if (o.preferredStatus() != null) key += " HTTP " + o.preferredStatus();
    if (o.path() != null) key += " at " + o.genericPath() + ": " + QUOTED.matcher(o.reason()).replaceAll("\"…\"");
    if (o.kind() == Sweep.Kind.REQUEST_REJECTED) key += ": " + o.detail();
    if (o.kind() == Sweep.Kind.UNEXPECTED) key += ": " + QUOTED.matcher(o.detail()).replaceAll("\"…\"");
    return key;
  }

  /** The responses Prism generated outside the served spec and the client rejected, grouped, with one example each. */
  static List<String> outsideSpecSection(List<Sweep.Result> results) {
    List<Sweep.Outcome> outside = new ArrayList<>();
    synchronized (results) {
      for (Sweep.Result r : results) {
        r.outcomes().stream().filter(o -> o.kind() == Sweep.Kind.OUTSIDE_SPEC).forEach(outside::add);
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add("## Generated outside the spec");
    lines.add("");
    if (outside.isEmpty()) {
      lines.add("None: every body the client rejected was one the spec allows (and those fail the build).");
      return lines;
    }
    lines.add("Bodies Prism generated that the served spec itself forbids (judged by the networknt validator); the client "
        + "may reject these. Grouped by where the client stopped:");
    lines.add("");
    for (Map.Entry<String, List<Sweep.Outcome>> group : group(outside).entrySet()) {
      Sweep.Outcome first = group.getValue().get(0);
      lines.add("- " + group.getValue().size() + " × " + first.vendor() + " " + group.getKey());
      lines.add("  - why outside: " + first.detail());
      lines.add("  - example: `" + Sweep.abbreviate(first.rawBody(), 600) + "`");
    }
    return lines;
  }
}
