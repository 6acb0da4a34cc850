package dev.audiojobs.client.internal;

import dev.audiojobs.client.FilePart;
import dev.audiojobs.client.RequestValidationException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The checks generated code runs on a request before it is sent, each throwing {@link
 * RequestValidationException} with the JSON path of the value and what the spec requires of it.
 *
 * <p>Reasons state the rule, never the value: a value may be a secret (a pre-signed URL, a webhook
 * address with a token). Lengths count Unicode code points, as JSON Schema does; patterns match
 * anywhere in the string unless anchored, as JSON Schema's {@code pattern} does.
 */
public final class RequestChecks {
  private RequestChecks() {}

  /**
   * The exception for a request record that does not decode because the spec rejects it (a required
   * property missing or null): the same path, with the record's name as the operation.
   */
  public static RequestValidationException invalid(String model, JsonPathException e) {
    return new RequestValidationException(model, e.path(), e.reason());
  }

  /**
   * Refuses a union value the spec does not allow in a request: {@code sent} is the variant's record,
   * {@code readAs} the variant the union's rule reads it back as once encoded ({@code null} when
   * {@code sent} is the union's fallback, which only holds what a response carried and the client did not
   * know). A value the rule reads as another variant would reach the server as that other one.
   *
   * @param variants the variants a request may send, for the message
   */
  public static void variant(String operation, String path, String sent, @Nullable String readAs, String variants) {
    if (readAs == null) {
      throw new RequestValidationException(operation, path, "is a " + sent + ", which holds what a response carried and "
          + "this client does not know; a request sends one of " + variants);
    }
    if (!readAs.equals(sent)) {
      throw new RequestValidationException(operation, path, "is a " + sent + " that the union's rule (its discriminator "
          + "or its keys) reads back as a " + readAs + ", so the server would not take it for a " + sent);
    }
  }

  /** Refuses a null element of an array (or value of a map) whose schema allows none. */
  public static void notNull(String operation, String path, @Nullable Object value) {
    if (value == null) throw new RequestValidationException(operation, path, "null where a value is required");
  }

  /** Refuses {@code value} below the spec's {@code minimum}. */
  public static void atLeast(String operation, String path, long value, long minimum) {
    if (value < minimum) throw new RequestValidationException(operation, path, "must be at least " + minimum);
  }

  /** Refuses {@code value} below the spec's {@code minimum}. */
  public static void atLeast(String operation, String path, double value, double minimum) {
    if (!(value >= minimum)) throw new RequestValidationException(operation, path, "must be at least " + number(minimum));
  }

  /** Refuses {@code value} above the spec's {@code maximum}. */
  public static void atMost(String operation, String path, long value, long maximum) {
    if (value > maximum) throw new RequestValidationException(operation, path, "must be at most " + maximum);
  }

  /** Refuses {@code value} above the spec's {@code maximum}. */
  public static void atMost(String operation, String path, double value, double maximum) {
    if (!(value <= maximum)) throw new RequestValidationException(operation, path, "must be at most " + number(maximum));
  }

  /** Refuses a string shorter than {@code minLength} code points. */
  public static void minLength(String operation, String path, String value, int minLength) {
    if (value.codePointCount(0, value.length()) < minLength) {
      throw new RequestValidationException(operation, path, "must be at least " + minLength + " characters long");
    }
  }

  /** Refuses a string longer than {@code maxLength} code points. */
  public static void maxLength(String operation, String path, String value, int maxLength) {
    if (value.length() > maxLength && value.codePointCount(0, value.length()) > maxLength) {
      throw new RequestValidationException(operation, path, "must be at most " + maxLength + " characters long");
    }
  }

  /** Refuses a string in which {@code pattern} finds no match. */
  public static void pattern(String operation, String path, String value, Pattern pattern) {
    if (!pattern.matcher(value).find()) {
      throw new RequestValidationException(operation, path, "must match the pattern " + pattern.pattern());
    }
  }

