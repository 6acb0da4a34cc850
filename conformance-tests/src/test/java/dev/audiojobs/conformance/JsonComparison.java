package dev.audiojobs.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import java.util.TreeSet;

/**
 * JSON equality as CASES.md defines it: object key order does not matter; numbers compare by value
 * ({@code 15} equals {@code 15.0}); strings that are both RFC 3339 date-times compare by the instant
 * they denote; everything else compares exactly.
 */
final class JsonComparison {
  private static final DateTimeFormatter RFC_3339 =
      new DateTimeFormatterBuilder().parseCaseInsensitive().append(DateTimeFormatter.ISO_OFFSET_DATE_TIME).toFormatter();

  private JsonComparison() {}

  /** The first difference between the two values, described with its JSON path; empty when equal. */
  static Optional<String> difference(JsonNode expected, JsonNode actual) {
    return difference(expected, actual, "$");
  }

  private static Optional<String> difference(JsonNode expected, JsonNode actual, String path) {
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0
          ? Optional.empty()
          : Optional.of(path + ": expected " + expected + " but was " + actual);
    }
    if (expected.isTextual() && actual.isTextual()) {
      if (expected.asText().equals(actual.asText()) || sameInstant(expected.asText(), actual.asText())) {
        return Optional.empty();
      }
      return Optional.of(path + ": expected " + expected + " but was " + actual);
    }
    if (expected.getNodeType() != actual.getNodeType()) {
      return Optional.of(path + ": expected " + describe(expected) + " but was " + describe(actual));
    }
    if (expected.isObject()) {
      TreeSet<String> expectedKeys = names(expected);
      TreeSet<String> actualKeys = names(actual);
      for (String key : expectedKeys) {
        if (!actualKeys.contains(key)) return Optional.of(path + "." + key + ": missing");
      }
      for (String key : actualKeys) {
        if (!expectedKeys.contains(key)) return Optional.of(path + "." + key + ": unexpected (" + actual.get(key) + ")");
      }
      for (String key : expectedKeys) {
        Optional<String> d = difference(expected.get(key), actual.get(key), path + "." + key);
        if (d.isPresent()) return d;
      }
      return Optional.empty();
    }
    if (expected.isArray()) {
      if (expected.size() != actual.size()) {
        return Optional.of(path + ": expected " + expected.size() + " elements but was " + actual.size());
      }
      for (int i = 0; i < expected.size(); i++) {
        Optional<String> d = difference(expected.get(i), actual.get(i), path + "[" + i + "]");
        if (d.isPresent()) return d;
      }
      return Optional.empty();
    }
    return expected.equals(actual) ? Optional.empty() : Optional.of(path + ": expected " + expected + " but was " + actual);
  }

  private static boolean sameInstant(String a, String b) {
    try {
      return OffsetDateTime.parse(a, RFC_3339).toInstant().equals(OffsetDateTime.parse(b, RFC_3339).toInstant());
    } catch (DateTimeParseException notBothDateTimes) {
      return false;
    }
  }

  private static TreeSet<String> names(JsonNode node) {
    TreeSet<String> names = new TreeSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
    return names;
  }

  private static String describe(JsonNode node) {
    String text = node.toString();
    return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " "
        + (text.length() > 60 ? text.substring(0, 57) + "..." : text);
  }
}
