package dev.audiojobs.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The upstream folder is what its provenance files say it is. */
final class ProvenanceTest {
  private static final Path OPENAPI = Path.of("").toAbsolutePath();

  @Test
  void everyUpstreamFileIsListedWithItsSha256AndEveryListedFileExists() throws IOException {
    for (String vendor : new Normalizer(OPENAPI).vendors()) {
      Path dir = OPENAPI.resolve("upstream").resolve(vendor);
      ObjectNode provenance = YamlFiles.readObject(dir.resolve(Normalizer.PROVENANCE), vendor);
      assertThat(provenance.path("vendor").asText()).isEqualTo(vendor);
      assertThat(provenance.path("kind").asText()).isIn("published", "drafted");
      List<String> onDisk;
      try (Stream<Path> files = Files.list(dir)) {
        onDisk = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals(Normalizer.PROVENANCE)).sorted().toList();
      }
      List<String> listed = new ArrayList<>();
      for (Map.Entry<String, JsonNode> file : provenance.get("files").properties()) {
        listed.add(file.getKey());
        assertThat(file.getValue().path("source").asText()).as("%s source", file.getKey()).startsWith("https://");
        assertThat(file.getValue().path("sha256").asText())
            .as("sha256 of openapi/upstream/%s/%s (update provenance.yaml when the file is refreshed)", vendor, file.getKey())
            .isEqualTo(Normalizer.sha256(dir.resolve(file.getKey())));
      }
      assertThat(listed).as(vendor).containsExactlyInAnyOrderElementsOf(onDisk);
    }
  }

  @Test
  void publishedUpstreamFilesAreByteForByteTheYamlBlocksOfTheirSavedPages() throws IOException {
    ObjectNode provenance = YamlFiles.readObject(OPENAPI.resolve("upstream/pyannote/provenance.yaml"), "p");
    assertThat(provenance.path("kind").asText()).isEqualTo("published");
    int checked = 0;
    for (Map.Entry<String, JsonNode> file : provenance.get("files").properties()) {
      if (!kind(provenance, file.getValue()).equals("published")) continue;
      Path page = OPENAPI.getParent().resolve(file.getValue().path("saved-page").asText());
      List<VendorPages.YamlBlock> blocks = VendorPages.yamlBlocks(Files.readString(page));
      assertThat(blocks).hasSize(1);
      assertThat(Files.readString(OPENAPI.resolve("upstream/pyannote").resolve(file.getKey())))
          .isEqualTo(blocks.get(0).content());
      checked++;
    }
    assertThat(checked).isEqualTo(2);
  }

  /** A file's own kind, else its vendor's. */
  private static String kind(ObjectNode provenance, JsonNode file) {
    return file.path("kind").asText(provenance.path("kind").asText());
  }

  /**
   * What a mark may say: the vendor's spec, a doc page, or an inference with its reason. A note may
   * follow after "; " (what else in the marked node comes from where).
   */
  static final Pattern MARK = Pattern.compile(
      "(spec https://\\S+ \\(mirror \\d{4}-\\d{2}-\\d{2}\\)|doc https://\\S+( \\(.+?\\))?|inferred \\(.+?\\))(; .+)?");

  @Test
  void draftedUpstreamFilesNameTheirSourceAndMarkWhereEachPartComesFrom() throws IOException {
    List<String> drafted = new ArrayList<>();
    for (String vendor : new Normalizer(OPENAPI).vendors()) {
      Path dir = OPENAPI.resolve("upstream").resolve(vendor);
      ObjectNode provenance = YamlFiles.readObject(dir.resolve(Normalizer.PROVENANCE), vendor);
      for (Map.Entry<String, JsonNode> file : provenance.get("files").properties()) {
        if (!kind(provenance, file.getValue()).equals("drafted")) continue;
        drafted.add(vendor + "/" + file.getKey());
        String where = "openapi/upstream/" + vendor + "/" + file.getKey();
        String text = Files.readString(dir.resolve(file.getKey()));
        String header = text.lines().takeWhile(l -> l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
        assertThat(header).as("%s: a header comment saying it is drafted and from what", where)
            .containsIgnoringCase("drafted").contains(hostOf(file.getValue().path("source").asText()));
        JsonNode saved = file.getValue().get("saved-page");
        if (saved != null) assertThat(OPENAPI.getParent().resolve(saved.asText())).as("%s saved-page", where).exists();
        List<String> marks = new ArrayList<>();
        collectMarks(YamlFiles.readObject(dir.resolve(file.getKey()), where), "$", marks);
        assertThat(marks).as("%s marks its sources with x-audiojobs-source", where).isNotEmpty();
        for (String mark : marks) {
          String value = mark.substring(mark.indexOf('=') + 1);
          assertThat(MARK.matcher(value).matches())
              .as("%s: mark %s is `spec <url> (mirror <date>)`, `doc <url>` or `inferred (<why>)`", where, mark).isTrue();
        }
      }
    }
    assertThat(drafted).as("drafted upstream files").contains("daily/batch-processor.yaml", "lyrcs/jobs.yaml", "pyannote/write-side.yaml");
  }

  @Test
  void everyOperationAndSchemaOfTheDraftedWriteSideIsMarkedOrCopiedFromAPublishedFile() throws IOException {
    Path dir = OPENAPI.resolve("upstream/pyannote");
    ObjectNode draft = YamlFiles.readObject(dir.resolve("write-side.yaml"), "write-side.yaml");
    ObjectNode published = YamlFiles.readObject(dir.resolve("get-job.yaml"), "get-job.yaml");
    published.with("components").with("schemas").setAll((ObjectNode) YamlFiles.readObject(dir.resolve("list-jobs.yaml"), "l")
        .at("/components/schemas"));
    List<String> unmarked = new ArrayList<>();
    SpecLinter.forEachOperation(draft, (path, operation) -> {
      if (!operation.has("x-audiojobs-source")) unmarked.add(path);
    });
    draft.path("components").path("schemas").properties().forEach(schema -> {
      JsonNode same = published.at("/components/schemas/" + schema.getKey());
      if (!schema.getValue().has("x-audiojobs-source") && !schema.getValue().equals(same)) {
        unmarked.add("$.components.schemas." + schema.getKey());
      }
    });
    assertThat(unmarked).as("operations and schemas without x-audiojobs-source that are not copies of a published one").isEmpty();
    assertThat(draft.at("/paths").size()).isEqualTo(6);
  }

  private static String hostOf(String url) {
    return java.net.URI.create(url).getHost();
  }

  private static void collectMarks(JsonNode node, String path, List<String> out) {
    if (node.isObject()) {
      node.properties().forEach(e -> {
        if (e.getKey().equals("x-audiojobs-source")) out.add(path + "=" + e.getValue().asText());
        else collectMarks(e.getValue(), path + "." + e.getKey(), out);
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) collectMarks(node.get(i), path + "[" + i + "]", out);
    }
  }

  @Test
  void yamlBlocksAreReadExactlyAndAnUnclosedBlockIsAnError() {
    String page = "intro\n````yaml GET /x\na: 1\n\n  b: 2\n````\nafter\n";
    assertThat(VendorPages.yamlBlocks(page)).containsExactly(new VendorPages.YamlBlock("GET /x", "a: 1\n\n  b: 2\n"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> VendorPages.yamlBlocks("x\n```yaml\na: 1\n"))
        .hasMessage("line 2: the yaml block opened here is never closed");
  }
}
