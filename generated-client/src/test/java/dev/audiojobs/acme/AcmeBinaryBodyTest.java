package dev.audiojobs.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiojobs.client.FilePart;
import dev.audiojobs.client.RetryPolicy;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * An {@code application/octet-stream} request body ({@code type: string, format: binary}): the method takes a
 * {@link FilePart}, streamed as the body itself with the media type the spec declares.
 */
final class AcmeBinaryBodyTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private AcmeClient client() {
    return AcmeClient.builder().apiKey("sk-acme-binary").baseUrl(server.url("/").toString())
        .retryPolicy(RetryPolicy.none()).build();
  }

  private void ok() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"name\": \"stored\"}").build());
  }

  @Test
  void theFileIsTheBodySentWithTheSpecsMediaType() throws Exception {
    ok();
    byte[] audio = "RIFF....WAVEfmt ".getBytes(StandardCharsets.US_ASCII);

    Speaker stored = client().uploadRaw(FilePart.of(audio).withContentType("audio/wav"));

    RecordedRequest request = server.takeRequest();
    assertThat(stored.name()).isEqualTo("stored");
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/v1/media/raw");
    // the spec declares application/octet-stream: that is what the server accepts, whatever the part says
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(request.getHeaders().get("Content-Length")).isEqualTo(String.valueOf(audio.length));
    assertThat(request.getBody().toByteArray()).isEqualTo(audio);
  }

  @Test
  void aStreamIsSentAsItIsRead() throws Exception {
    ok();
    byte[] bytes = new byte[100_000];
    for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) i;

    client().uploadRaw(FilePart.of(new ByteArrayInputStream(bytes), bytes.length));

    assertThat(server.takeRequest().getBody().toByteArray()).isEqualTo(bytes);
  }

  @Test
  void aNullFileIsRefusedBeforeSending() {
    assertThatThrownBy(() -> client().uploadRaw(null)).isInstanceOf(NullPointerException.class).hasMessage("request == null");
    assertThat(server.getRequestCount()).isZero();
  }
}
