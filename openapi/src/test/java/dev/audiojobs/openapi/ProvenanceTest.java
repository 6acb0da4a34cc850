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
      Path page = OPENAPI.getParent().resolve(file.getValue().path("saved-page").asText());
      List<VendorPages.YamlBlock> blocks = VendorPages.yamlBlocks(Files.readString(page));
      assertThat(blocks).hasSize(1);
      assertThat(Files.readString(OPENAPI.resolve("upstream/pyannote").resolve(file.getKey())))
          .isEqualTo(blocks.get(0).content());
      checked++;
    }
    assertThat(checked).isEqualTo(2);
  }

  @Test
  void yamlBlocksAreReadExactlyAndAnUnclosedBlockIsAnError() {
    String page = "intro\n````yaml GET /x\na: 1\n\n  b: 2\n````\nafter\n";
    assertThat(VendorPages.yamlBlocks(page)).containsExactly(new VendorPages.YamlBlock("GET /x", "a: 1\n\n  b: 2\n"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> VendorPages.yamlBlocks("x\n```yaml\na: 1\n"))
        .hasMessage("line 2: the yaml block opened here is never closed");
  }
}
