package dev.audiojobs.acme;

import static dev.audiojobs.testsupport.JsonTrees.assertSameJson;
import static dev.audiojobs.testsupport.Outcomes.thrown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiojobs.client.DecodeException;
import dev.audiojobs.client.RetryPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Record properties of any JSON value (a schema with no keyword but annotations; operation createVariable of
 * openapi/src/test/resources/codegen/acme.yaml): read exactly, held as an unmodifiable copy, written back as JSON.
 */
final class AcmeJsonValueTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private AcmeClient client() {
    return AcmeClient.builder().apiKey("sk-acme-any").baseUrl(server.url("/").toString())
        .retryPolicy(RetryPolicy.none()).build();
  }

  private void answer(String body) {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build());
  }

  @Test
  void anyValueIsReadExactlyAndHeldUnmodifiable() throws Exception {
    answer("{\"key\": \"k\", \"value\": {\"a\": [1, \"x\", null, true]}, \"note\": 12.50}");

    Variable variable = client().createVariable(new NewVariable("k", "v"));

    assertThat(variable.value()).isEqualTo(Map.of("a", Arrays.asList(new BigDecimal("1"), "x", null, true)));
    assertThat(variable.note()).isEqualTo(new BigDecimal("12.50"));
    @SuppressWarnings("unchecked")
    Map<String, Object> value = (Map<String, Object>) variable.value();
    assertThatThrownBy(() -> value.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aRequiredValueOfAnyKindMayBeNullButNotMissing() throws Exception {
    answer("{\"key\": \"k\", \"value\": null}");
    answer("{\"key\": \"k\"}");

    assertThat(client().createVariable(new NewVariable("k", 1)).value()).isNull();
    DecodeException missing = thrown(DecodeException.class, () -> client().createVariable(new NewVariable("k", 1)));
    assertThat(missing.path()).isEqualTo("$.value");
    assertThat(missing.reason()).isEqualTo("required property missing");
  }

  @Test
  void anyValueIsSentAsJsonFromACopyTakenWhenTheRecordIsMade() throws Exception {
    answer("{\"key\": \"k\", \"value\": 1}");
    List<Object> values = new ArrayList<>(List.of(1, "two", Map.of("three", false)));
    NewVariable variable = new NewVariable("k", values);
    values.add("added later");

    client().createVariable(variable);

    assertSameJson(server.takeRequest().getBody().utf8(), "{\"key\": \"k\", \"value\": [1, \"two\", {\"three\": false}]}");
  }

  @Test
  void whatIsNoJsonValueIsRefusedWhenTheRecordIsMade() {
    assertThatThrownBy(() -> new NewVariable("k", Map.of("when", List.of(LocalDate.of(2026, 1, 1)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a JSON value: a java.time.LocalDate at $.when[0]");
  }
}
