package dev.audiojobs.openapi.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link UpstreamTree#merged}: a vendor's fragments as the one document the pact verification reads. */
final class UpstreamTreeTest {
  @TempDir Path root;

  @Test
  void aPathTwoFragmentsShareKeepsTheOperationsOfBoth() throws IOException {
    // Daily's read fragment has GET /batch-processor/{id}; its write-side fragment adds DELETE there.
    Files.createDirectories(root.resolve("daily"));
    Files.writeString(root.resolve("daily/batch-processor.yaml"), """
        openapi: 3.0.3
        paths:
          /batch-processor/{id}:
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            get: {operationId: getJob, responses: {'200': {description: job}}}
        """);
    Files.writeString(root.resolve("daily/write-side.yaml"), """
        openapi: 3.0.3
        paths:
          /batch-processor/{id}:
            get: {operationId: anotherGet, responses: {'200': {description: not this one}}}
            delete: {operationId: deleteJob, responses: {'200': {description: deleted}}}
          /batch-processor:
            post: {operationId: submitJob, responses: {'200': {description: submitted}}}
        """);

    ObjectNode merged = new UpstreamTree(root).merged("daily");

    assertThat(merged.at("/paths/~1batch-processor~1{id}/get/operationId").asText()).as("first fragment wins").isEqualTo("getJob");
    assertThat(merged.at("/paths/~1batch-processor~1{id}/delete/operationId").asText()).isEqualTo("deleteJob");
    assertThat(merged.at("/paths/~1batch-processor~1{id}/parameters").size()).isEqualTo(1);
    assertThat(merged.at("/paths/~1batch-processor/post/operationId").asText()).isEqualTo("submitJob");
  }
}
