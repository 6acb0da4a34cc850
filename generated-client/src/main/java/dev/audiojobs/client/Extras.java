package dev.audiojobs.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a decoded JSON object carried beyond its typed properties, so that re-encoding loses nothing.
 *
 * <ul>
 *   <li>{@linkplain #unknownProperties() Unknown properties}: names this client does not know, in
 *       arrival order, with the values a JSON reader produced: {@code Map<String, Object>} (in
 *       arrival order), {@code List<Object>}, {@code String}, {@code java.math.BigDecimal} (or, for a
 *       number beyond its exponent range such as {@code 1e9999999999}, a {@code Number} whose {@code
 *       toString()} is the literal as sent), {@code Boolean}, or null for an explicit JSON {@code null}.
 *   <li>{@linkplain #explicitNulls() Explicit nulls}: names of optional known properties that
 *       arrived as JSON {@code null} rather than being absent, so that re-encoding writes {@code
 *       null} back instead of omitting them.
 * </ul>
 *
 * <p>Instances are immutable: nested maps and lists are copied into unmodifiable collections, keeping
 * null values and order.
 */
public final class Extras {
  private static final Extras EMPTY =
      new Extras(Collections.emptyMap(), Collections.emptySet());

  private final Map<String, @Nullable Object> unknownProperties;
  private final Set<String> explicitNulls;

  private Extras(Map<String, @Nullable Object> unknownProperties, Set<String> explicitNulls) {
    this.unknownProperties = unknownProperties;
    this.explicitNulls = explicitNulls;
  }

  /** Returns the instance that carries nothing. */
  public static Extras empty() {
    return EMPTY;
  }

  /**
   * Returns extras holding copies of {@code unknownProperties} and {@code explicitNulls}. Order and
   * null values are kept; later changes to the arguments do not show through. Returns {@link
   * #empty()} when both are empty.
   *
   * @throws NullPointerException if either argument, a property name, or an element of {@code
   *     explicitNulls} is null. Property values may be null.
   */
  public static Extras of(Map<String, @Nullable Object> unknownProperties, Set<String> explicitNulls) {
    Objects.requireNonNull(unknownProperties, "unknownProperties == null");
    Objects.requireNonNull(explicitNulls, "explicitNulls == null");
    if (unknownProperties.isEmpty() && explicitNulls.isEmpty()) {
      return EMPTY;
    }
    Map<String, @Nullable Object> properties = copyObject(unknownProperties);
    LinkedHashSet<String> names = new LinkedHashSet<>(explicitNulls.size());
    for (String name : explicitNulls) {
      names.add(Objects.requireNonNull(name, "explicitNulls contains null"));
    }
    return new Extras(properties, Collections.unmodifiableSet(names));
  }

  /**
   * Properties this client does not know, in arrival order. Values may be null (an explicit JSON
   * {@code null}). Unmodifiable.
   */
  public Map<String, @Nullable Object> unknownProperties() {
    return unknownProperties;
  }

  /** Names of optional known properties that arrived as an explicit JSON {@code null}. Unmodifiable. */
  public Set<String> explicitNulls() {
    return explicitNulls;
  }

  /** Whether the known property {@code name} arrived as an explicit JSON {@code null}. */
  public boolean isExplicitNull(String name) {
    return explicitNulls.contains(name);
  }

  /** Whether there are neither unknown properties nor explicit nulls. */
  public boolean isEmpty() {
    return unknownProperties.isEmpty() && explicitNulls.isEmpty();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o == this
        || (o instanceof Extras other
            && unknownProperties.equals(other.unknownProperties)
            && explicitNulls.equals(other.explicitNulls));
  }

  @Override
  public int hashCode() {
    return 31 * unknownProperties.hashCode() + explicitNulls.hashCode();
  }

  @Override
  public String toString() {
    return "Extras{unknownProperties=" + unknownProperties + ", explicitNulls=" + explicitNulls + "}";
  }

  // Deep copies: a JSON reader hands out mutable LinkedHashMaps and ArrayLists, and an immutable
  // Extras must not change when the caller later mutates what it passed in.
  private static Map<String, @Nullable Object> copyObject(Map<?, ?> map) {
    LinkedHashMap<String, @Nullable Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      Object key = entry.getKey();
      if (key == null) {
        throw new NullPointerException("property name == null");
      }
      copy.put(key.toString(), copyValue(entry.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static @Nullable Object copyValue(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      return copyObject(map);
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> copy = new ArrayList<>(list.size());
      for (Object element : list) {
        copy.add(copyValue(element));
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
