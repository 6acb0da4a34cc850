package dev.audiojobs.acme;

import static dev.audiojobs.testsupport.JsonTrees.assertSameJson;
import static dev.audiojobs.testsupport.Outcomes.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.RequestValidationException;
import dev.audiojobs.client.RetryPolicy;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * A PATCH with a JSON body, and an exploded array query parameter of a closed enum, each value sent as its wire
 * value and checked before sending (operation patchLabels of openapi/src/test/resources/codegen/acme.yaml).
 */
final class AcmePatchTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private AcmeClient client() {
    return AcmeClient.builder().apiKey("sk-acme-patch").baseUrl(server.url("/").toString())
        .retryPolicy(RetryPolicy.none()).build();
  }

  @Test
  void aPatchSendsItsBodyAndEachEnumOfTheArrayAsItsWireValue() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"name\": \"Sam\"}").build());

    Speaker speaker = client().patchLabels("p1", List.of(ExportFormat.TXT, ExportFormat.SRT), new Labels(List.of("a")));

    assertThat(speaker.name()).isEqualTo("Sam");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("PATCH");
    assertThat(request.getTarget()).isEqualTo("/v1/projects/p1/labels?formats=txt&formats=srt");
    assertSameJson(request.getBody().utf8(), "{\"labels\": [\"a\"]}");
  }

  @Test
  void aValueTheClosedEnumDoesNotListIsRefusedBeforeSendingAtItsIndex() {
    RequestValidationException unknown = thrown(RequestValidationException.class,
        () -> client().patchLabels("p1", List.of(ExportFormat.TXT, ExportFormat.of("pdf")), new Labels(List.of())));

    assertThat(unknown.path()).isEqualTo("formats[1]");
    assertThat(server.getRequestCount()).isZero();
  }
}
