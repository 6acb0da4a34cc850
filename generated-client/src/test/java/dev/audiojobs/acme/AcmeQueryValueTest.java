package dev.audiojobs.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiojobs.client.RetryPolicy;
import java.util.Arrays;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Union query values (operation detect of openapi/src/test/resources/codegen/acme.yaml): a oneOf of scalars, enums
 * and lists, made with the {@code of} of its member and sent as that member's query values.
 */
final class AcmeQueryValueTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private AcmeClient client() {
    return AcmeClient.builder().apiKey("sk-acme-query").baseUrl(server.url("/").toString())
        .retryPolicy(RetryPolicy.none()).build();
  }

  private void ok() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"name\": \"Sam\"}").build());
  }

  @Test
  void eachMemberIsSentAsItsQueryValues() throws Exception {
    ok();
    ok();
    ok();

    client().detect(DetectLanguage.of(true), Summarize.of(SummaryVersion.of("v2")));
    client().detect(DetectLanguage.of(List.of("en", "pt br")), Summarize.of(false));
    client().detect(null, Summarize.of(3));

    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/detect?language=true&summarize=v2");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/detect?language=en&language=pt%20br&summarize=false");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/detect?summarize=3");
  }

  @Test
  void anEnumValueNewerThanTheClientIsSentAsItsText() throws Exception {
    ok();

    client().detect(null, Summarize.of(SummaryVersion.of("v3")));

    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/detect?summarize=v3");
  }

  @Test
  void whatNoQueryCanCarryIsRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> DetectLanguage.of(List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an empty list sends no query value; leave the parameter out (null) instead");
    assertThatThrownBy(() -> DetectLanguage.of(Arrays.asList("en", null))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("values[1] is null");
    assertThatThrownBy(() -> client().detect(null, null)).isInstanceOf(NullPointerException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void valuesOfTheSameMemberAndValuesAreEqual() {
    assertThat(DetectLanguage.of(List.of("en"))).isEqualTo(DetectLanguage.of(List.of("en")))
        .hasSameHashCodeAs(DetectLanguage.of(List.of("en")));
    assertThat(Summarize.of(true).queryValues()).containsExactly("true");
    assertThat(Summarize.of(true)).hasToString("Summarize[true]");
  }
}
