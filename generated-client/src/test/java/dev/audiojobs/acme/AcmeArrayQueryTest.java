package dev.audiojobs.acme;

import static dev.audiojobs.testsupport.Outcomes.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.RequestValidationException;
import dev.audiojobs.client.RetryPolicy;
import java.util.Arrays;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Array query parameters of scalars, style form: exploded ({@code ?words=a&words=b}, the default) and not
 * ({@code ?ids=1,2}: each value encoded, the commas between them not); minItems/maxItems checked before sending.
 */
final class AcmeArrayQueryTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private AcmeClient client() {
    return AcmeClient.builder().apiKey("sk-acme-arrays").baseUrl(server.url("/").toString())
        .retryPolicy(RetryPolicy.none()).build();
  }

  private void ok() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"name\": \"Sam\"}").build());
  }

  @Test
  void anExplodedArrayRepeatsTheNameAndAnUnexplodedOneJoinsWithCommas() throws Exception {
    ok();

    client().searchWords(List.of("hello world", "a,b"), List.of(1, 22));

    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/words?words=hello%20world&words=a%2Cb&ids=1,22");
  }

  @Test
  void anOptionalArrayLeftOutIsNotSent() throws Exception {
    ok();

    client().searchWords(List.of("x"), null);

    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/words?words=x");
  }

  @Test
  void itemCountsAndNullElementsAreRefusedBeforeSendingAtTheWireName() {
    RequestValidationException tooFew = thrown(RequestValidationException.class, () -> client().searchWords(List.of(), null));
    RequestValidationException tooMany = thrown(RequestValidationException.class,
        () -> client().searchWords(List.of("a", "b", "c", "d"), null));
    RequestValidationException tooManyIds = thrown(RequestValidationException.class,
        () -> client().searchWords(List.of("a"), List.of(1, 2, 3)));
    RequestValidationException nullElement = thrown(RequestValidationException.class,
        () -> client().searchWords(Arrays.asList("a", null), null));

    assertThat(tooFew.path()).isEqualTo("words");
    assertThat(tooMany.path()).isEqualTo("words");
    assertThat(tooManyIds.path()).isEqualTo("ids");
    assertThat(nullElement.path()).isEqualTo("words[1]");
    assertThat(server.getRequestCount()).isZero();
  }
}
