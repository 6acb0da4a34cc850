package dev.audiojobs.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class ExtrasTest {
  @Test
  void emptyHasNothingAndEqualsAnOfWithNothing() {
    assertThat(Extras.empty().isEmpty()).isTrue();
    assertThat(Extras.empty().unknownProperties()).isEmpty();
    assertThat(Extras.empty().explicitNulls()).isEmpty();
    assertThat(Extras.of(Map.of(), Set.of())).isEqualTo(Extras.empty()).hasSameHashCodeAs(Extras.empty());
  }

  @Test
  void unknownPropertiesKeepArrivalOrderAndNullValues() {
    Map<String, Object> unknown = new LinkedHashMap<>();
    unknown.put("zeta", "last letter");
    unknown.put("alpha", null);
    unknown.put("mid", new BigDecimal("1.50"));

    Extras extras = Extras.of(unknown, Set.of());

    assertThat(extras.unknownProperties()).containsExactly(
        Map.entry("zeta", "last letter"),
        new java.util.AbstractMap.SimpleEntry<>("alpha", null),
        Map.entry("mid", new BigDecimal("1.50")));
    assertThat(extras.unknownProperties()).containsKey("alpha");
    assertThat(extras.isEmpty()).isFalse();
  }

  @Test
  void explicitNullsKeepOrderAndAnswerIsExplicitNull() {
    Extras extras = Extras.of(Map.of(), new LinkedHashSet<>(List.of("speaker", "confidence")));

    assertThat(extras.explicitNulls()).containsExactly("speaker", "confidence");
    assertThat(extras.isExplicitNull("speaker")).isTrue();
    assertThat(extras.isExplicitNull("start")).isFalse();
    assertThat(extras.isEmpty()).isFalse();
  }

  @Test
  void laterChangesToTheArgumentsDoNotShowThroughEvenInNestedValues() {
    List<Object> nestedList = new ArrayList<>(List.of("a"));
    Map<String, Object> nestedObject = new LinkedHashMap<>();
    nestedObject.put("list", nestedList);
    Map<String, Object> unknown = new LinkedHashMap<>();
    unknown.put("object", nestedObject);
    Set<String> nulls = new LinkedHashSet<>(Set.of("x"));

    Extras extras = Extras.of(unknown, nulls);
    unknown.put("added", true);
    nestedObject.put("added", true);
    nestedList.add("b");
    nulls.add("y");

    assertThat(extras.unknownProperties()).containsOnlyKeys("object");
    assertThat(extras.unknownProperties().get("object")).isEqualTo(Map.of("list", List.of("a")));
    assertThat(extras.explicitNulls()).containsExactly("x");
  }

  @Test
  void everyCollectionItHandsOutIsUnmodifiable() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("list", new ArrayList<>(Arrays.asList(1, null)));
    Extras extras = Extras.of(Map.of("object", nested), Set.of("x"));

    assertThatThrownBy(() -> extras.unknownProperties().put("y", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> extras.explicitNulls().add("y"))
        .isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked") // built above as a map holding a list
    Map<String, Object> object = (Map<String, Object>) extras.unknownProperties().get("object");
    assertThatThrownBy(() -> object.put("y", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((List<?>) object.get("list")).clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(object.get("list")).isEqualTo(Arrays.asList(1, null));
  }

  @Test
  void equalsAndHashCodeCompareContents() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("k", null);
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("k", null);

    assertThat(Extras.of(a, Set.of("n"))).isEqualTo(Extras.of(b, Set.of("n")))
        .hasSameHashCodeAs(Extras.of(b, Set.of("n")));
    assertThat(Extras.of(a, Set.of("n"))).isNotEqualTo(Extras.of(a, Set.of()));
    assertThat(Extras.of(a, Set.of())).isNotEqualTo(Extras.of(Map.of("k", 1), Set.of()));
  }

  @Test
  void toStringShowsBothParts() {
    assertThat(Extras.of(Map.of("k", "v"), Set.of("n")))
        .hasToString("Extras{unknownProperties={k=v}, explicitNulls=[n]}");
  }

  @Test
  void nullNamesAreRejected() {
    Map<String, Object> unknown = new LinkedHashMap<>();
    unknown.put(null, 1);
    Set<String> nulls = new LinkedHashSet<>();
    nulls.add(null);

    assertThatThrownBy(() -> Extras.of(unknown, Set.of())).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Extras.of(Map.of(), nulls)).isInstanceOf(NullPointerException.class);
  }
}
