package dev.audiojobs.client.internal;

import dev.audiojobs.client.AutoPager;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Every item of a list operation paged by an opaque cursor (the spec's {@code x-audiojobs-paging}
 * with {@code cursor} and {@code nextCursor}, or {@code lastItemCursor}: see {@link #afterLastItem}); for
 * generated code, not API.
 *
 * <p>A walk fetches the first page without a cursor, then each next page with the cursor the page
 * before it returned, and ends after a page that:
 *
 * <ul>
 *   <li>returns no next cursor (null or empty);
 *   <li>is empty, whatever cursor it returns (a walk that cannot advance must stop);
 *   <li>returns a cursor this walk has already used: a server that does not advance would
 *       otherwise be asked for the same page forever.
 * </ul>
 *
 * @param <P> the page type
 * @param <T> the item type
 */
public final class CursorPager<P, T> implements AutoPager<T> {
  private final Function<@Nullable String, P> fetch;
  private final Function<P, List<T>> items;
  private final Function<P, @Nullable String> nextCursor;

  private CursorPager(
      Function<@Nullable String, P> fetch, Function<P, List<T>> items, Function<P, @Nullable String> nextCursor) {
    this.fetch = fetch;
    this.items = items;
    this.nextCursor = nextCursor;
  }

  /**
   * Returns the pager.
   *
   * @param fetch fetches the page after {@code cursor}; the first page for null
   * @param items the items of a page
   * @param nextCursor the cursor of the page after it, or null on the last page
   * @throws NullPointerException if an argument is null
   */
  public static <P, T> AutoPager<T> create(
      Function<@Nullable String, P> fetch, Function<P, List<T>> items, Function<P, @Nullable String> nextCursor) {
    return new CursorPager<>(
        Objects.requireNonNull(fetch, "fetch == null"),
        Objects.requireNonNull(items, "items == null"),
        Objects.requireNonNull(nextCursor, "nextCursor == null"));
  }

  /**
   * The next cursor of paging by the last item (Stripe-style {@code starting_after=<id of the last item>}):
   * {@code cursor} of the page's last item, or null for an empty page, which ends the walk.
   *
   * @param items the items of a page
   * @param cursor the cursor an item gives, such as its id
   * @throws NullPointerException if an argument is null
   */
  public static <P, T> Function<P, @Nullable String> afterLastItem(Function<P, List<T>> items, Function<T, String> cursor) {
    Objects.requireNonNull(items, "items == null");
    Objects.requireNonNull(cursor, "cursor == null");
    return page -> {
      List<T> received = items.apply(page);
      return received.isEmpty() ? null : cursor.apply(received.get(received.size() - 1));
    };
  }

  @Override
  public Iterator<T> iterator() {
    return new Walk();
  }

  @Override
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }

  @Override
  public String toString() {
    return "CursorPager";
  }

  private final class Walk extends PageWalk<T> {
    private final Set<String> used = new HashSet<>();
    private @Nullable String cursor;

    @Override
    Page<T> fetchNext() {
      P response = fetch.apply(cursor);
      List<T> received = items.apply(response);
      @Nullable String next = nextCursor.apply(response);
      if (cursor != null) {
        used.add(cursor);
      }
      cursor = next;
      return new Page<>(received, received.isEmpty() || next == null || next.isEmpty() || used.contains(next));
    }
  }
}
