package dev.audiojobs.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class DoubleListTest {
  @Test
  void holdsTheValuesInOrder() {
    DoubleList list = DoubleList.of(0.5, 0.25, 1.0);

    assertThat(list.size()).isEqualTo(3);
    assertThat(list.getDouble(1)).isEqualTo(0.25);
    assertThat(list.get(2)).isEqualTo(1.0);
    assertThat(list.toDoubleArray()).containsExactly(0.5, 0.25, 1.0);
    assertThat(list.doubleStream().sum()).isEqualTo(1.75);
    assertThat(list).hasToString("[0.5, 0.25, 1.0]");
  }

  @Test
  void ofCopiesItsArgument() {
    double[] values = {1, 2};
    DoubleList list = DoubleList.of(values);
    values[0] = 99;

    assertThat(list.getDouble(0)).isEqualTo(1);
  }

  @Test
  void wrapUsesOnlyTheFirstSizeElements() {
    double[] buffer = {1, 2, 3, 0, 0, 0, 0, 0};
    DoubleList list = DoubleList.wrap(buffer, 3);

    assertThat(list).containsExactly(1.0, 2.0, 3.0);
    assertThat(list.toDoubleArray()).hasSize(3);
    assertThat(list.doubleStream().count()).isEqualTo(3);
    assertThat(list).isEqualTo(DoubleList.of(1, 2, 3)).hasSameHashCodeAs(DoubleList.of(1, 2, 3));
    assertThatThrownBy(() -> list.getDouble(3)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void wrapRejectsASizeOutsideTheArray() {
    assertThatThrownBy(() -> DoubleList.wrap(new double[2], 3))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> DoubleList.wrap(new double[2], -1))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void indexesOutsideTheListThrow() {
    DoubleList list = DoubleList.of(1);

    assertThatThrownBy(() -> list.getDouble(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> list.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void equalsAnyListOfTheSameValuesBothWays() {
    DoubleList list = DoubleList.of(1.5, -2, 0);
    List<Double> boxed = new ArrayList<>(List.of(1.5, -2.0, 0.0));

    assertThat(list).isEqualTo(boxed);
    assertThat(boxed).isEqualTo(list);
    assertThat(list.hashCode()).isEqualTo(boxed.hashCode());
    assertThat(list).isNotEqualTo(List.of(1.5, -2.0));
    assertThat(list).isNotEqualTo(List.of(1.5, -2.0, 1.0));
  }

  @Test
  void comparesValuesLikeDoubleEquals() {
    // Double.equals: NaN equals NaN, 0.0 does not equal -0.0; the fast path must agree.
    assertThat(DoubleList.of(Double.NaN)).isEqualTo(DoubleList.of(Double.NaN));
    assertThat(DoubleList.of(Double.NaN)).isEqualTo(List.of(Double.NaN));
    assertThat(DoubleList.of(0.0)).isNotEqualTo(DoubleList.of(-0.0));
    assertThat(DoubleList.of(0.0)).isNotEqualTo(List.of(-0.0));
    assertThat(DoubleList.of(-0.0).hashCode()).isEqualTo(List.of(-0.0).hashCode());
  }

  @Test
  void hashCodeIsTheListHashCodeForSeededRandomValues() {
    Random random = new Random(20261122);
    for (int round = 0; round < 200; round++) {
      double[] values = new double[random.nextInt(50)];
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextInt(4) == 0 ? random.nextInt(3) - 1 : random.nextGaussian() * 1e6;
      }
      List<Double> boxed = new ArrayList<>();
      Arrays.stream(values).forEach(boxed::add);
      DoubleList list = DoubleList.of(values);

      assertThat(list).isEqualTo(boxed);
      assertThat(list.hashCode()).as("round %d", round).isEqualTo(boxed.hashCode());
    }
  }

  @Test
  void emptyListsAreEqualToOtherEmptyLists() {
    assertThat(DoubleList.of()).isEqualTo(List.of()).isEqualTo(DoubleList.wrap(new double[4], 0));
    assertThat(DoubleList.of().hashCode()).isEqualTo(List.of().hashCode());
  }

  @Test
  void isUnmodifiable() {
    DoubleList list = DoubleList.of(1, 2);

    assertThatThrownBy(() -> list.add(3.0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.set(0, 3.0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(list::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.subList(0, 1).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toDoubleArrayReturnsACopy() {
    DoubleList list = DoubleList.of(1, 2);
    list.toDoubleArray()[0] = 99;

    assertThat(list.getDouble(0)).isEqualTo(1);
  }
}
