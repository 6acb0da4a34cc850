package dev.audiojobs.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

final class OverlayApplierTest {
  private static ObjectNode yaml(String text) {
    return YamlFiles.parseObject(text, "test.yaml");
  }

  private static ObjectNode apply(String document, String actions) {
    ObjectNode doc = yaml(document);
    Overlay overlay = Overlay.parse(yaml("overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n" + actions), "o.yaml");
    OverlayApplier.apply(overlay, doc);
    return doc;
  }

  @Test
  void updateMergesObjectsRecursivelyAndReplacesScalars() {
    ObjectNode doc = apply(
        "a: {b: {c: 1, d: 2}, e: x}",
        "  - {target: $.a, description: r, update: {b: {c: 10, f: 3}, e: y}}");
    assertThat(doc.toString()).isEqualTo("{\"a\":{\"b\":{\"c\":10,\"d\":2,\"f\":3},\"e\":\"y\"}}");
  }

  @Test
  void updateAppendsToArraysInsideAnObject() {
    ObjectNode doc = apply("s: {required: [a]}", "  - {target: $.s, description: r, update: {required: [b, c]}}");
    assertThat(doc.toString()).isEqualTo("{\"s\":{\"required\":[\"a\",\"b\",\"c\"]}}");
  }

  @Test
  void updateOnAnArrayTargetAppendsTheElements() {
    ObjectNode doc = apply("e: [x]", "  - {target: $.e, description: r, update: [y, z]}");
    assertThat(doc.toString()).isEqualTo("{\"e\":[\"x\",\"y\",\"z\"]}");
  }

  @Test
  void removeDeletesEveryMatch() {
    ObjectNode doc = apply(
        "p: {x: {allOf: [1], keep: 1}, y: {allOf: [2]}}", "  - {target: '$.p.*.allOf', description: r, remove: true}");
    assertThat(doc.toString()).isEqualTo("{\"p\":{\"x\":{\"keep\":1},\"y\":{}}}");
  }

  @Test
  void updateWithSeveralPropertiesInTheLastSelectorChangesEachOfThem() {
    // Jayway reads $.s['a','b'] as a new map; the applier must still edit the document itself.
    ObjectNode doc = apply("s: {a: {}, b: {}, c: {}}", "  - {target: \"$.s['a','b']\", description: r, update: {k: 1}}");
    assertThat(doc.toString()).isEqualTo("{\"s\":{\"a\":{\"k\":1},\"b\":{\"k\":1},\"c\":{}}}");
  }

