package dev.audiojobs.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's Java examples are the compiled regions of {@link Quickstart}, so they cannot rot. */
final class ReadmeExamplesTest {
  private static final Pattern REGION = Pattern.compile("// README:(\\w+)\\n(.*?)\\n\\s*// END", Pattern.DOTALL);
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyCompiledRegionAppearsVerbatimInTheReadme() throws IOException {
    String source = Files.readString(Path.of("src/test/java/dev/audiojobs/readme/Quickstart.java"));
    String readme = Files.readString(Path.of("../README.md"));
    List<String> blocks = new ArrayList<>();
    Matcher block = JAVA_BLOCK.matcher(readme);
    while (block.find()) blocks.add(block.group(1).strip());

    Map<String, String> regions = new LinkedHashMap<>();
    Matcher region = REGION.matcher(source);
    while (region.find()) regions.put(region.group(1), region.group(2).stripIndent().strip());

    assertThat(regions).containsOnlyKeys(
        "pyannote", "pyannoteLifecycle", "daily", "dailyLifecycle", "dailyNotFinished", "lyrcs", "lyrcsLifecycle", "retries", "paging", "waiting", "logging", "timeouts",
        "webhooksPyannote", "webhooksDaily", "webhooksLyrcs");
    regions.forEach((name, code) -> assertThat(blocks).as("README java block for %s", name).contains(code));
  }

  @Test
  void theConsumerSmokeTestRunsTheReadmeLifecycleVerbatim() throws IOException {
    String consumer = Files.readString(Path.of("../conformance-tests/src/it/common/src/main/java/example/consumer/Lifecycle.java"));
    String readme = Files.readString(Path.of("../README.md"));
    Matcher region = REGION.matcher(consumer);

    assertThat(region.find()).as("a README region in the consumer's Lifecycle").isTrue();
    assertThat(region.group(1)).isEqualTo("pyannoteLifecycle");
    List<String> blocks = new ArrayList<>();
    Matcher block = JAVA_BLOCK.matcher(readme);
    while (block.find()) blocks.add(block.group(1).strip());
    assertThat(blocks).contains(region.group(2).stripIndent().strip());
  }

  @Test
  void theConsumerSmokeTestRunsTheDailyAndLyrcsLifecyclesVerbatim() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    List<String> blocks = new ArrayList<>();
    Matcher block = JAVA_BLOCK.matcher(readme);
    while (block.find()) blocks.add(block.group(1).strip());
    Map<String, List<String>> expected = Map.of(
        "DailyLifecycle.java", List.of("dailyLifecycle", "dailyNotFinished"),
        "LyrcsLifecycle.java", List.of("lyrcsLifecycle"));
    expected.forEach((file, names) -> {
      String consumer;
      try {
        consumer = Files.readString(Path.of("../conformance-tests/src/it/common/src/main/java/example/consumer/" + file));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      Map<String, String> regions = new LinkedHashMap<>();
      Matcher region = REGION.matcher(consumer);
      while (region.find()) regions.put(region.group(1), region.group(2).stripIndent().strip());
      assertThat(regions.keySet()).as("README regions in the consumer's %s", file).containsExactlyElementsOf(names);
      regions.forEach((name, code) -> assertThat(blocks).as("README java block for %s, run by %s", name, file).contains(code));
    });
  }
}
