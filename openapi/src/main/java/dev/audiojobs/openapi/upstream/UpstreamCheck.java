package dev.audiojobs.openapi.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.audiojobs.openapi.Normalizer;
import dev.audiojobs.openapi.OverlayTrace;
import dev.audiojobs.openapi.SpecException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * {@code openapi/check-upstream <dir>}: does a candidate upstream tree (laid out like
 * {@code openapi/upstream/}) break this client?
 *
 * <p>For each vendor: an identical folder is reported as such. Otherwise the candidate is
 * <ol>
 *   <li>parsed and diffed against the committed upstream with openapi-diff (the raw operation list:
 *       removed, moved and added endpoints);
 *   <li>checked for fragments that disagree ({@link FragmentConflicts}: reconcile them, no overlay is
 *       involved), then normalized with the committed overlays — an overlay action that no longer
 *       matches makes the candidate unusable until the decision it records is revisited;
 *   <li>compared with the committed normalized spec along what the client reads and sends
 *       ({@link SpecComparison}, with what the client relies on: {@link Reliance});
 *   <li>judged beneath the overlays: each action's assumption about the upstream, committed against
 *       candidate ({@link OverlayDrift}) — which needs the committed normalized spec to have been made
 *       from the committed upstream and overlays (its recorded hashes say so; else the check refuses);
 *   <li>replayed against: every committed pact interaction of the vendor is validated against the
 *       candidate upstream; a failure the committed upstream does not already have (those are the
 *       recorded exceptions) is breaking, unless the client tolerates it (an enum value it does not know,
 *       a newly required property the pact example lacks, a number with a fraction where the candidate
 *       narrows a response number to integer).
 * </ol>
 * Every change is printed as {@code BREAKING|SAFE|NEEDS-A-HUMAN <vendor> <operation> <where>: <reason>}.
 * Exit status: 0 when nothing breaks this client, 1 when something does, 2 when nothing found breaks
 * but a change needs a human or the candidate is unusable (unparseable, a missing vendor, fragments that
 * disagree, an overlay that no longer applies).
 */
public final class UpstreamCheck {
  /** The outcome: every change, every reason the candidate is unusable, and the exit status. */
  public record Report(List<Change> changes, List<String> unusable, List<String> identical) {
    public Report {
      changes = List.copyOf(changes);
      unusable = List.copyOf(unusable);
      identical = List.copyOf(identical);
    }

    public boolean breaking() {
      return changes.stream().anyMatch(c -> c.verdict() == Change.Verdict.BREAKING);
    }

    /** Whether a change cannot be judged from the specs. */
    public boolean needsAHuman() {
      return changes.stream().anyMatch(c -> c.verdict() == Change.Verdict.NEEDS_A_HUMAN);
    }

    /** 1 if anything breaks the client, else 2 if the candidate is unusable or a change needs a human, else 0. */
    public int exitStatus() {
      return breaking() ? 1 : unusable.isEmpty() && !needsAHuman() ? 0 : 2;
    }

