package dev.audiojobs.acme;

import static dev.audiojobs.testsupport.Outcomes.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.FilePart;
import dev.audiojobs.client.RequestValidationException;
import dev.audiojobs.client.RetryPolicy;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** multipart/form-data bodies and the upload helper ({@code x-audiojobs-upload}) of the test spec. */
final class AcmeMultipartAndUploadTest {
  private static final String KEY = "sk-acme-upload-93a1";

  @StartStop final MockWebServer api = new MockWebServer();
  @StartStop final MockWebServer storage = new MockWebServer();

  private AcmeClient client() {
    return AcmeClient.builder().apiKey(KEY).baseUrl(api.url("/").toString()).retryPolicy(RetryPolicy.defaults()).build();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void aMultipartBodySendsEachPropertyAsAFieldAndTheFileAsAFilePart() throws Exception {
    api.enqueue(json(201, "{\"name\": \"Sam\"}"));
    FilePart file = FilePart.of("RIFF....WAVE".getBytes(StandardCharsets.US_ASCII)).withFilename("sam.wav")
        .withContentType("audio/wav");

    Speaker speaker = client().addRecording(RecordingUpload.builder().file(file).name("Sam").channels(2)
        .putAdditionalProperty("note", "first").build());

    assertThat(speaker.name()).isEqualTo("Sam");
    RecordedRequest request = api.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("multipart/form-data; boundary=");
    String body = request.getBody().utf8();
    assertThat(body)
        .contains("Content-Disposition: form-data; name=\"file\"; filename=\"sam.wav\"")
        .contains("Content-Type: audio/wav")
        .contains("RIFF....WAVE")
        .contains("Content-Disposition: form-data; name=\"name\"")
        .contains("Content-Disposition: form-data; name=\"channels\"")
        .contains("Content-Disposition: form-data; name=\"note\"");
  }

  @Test
  void aMultipartRequestTheSpecRejectsIsNotSent() {
    RecordingUpload upload = RecordingUpload.builder().file(FilePart.of(new byte[1])).name("x".repeat(21)).build();

    RequestValidationException e = thrown(RequestValidationException.class, () -> client().addRecording(upload));

    assertThat(e.path()).isEqualTo("$.name");
    assertThat(api.getRequestCount()).isZero();
  }

  @Test
  void uploadGetsThePresignedUrlThenPutsTheBytesThereWithoutTheKey() throws Exception {
    String presigned = storage.url("/bucket/calls/1.wav?X-Sig=abc").toString();
    api.enqueue(json(201, "{\"url\": \"" + presigned + "\"}"));
    storage.enqueue(new MockResponse.Builder().code(200).build());

    client().upload("media://calls/1.wav", FilePart.of("0123".getBytes(StandardCharsets.US_ASCII)));

    RecordedRequest ask = api.takeRequest();
    assertThat(ask.getTarget()).isEqualTo("/v1/media/input");
    assertThat(ask.getBody().utf8()).isEqualTo("{\"url\":\"media://calls/1.wav\"}");
    assertThat(ask.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    RecordedRequest put = storage.takeRequest();
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getTarget()).isEqualTo("/bucket/calls/1.wav?X-Sig=abc");
    assertThat(put.getHeaders().get("Authorization")).isNull();
    assertThat(put.getBody().utf8()).isEqualTo("0123");
  }

  @Test
  void aFileLargerThanTheVendorAcceptsIsRefusedBeforeAnythingIsSent() {
    RequestValidationException e = thrown(RequestValidationException.class,
        () -> client().upload("media://calls/1.wav", FilePart.of(new byte[1025])));

    assertThat(e.operation()).isEqualTo("upload");
    assertThat(e.path()).isEqualTo("$");
    assertThat(e.reason()).isEqualTo("the file has 1025 bytes; at most 1024 are accepted");
    assertThat(api.getRequestCount()).isZero();
    assertThat(storage.getRequestCount()).isZero();
  }

  @Test
  void aKeyTheSpecRejectsIsRefusedBeforeAnythingIsSent() {
    RequestValidationException e = thrown(RequestValidationException.class,
        () -> client().upload("calls/1.wav", FilePart.of(new byte[1])));

    assertThat(e.operation()).isEqualTo("getMediaUploadUrl");
    assertThat(e.path()).isEqualTo("$.url");
    assertThat(api.getRequestCount()).isZero();
  }
}
