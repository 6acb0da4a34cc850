package dev.audiojobs.client.internal;

import static dev.audiojobs.testsupport.Outcomes.thrown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiojobs.client.RequestValidationException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request checks on their edges; AcmeRequestBodyTest runs them through a generated client. */
final class RequestChecksTest {
  @Test
  void lengthsCountCodePointsAsJsonSchemaDoes() {
    String twoEmoji = "\uD83C\uDFB5\uD83C\uDFB6"; // two code points, four UTF-16 units

    assertThatCode(() -> RequestChecks.maxLength("op", "$.label", twoEmoji, 2)).doesNotThrowAnyException();
    RequestValidationException e = thrown(RequestValidationException.class,
        () -> RequestChecks.minLength("op", "$.label", twoEmoji, 3));
    assertThat(e.reason()).isEqualTo("must be at least 3 characters long");
  }

  @Test
  void boundsAreStatedAsTheSpecWritesThem() {
    assertThat(thrown(RequestValidationException.class, () -> RequestChecks.atLeast("op", "$.t", 0.25, 0.5)).reason())
        .isEqualTo("must be at least 0.5");
    assertThat(thrown(RequestValidationException.class, () -> RequestChecks.atMost("op", "$.t", 101.0, 100.0)).reason())
        .isEqualTo("must be at most 100");
    assertThat(thrown(RequestValidationException.class, () -> RequestChecks.atLeast("op", "$.t", Double.NaN, 0.0)).reason())
        .as("NaN is no number the spec allows").isEqualTo("must be at least 0");
    assertThatCode(() -> RequestChecks.atMost("op", "$.n", 100L, 100L)).doesNotThrowAnyException();
  }

  @Test
  void theMessageNamesTheOperationAndPathButNotTheValue() {
    RequestValidationException e = thrown(RequestValidationException.class,
        () -> RequestChecks.pattern("getMediaUploadUrl", "$.url", "secret-token-value", java.util.regex.Pattern.compile("^media://")));

    assertThat(e).hasMessage("getMediaUploadUrl: invalid request at $.url: must match the pattern ^media://");
    assertThat(e.getMessage()).doesNotContain("secret-token-value");
  }

  @Test
  void anAdditionalPropertyMustBeAJsonValueAllTheWayDown() {
    assertThatCode(() -> RequestChecks.jsonValue("p", Map.of("a", List.of(1, "x", true, new BigDecimal("1.5")))))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> RequestChecks.jsonValue("p", Map.of("a", List.of(Double.NaN))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("additional property p.a[0]: not a JSON number (NaN or infinite)");
    assertThatThrownBy(() -> RequestChecks.jsonValue("p", Map.of(1, "x")))
        .hasMessage("additional property p: a map key that is not a String");
  }

  @Test
  void aFormFieldCarriesOnlyScalars() {
    assertThat(RequestChecks.formValue("op", "n", new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(RequestChecks.formValue("op", "b", true)).isEqualTo("true");
    RequestValidationException e = thrown(RequestValidationException.class,
        () -> RequestChecks.formValue("op", "tags", List.of("a")));
    assertThat(e.path()).isEqualTo("$.tags");
  }
}
