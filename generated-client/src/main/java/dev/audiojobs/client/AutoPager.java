package dev.audiojobs.client;

import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Every item of a paged list operation, fetched page by page as it is consumed.
 *
 * <p>Nothing is fetched until the first item is asked for. Each {@link #iterator()} and each {@link
 * #stream()} walks the list again from the first page; within one walk no page is fetched twice. A
 * page that fails throws the exception its operation throws ({@link ApiException}, {@link
 * DecodeException}, {@link TransportException}) from {@code hasNext()} or {@code next()}, after the
 * items of the pages before it; the walk then rethrows it on every further call and fetches
 * nothing more.
 *
 * <p>How a walk ends is the operation's paging rule (its javadoc names it): for offset paging, at
 * the {@code total} the latest page reports, at a page shorter than asked for, or at an empty page.
 *
 * @param <T> the item type
 */
public interface AutoPager<T> extends Iterable<T> {
  /** Walks the list from the first page; see the class documentation. */
  @Override
  Iterator<T> iterator();

  /** A sequential, ordered, lazy stream over a new walk. Closing it is not needed. */
  Stream<T> stream();
}
