package dev.audiojobs.client;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.stream.DoubleStream;
import org.jspecify.annotations.Nullable;

/**
 * An immutable list of doubles backed by a {@code double[]}, so that a decoded array of 180 000
 * confidence scores costs one array rather than one boxed {@link Double} per element.
 *
 * <p>Read elements with {@link #getDouble(int)} or {@link #doubleStream()} to avoid boxing; {@link
 * #get(int)} boxes. It is a regular {@link List}: it equals any list holding the same values in the
 * same order (compared like {@link Double#equals}, so {@code NaN} equals {@code NaN} and {@code 0.0}
 * does not equal {@code -0.0}), and its hash code is the one {@link List#hashCode()} specifies. Every
 * mutator throws {@link UnsupportedOperationException}.
 */
public final class DoubleList extends AbstractList<Double> implements RandomAccess {
  private static final DoubleList EMPTY = new DoubleList(new double[0], 0);

  private final double[] values;
  private final int size;
  // Lazily computed like String's; 0 means "not yet", which only costs a recomputation when the
  // real hash is 0.
  private int hash;

  private DoubleList(double[] values, int size) {
    this.values = values;
    this.size = size;
  }

  /** Returns a list holding a copy of {@code values}. */
  public static DoubleList of(double... values) {
    Objects.requireNonNull(values, "values == null");
    return values.length == 0 ? EMPTY : new DoubleList(values.clone(), values.length);
  }

  /**
   * Returns a list of the first {@code size} elements of {@code values}, without copying. For
   * generated adapters, which fill a growing array while reading and hand it over here: this takes
   * ownership, and the caller must not touch {@code values} afterwards.
   *
   * @throws IndexOutOfBoundsException if {@code size} is negative or larger than {@code
   *     values.length}.
   */
  public static DoubleList wrap(double[] values, int size) {
    Objects.requireNonNull(values, "values == null");
    Objects.checkFromIndexSize(0, size, values.length);
    return new DoubleList(values, size);
  }

  /**
   * Returns the element at {@code index} without boxing.
   *
   * @throws IndexOutOfBoundsException if {@code index} is negative or not less than {@link #size()}.
   */
  public double getDouble(int index) {
    Objects.checkIndex(index, size);
    return values[index];
  }

  /**
   * Returns the element at {@code index}, boxed. Prefer {@link #getDouble(int)}.
   *
   * @throws IndexOutOfBoundsException if {@code index} is negative or not less than {@link #size()}.
   */
  @Override
  public Double get(int index) {
    return getDouble(index);
  }

  @Override
  public int size() {
    return size;
  }

  /** Returns a new array holding the elements; changing it does not change this list. */
  public double[] toDoubleArray() {
    return Arrays.copyOf(values, size);
  }

  /** Returns the elements as a stream, without boxing. */
  public DoubleStream doubleStream() {
    return Arrays.stream(values, 0, size);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof DoubleList other) {
      // Arrays.equals compares by doubleToLongBits, exactly as Double.equals does.
      return Arrays.equals(values, 0, size, other.values, 0, other.size);
    }
    return super.equals(o);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = 1;
      for (int i = 0; i < size; i++) {
        h = 31 * h + Double.hashCode(values[i]); // Double.hashCode(double) == boxed hashCode()
      }
      hash = h;
    }
    return h;
  }
}
