package dev.audiojobs.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns a vendor's upstream spec and overlays into its normalized spec.
 *
 * <pre>
 * openapi/upstream/&lt;vendor&gt;/*.yaml|yml|json  fragments, each converted from OpenAPI 3.1 when it is 3.1
 *                                        ({@link OpenApi31}), merged in file-name order ({@code provenance.yaml} excluded)
 *   + openapi/overlays/&lt;vendor&gt;/*.yaml|yml       Overlay 1.0 documents, applied in file-name order
 *   → generic rules: open enums, unions of enums, anyOf unions, unique operation ids, ignored headers, class
 *     names, unreachable schemas removed ({@link GenericRules}, {@link UnionRules})
 *   → inline objects, enums and unions named and moved to components/schemas ({@link InlineSchemas})
 *   = openapi/normalized/&lt;vendor&gt;.yaml           canonical YAML, linted
 * </pre>
 *
 * <p>Overlays see the vendor's document after the 3.1 conversion (what the generator reads, in the
 * OpenAPI version the normalized spec has) and before naming, so that an overlay can name an inline
 * schema ({@code x-audiojobs-name}) where the vendor wrote it.
 *
 * <p>The result records the sha256 of every input under {@code info.x-audiojobs-normalized-from}, so
 * the normalized file alone says which upstream it was made from. Output is a pure function of the
 * input bytes: no timestamps, no map iteration order, no platform line endings.
 *
 * <p>Command line: {@code Normalizer write <openapi-dir>} rewrites {@code normalized/};
 * {@code Normalizer check <openapi-dir>} exits 1 and says so when a committed file is stale.
 */
public final class Normalizer {
  /** The one command that regenerates the committed normalized specs, from the project root. */
  public static final String REGENERATE = "./mvnw -B -q -pl openapi compile exec:java@normalize";

  static final String PROVENANCE = "provenance.yaml";

  private final Path openapiDir;
  private final String label;

  /** @param openapiDir the {@code openapi/} folder holding {@code upstream/} and {@code overlays/} */
  public Normalizer(Path openapiDir) {
    this(openapiDir, "openapi");
  }

  /**
   * A normalizer of another folder laid out like {@code openapi/} (the third-party test fixtures).
   *
   * @param label how errors and headers name {@code dir}, e.g. {@code openapi/src/test/resources/thirdparty}
   */
  public Normalizer(Path dir, String label) {
    this.openapiDir = dir;
    this.label = label;
  }

