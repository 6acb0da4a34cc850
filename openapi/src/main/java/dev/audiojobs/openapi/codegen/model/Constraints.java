package dev.audiojobs.openapi.codegen.model;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What the spec states a valid value is, beyond its type: the JSON Schema keywords the generator checks
 * before a request is sent. Absent keywords are null.
 *
 * @param minimum inclusive lower bound of a number ({@code minimum})
 * @param maximum inclusive upper bound of a number ({@code maximum})
 * @param minLength least number of characters of a string
 * @param maxLength most number of characters of a string
 * @param pattern an ECMA 262 regular expression a string must match somewhere (unanchored, as JSON Schema says)
 * @param minItems least number of elements of an array
 * @param maxItems most number of elements of an array
 * @param maxBytes most bytes of a file ({@code x-audiojobs-max-bytes})
 * @param instead what to send instead of a larger file ({@code x-audiojobs-max-bytes-instead}), or null
 */
public record Constraints(@Nullable BigDecimal minimum, @Nullable BigDecimal maximum, @Nullable Integer minLength,
    @Nullable Integer maxLength, @Nullable String pattern, @Nullable Integer minItems, @Nullable Integer maxItems,
    @Nullable Long maxBytes, @Nullable String instead) {
  public static final Constraints NONE = new Constraints(null, null, null, null, null, null, null, null, null);

  /** Whether any keyword is stated. */
  public boolean any() {
    return !equals(NONE);
  }
}
