package dev.audiojobs.lyrcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.audiojobs.client.ApiResponse;
import dev.audiojobs.client.DecodeException;
import dev.audiojobs.client.FilePart;
import dev.audiojobs.client.RequestValidationException;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.client.WaitTimeoutException;
import dev.audiojobs.testsupport.FakeTime;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** lyrcs.ai's write side: transcribe (JSON or multipart), download's three outcomes, languages, transcribeAndWait. */
@Timeout(30) // a guard against hanging on an empty MockWebServer queue, not a timed assertion
final class LyrcsWriteSideTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private final FakeTime time = new FakeTime();

  private LyrcsClient client() {
    return LyrcsClient.builder().apiKey("lyrcs_sk_live_x").baseUrl(server.url("/api/v1").toString())
        .retryPolicy(RetryPolicy.none()).clock(time).sleeper(time).build();
  }

  private static MockResponse response(int code, String contentType, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", contentType).body(body).build();
  }

  private static final String ACCEPTED = """
      {"job_id": "a1b2", "status": "queued", "language": "Tamil", "created_at": "2024-01-01T00:00:00.000Z",
       "review_required": false, "align_requested": true, "word_align_requested": true}""";

  @Test
  void anLrcDownloadIsTextAsReceived() throws Exception {
    String lrc = "[00:12.34]வணக்கம்\n[00:15.00]நன்றி\n";
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain; charset=utf-8")
        .addHeader("Content-Disposition", "attachment; filename=song.lrc").body(lrc).build());

    DownloadResult result = client().download("a1b2", DownloadKind.LRC, DownloadVariant.ORIGINAL);

    assertThat(result).isEqualTo(new DownloadResult.DownloadText(lrc));
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/jobs/a1b2/download/lrc/original");
  }

  @Test
  void aWordsDownloadIsTheTypedWordList() {
    server.enqueue(response(200, "application/json",
        "[{\"word\": \"vanakkam\", \"timestamp\": \"[00:12.34]\"}, {\"word\": \"nandri\", \"timestamp\": \"[00:15.00]\"}]"));

    DownloadResult result = client().download("a1b2", DownloadKind.WORDS, DownloadVariant.TRANSLITERATED);

    List<WordTiming> words = ((DownloadResult.WordTimings) result).value();
    assertThat(words).extracting(WordTiming::word).containsExactly("vanakkam", "nandri");
    assertThat(words.get(0).timestamp()).isEqualTo("[00:12.34]");
  }

  @Test
  void a202IsTheTypedNotReadyOutcomeWithItsStatusNotAnException() throws Exception {
    server.enqueue(response(202, "application/json", "{\"status\": \"processing\"}"));

    ApiResponse<DownloadResult> response =
        client().downloadWithResponseAsync("a1b2", DownloadKind.SRT, DownloadVariant.ORIGINAL).get();

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isInstanceOf(DownloadResult.DownloadPending.class);
    assertThat(((DownloadResult.DownloadPending) response.body()).value().status()).isEqualTo("processing");
  }

  @Test
  void aSuccessTheSpecDoesNotDeclareIsADecodeExceptionNamingItsContentType() {
    server.enqueue(response(200, "application/xml", "<words/>"));

    DecodeException e = catchThrowableOfType(DecodeException.class,
        () -> client().download("a1b2", DownloadKind.WORDS, DownloadVariant.ORIGINAL));

    assertThat(e.getMessage()).contains("download").contains("application/xml");
    assertThat(e.rawBody()).isEqualTo("<words/>");
  }

  @Test
  void aKeyEchoedInADownloadThatDoesNotFitIsMaskedAsEverywhereElse() {
    // The body of one of several success bodies is decoded through the same gate as every response.
    server.enqueue(response(200, "application/json", "[{\"word\": \"lyrcs_sk_live_x\"}]"));
    server.enqueue(response(200, "application/xml", "<key>lyrcs_sk_live_x</key>"));

    DecodeException misfit = catchThrowableOfType(DecodeException.class,
        () -> client().download("a1b2", DownloadKind.WORDS, DownloadVariant.ORIGINAL));
    DecodeException undeclared = catchThrowableOfType(DecodeException.class,
        () -> client().download("a1b2", DownloadKind.WORDS, DownloadVariant.ORIGINAL));

    assertThat(misfit.rawBody()).isEqualTo("[{\"word\": \"██\"}]");
    assertThat(undeclared.rawBody()).isEqualTo("<key>██</key>");
  }

  @Test
  void aWordListThatDoesNotFitIsADecodeException() {
    server.enqueue(response(200, "application/json", "[{\"word\": \"x\"}]"));

    DecodeException e = catchThrowableOfType(DecodeException.class,
        () -> client().download("a1b2", DownloadKind.WORDS, DownloadVariant.ORIGINAL));

    assertThat(e.getMessage()).contains("timestamp");
    assertThat(e.path()).isEqualTo("$[0].timestamp");
  }

  @Test
  void contentAfterTheWordListIsADecodeExceptionSayingSo() {
    server.enqueue(response(200, "application/json", "[] []"));

    DecodeException e = catchThrowableOfType(DecodeException.class,
        () -> client().download("a1b2", DownloadKind.WORDS, DownloadVariant.ORIGINAL));

    assertThat(e.reason()).isEqualTo("content after the JSON value");
  }

  @Test
  void listLanguagesIsAListOfNames() throws Exception {
    server.enqueue(response(200, "application/json", "[\"Tamil\", \"Hindi\"]"));

    assertThat(client().listLanguages()).containsExactly("Tamil", "Hindi");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/languages");
  }

  @Test
  void transcribeByUrlSendsJson() throws Exception {
    server.enqueue(response(202, "application/json", ACCEPTED));

    TranscribeAccepted accepted = client().transcribe(TranscribeUrlRequest.builder()
        .audioUrl("https://example.com/song.mp3").language("Tamil").align(false).build());

    assertThat(accepted.jobId()).isEqualTo("a1b2");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/api/v1/transcribe");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(request.getBody().utf8())
        .isEqualTo("{\"audio_url\":\"https://example.com/song.mp3\",\"language\":\"Tamil\",\"align\":false}");
  }

  @Test
  void transcribeAFileSendsMultipartWithTheFileStreamedAsAPart() throws Exception {
    server.enqueue(response(202, "application/json", ACCEPTED));
    byte[] audio = "ID3-not-really-mp3".getBytes(StandardCharsets.US_ASCII);

    client().transcribe(TranscribeFileRequest.builder()
        .file(FilePart.of(audio).withFilename("song.mp3").withContentType("audio/mpeg")).language("Tamil").build());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("Content-Type")).startsWith("multipart/form-data; boundary=");
    String body = request.getBody().utf8();
    assertThat(body).contains("name=\"file\"; filename=\"song.mp3\"").contains("audio/mpeg")
        .contains("ID3-not-really-mp3").contains("name=\"language\"").contains("Tamil");
  }

  @Test
  void anHttpAudioUrlIsRefusedBeforeSending() {
    server.enqueue(response(202, "application/json", ACCEPTED)); // answered if sent, so a miss fails fast
    RequestValidationException e = catchThrowableOfType(RequestValidationException.class,
        () -> client().transcribe(TranscribeUrlRequest.builder().audioUrl("http://example.com/song.mp3").language("Tamil").build()));

    assertThat(e.path()).isEqualTo("$.audio_url");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aFileOverTheLimitIsRefusedBeforeSendingWithAPointerToAudioUrl() {
    server.enqueue(response(202, "application/json", ACCEPTED)); // answered if sent, so a miss fails fast
    // a stream that is never read: the refusal comes from the declared length alone
    InputStream never = new InputStream() {
      @Override
      public int read() {
        throw new AssertionError("the file was read");
      }
    };

    RequestValidationException e = catchThrowableOfType(RequestValidationException.class,
        () -> client().transcribe(TranscribeFileRequest.builder().file(FilePart.of(never, 4_500_001)).language("Tamil").build()));

    assertThat(e.path()).isEqualTo("$.file");
    assertThat(e.reason()).contains("4500001").contains("4500000").contains("audio_url");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aFileAtTheLimitIsSent() throws Exception {
    server.enqueue(response(202, "application/json", ACCEPTED));

    client().transcribe(TranscribeFileRequest.builder().file(FilePart.of(new byte[4_500_000])).language("Tamil").build());

    assertThat(server.takeRequest().getBody().size()).isGreaterThan(4_500_000);
  }

  @Test
  void aWebhookUrlInAMultipartBodyIsRefusedSinceTheVendorIgnoresItThere() {
    server.enqueue(response(202, "application/json", ACCEPTED)); // answered if sent, so a miss fails fast
    RequestValidationException e = catchThrowableOfType(RequestValidationException.class,
        () -> client().transcribe(TranscribeFileRequest.builder().file(FilePart.of(new byte[1])).language("Tamil")
            .putAdditionalProperty("webhook_url", "https://example.com/hook").build()));

    assertThat(e.path()).isEqualTo("$.webhook_url");
    assertThat(e.reason()).contains("ignores webhook_url").contains("audio_url");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void downloadWhenReadyRepeatsWhileNotReadyEveryTenSecondsThenReturnsTheFile() throws Exception {
    server.enqueue(response(202, "application/json", "{\"status\": \"processing\"}"));
    server.enqueue(response(202, "application/json", "{\"status\": \"processing\"}"));
    server.enqueue(response(200, "text/plain; charset=utf-8", "1\n00:00:12,340 --> 00:00:15,000\nvanakkam\n"));

    DownloadResult result = client().downloadWhenReady("a1b2", DownloadKind.SRT, DownloadVariant.ORIGINAL, Duration.ofMinutes(1));

    assertThat(result).isInstanceOf(DownloadResult.DownloadText.class);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void downloadWhenReadyGivesUpAtTheTimeoutForADownloadThatNeverComes() {
    for (int i = 0; i < 3; i++) server.enqueue(response(202, "application/json", "{\"status\": \"processing\"}"));

    WaitTimeoutException e = catchThrowableOfType(WaitTimeoutException.class,
        () -> client().downloadWhenReady("a1b2", DownloadKind.LRC, DownloadVariant.ORIGINAL, Duration.ofSeconds(25)));

    assertThat(e.getMessage()).contains("download").contains("a1b2").contains("not ready").contains("3 polls");
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }
}
