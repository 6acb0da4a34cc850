package dev.audiojobs.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

final class RetryAfterTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC);

  @Test
  void delaySecondsAreSeconds() {
    assertThat(RetryAfter.parse("120", CLOCK)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse("0", CLOCK)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse(" 7 ", CLOCK)).contains(Duration.ofSeconds(7));
  }

  @Test
  void hugeValuesAreReturnedAsTheyAre() {
    assertThat(RetryAfter.parse("31536000000", CLOCK)).contains(Duration.ofSeconds(31_536_000_000L));
    assertThat(RetryAfter.parse("99999999999999999999999", CLOCK))
        .contains(Duration.ofSeconds(Long.MAX_VALUE));
  }

  @Test
  void anHttpDateIsTheTimeUntilThen() {
    assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:30:30 GMT", CLOCK))
        .contains(Duration.ofSeconds(150));
  }

  @Test
  void anHttpDateNowOrInThePastIsZero() {
    assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", CLOCK)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("Tue, 20 Oct 2015 07:28:00 GMT", CLOCK)).contains(Duration.ZERO);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "  ",
        "-5",
        "+5",
        "1.5",
        "soon",
        "٣",
        "Wednesday, 21-Oct-15 07:28:00 GMT",
        "Wed, 32 Oct 2015 07:28:00 GMT",
        "2015-10-21T07:30:00Z",
      })
  void anythingElseIsEmpty(String header) {
    assertThat(RetryAfter.parse(header, CLOCK)).isEmpty();
  }
}
