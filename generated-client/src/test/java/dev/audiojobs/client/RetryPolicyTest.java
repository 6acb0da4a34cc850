package dev.audiojobs.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class RetryPolicyTest {
  @Test
  void theDefaultsAreFourAttemptsWithinTwoMinutes() {
    RetryPolicy policy = RetryPolicy.defaults();

    assertThat(policy.isEnabled()).isTrue();
    assertThat(policy.maxAttempts()).isEqualTo(4);
    assertThat(policy.initialBackoff()).isEqualTo(Duration.ofMillis(500));
    assertThat(policy.maxBackoff()).isEqualTo(Duration.ofSeconds(8));
    assertThat(policy.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
    assertThat(policy.timeBudget()).isEqualTo(Duration.ofMinutes(2));
    assertThat(ClientOptions.builder().apiKey("k").build().retryPolicy()).isEqualTo(policy);
  }

  @Test
  void noneSendsEveryRequestOnce() {
    assertThat(RetryPolicy.none().isEnabled()).isFalse();
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    assertThat(RetryPolicy.builder().maxAttempts(1).build()).isEqualTo(RetryPolicy.none());
  }

  @Test
  void toBuilderKeepsEverySetting() {
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(7).initialBackoff(Duration.ofSeconds(1))
        .maxBackoff(Duration.ofSeconds(30)).maxRetryAfter(Duration.ofMinutes(5)).timeBudget(Duration.ofMinutes(10))
        .build();

    assertThat(policy.toBuilder().build()).isEqualTo(policy).hasSameHashCodeAs(policy);
    assertThat(policy.toBuilder().maxAttempts(2).build()).isNotEqualTo(policy);
  }

  @Test
  void badSettingsAreRefusedWhenSet() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).hasMessage("maxAttempts < 1: 0");
    assertThatThrownBy(() -> RetryPolicy.builder().timeBudget(Duration.ofSeconds(-1)))
        .hasMessage("timeBudget is negative: PT-1S");
    assertThatThrownBy(() -> RetryPolicy.builder().maxRetryAfter(null)).hasMessage("maxRetryAfter == null");
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(9)).build())
        .hasMessage("initialBackoff PT9S is longer than maxBackoff PT8S");
  }

  @Test
  void exceptionsReportAttemptsOnlyWhenThereWereRetries() {
    ApiException once = new ApiException("getJob", 503, java.util.Map.of(), null, "", null, null);
    ApiException fourTimes = new ApiException("getJob", 503, java.util.Map.of(), null, "", null, null, 4);

    assertThat(once.attempts()).isEqualTo(1);
    assertThat(once).hasMessage("getJob: HTTP 503");
    assertThat(fourTimes).hasMessage("getJob: HTTP 503 after 4 attempts");
    assertThatThrownBy(() -> new TransportException("getJob", new java.io.IOException("x"), 0))
        .hasMessage("attempts < 1: 0");
  }
}