  /** The vendors with an upstream folder, sorted. */
  public List<String> vendors() {
    try (Stream<Path> dirs = Files.list(openapiDir.resolve("upstream"))) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the committed normalized spec of {@code vendor} lives. */
  public Path normalizedFile(String vendor) {
    return openapiDir.resolve("normalized").resolve(vendor + ".yaml");
  }

  /**
   * Returns the normalized spec of {@code vendor} as text.
   *
   * @throws SpecException for malformed input, an overlay that does not apply, or a lint violation;
   *     the message names the file and the JSON path or line
   */
  public String normalize(String vendor) {
    return normalized(vendor).text();
  }

  /**
   * The normalized spec of a vendor, and what the normalizer decided on its own that a reader should
   * know: each inline schema it named, and where.
   */
  public record Normalized(String text, List<String> notes) {
    public Normalized {
      notes = List.copyOf(notes);
    }
  }

  /** Like {@link #normalize(String)}, with the notes. */
  public Normalized normalized(String vendor) {
    Path upstreamDir = openapiDir.resolve("upstream").resolve(vendor);
    List<Path> upstream = yamlFiles(upstreamDir).stream()
        .filter(p -> !p.getFileName().toString().equals(PROVENANCE)).toList();
    if (upstream.isEmpty()) {
      throw new SpecException(display(upstreamDir), "$", "no upstream spec for vendor " + vendor);
    }
    List<FragmentMerger.Fragment> fragments = new ArrayList<>();
    for (Path file : upstream) {
      fragments.add(fragment(file, display(file)));
    }
    ObjectNode document = FragmentMerger.merge(fragments);

    List<Path> overlays = yamlFiles(openapiDir.resolve("overlays").resolve(vendor));
    for (Path file : overlays) {
      OverlayApplier.apply(Overlay.read(file, display(file)), document);
    }
    String target = display(normalizedFile(vendor));
    List<String> notes = new ArrayList<>(GenericRules.apply(document, target));
    notes.addAll(GenericRules.pruneUnreachable(document));
    for (InlineSchemas.Named named : InlineSchemas.hoist(document, target)) notes.add("named " + named);

    ObjectNode info = document.with("info");
    ObjectNode from = info.putObject("x-audiojobs-normalized-from");
    ObjectNode upstreamHashes = from.putObject("upstream");
    for (Path file : upstream) upstreamHashes.put(display(file), sha256(file));
    ObjectNode overlayHashes = from.putObject("overlays");
    for (Path file : overlays) overlayHashes.put(display(file), sha256(file));

    ObjectNode ordered = CanonicalYaml.order(document);
    String text = header(vendor) + CanonicalYaml.write(ordered);
    List<SpecLinter.Violation> violations = SpecLinter.lint(ordered, text);
    if (!violations.isEmpty()) {
      SpecLinter.Violation first = violations.get(0);
      StringBuilder all = new StringBuilder(first.problem());
      for (SpecLinter.Violation v : violations.subList(1, violations.size())) {
        all.append("\n  also ").append(v.path()).append(": ").append(v.problem());
      }
      throw new SpecException(target, first.path(), "lint: " + all);
    }
    return new Normalized(text, notes);
  }

  /**
   * Converts an upstream document from OpenAPI 3.1 to 3.0.3 in place, as normalizing does (see
   * {@link OpenApi31}); leaves other versions alone. The upstream check compares documents so converted.
   *
   * @throws SpecException naming {@code file}, the JSON pointer and the reason, for what 3.0 cannot say
   */
  public static void toOpenApi30(ObjectNode document, String file) {
    OpenApi31.convert(document, file);
  }

  /** An upstream file read, and converted when it is OpenAPI 3.1, so errors name the file it came from. */
  static FragmentMerger.Fragment fragment(Path file, String displayName) {
    ObjectNode document = YamlFiles.readObject(file, displayName);
    OpenApi31.convert(document, displayName);
    return new FragmentMerger.Fragment(displayName, document);
  }

  private String header(String vendor) {
    String regenerate = label.equals("openapi") ? REGENERATE : "see " + label + "/README.md";
    return "# Normalized spec of " + vendor + ": " + label + "/upstream/" + vendor + "/ + " + label + "/overlays/" + vendor
        + "/.\n# Generated by dev.audiojobs.openapi.Normalizer; do not edit. Regenerate: " + regenerate + "\n";
  }

  /** Writes every vendor's normalized spec; returns the files whose content changed. */
  public List<Path> writeAll() {
    List<Path> changed = new ArrayList<>();
    for (String vendor : vendors()) {
      String text = normalize(vendor);
      Path file = normalizedFile(vendor);
      if (!text.equals(readIfExists(file))) {
        YamlFiles.write(file, text);
        changed.add(file);
      }
    }
    return changed;
  }

  /** Returns the vendors whose committed normalized spec differs from what normalizing produces. */
  public List<String> staleVendors() {
    List<String> stale = new ArrayList<>();
    for (String vendor : vendors()) {
      if (!normalize(vendor).equals(readIfExists(normalizedFile(vendor)))) stale.add(vendor);
    }
    return stale;
  }

  private String display(Path file) {
    Path base = openapiDir.toAbsolutePath().normalize();
    Path abs = file.toAbsolutePath().normalize();
    String relative = abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
    return (label + "/" + relative).replace('\\', '/');
  }

  private static List<Path> yamlFiles(Path dir) {
    return YamlFiles.documents(dir);
  }

  private static String readIfExists(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(Path file) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** {@code write|check <openapi-dir>}; see the class comment. */
  public static void main(String[] args) {
    if (args.length != 2 || !(args[0].equals("write") || args[0].equals("check"))) {
      System.err.println("usage: Normalizer write|check <openapi-dir>");
      System.exit(2);
    }
    Normalizer normalizer = new Normalizer(Path.of(args[1]));
    try {
      if (args[0].equals("write")) {
        for (String vendor : normalizer.vendors()) {
          normalizer.normalized(vendor).notes().forEach(note -> System.out.println(vendor + ": " + note));
        }
        List<Path> changed = normalizer.writeAll();
        System.out.println(changed.isEmpty() ? "normalized specs are up to date" : "rewrote " + changed);
      } else {
        List<String> stale = normalizer.staleVendors();
        if (!stale.isEmpty()) {
          System.err.println("stale normalized specs: " + stale + "; regenerate with " + REGENERATE);
          System.exit(1);
        }
      }
    } catch (SpecException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }
}
