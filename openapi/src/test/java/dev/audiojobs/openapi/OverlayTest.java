package dev.audiojobs.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class OverlayTest {
  private static Overlay parse(String text) {
    return Overlay.parse(YamlFiles.parseObject(text, "o.yaml"), "o.yaml");
  }

  @Test
  void readsAVersion1Overlay() {
    Overlay overlay = parse("overlay: 1.0.0\ninfo: {title: t, version: '2'}\nactions:\n"
        + "  - {target: $.a, description: why, update: {b: 1}}\n  - {target: $.c, description: why not, remove: true}");
    assertThat(overlay.actions()).hasSize(2);
    assertThat(overlay.actions().get(1).remove()).isTrue();
    assertThat(overlay.actions().get(0).update().toString()).isEqualTo("{\"b\":1}");
  }

  @Test
  void anUnknownOverlayVersionIsRejected() {
    assertThatThrownBy(() -> parse("overlay: 2.0.0\ninfo: {title: t, version: '1'}\nactions: [{target: $, description: d, remove: true}]"))
        .isInstanceOf(SpecException.class)
        .hasMessage("o.yaml: $.overlay: unsupported Overlay version '2.0.0' (supported: 1.0.x)");
  }

  @Test
  void anActionWithoutAReasonIsRejected() {
    assertThatThrownBy(() -> parse("overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: [{target: $.a, update: {}}]"))
        .hasMessage("o.yaml: $.actions[0].description: missing or blank (every action states its reason)");
  }

  @Test
  void aMisspelledFieldIsRejectedRatherThanIgnored() {
    assertThatThrownBy(() -> parse("overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: [{target: $.a, description: d, udpate: {}}]"))
        .hasMessageStartingWith("o.yaml: $.actions[0].udpate: unknown field");
  }

  @Test
  void anActionNeedsExactlyOneOfUpdateAndRemove() {
    assertThatThrownBy(() -> parse("overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: [{target: $.a, description: d, update: {}, remove: true}]"))
        .hasMessageStartingWith("o.yaml: $.actions[0]: an action has exactly one of");
    assertThatThrownBy(() -> parse("overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: [{target: $.a, description: d}]"))
        .hasMessageStartingWith("o.yaml: $.actions[0]: an action has exactly one of");
  }

  @Test
  void anOverlayWithoutActionsIsRejected() {
    assertThatThrownBy(() -> parse("overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: []"))
        .hasMessageStartingWith("o.yaml: $.actions: missing or empty");
  }

  @Test
  void malformedYamlNamesTheFileAndTheLine() {
    assertThatThrownBy(() -> YamlFiles.parseObject("a: 1\nb: [unclosed\nc: 2\n", "bad.yaml"))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("bad.yaml: line ")
        .hasMessageContaining("malformed YAML");
    assertThatThrownBy(() -> YamlFiles.parseObject("a: 1\na: 2\n", "dup.yaml"))
        .hasMessageStartingWith("dup.yaml: line 2")
        .hasMessageContaining("Duplicate field 'a'");
  }
}
