package dev.audiojobs.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiojobs.client.AutoPager;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

final class CursorPagerTest {
  record Page(List<String> items, @Nullable String next) {}

  private final List<@Nullable String> asked = new ArrayList<>();

  private AutoPager<String> pager(Map<String, Page> pages) {
    return CursorPager.create(cursor -> {
      asked.add(cursor);
      Page page = pages.get(cursor == null ? "" : cursor);
      if (page == null) throw new IllegalStateException("no page " + cursor);
      return page;
    }, Page::items, Page::next);
  }

  @Test
  void walksFromNoCursorToTheFirstPageWithoutANextCursor() {
    AutoPager<String> pager = pager(Map.of("", new Page(List.of("a", "b"), "c1"), "c1", new Page(List.of("c"), null)));

    assertThat(pager).containsExactly("a", "b", "c");
    assertThat(asked).containsExactly(null, "c1");
  }

  @Test
  void nothingIsFetchedBeforeTheFirstItemIsAskedFor() {
    AutoPager<String> pager = pager(Map.of("", new Page(List.of("a"), null)));
    Iterator<String> walk = pager.iterator();

    assertThat(asked).isEmpty();
    assertThat(walk.next()).isEqualTo("a");
  }

  @Test
  void anEmptyPageOrARepeatedCursorEndsTheWalk() {
    assertThat(pager(Map.of("", new Page(List.of(), "c1")))).isEmpty();
    asked.clear();

    AutoPager<String> looping = pager(Map.of("", new Page(List.of("a"), "c1"), "c1", new Page(List.of("b"), "c1")));

    assertThat(looping).containsExactly("a", "b");
    assertThat(asked).containsExactly(null, "c1");
  }

  @Test
  void aFailedPageThrowsAfterTheItemsBeforeItAndIsNotFetchedAgain() {
    AutoPager<String> pager = pager(Map.of("", new Page(List.of("a"), "missing")));
    Iterator<String> walk = pager.iterator();

    assertThat(walk.next()).isEqualTo("a");
    assertThatThrownBy(walk::hasNext).hasMessage("no page missing");
    assertThatThrownBy(walk::hasNext).hasMessage("no page missing");
    assertThat(asked).containsExactly(null, "missing");
  }

  @Test
  void eachStreamIsANewWalk() {
    AutoPager<String> pager = pager(Map.of("", new Page(List.of("a"), null)));

    assertThat(pager.stream().count()).isEqualTo(1);
    assertThat(pager.stream().count()).isEqualTo(1);
    assertThat(asked).hasSize(2);
  }
}
