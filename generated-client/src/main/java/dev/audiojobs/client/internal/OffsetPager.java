package dev.audiojobs.client.internal;

import dev.audiojobs.client.AutoPager;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Every item of a list operation paged by limit and offset (the spec's {@code
 * x-audiojobs-paging}); for generated code, not API.
 *
 * <p>A walk asks for {@code pageSize} items at offset 0, then at the offset after the items
 * received so far, and ends after a page that:
 *
 * <ul>
 *   <li>is empty, whatever its total says (a walk that cannot advance must stop);
 *   <li>holds fewer items than asked for;
 *   <li>brings the items received to the total that page reports. The latest total wins: a total
 *       that shrank between pages (jobs deleted meanwhile) ends the walk early, without error, once
 *       the items received reach it; one that grew lets it go on.
 * </ul>
 *
 * <p>Items are never de-duplicated: a list that changes between pages may repeat or skip items,
 * as offset paging does.
 *
 * @param <P> the page type
 * @param <T> the item type
 */
public final class OffsetPager<P, T> implements AutoPager<T> {
  private final int pageSize;
  private final BiFunction<Integer, Integer, P> fetch;
  private final Function<P, List<T>> items;
  private final Function<P, @Nullable Long> total;

  private OffsetPager(
      int pageSize,
      BiFunction<Integer, Integer, P> fetch,
      Function<P, List<T>> items,
      Function<P, @Nullable Long> total) {
    this.pageSize = pageSize;
    this.fetch = fetch;
    this.items = items;
    this.total = total;
  }

  /**
   * Returns the pager.
   *
   * @param pageSize the limit sent with every page
   * @param fetch fetches the page at {@code (limit, offset)}
   * @param items the items of a page
   * @param total the total a page reports, or null when it reports none
   * @throws IllegalArgumentException if {@code pageSize} is below 1
   */
  public static <P, T> AutoPager<T> create(
      int pageSize,
      BiFunction<Integer, Integer, P> fetch,
      Function<P, List<T>> items,
      Function<P, @Nullable Long> total) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize < 1: " + pageSize);
    }
    return new OffsetPager<>(
        pageSize,
        Objects.requireNonNull(fetch, "fetch == null"),
        Objects.requireNonNull(items, "items == null"),
        Objects.requireNonNull(total, "total == null"));
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
    return "OffsetPager{pageSize=" + pageSize + "}";
  }

  private final class Walk extends PageWalk<T> {
    private int offset;

    @Override
    Page<T> fetchNext() {
      P response = fetch.apply(pageSize, offset);
      List<T> received = items.apply(response);
      @Nullable Long reported = total.apply(response);
      long next = (long) offset + received.size();
      offset = (int) Math.min(next, Integer.MAX_VALUE);
      return new Page<>(received, received.isEmpty()
          || received.size() < pageSize
          || (reported != null && next >= reported)
          || next > Integer.MAX_VALUE);
    }
  }
}