  /** Refuses an array with fewer than {@code minItems} elements. */
  public static void minItems(String operation, String path, int size, int minItems) {
    if (size < minItems) throw new RequestValidationException(operation, path, "must have at least " + minItems + " items");
  }

  /** Refuses an array with more than {@code maxItems} elements. */
  public static void maxItems(String operation, String path, int size, int maxItems) {
    if (size > maxItems) throw new RequestValidationException(operation, path, "must have at most " + maxItems + " items");
  }

  /**
   * Refuses a value of a closed enum ({@code x-audiojobs-closed}) that is not one of its values.
   *
   * @param known whether the value is one the client knows
   * @param values the allowed values, as the reason lists them
   */
  public static void known(String operation, String path, boolean known, String values) {
    if (!known) throw new RequestValidationException(operation, path, "must be one of " + values);
  }

  /** Refuses a file larger than the vendor accepts; the path is {@code $}, the file as a whole. */
  public static void maxBytes(String operation, FilePart file, long maxBytes) {
    if (file.contentLength() > maxBytes) {
      throw new RequestValidationException(operation, "$", "the file has " + file.contentLength()
          + " bytes; at most " + maxBytes + " are accepted");
    }
  }

  /**
   * Checks that {@code value}, an additional property named {@code name}, is a JSON value: null, a
   * {@code String}, {@code Number} or {@code Boolean}, or a {@code List} or {@code Map} with string keys
   * of such values.
   *
   * @throws IllegalArgumentException naming the property and where in it the offending value is
   */
  public static void jsonValue(String name, @Nullable Object value) {
    String problem = jsonProblem(value, "");
    if (problem != null) throw new IllegalArgumentException("additional property " + name + problem);
  }

  /**
   * Refuses a request body of any JSON value (the spec gives it no schema) that is not one: null, or a
   * value no JSON can hold (a {@code NaN}, an object that is not a {@code String}, {@code Number},
   * {@code Boolean}, {@code List} or string-keyed {@code Map}), at its path ({@code $.scopes[1]}).
   */
  public static void jsonBody(String operation, @Nullable Object value) {
    if (value == null) throw new RequestValidationException(operation, "$", "null where a request body is required");
    String problem = jsonProblem(value, "$");
    if (problem != null) {
      int colon = problem.indexOf(": ");
      throw new RequestValidationException(operation, problem.substring(0, colon), problem.substring(colon + 2));
    }
  }

  private static @Nullable String jsonProblem(@Nullable Object value, String at) {
    if (value == null || value instanceof String || value instanceof Boolean) return null;
    if (value instanceof Number number) {
      if (number instanceof Double d && (d.isNaN() || d.isInfinite()) || number instanceof Float f && (f.isNaN() || f.isInfinite())) {
        return at + ": not a JSON number (NaN or infinite)";
      }
      return null;
    }
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        String problem = jsonProblem(list.get(i), at + "[" + i + "]");
        if (problem != null) return problem;
      }
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) return at + ": a map key that is not a String";
        String problem = jsonProblem(entry.getValue(), at + "." + key);
        if (problem != null) return problem;
      }
      return null;
    }
    return at + ": not a JSON value (" + value.getClass().getName() + ")";
  }

  /**
   * The text of an additional property of a {@code multipart/form-data} request: a string, number or
   * boolean, as a form field carries it.
   *
   * @throws RequestValidationException for null, a list or a map, which a form field cannot carry
   */
  public static String formValue(String operation, String name, @Nullable Object value) {
    if (value instanceof String || value instanceof Boolean) return value.toString();
    if (value instanceof BigDecimal decimal) return decimal.toPlainString();
    if (value instanceof Number number) return number.toString();
    throw new RequestValidationException(operation, "$." + name, "a form field is a string, a number or a boolean");
  }

  /** {@code 1} for 1.0, {@code 0.5} for 0.5: a bound as the spec wrote it. */
  private static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
