package dev.audiojobs.acme;

import static dev.audiojobs.testsupport.JsonTrees.assertSameJson;
import static dev.audiojobs.testsupport.Outcomes.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.DecodeException;
import dev.audiojobs.client.Extras;
import dev.audiojobs.client.RequestValidationException;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * A {@code oneOf} sent as the request body and received back ({@code addAnnotation} of the test spec,
 * openapi/src/test/resources/codegen/acme.yaml: {@code Annotation} is a {@code Note} or a {@code Marker}
 * by its {@code kind} tag): the variant is sent as it is, checked as that variant, refused when its tag
 * names another variant or when it is the fallback, and the variants, also received, decode as responses.
 */
final class AcmeRequestUnionTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private AcmeClient client() {
    return AcmeClient.builder().apiKey("sk-acme-test-41f0").baseUrl(server.url("/").toString()).build();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void aVariantIsSentAsItIsAndTheAnswerDecodesByItsTag() throws Exception {
    server.enqueue(json(201, "{\"kind\": \"marker\", \"at\": 12.5, \"by\": \"editor\"}"));

    Annotation stored = client().addAnnotation(new Note(AnnotationKind.NOTE, "intro"));

    assertThat(stored).isInstanceOfSatisfying(Marker.class, marker -> {
      assertThat(marker.at()).isEqualTo(12.5);
      assertThat(marker.extras().unknownProperties()).containsEntry("by", "editor");
    });
    assertSameJson(server.takeRequest().getBody().utf8(), "{\"kind\": \"note\", \"text\": \"intro\"}");
  }

  @Test
  void theChosenVariantIsCheckedAsThatVariant() {
    RequestValidationException e = thrown(RequestValidationException.class,
        () -> client().addAnnotation(new Note(AnnotationKind.NOTE, "eleven char")));

    assertThat(e.path()).isEqualTo("$.text");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aVariantWhoseTagNamesAnotherIsRefused() {
    // Sent, this note would be read (by the server and by this client) as a marker.
    RequestValidationException e = thrown(RequestValidationException.class,
        () -> client().addAnnotation(new Note(AnnotationKind.MARKER, "intro")));
    assertThat(e.path()).isEqualTo("$");
    assertThat(e.getMessage()).contains("is a Note", "reads back as a Marker");

    RequestValidationException untagged = thrown(RequestValidationException.class,
        () -> client().addAnnotation(new Marker("pin", 3)));
    assertThat(untagged.getMessage()).contains("is a Marker", "reads back as a UnknownAnnotation");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theFallbackIsNeverSent() {
    UnknownAnnotation unknown = new UnknownAnnotation(Extras.of(Map.of("kind", "sticker"), Set.of()));

    RequestValidationException e = thrown(RequestValidationException.class, () -> client().addAnnotation(unknown));

    assertThat(e.path()).isEqualTo("$");
    assertThat(e.getMessage()).contains("UnknownAnnotation", "one of Note, Marker");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aVariantAlsoReceivedDecodesAsAResponse() {
    server.enqueue(json(201, "{\"kind\": \"note\"}"));

    DecodeException e = thrown(DecodeException.class, () -> client().addAnnotation(new Note(AnnotationKind.NOTE, "intro")));

    assertThat(e.path()).isEqualTo("$.text");
  }
}
