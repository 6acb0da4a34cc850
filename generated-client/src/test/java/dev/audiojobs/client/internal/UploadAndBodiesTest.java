package dev.audiojobs.client.internal;

import static dev.audiojobs.testsupport.Outcomes.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.ApiResponse;
import dev.audiojobs.client.ClientOptions;
import dev.audiojobs.client.FilePart;
import dev.audiojobs.client.RequestValidationException;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.client.TransportException;
import dev.audiojobs.client.internal.HttpCoreTest.ThingAdapter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;

/** Request bodies, text and bodiless successes, and uploads to pre-signed URLs, on a real server. */
final class UploadAndBodiesTest {
  private static final String KEY = "sk-upload-test-7c2e";

  @StartStop final MockWebServer api = new MockWebServer();
  @StartStop final MockWebServer storage = new MockWebServer();
  @TempDir Path dir;

  interface BodyService {
    @POST("v1/things")
    Call<ResponseBody> create(@Body RequestBody body);

    @GET("v1/text")
    Call<ResponseBody> text();
  }

  @Test
  void anUploadIsAPutOfTheRawBytesWithoutTheKey() throws Exception {
    storage.enqueue(new MockResponse.Builder().code(200).build());
    Path file = Files.write(dir.resolve("call.wav"), "RIFF....WAVE".getBytes(StandardCharsets.US_ASCII));

    ApiResponse<Void> response = core().upload("upload", storage.url("/bucket/k?X-Sig=abc").toString(),
        FilePart.of(file).withContentType("audio/wav"));

    RecordedRequest put = storage.takeRequest();
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getTarget()).isEqualTo("/bucket/k?X-Sig=abc");
    assertThat(put.getHeaders().get("Authorization")).isNull();
    assertThat(put.getHeaders().get("Content-Type")).isEqualTo("audio/wav");
    assertThat(put.getBody().utf8()).isEqualTo("RIFF....WAVE");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isNull();
  }

  @Test
  void anUploadFromAStreamSendsExactlyItsLength() throws Exception {
    storage.enqueue(new MockResponse.Builder().code(200).build());
    byte[] bytes = "0123456789".getBytes(StandardCharsets.US_ASCII);

    core().upload("upload", storage.url("/k").toString(), FilePart.of(new ByteArrayInputStream(bytes), 4));

    assertThat(storage.takeRequest().getBody().utf8()).isEqualTo("0123");
  }

  @Test
  void aStreamShorterThanItsLengthFailsAsATransportFailure() {
    storage.enqueue(new MockResponse.Builder().code(200).build());

    TransportException e = thrown(TransportException.class, () -> core().upload("upload", storage.url("/k").toString(),
        FilePart.of(new ByteArrayInputStream(new byte[3]), 10)));

    assertThat(e.operation()).isEqualTo("upload");
  }

  @Test
  void aFailedUploadIsNeverRetriedAndCarriesTheStoragesAnswer() throws Exception {
    storage.enqueue(new MockResponse.Builder().code(503).body("<Error>SlowDown</Error>").build());
    storage.enqueue(new MockResponse.Builder().code(200).build());

    ApiException e = thrown(ApiException.class, () -> core().upload("upload", storage.url("/k").toString(), FilePart.of(new byte[] {1})));

    assertThat(e.statusCode()).isEqualTo(503);
    assertThat(e.rawBody()).isEqualTo("<Error>SlowDown</Error>");
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(storage.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anUploadUrlThatIsNotHttpIsRefusedBeforeSending() {
    RequestValidationException e = thrown(RequestValidationException.class,
        () -> core().upload("upload", "ftp://bucket/k", FilePart.of(new byte[] {1})));

    assertThat(e.path()).isEqualTo("$");
    assertThat(e.attempts()).isZero();
    assertThat(e.getMessage()).doesNotContain("ftp://bucket/k");
  }

  @Test
  void aJsonBodyIsSentAsEncodedAndAPostIsNotRetried() throws Exception {
    api.enqueue(new MockResponse.Builder().code(503).build());
    HttpCore core = core();
    Operation<HttpCoreTest.Thing> create = Operation.builder("createThing", new ThingAdapter()).build();

    ApiException e = thrown(ApiException.class, () -> core.execute(create,
        core.service(BodyService.class).create(RequestBodies.json(new ThingAdapter(), new HttpCoreTest.Thing("7")))));

    RecordedRequest post = api.takeRequest();
    assertThat(post.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(post.getBody().utf8()).isEqualTo("{\"id\":\"7\"}");
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(api.takeRequest(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void aTextSuccessIsReturnedInItsCharset() {
    api.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain; charset=ISO-8859-1")
        .body(new Buffer().write("[00:01.00]café".getBytes(StandardCharsets.ISO_8859_1))).build());
    HttpCore core = core();

    ApiResponse<String> response = core.execute(Operation.textBuilder("download").build(), core.service(BodyService.class).text());

    assertThat(response.body()).isEqualTo("[00:01.00]café");
  }

  @Test
  void aBodilessSuccessIsAResponseWithoutBody() {
    api.enqueue(new MockResponse.Builder().code(204).build());
    HttpCore core = core();

    ApiResponse<Void> response = core.execute(Operation.noContentBuilder("deleteThing").build(), core.service(BodyService.class).text());

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isNull();
  }

  @Test
  void aMultipartBodyCarriesFieldsAndAStreamedFileWithItsName() throws Exception {
    MultipartBody body = RequestBodies.multipart()
        .field("language", "English")
        .file("file", FilePart.of("abc".getBytes(StandardCharsets.US_ASCII)).withFilename("song.mp3").withContentType("audio/mpeg"))
        .build();
    Buffer sent = new Buffer();
    body.writeTo(sent);
    String text = sent.readUtf8();

    assertThat(body.contentType().toString()).startsWith("multipart/form-data; boundary=");
    assertThat(text).contains("Content-Disposition: form-data; name=\"language\"", "English",
        "Content-Disposition: form-data; name=\"file\"; filename=\"song.mp3\"", "Content-Type: audio/mpeg", "abc");
  }

  @Test
  void anInputStreamPartCanBeSentOnlyOnce() throws Exception {
    FilePart once = FilePart.of(new ByteArrayInputStream(new byte[] {1, 2}), 2);
    RequestBody body = RequestBodies.file(once);
    body.writeTo(new Buffer());

    Throwable second = org.assertj.core.api.Assertions.catchThrowable(() -> body.writeTo(new Buffer()));

    assertThat(second).isInstanceOf(java.io.IOException.class).hasMessageContaining("only once");
  }

  private HttpCore core() {
    return HttpCore.create(ClientOptions.builder().apiKey(KEY).baseUrl(api.url("/").toString())
        .retryPolicy(RetryPolicy.defaults()).build(), "https://vendor.invalid/");
  }
}