  @Test
  void severalPropertiesInTheLastSelectorSelectOnlyThoseTheObjectHas() {
    // The pyannote write side removes ['type','enum','default','nullable'] from request models, only
    // one of which is nullable; Jayway reports the union path whatever exists.
    ObjectNode doc = apply(
        "s: {x: {type: string, nullable: true, keep: 1}, y: {type: string, keep: 2}}",
        "  - {target: \"$.s['x','y']['type','nullable']\", description: r, remove: true}");
    assertThat(doc.toString()).isEqualTo("{\"s\":{\"x\":{\"keep\":1},\"y\":{\"keep\":2}}}");
    assertThatThrownBy(() -> apply("s: {x: {}}", "  - {target: \"$.s.x['a','b']\", description: r, remove: true}"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("$.actions[0].target")
        .hasMessageContaining("matches nothing");
  }

  @Test
  void filterTargetsSelectArrayElements() {
    ObjectNode doc = apply(
        "ps: [{name: take, t: number}, {name: skip, t: number}]",
        "  - {target: \"$.ps[?(@.name == 'skip')]\", description: r, update: {t: integer}}");
    assertThat(doc.toString()).isEqualTo("{\"ps\":[{\"name\":\"take\",\"t\":\"number\"},{\"name\":\"skip\",\"t\":\"integer\"}]}");
  }

  @Test
  void aTargetThatMatchesNothingIsAnErrorNamingTheFileTheActionAndTheReason() {
    assertThatThrownBy(() -> apply("a: {}", "  - {target: $.a.b, description: the reason, update: {x: 1}}"))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("o.yaml: $.actions[0].target: $.a.b matches nothing")
        .hasMessageContaining("the reason");
    assertThatThrownBy(() -> apply("a: {}", "  - {target: '$.a.*.c', description: r, remove: true}"))
        .hasMessageContaining("$.actions[0].target")
        .hasMessageContaining("matches nothing");
  }

  @Test
  void anUpdateOfAScalarIsAnError() {
    assertThatThrownBy(() -> apply("a: {b: 1}", "  - {target: $.a.b, description: r, update: {x: 1}}"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("$.actions[0].target")
        .hasMessageContaining("scalar");
  }

  @Test
  void anInvalidJsonPathIsAnError() {
    assertThatThrownBy(() -> apply("a: {}", "  - {target: '$.a[?(@.b ==', description: r, update: {x: 1}}"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("$.actions[0].target")
        .hasMessageContaining("invalid JSONPath");
  }

  // ---------------------------------------------------------------- every error path names file, action, reason, target

  private static void failsNaming(String document, String action, String location, String... problem) {
    org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> thrown =
        assertThatThrownBy(() -> apply(document, action)).isInstanceOf(SpecException.class);
    thrown.satisfies(e -> {
      SpecException spec = (SpecException) e;
      assertThat(spec.file()).isEqualTo("o.yaml");
      assertThat(spec.location()).isEqualTo(location);
      assertThat(spec.problem()).contains("(action \"the reason\")");
      for (String part : problem) assertThat(spec.problem()).contains(part);
    });
  }

  @Test
  void aNameSelectedTwiceIsOneMatchNotABarePathNotFoundException() {
    // Before: the second delete of $['s']['x']['k'] threw Jayway's PathNotFoundException, naming nothing.
    ObjectNode doc = apply("s: {x: {k: 1, j: 2}}", "  - {target: \"$.s.x['k','k']\", description: r, remove: true}");
    assertThat(doc.toString()).isEqualTo("{\"s\":{\"x\":{\"j\":2}}}");
  }

  @Test
  void anIndexPastTheEndIsNoMatchNotASilentNoOp() {
    failsNaming("s: {x: {k: [1]}}", "  - {target: '$.s.x.k[3]', description: the reason, remove: true}",
        "$.actions[0].target", "$.s.x.k[3] matches nothing");
    failsNaming("s: {x: {k: [1]}}", "  - {target: '$.s.x.k[3]', description: the reason, update: {a: 1}}",
        "$.actions[0].target", "$.s.x.k[3] matches nothing");
  }

  @Test
  void removingSeveralIndexesOfOneArrayRemovesExactlyThose() {
    ObjectNode doc = apply("s: [a, b, c, d]", "  - {target: '$.s[0,2,9]', description: r, remove: true}");
    assertThat(doc.toString()).isEqualTo("{\"s\":[\"b\",\"d\"]}");
  }

  @Test
  void aRemoveWhoseTargetListMissesOneNameRemovesTheOthersAndOneThatMissesAllIsAnError() {
    ObjectNode doc = apply("p: {a: {get: {}}}", "  - {target: \"$.p['a','b'].get\", description: r, remove: true}");
    assertThat(doc.toString()).isEqualTo("{\"p\":{\"a\":{}}}");
    failsNaming("p: {a: {get: {}}}", "  - {target: \"$.p['b','c'].get\", description: the reason, remove: true}",
        "$.actions[0].target", "$.p['b','c'].get matches nothing");
  }

  @Test
  void everyErrorNamesTheFileTheActionItsReasonAndItsTarget() {
    String second = "  - {target: $.a, description: first, update: {x: 1}}\n";
    failsNaming("a: {}", second + "  - {target: $.a.b, description: the reason, update: {x: 1}}",
        "$.actions[1].target", "$.a.b matches nothing");
    failsNaming("a: {b: 1}", second + "  - {target: $.a.b, description: the reason, update: {x: 1}}",
        "$.actions[1].target", "$.a.b selects $['a']['b'], which is a scalar");
    failsNaming("a: {b: {}}", second + "  - {target: $.a.b, description: the reason, update: [1]}",
        "$.actions[1].update", "$.a.b selects $['a']['b'], an object; the update must be a mapping, found ARRAY");
    failsNaming("a: {}", second + "  - {target: '$.a[?(@.b ==', description: the reason, update: {x: 1}}",
        "$.actions[1].target", "$.a[?(@.b == is an invalid JSONPath");
    failsNaming("a: {}", second + "  - {target: '$.a.*.c', description: the reason, remove: true}",
        "$.actions[1].target", "$.a.*.c matches nothing");
  }
}
