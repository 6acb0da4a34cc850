package dev.audiojobs.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ClientOptions.Builder#fromEnv}: variable names derived from the vendor token. */
final class ClientOptionsFromEnvTest {
  private static final String KEY = "sk-env-7d2e91";

  private static ClientOptions.Builder fromEnv(String token, Map<String, String> environment) {
    return ClientOptions.builder().fromEnv(token, environment::get);
  }

  @Test
  void theKeyAndBaseUrlComeFromVariablesNamedAfterTheVendor() {
    Map<String, String> environment = Map.of(
        "PYANNOTE_API_KEY", KEY, "PYANNOTE_BASE_URL", "https://eu.pyannote.example/api",
        "DAILY_API_KEY", "sk-daily-0000000", "LYRCS_API_KEY", "sk-lyrcs-1111111");

    ClientOptions pyannote = fromEnv("pyannote", environment).build();
    ClientOptions daily = fromEnv("daily", environment).build();
    ClientOptions lyrcs = fromEnv("lyrcs", environment).build();

    assertThat(pyannote.apiKey()).isEqualTo(KEY);
    assertThat(pyannote.baseUrl()).isEqualTo("https://eu.pyannote.example/api");
    assertThat(daily.apiKey()).isEqualTo("sk-daily-0000000");
    assertThat(daily.baseUrl()).isNull(); // DAILY_BASE_URL unset: the vendor's default
    assertThat(lyrcs.apiKey()).isEqualTo("sk-lyrcs-1111111");
  }

  @Test
  void settingsMadeAfterwardsWinAndEmptyVariablesChangeNothing() {
    ClientOptions options = ClientOptions.builder().baseUrl("https://other.example/")
        .fromEnv("daily", Map.of("DAILY_API_KEY", KEY, "DAILY_BASE_URL", "")::get)
        .apiKey("sk-explicit-999")
        .build();

    assertThat(options.apiKey()).isEqualTo("sk-explicit-999");
    assertThat(options.baseUrl()).isEqualTo("https://other.example/");
  }

  @Test
  void aMissingKeyNamesTheVariableToSet() {
    assertThatThrownBy(() -> fromEnv("lyrcs", Map.of()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("apiKey is required: LYRCS_API_KEY is not set");
  }

  @Test
  void aRefusedValueNamesItsVariableAndNeverTheKey() {
    Throwable badUrl = catchThrowable(() -> fromEnv("pyannote", Map.of("PYANNOTE_BASE_URL", "http://api.example.com/")));
    Throwable badKey = catchThrowable(() -> fromEnv("pyannote", Map.of("PYANNOTE_API_KEY", KEY + " x")));

    assertThat(badUrl).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PYANNOTE_BASE_URL: baseUrl must use https unless it is a loopback address: http://api.example.com/");
    assertThat(badKey).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PYANNOTE_API_KEY: apiKey contains a character not allowed in an HTTP header, at index 13");
    assertThat(badKey.getMessage()).doesNotContain(KEY);
  }

  @Test
  void aTokenThatIsNotAVendorTokenIsRefused() {
    assertThatThrownBy(() -> ClientOptions.builder().fromEnv("Pyannote"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("vendorToken is not a lower-case vendor token such as pyannote: Pyannote");
  }

  @Test
  void proxyCredentialsAreEqualByValueAndNeverShown() {
    ClientOptions a = ClientOptions.builder().apiKey(KEY).proxyCredentials("alice", "pw-123456789").build();
    ClientOptions b = ClientOptions.builder().apiKey(KEY).proxyCredentials("alice", "pw-123456789").build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.toString()).contains("username=alice").doesNotContain("pw-123456789");
    assertThat(a.toBuilder().build()).isEqualTo(a);
  }
}
