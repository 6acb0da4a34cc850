package dev.audiojobs.conformance.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two clean builds of the published artifacts, audiojobs-client and audiojobs-testing, from the same
 * sources publish the same bytes: main, sources and javadoc jars and the POM of each. Each build runs in its own fresh copy of the sources (under {@code
 * target/reproducibility}), one after the other, with the Maven and local repository that run this
 * build, so nothing of this build's {@code target/} takes part and the two builds' clocks differ.
 * What makes it hold: {@code project.build.outputTimestamp} in the parent POM (jar entry times),
 * generated sources without timestamps, and javadoc without its date comment.
 */
final class ReproducibleBuildTest {
  private static final Path ROOT = Path.of(System.getProperty("audiojobs.root", "..")).toAbsolutePath().normalize();
  private static final Path WORK = Path.of(System.getProperty("audiojobs.reproducibility.dir", "target/reproducibility")).toAbsolutePath();
  private static final String VERSION = System.getProperty("audiojobs.version", "0.1.0-SNAPSHOT");

  /** What a copy holds: the modules the two artifacts' build needs, without their build output, and the POMs of the other modules. */
  private static final List<String> SOURCES = List.of(".mvn", "pom.xml", "openapi", "generated-client", "testing",
      "conformance-tests/pom.xml", "examples/pom.xml");
  /** The published modules: directory and artifactId. */
  private static final Map<String, String> PUBLISHED = Map.of("generated-client", "audiojobs-client", "testing", "audiojobs-testing");
  private static final Set<String> SKIPPED = Set.of("target", "node_modules", ".flattened-pom.xml");

  @Test
  void twoCleanBuildsPublishIdenticalArtifacts() throws Exception {
    Path first = build("first");
    Path second = build("second");

    for (Map.Entry<String, String> module : new TreeMap<>(PUBLISHED).entrySet()) {
      String id = module.getValue();
      for (String artifact : List.of(id + "-" + VERSION + ".jar", id + "-" + VERSION + "-sources.jar", id + "-" + VERSION + "-javadoc.jar", "flattened-pom.xml")) {
        Path a = first.resolve(module.getKey()).resolve("target").resolve(artifact);
        Path b = second.resolve(module.getKey()).resolve("target").resolve(artifact);
        assertThat(a).as("built by the first build").exists();
        assertThat(Files.mismatch(a, b))
            .as("%s/%s differs between two clean builds: %s", module.getKey(), artifact, artifact.endsWith(".jar") ? differences(a, b) : "")
            .isEqualTo(-1L);
      }
    }
  }

  @Test
  void theComparisonNamesTheEntryThatDiffers(@TempDir Path dir) throws IOException {
    // The negative control of the comparison itself: one entry with another time, one with other bytes.
    Path a = jar(dir.resolve("a.jar"), Map.of("A.class", "a", "B.class", "b"), 0L);
    Path b = jar(dir.resolve("b.jar"), Map.of("A.class", "a", "B.class", "c"), 2_000L);

    assertThat(Files.mismatch(a, b)).isNotEqualTo(-1L);
    assertThat(differences(a, b)).containsExactly(
        "A.class: time 2026-11-22T00:00:00Z vs 2026-11-22T00:00:02Z",
        "B.class: time 2026-11-22T00:00:00Z vs 2026-11-22T00:00:02Z, content");
  }

  /** Copies the sources into {@code target/reproducibility/<name>} and packages the published modules there. */
  private static Path build(String name) throws IOException, InterruptedException {
    Path copy = WORK.resolve(name);
    deleteRecursively(copy);
    for (String source : SOURCES) copyRecursively(ROOT.resolve(source), copy.resolve(source));

    List<String> command = new ArrayList<>(List.of(maven(), "-B", "-q", "-pl", String.join(",", new TreeSet<>(PUBLISHED.keySet())), "-am", "package",
        // tests are no part of what is published: neither compiled nor run (the fixtures' generated clients are test sources)
        "-Dmaven.test.skip=true"));
    String repository = System.getProperty("audiojobs.maven.repo.local", "");
    if (!repository.isBlank()) command.add("-Dmaven.repo.local=" + repository);
    Path log = WORK.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(copy.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().remove("MAVEN_PROJECTBASEDIR"); // set by ./mvnw for this build, not the copy's
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the " + name + " build took more than 10 minutes; log: " + log);
    }
    assertThat(process.exitValue()).as("exit status of %s in %s; log %s:%n%s", String.join(" ", command), copy, log, tail(log)).isZero();
    return copy;
  }

  private static String maven() {
    String home = System.getProperty("audiojobs.maven.home", "");
    boolean windows = System.getProperty("os.name", "").startsWith("Windows");
    if (home.isBlank()) return ROOT.resolve(windows ? "mvnw.cmd" : "mvnw").toString();
    return Path.of(home, "bin", windows ? "mvn.cmd" : "mvn").toString();
  }

  /** Per entry: missing on one side, a different time or different content. */
  static List<String> differences(Path a, Path b) throws IOException {
    Map<String, Entry> left = entries(a);
    Map<String, Entry> right = entries(b);
    List<String> differences = new ArrayList<>();
    Set<String> names = new TreeSet<>(left.keySet());
    names.addAll(right.keySet());
    for (String entryName : names) {
      Entry l = left.get(entryName);
      Entry r = right.get(entryName);
      if (l == null || r == null) {
        differences.add(entryName + ": only in the " + (l == null ? "second" : "first"));
        continue;
      }
      List<String> what = new ArrayList<>();
      if (!l.time().equals(r.time())) what.add("time " + l.time() + " vs " + r.time());
      if (!Arrays.equals(l.bytes(), r.bytes())) what.add("content");
      if (!what.isEmpty()) differences.add(entryName + ": " + String.join(", ", what));
    }
    if (differences.isEmpty()) differences.add("same entries, times and contents; the zip structure differs (entry order or extra fields)");
    if (differences.size() > 20) {
      int more = differences.size() - 20;
      differences = new ArrayList<>(differences.subList(0, 20));
      differences.add("… and " + more + " more");
    }
    return differences;
  }

  private record Entry(String time, byte[] bytes) {}

  private static Map<String, Entry> entries(Path jar) throws IOException {
    Map<String, Entry> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), new Entry(String.valueOf(e.getLastModifiedTime()), in.readAllBytes()));
      }
    }
    return entries;
  }

  private static Path jar(Path file, Map<String, String> contents, long millisAfterTheOutputTimestamp) throws IOException {
    long outputTimestamp = java.time.Instant.parse("2026-11-22T00:00:00Z").toEpochMilli();
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
      for (String name : new TreeSet<>(contents.keySet())) {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(java.nio.file.attribute.FileTime.fromMillis(outputTimestamp + millisAfterTheOutputTimestamp));
        out.putNextEntry(entry);
        out.write(contents.get(name).getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return file;
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static void copyRecursively(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        if (!dir.equals(from) && SKIPPED.contains(dir.getFileName().toString())) return FileVisitResult.SKIP_SUBTREE;
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (SKIPPED.contains(file.getFileName().toString())) return FileVisitResult.CONTINUE;
        Path target = to.resolve(from.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (var paths = Files.walk(dir)) {
      paths.sorted((x, y) -> y.getNameCount() - x.getNameCount()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
