package dev.audiojobs.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ApiExceptionTest {
  @Test
  void messageHasOperationStatusRequestIdAndBody() {
    ApiException e =
        new ApiException("getJob", 404, Map.of(), null, "{\"message\": \"no such job\"}", "req-1", null);

    assertThat(e).hasMessage("getJob: HTTP 404 (request id req-1): {\"message\": \"no such job\"}");
    assertThat(e.operation()).isEqualTo("getJob");
  }

  @Test
  void messageLeavesOutWhatIsNotKnown() {
    assertThat(new ApiException("getJob", 500, Map.of(), null, "", null, null))
        .hasMessage("getJob: HTTP 500");
    assertThat(new ApiException("getJob", 500, Map.of(), null, " \n\t ", null, null))
        .hasMessage("getJob: HTTP 500");
  }

  @Test
  void messageCollapsesWhitespaceAndKeepsTheFirst200Characters() {
    String html = "<html>\n  <body>\n\n" + "x".repeat(500) + "</body></html>";

    ApiException e = new ApiException("getJob", 502, Map.of(), null, html, null, null);

    String excerpt = "<html> <body> " + "x".repeat(200 - "<html> <body> ".length());
    assertThat(e).hasMessage("getJob: HTTP 502: " + excerpt + "…");
    assertThat(e.rawBody()).isEqualTo(html);
  }

  @Test
  void messageOfExactly200CharactersIsNotMarkedAsCut() {
    assertThat(new ApiException("op", 400, Map.of(), null, "y".repeat(200), null, null))
        .hasMessage("op: HTTP 400: " + "y".repeat(200));
  }

  @Test
  void headersAreLookedUpInAnyCase() {
    ApiException e =
        new ApiException(
            "op", 429, Map.of("retry-after", List.of("7"), "x-multi", List.of("a", "b")), null, "", null, null);

    assertThat(e.header("Retry-After")).contains("7");
    assertThat(e.header("X-MULTI")).contains("a");
    assertThat(e.header("absent")).isEmpty();
    assertThat(e.headers().get("X-Multi")).containsExactly("a", "b");
  }

  @Test
  void errorIsTypedOnRequest() {
    ApiException e = new ApiException("op", 400, Map.of(), "decoded", "\"decoded\"", null, Duration.ofSeconds(1));

    assertThat(e.error()).contains("decoded");
    assertThat(e.error(String.class)).contains("decoded");
    assertThat(e.error(Integer.class)).isEmpty();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(new ApiException("op", 400, Map.of(), null, "", null, null).error(String.class)).isEmpty();
  }

  @Test
  void transportExceptionNamesTheCause() {
    assertThat(new TransportException("getJob", new java.net.ConnectException("Connection refused")))
        .hasMessage("getJob: ConnectException: Connection refused");
    assertThat(new TransportException("getJob", new java.io.InterruptedIOException()))
        .hasMessage("getJob: InterruptedIOException");
  }

  @Test
  void decodeExceptionNamesPathAndReason() {
    DecodeException e = new DecodeException("getJob", 200, "$.output", "boom", "{}", null);

    assertThat(e).hasMessage("getJob: HTTP 200 body does not decode at $.output: boom");
  }
}
