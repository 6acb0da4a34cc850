package dev.audiojobs.client.internal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * JSON number literals: the exact fast conversion of a schema number to a {@code double}, and the
 * {@link Number} an unknown literal denotes, kept so that it writes back as sent.
 */
final class JsonNumbers {
  /** Powers of ten a double holds exactly. */
  private static final double[] EXACT_POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    1e19, 1e20, 1e21, 1e22,
  };

  private JsonNumbers() {}

  /**
   * {@code Double.parseDouble(literal)} for a JSON number literal, bit for bit. A literal without an
   * exponent and with at most 15 digits is its digits as an integer (exact in a double, below 2^53)
   * divided by a power of ten at most 10^22 (exact too): one IEEE division, so one correct rounding,
   * which is what {@code parseDouble} returns (Clinger's fast path). Anything else goes to it.
   */
  static double parseDouble(String literal) {
    int length = literal.length();
    int i = 0;
    boolean negative = literal.charAt(0) == '-';
    if (negative) i++;
    long digits = 0;
    int count = 0;
    int fraction = -1; // digits after the point, once one is seen
    for (; i < length; i++) {
      char c = literal.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++count > 15) return Double.parseDouble(literal);
        digits = digits * 10 + (c - '0');
        if (fraction >= 0) fraction++;
      } else if (c == '.' && fraction < 0) {
        fraction = 0;
      } else {
        return Double.parseDouble(literal); // an exponent
      }
    }
    double value = fraction > 0 ? digits / EXACT_POWERS_OF_TEN[fraction] : digits;
    return negative ? -value : value;
  }

  /** The number a JSON literal denotes: a {@link BigDecimal}, or a {@link LiteralNumber} beyond its exponent range. */
  static Number number(String literal) {
    BigDecimal value;
    try {
      value = new BigDecimal(literal);
    } catch (NumberFormatException e) {
      return new LiteralNumber(literal);
    }
    // BigDecimal writes d.ddd…E±n with n = precision - scale - 1, which it cannot read back past the
    // int range (9…9e2147483647 with 65 nines): keep such a literal as sent too.
    long exponent = (long) value.precision() - value.scale() - 1;
    return exponent == (int) exponent ? value : new LiteralNumber(literal);
  }

  /**
   * A valid JSON number no {@link BigDecimal} holds, its exponent beyond the {@code int} range
   * ({@code 1e9999999999}): kept as the literal, which it writes back unchanged. Equal to another such
   * number with the same literal; {@link #doubleValue()} is infinite or zero.
   */
  static final class LiteralNumber extends Number {
    private static final long serialVersionUID = 1L;

    private final String literal;

    LiteralNumber(String literal) {
      this.literal = literal;
    }

    @Override
    public double doubleValue() {
      return Double.parseDouble(literal);
    }

    @Override
    public float floatValue() {
      return (float) doubleValue();
    }

    @Override
    public long longValue() {
      return (long) doubleValue();
    }

    @Override
    public int intValue() {
      return (int) doubleValue();
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof LiteralNumber other && literal.equals(other.literal);
    }

    @Override
    public int hashCode() {
      return literal.hashCode();
    }

    /** The literal as it was sent; {@code JsonWriter.value(Number)} writes this. */
    @Override
    public String toString() {
      return literal;
    }
  }
}
