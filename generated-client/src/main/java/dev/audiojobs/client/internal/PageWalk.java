package dev.audiojobs.client.internal;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * One walk over a paged list, shared by {@link OffsetPager} and {@link CursorPager}: a page is fetched
 * only when its first item is asked for, the walk ends after the page its pager calls the last, and a
 * page that fails is thrown again on every later call, never fetched again.
 *
 * @param <T> the item type
 */
abstract class PageWalk<T> implements Iterator<T> {
  private Iterator<T> page = Collections.emptyIterator();
  private boolean last;
  private @Nullable RuntimeException failure;

  /** A fetched page: its items, and whether the walk ends after it. */
  record Page<T>(List<T> items, boolean last) {}

  /** Fetches the next page; what it throws ends the walk. */
  abstract Page<T> fetchNext();

  @Override
  public final boolean hasNext() {
    while (!page.hasNext()) {
      if (failure != null) {
        throw failure; // the failed page is not fetched again
      }
      if (last) {
        return false;
      }
      Page<T> fetched;
      try {
        fetched = fetchNext();
      } catch (RuntimeException e) {
        failure = e;
        throw e;
      }
      last = fetched.last();
      page = fetched.items().iterator();
    }
    return true;
  }

  @Override
  public final T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return page.next();
  }
}
