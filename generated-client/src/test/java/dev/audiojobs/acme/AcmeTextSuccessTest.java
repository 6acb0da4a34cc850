package dev.audiojobs.acme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.RetryPolicy;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** A {@code text/*} success other than {@code text/plain} (here {@code text/vtt}) is returned as a String, like text/plain. */
final class AcmeTextSuccessTest {
  @StartStop final MockWebServer server = new MockWebServer();

  @Test
  void aTextVttSuccessIsReturnedAsTextDecodedInItsCharset() throws Exception {
    String vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\ncaf\u00e9\n";
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/vtt; charset=ISO-8859-1")
        .body(new Buffer().write(vtt.getBytes(StandardCharsets.ISO_8859_1))).build());
    AcmeClient client = AcmeClient.builder().apiKey("sk-acme-text").baseUrl(server.url("/").toString())
        .retryPolicy(RetryPolicy.none()).build();

    String subtitles = client.getSubtitles("j1");

    assertThat(subtitles).isEqualTo(vtt);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/jobs/j1/subtitles");
  }
}
