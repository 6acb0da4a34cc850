package dev.audiojobs.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class ClientOptionsTest {
  private static final String KEY = "sk-test-4f9a1c";

  @Test
  void defaultsAreTheVendorBaseUrlAndOkHttpTimeouts() {
    ClientOptions options = ClientOptions.builder().apiKey(KEY).build();

    assertThat(options.apiKey()).isEqualTo(KEY);
    assertThat(options.baseUrl()).isNull();
    assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(options.readTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(options.callTimeout()).isEqualTo(Duration.ZERO);
  }

  @Test
  void aMissingKeyFailsTheBuild() {
    assertThatThrownBy(() -> ClientOptions.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("apiKey is required");
  }

  @Test
  void aNullOrBlankKeyIsRejected() {
    assertThatThrownBy(() -> ClientOptions.builder().apiKey(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("apiKey == null");
    assertThatThrownBy(() -> ClientOptions.builder().apiKey(" \t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("apiKey is blank");
  }

  @Test
  void aKeyThatCannotTravelInAHeaderIsRejectedWithoutShowingIt() {
    Throwable thrown = catchThrowable(() -> ClientOptions.builder().apiKey(KEY + "\nX-Evil: 1"));

    assertThat(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("apiKey contains a character not allowed in an HTTP header, at index 14");
    assertThat(thrown.getMessage()).doesNotContain(KEY);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://api.example.com",
        "https://api.example.com/v1/",
        "http://127.0.0.1:8080",
        "http://127.1.2.3/",
        "http://[::1]/",
        "http://[0:0:0:0:0:0:0:1]:9000/base",
        "http://localhost/",
        "http://LOCALHOST:1234",
      })
  void httpsOrLoopbackBaseUrlsAreAccepted(String url) {
    ClientOptions options = ClientOptions.builder().apiKey(KEY).baseUrl(url).build();

    assertThat(options.baseUrl()).isNotNull();
  }

  @Test
  void theBaseUrlIsKeptInCanonicalFormWithItsPath() {
    assertThat(ClientOptions.builder().apiKey(KEY).baseUrl("https://lyrcs.ai/api/v1").build().baseUrl())
        .isEqualTo("https://lyrcs.ai/api/v1");
    assertThat(ClientOptions.builder().apiKey(KEY).baseUrl("http://[0:0:0:0:0:0:0:1]:9000").build().baseUrl())
        .isEqualTo("http://[::1]:9000/");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://example.com",
        "http://127.0.0.1.example.com/",
        "http://128.0.0.1/",
        "http://[::2]/",
        "http://localhost.example.com/",
      })
  void plainHttpToAnyOtherHostIsRefused(String url) {
    assertThatThrownBy(() -> ClientOptions.builder().apiKey(KEY).baseUrl(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("baseUrl must use https unless it is a loopback address: ");
  }

  @Test
  void theRefusalNamesTheUrlInCanonicalForm() {
    assertThatThrownBy(() -> ClientOptions.builder().baseUrl("http://example.com"))
        .hasMessage("baseUrl must use https unless it is a loopback address: http://example.com/");
  }

  @Test
  void theRefusalDropsUserInfo() {
    assertThatThrownBy(() -> ClientOptions.builder().baseUrl("http://me:" + KEY + "@example.com/"))
        .hasMessage("baseUrl must use https unless it is a loopback address: http://example.com/");
  }

  @Test
  void somethingThatIsNotAnHttpUrlIsRefused() {
    assertThatThrownBy(() -> ClientOptions.builder().baseUrl("ftp://example.com/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseUrl is not an http or https URL: ftp://example.com/");
  }

  @Test
  void aNullBaseUrlRestoresTheVendorDefault() {
    ClientOptions options =
        ClientOptions.builder().apiKey(KEY).baseUrl("https://a.example").baseUrl(null).build();

    assertThat(options.baseUrl()).isNull();
  }

  @Test
  void negativeTimeoutsAreRejected() {
    ClientOptions.Builder builder = ClientOptions.builder();
    Duration negative = Duration.ofMillis(-1);

    assertThatThrownBy(() -> builder.connectTimeout(negative))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("connectTimeout is negative: PT-0.001S");
    assertThatThrownBy(() -> builder.readTimeout(negative)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.callTimeout(negative)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.callTimeout(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("callTimeout == null");
  }

  @Test
  void timeoutsOkHttpCannotTakeAreRejectedWhenSet() {
    ClientOptions.Builder builder = ClientOptions.builder();

    assertThatThrownBy(() -> builder.readTimeout(Duration.ofNanos(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.readTimeout(Duration.ofDays(30)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void timeoutsAreKept() {
    ClientOptions options =
        ClientOptions.builder()
            .apiKey(KEY)
            .connectTimeout(Duration.ofSeconds(1))
            .readTimeout(Duration.ZERO)
            .callTimeout(Duration.ofMinutes(5))
            .build();

    assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(options.readTimeout()).isEqualTo(Duration.ZERO);
    assertThat(options.callTimeout()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void toStringShowsEverythingButTheKey() {
    ClientOptions options =
        ClientOptions.builder().apiKey(KEY).baseUrl("http://127.0.0.1:8080").build();

    assertThat(options.toString())
        .isEqualTo(
            "ClientOptions{apiKey=<redacted>, baseUrl=http://127.0.0.1:8080/, connectTimeout=PT10S,"
                + " readTimeout=PT1M, callTimeout=PT0S, interceptors=0, retryPolicy=RetryPolicy{maxAttempts=4,"
                + " initialBackoff=PT0.5S, maxBackoff=PT8S, maxRetryAfter=PT1M, timeBudget=PT2M},"
                + " httpLogLevel=NONE}")
        .doesNotContain(KEY);
  }

  @Test
  void noExceptionMessageContainsTheKey() {
    List<Throwable> thrown = new ArrayList<>();
    thrown.add(catchThrowable(() -> ClientOptions.builder().apiKey(KEY).baseUrl("http://example.com")));
    thrown.add(catchThrowable(() -> ClientOptions.builder().apiKey(KEY).baseUrl("not a url")));
    thrown.add(catchThrowable(() -> ClientOptions.builder().apiKey(KEY + " x")));
    thrown.add(catchThrowable(() -> ClientOptions.builder().apiKey(KEY + "é")));
    thrown.add(catchThrowable(() -> ClientOptions.builder().apiKey(KEY).readTimeout(Duration.ofSeconds(-1))));

    assertThat(thrown).doesNotContainNull().allSatisfy(t -> assertThat(t.getMessage()).doesNotContain(KEY));
  }

  @Test
  void toBuilderCopiesEverySetting() {
    ClientOptions options =
        ClientOptions.builder()
            .apiKey(KEY)
            .baseUrl("https://api.example.com/")
            .callTimeout(Duration.ofSeconds(30))
            .build();

    assertThat(options.toBuilder().build()).isEqualTo(options).hasSameHashCodeAs(options);
    assertThat(options.toBuilder().readTimeout(Duration.ofSeconds(5)).build())
        .isNotEqualTo(options)
        .extracting(ClientOptions::apiKey, ClientOptions::baseUrl, ClientOptions::callTimeout)
        .containsExactly(KEY, "https://api.example.com/", Duration.ofSeconds(30));
  }
}