    /** The printed report, one line per finding, then the verdict. */
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      identical.forEach(v -> lines.add("IDENTICAL " + v));
      changes.forEach(c -> lines.add(c.toString()));
      unusable.forEach(u -> lines.add("UNUSABLE " + u));
      long breaking = changes.stream().filter(c -> c.verdict() == Change.Verdict.BREAKING).count();
      lines.add(switch (exitStatus()) {
        case 0 -> "verdict: nothing this client depends on changed (" + changes.size() + " safe changes)";
        case 1 -> "verdict: BREAKING — " + breaking + " of " + changes.size() + " changes break this client";
        default -> unusable.isEmpty()
            ? "verdict: NEEDS A HUMAN — " + changes.stream().filter(c -> c.verdict() == Change.Verdict.NEEDS_A_HUMAN).count()
                + " of " + changes.size() + " changes cannot be judged from the specs (NEEDS-A-HUMAN lines)"
            : "verdict: UNUSABLE — fix the candidate or the overlays first (" + unusable.size() + " problems)";
      });
      return lines;
    }
  }

  /** Keys of validator findings this client tolerates in a response (see the class comment). */
  private static final Set<String> TOLERATED = Set.of(
      "validation.response.body.schema.enum", "validation.response.body.schema.required");

  /** swagger-request-validator's message for a number where the schema allows only integers. */
  private static final java.util.regex.Pattern NUMBER_AS_INTEGER =
      java.util.regex.Pattern.compile("instance type \\(number\\) does not match any allowed primitive type \\(allowed: \\[\"integer\"\\]\\)", java.util.regex.Pattern.CASE_INSENSITIVE);

  private final Path openapiDir;
  private final Path pactsDir;
  /** Per vendor, what only depends on the committed tree: the overlay trace and the pact findings it already has. */
  private final Map<String, List<OverlayTrace.Step>> committedTraces = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, List<PactReplay.Finding>> committedFindings = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * What depends only on the committed tree (its overlay trace, the pact findings it already has) is
   * computed once per instance: make a new one after changing the committed tree.
   *
   * @param openapiDir the committed {@code openapi/} folder (upstream, overlays, normalized)
   * @param pactsDir the committed pacts ({@code conformance-tests/pacts})
   */
  public UpstreamCheck(Path openapiDir, Path pactsDir) {
    this.openapiDir = openapiDir;
    this.pactsDir = pactsDir;
  }

  /** Judges the candidate tree {@code candidateDir}. */
  public Report check(Path candidateDir) {
    List<Change> changes = new ArrayList<>();
    List<String> unusable = new ArrayList<>();
    List<String> identical = new ArrayList<>();
    UpstreamTree committed = new UpstreamTree(openapiDir.resolve("upstream"));
    if (!Files.isDirectory(candidateDir)) {
      return new Report(List.of(), List.of(candidateDir + ": not a directory; pass a tree laid out like openapi/upstream/"), List.of());
    }
    UpstreamTree candidate = new UpstreamTree(candidateDir);
    List<PactInteraction> interactions = PactInteraction.readAll(pactsDir);
    for (String vendor : committed.vendors()) {
      if (candidate.fragments(vendor).isEmpty()) {
        unusable.add(vendor + ": missing from " + candidateDir + "; the candidate must hold every vendor of openapi/upstream/"
            + " (copy the committed folder for a vendor that did not change)");
        continue;
      }
      if (sameFiles(committed.fragments(vendor), candidate.fragments(vendor))) {
        identical.add(vendor + ": same spec files as openapi/upstream/" + vendor);
        continue;
      }
      checkVendor(vendor, committed, candidate, interactions, changes, unusable);
    }
    for (String vendor : candidate.vendors()) {
      if (!committed.vendors().contains(vendor)) {
        changes.add(Change.safe(vendor, "-", "-", "a vendor this client has no upstream for; ignored"));
      }
    }
    return new Report(changes, unusable, identical);
  }

  private void checkVendor(String vendor, UpstreamTree committed, UpstreamTree candidate, List<PactInteraction> interactions,
      List<Change> changes, List<String> unusable) {
    ObjectNode committedSpec = committed.merged(vendor);
    ObjectNode candidateSpec;
    try {
      candidateSpec = candidate.merged(vendor);
    } catch (SpecException e) {
      unusable.add(vendor + ": " + e.getMessage() + ". What to do: fix the file or report the vendor's broken spec");
      return;
    }
    JsonNode normalized = readYaml(openapiDir.resolve("normalized").resolve(vendor + ".yaml"));
    String stale = staleInput(vendor, normalized);
    if (stale != null) {
      unusable.add(vendor + ": openapi/normalized/" + vendor + ".yaml was not made from the committed " + stale
          + ", so what the overlays assumed of the upstream is unknown. What to do: regenerate with " + Normalizer.REGENERATE
          + " and run the check again");
      return;
    }

    // 1. The raw operation list, from openapi-diff.
    ChangedOpenApi diff;
    try {
      diff = OpenApiCompare.fromContents(UpstreamTree.toJson(committedSpec), UpstreamTree.toJson(candidateSpec));
    } catch (RuntimeException e) {
      unusable.add(vendor + ": the candidate is not an OpenAPI document openapi-diff can read (" + e.getMessage()
          + "). What to do: fix the file or report the vendor's broken spec");
      return;
    }
    List<Change> endpointChanges = endpointChanges(vendor, diff, normalized);

    // 2. Normalize with the committed overlays; fragments that disagree are no overlay's business.
    List<FragmentConflicts.Conflict> conflicts = FragmentConflicts.find(candidate, vendor);
    if (!conflicts.isEmpty()) {
      changes.addAll(endpointChanges);
      for (FragmentConflicts.Conflict c : conflicts) {
        unusable.add(vendor + ": " + c + "; fragments of one vendor must agree on what they share. What to do: reconcile"
            + " the fragments in " + candidate.root() + " (correct the one that is wrong, or report the inconsistency to the"
            + " vendor); no overlay is involved");
      }
      return;
    }
    JsonNode candidateNormalized;
    List<OverlayTrace.Step> committedTrace;
    List<OverlayTrace.Step> candidateTrace;
    try {
      Scratch scratch = normalize(vendor, candidate.root().resolve(vendor));
      candidateNormalized = readYamlText(scratch.normalized());
      candidateTrace = scratch.trace();
      committedTrace = committedTraces.computeIfAbsent(vendor, v -> OverlayTrace.trace(openapiDir, v).steps());
    } catch (SpecException e) {
      changes.addAll(endpointChanges); // the normalized comparison cannot be made; the raw list stands in
      unusable.add(vendor + ": " + e.getMessage() + ". What to do: the upstream moved under"
          + " this overlay action; revisit the decision it records in openapi/overlays/" + vendor + "/, retarget or drop"
          + " the action, regenerate with " + Normalizer.REGENERATE + ", and run the check again");
      return;
    }

    // 3. What the client reads, rule by rule.
    List<Change> specChanges = SpecComparison.compare(vendor, normalized, candidateNormalized);
    changes.addAll(specChanges);
    if (specChanges.isEmpty()) {
      changes.add(Change.safe(vendor, "-", "upstream", "the upstream changed, but nothing in the normalized spec did"
          + " (an overlay replaces what changed, or the change is outside what the client is generated from)"));
    }

    // 3b. Beneath the overlays: what each action assumed of the upstream, committed against candidate.
    changes.addAll(OverlayDrift.judge(vendor, normalized, specChanges, committedTrace, candidateTrace));

    // 4. The committed contracts, replayed against the candidate upstream.
    List<PactReplay.Finding> baseline = committedFindings.computeIfAbsent(vendor,
        v -> new PactReplay(committedSpec).validateAll(v, interactions));
    Set<String> known = new HashSet<>();
    baseline.forEach(f -> known.add(f.interaction() + "|" + f.key() + "|" + f.pointer()));
    PactReplay replay;
    try {
      replay = new PactReplay(candidateSpec);
    } catch (RuntimeException e) {
      unusable.add(vendor + ": the validator cannot load the candidate (" + e.getMessage() + ")");
      return;
    }
    for (PactReplay.Finding f : replay.validateAll(vendor, interactions)) {
      if (known.contains(f.interaction() + "|" + f.key() + "|" + f.pointer()) || tolerated(f)) continue;
      PactInteraction i = interactions.stream().filter(x -> x.description().equals(f.interaction()) && x.vendor().equals(vendor))
          .findFirst().orElseThrow();
      changes.add(Change.breaking(vendor, operationOf(normalized, i), "pact \"" + f.interaction() + "\" " + f.pointer(),
          "the committed contract no longer validates: " + f.message() + " [" + f.key()
              + (f.leafKeys().equals(Set.of(f.key())) ? "" : "; because of " + f.leafKeys()) + "]"));
    }
  }

  /**
   * Whether the client tolerates a finding: an unknown enum value or a missing newly required property,
   * or a union none of whose branches failed for another reason. Inside a union, properties a branch
   * does not declare are how the other branches fail to match, so they do not count there; outside one,
   * they do (and a removed property is reported by the spec comparison as well).
   */
  private static boolean tolerated(PactReplay.Finding f) {
    if (TOLERATED.contains(f.key()) || narrowedToInteger(f.key(), f.message())) return true;
    boolean union = f.key().endsWith(".oneOf") || f.key().endsWith(".anyOf");
    return union && f.leaves().stream().allMatch(l -> TOLERATED.contains(l.key()) || l.key().endsWith(".oneOf")
        || l.key().endsWith(".anyOf") || l.key().equals("validation.response.body.schema.additionalProperties")
        || narrowedToInteger(l.key(), l.message()));
  }

  /**
   * A response number the candidate narrows to integer, in a committed example with a fraction: the
   * client reads it as a number either way (the variance rule of {@link SpecComparison}), so the
   * example is only no longer typical. In a request it would not be tolerated: the client sends it.
   */
  private static boolean narrowedToInteger(String key, String message) {
    return key.equals("validation.response.body.schema.type") && NUMBER_AS_INTEGER.matcher(message).find();
  }

  private static List<Change> endpointChanges(String vendor, ChangedOpenApi diff, JsonNode normalized) {
    List<Change> changes = new ArrayList<>();
    List<Endpoint> added = diff.getNewEndpoints();
    for (Endpoint missing : diff.getMissingEndpoints()) {
      String op = operationAt(normalized, missing.getPathUrl(), missing.getMethod().name());
      String upstreamId = missing.getOperation().getOperationId();
      Endpoint moved = added.stream()
          .filter(a -> upstreamId != null && upstreamId.equals(a.getOperation().getOperationId())).findFirst().orElse(null);
      String from = missing.getMethod() + " " + missing.getPathUrl();
      changes.add(moved != null
          ? Change.breaking(vendor, op, from, "operation moved to " + moved.getMethod() + " " + moved.getPathUrl()
              + "; the client calls " + from)
          : Change.breaking(vendor, op, from, "operation removed; the client calls it"));
    }
    for (Endpoint a : added) {
      changes.add(Change.safe(vendor, a.getOperation().getOperationId() == null ? "-" : a.getOperation().getOperationId(),
          a.getMethod() + " " + a.getPathUrl(), "operation added; the client does not call it"));
    }
    return changes;
  }

  /** The normalized operation id at {@code path} and {@code method}, or the path itself. */
  private static String operationAt(JsonNode normalized, String path, String method) {
    JsonNode op = normalized.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
    return op.path("operationId").asText(method + " " + path);
  }

  /** The normalized operation an interaction calls, matched by path template under the server's base path. */
  static String operationOf(JsonNode normalized, PactInteraction i) {
    String base = java.net.URI.create(normalized.path("servers").path(0).path("url").asText("/")).getPath();
    String path = base != null && !base.isEmpty() && i.path().startsWith(base) ? i.path().substring(base.length()) : i.path();
    for (Iterator<Map.Entry<String, JsonNode>> it = normalized.path("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      String regex = Arrays.stream(p.getKey().split("\\{[^/]+}", -1)).map(java.util.regex.Pattern::quote)
          .reduce((a, b) -> a + "[^/]+" + b).orElse("");
      if (path.matches(regex)) {
        return p.getValue().path(i.method().toLowerCase(Locale.ROOT)).path("operationId").asText(i.method() + " " + p.getKey());
      }
    }
    return i.method() + " " + i.path();
  }

  /**
   * The first committed upstream or overlay file whose sha256 differs from what the committed
   * normalized spec records under {@code info.x-audiojobs-normalized-from} (or that it does not record),
   * or null when the normalized spec was made from exactly the committed files.
   */
  private String staleInput(String vendor, JsonNode normalized) {
    JsonNode recorded = normalized.path("info").path("x-audiojobs-normalized-from");
    Map<String, String> actual = new java.util.TreeMap<>();
    for (String kind : List.of("upstream", "overlays")) {
      Path dir = openapiDir.resolve(kind).resolve(vendor);
      if (!Files.isDirectory(dir)) continue;
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.getFileName().toString().matches(".*\\.(yaml|yml|json)")
            && !p.getFileName().toString().equals(UpstreamTree.PROVENANCE)).sorted().toList()) {
          actual.put(kind + "|openapi/" + kind + "/" + vendor + "/" + f.getFileName(), sha256(f));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (Map.Entry<String, String> e : actual.entrySet()) {
      String[] kindAndFile = e.getKey().split("\\|", 2);
      if (!e.getValue().equals(recorded.path(kindAndFile[0]).path(kindAndFile[1]).asText(null))) return kindAndFile[1];
    }
    for (String kind : List.of("upstream", "overlays")) {
      for (Iterator<String> it = recorded.path(kind).fieldNames(); it.hasNext(); ) {
        String file = it.next();
        if (!actual.containsKey(kind + "|" + file)) return file + " (recorded, but no longer there)";
      }
    }
    return null;
  }

  private static String sha256(Path file) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** A candidate normalized with the committed overlays, and the overlays replayed on it action by action. */
  private record Scratch(String normalized, List<OverlayTrace.Step> trace) {}

  /** Normalizes {@code candidateVendorDir} with the committed overlays, in a scratch copy of the layout. */
  private Scratch normalize(String vendor, Path candidateVendorDir) {
    Path scratch;
    try {
      scratch = Files.createTempDirectory("audiojobs-check-upstream");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      copyTree(candidateVendorDir, scratch.resolve("upstream").resolve(vendor));
      copyTree(openapiDir.resolve("overlays").resolve(vendor), scratch.resolve("overlays").resolve(vendor));
      return new Scratch(new Normalizer(scratch).normalize(vendor), OverlayTrace.trace(scratch, vendor).steps());
    } finally {
      deleteTree(scratch);
    }
  }

  private static boolean sameFiles(List<Path> a, List<Path> b) {
    if (a.size() != b.size()) return false;
    try {
      for (int i = 0; i < a.size(); i++) {
        if (!a.get(i).getFileName().equals(b.get(i).getFileName())) return false;
        if (Files.mismatch(a.get(i), b.get(i)) != -1) return false;
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void copyTree(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) Files.createDirectories(target);
        else Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) return;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode readYaml(Path file) {
    try {
      return UpstreamTree.YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode readYamlText(String text) {
    try {
      return UpstreamTree.YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code UpstreamCheck <candidate-dir> [--openapi <dir>] [--pacts <dir>]}; defaults {@code openapi} and
   * {@code conformance-tests/pacts} under the working directory (the project root). Exits 0, 1 or 2.
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Path openapi = Path.of("openapi");
    Path pacts = Path.of("conformance-tests", "pacts");
    Path candidate = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--openapi" -> openapi = Path.of(args[++i]);
        case "--pacts" -> pacts = Path.of(args[++i]);
        default -> candidate = Path.of(args[i]);
      }
    }
    if (candidate == null) {
      err.println("usage: openapi/check-upstream <dir laid out like openapi/upstream/>");
      return 2;
    }
    if (!Files.isDirectory(openapi.resolve("upstream"))) {
      err.println(openapi.toAbsolutePath() + " has no upstream/; run from the project root or pass --openapi");
      return 2;
    }
    Report report = new UpstreamCheck(openapi, pacts).check(candidate);
    report.lines().forEach(out::println);
    return report.exitStatus();
  }
}
