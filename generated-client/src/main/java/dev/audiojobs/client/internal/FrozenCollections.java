package dev.audiojobs.client.internal;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Unmodifiable views over collections nobody else references, which keep null elements and order:
 * decoded lists and maps are wrapped once and a record's constructor recognises them, so it need not
 * copy thousands of decoded segments a second time ({@link Json#copyOf}).
 */
final class FrozenCollections {
  private FrozenCollections() {}

  /** An unmodifiable list over a backing list that no one else references. */
  static final class FrozenList<T> extends AbstractList<T> implements RandomAccess {
    private final List<T> elements;

    FrozenList(List<T> elements) {
      this.elements = elements;
    }

    @Override
    public T get(int index) {
      return elements.get(index);
    }

    @Override
    public int size() {
      return elements.size();
    }
  }

  /** An unmodifiable map over a backing map that no one else references. */
  static final class FrozenMap<K, V> extends AbstractMap<K, V> {
    private final Map<K, V> view;

    FrozenMap(Map<K, V> entries) {
      this.view = Collections.unmodifiableMap(entries);
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
      return view.entrySet();
    }

    @Override
    public @Nullable V get(@Nullable Object key) {
      return view.get(key);
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
      return view.containsKey(key);
    }

    @Override
    public int size() {
      return view.size();
    }
  }
}
