package dev.audiojobs.openapi;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
final class ThirdPartyScratchTest {
  @Test void scratch() {
    Normalizer n = new Normalizer(Path.of("src/test/resources/thirdparty"));
    for (String v : n.vendors()) {
      try { Normalizer.Normalized r = n.normalized(v); System.out.println("OK " + v + " notes " + r.notes().size()); r.notes().forEach(System.out::println);
        YamlFiles.write(Path.of("target/scratch-" + v + ".yaml"), r.text());
      } catch (SpecException e) { System.out.println("FAIL " + v + ": " + e.getMessage()); }
    }
  }
}
