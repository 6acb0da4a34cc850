package dev.audiojobs.acme;

import static dev.audiojobs.testsupport.Outcomes.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.DecodeException;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.client.internal.JsonPathException;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * A {@code oneOf} of a plain string and records ({@code getNotice} of the test spec,
 * openapi/src/test/resources/codegen/acme.yaml, shaped like Deepgram's {@code ErrorResponse}): a JSON string is
 * the text variant, held as received; an object is chosen by the union's rule (keys for {@code Complaint}, a
 * discriminator for {@code Notice}); anything else fails to decode with its path. Each re-encodes exactly.
 */
final class AcmeTextVariantTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private AcmeClient client() {
    return AcmeClient.builder().apiKey("sk-acme-text-variant").baseUrl(server.url("/").toString())
        .retryPolicy(RetryPolicy.none()).build();
  }

  private void answer(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build());
  }

  private ApiException refused(String body) {
    answer(400, body);
    return thrown(ApiException.class, () -> client().getNotice("n1"));
  }

  @Test
  void anErrorSentAsAJsonStringIsTheTextVariantAsReceived() throws Exception {
    String body = "\"model \\\"nova-9\\\" not found\"";

    ApiException e = refused(body);

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.error(Complaint.class)).containsInstanceOf(ComplaintText.class);
    assertThat(e.error(ComplaintText.class)).map(ComplaintText::value).contains("model \"nova-9\" not found");
    assertThat(e.rawBody()).isEqualTo(body);
    assertThat(AcmeJson.adapter(Complaint.class).toJson((Complaint) e.error().orElseThrow())).isEqualTo(body);
  }

  @Test
  void anEmptyStringIsTextToo() throws Exception {
    ApiException e = refused("\"\"");

    assertThat(e.error(ComplaintText.class)).map(ComplaintText::value).contains("");
  }

  @Test
  void anErrorSentAsAnObjectIsChosenByTheUnionsKeys() throws Exception {
    String legacy = "{\"err_code\":\"E17\",\"err_msg\":\"bad audio\",\"request_id\":\"r-1\"}";
    String modern = "{\"category\":\"auth\",\"message\":\"no key\",\"since\":2026}";
    String unknown = "{\"hint\":\"retry later\"}";

    ApiException legacyError = refused(legacy);
    ApiException modernError = refused(modern);
    ApiException unknownError = refused(unknown);

    assertThat(legacyError.error(LegacyComplaint.class)).contains(new LegacyComplaint("E17", "bad audio", "r-1"));
    assertThat(modernError.error(ModernComplaint.class)).hasValueSatisfying(m -> {
      assertThat(m.category()).isEqualTo("auth");
      assertThat(m.message()).isEqualTo("no key");
      assertThat(m.extras().unknownProperties()).containsOnlyKeys("since");
    });
    assertThat(unknownError.error(UnknownComplaint.class)).hasValueSatisfying(
        u -> assertThat(u.extras().unknownProperties()).isEqualTo(Map.of("hint", "retry later")));
    var adapter = AcmeJson.adapter(Complaint.class);
    assertThat(adapter.toJson((Complaint) legacyError.error().orElseThrow())).isEqualTo(legacy);
    assertThat(adapter.toJson((Complaint) modernError.error().orElseThrow())).isEqualTo(modern);
    assertThat(adapter.toJson((Complaint) unknownError.error().orElseThrow())).isEqualTo(unknown);
  }

  @Test
  void anErrorThatIsNeitherAStringNorAnObjectKeepsOnlyItsRawBody() {
    ApiException e = refused("[\"bad\"]");

    assertThat(e.error()).isEmpty();
    assertThat(e.rawBody()).isEqualTo("[\"bad\"]");
  }

  @Test
  void aValueThatIsNeitherAStringNorAnObjectFailsWithItsPath() {
    JsonPathException number = thrown(JsonPathException.class, () -> AcmeJson.adapter(Complaint.class).fromJson("42"));

    assertThat(number.path()).isEqualTo("$");
    assertThat(number.reason()).isEqualTo("expected a string or an object but found a number");
  }

  @Test
  void aSuccessThatIsAJsonStringIsTheTextVariant() throws Exception {
    answer(200, "\"maintenance at 22:00 UTC\"");

    Notice notice = client().getNotice("n1");

    assertThat(notice).isEqualTo(new NoticeText("maintenance at 22:00 UTC"));
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/notices/n1");
  }

  @Test
  void aSuccessThatIsAnObjectIsChosenByItsDiscriminatorAndReencodesExactly() throws Exception {
    String banner = "{\"kind\":\"banner\",\"title\":\"Hello\"}";
    String popup = "{\"kind\":\"popup\",\"title\":\"Hi\"}";
    answer(200, banner);
    answer(200, popup);

    Notice first = client().getNotice("n1");
    Notice second = client().getNotice("n2");

    assertThat(first).isEqualTo(new Banner("banner", "Hello"));
    assertThat(second).isInstanceOf(UnknownNotice.class);
    assertThat(AcmeJson.adapter(Notice.class).toJson(first)).isEqualTo(banner);
    assertThat(AcmeJson.adapter(Notice.class).toJson(second)).isEqualTo(popup);
    assertThat(AcmeJson.adapter(Notice.class).toJson(new NoticeText("a \"quoted\" line\n"))).isEqualTo(
        "\"a \\\"quoted\\\" line\\n\"");
  }

  @Test
  void aSuccessThatIsANumberIsADecodingErrorWithItsPath() {
    answer(200, "3.5");

    DecodeException e = thrown(DecodeException.class, () -> client().getNotice("n1"));

    assertThat(e.path()).isEqualTo("$");
    assertThat(e.reason()).isEqualTo("expected a string or an object but found a number");
    assertThat(e.rawBody()).isEqualTo("3.5");
  }
}
