package dev.audiojobs.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Response headers as {@link ApiResponse} and {@link ApiException} hold them. */
final class HeaderMap {
  private HeaderMap() {}

  /**
   * Returns an unmodifiable copy ordered by name and looked up case-insensitively, like the map
   * OkHttp's {@code Headers.toMultimap()} returns. Names differing only in case are merged.
   */
  static Map<String, List<String>> copyOf(Map<String, List<String>> headers) {
    Objects.requireNonNull(headers, "headers == null");
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      String name = Objects.requireNonNull(entry.getKey(), "header name == null");
      List<String> values = copy.computeIfAbsent(name, n -> new ArrayList<>());
      for (String value : entry.getValue()) {
        values.add(Objects.requireNonNull(value, "header value == null"));
      }
    }
    copy.replaceAll((name, values) -> Collections.unmodifiableList(values));
    return Collections.unmodifiableMap(copy);
  }

  /** Returns the first value of {@code name} in a map made by {@link #copyOf}. */
  static Optional<String> first(Map<String, List<String>> headers, String name) {
    Objects.requireNonNull(name, "name == null");
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
