package dev.audiojobs.openapi;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the OpenAPI blocks out of a vendor's documentation page.
 *
 * <p>pyannoteAI's pages embed their spec as a fenced block opened by a line such as
 * {@code ````yaml GET /v1/jobs/{jobId}} and closed by a line of the same backticks. The block's bytes
 * are kept exactly: every line between the two fence lines, each with its line feed.
 */
public final class VendorPages {
  private VendorPages() {}

  /** One fenced YAML block: the text after {@code yaml} on the opening fence, and the content. */
  public record YamlBlock(String heading, String content) {}

  /**
   * Returns every fenced YAML block of {@code page}, in page order.
   *
   * @throws IllegalArgumentException naming the line when a block is opened and never closed
   */
  public static List<YamlBlock> yamlBlocks(String page) {
    List<YamlBlock> blocks = new ArrayList<>();
    String[] lines = page.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int ticks = countTicks(line);
      if (ticks < 3 || !line.substring(ticks).startsWith("yaml")) continue;
      String fence = line.substring(0, ticks);
      String heading = line.substring(ticks + "yaml".length()).trim();
      StringBuilder content = new StringBuilder();
      int j = i + 1;
      while (j < lines.length && !lines[j].equals(fence)) {
        content.append(lines[j]).append('\n');
        j++;
      }
      if (j == lines.length) {
        throw new IllegalArgumentException("line " + (i + 1) + ": the yaml block opened here is never closed");
      }
      blocks.add(new YamlBlock(heading, content.toString()));
      i = j;
    }
    return blocks;
  }

  private static int countTicks(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == '`') n++;
    return n;
  }
}
