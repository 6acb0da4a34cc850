package dev.audiojobs.client.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reads a {@code Retry-After} header (RFC 9110, section 10.2.3). For the runtime; not API. */
public final class RetryAfter {
  private RetryAfter() {}

  /**
   * Returns the wait that {@code header} asks for.
   *
   * <ul>
   *   <li>Delay-seconds ({@code 120}): that many seconds. Values past {@code Long.MAX_VALUE} seconds
   *       saturate there; large values are returned as they are, capping is the caller's business.
   *   <li>An HTTP date in RFC 1123 form ({@code Wed, 21 Oct 2015 07:28:00 GMT}): the time from
   *       {@code clock}'s now until then, {@link Duration#ZERO} when it is not in the future.
   *   <li>Null, empty, negative numbers, fractions, the obsolete RFC 850 and asctime date forms and
   *       anything else: empty.
   * </ul>
   *
   * <p>Surrounding whitespace is ignored.
   *
   * @throws NullPointerException if {@code clock} is null
   */
  public static Optional<Duration> parse(@Nullable String header, Clock clock) {
    Objects.requireNonNull(clock, "clock == null");
    if (header == null) {
      return Optional.empty();
    }
    String value = header.strip();
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (isAsciiDigits(value)) {
      // Only ASCII digits reach here, so the only way parsing fails is overflow.
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException tooLarge) {
        return Optional.of(Duration.ofSeconds(Long.MAX_VALUE));
      }
    }
    try {
      ZonedDateTime date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), date.toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeException notADate) {
      return Optional.empty();
    }
  }

  // Character.isDigit would also accept non-ASCII digits, which Long.parseLong reads but HTTP does not allow.
  private static boolean isAsciiDigits(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
