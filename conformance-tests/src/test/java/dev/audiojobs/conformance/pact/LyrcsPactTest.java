package dev.audiojobs.conformance.pact;

import static dev.audiojobs.conformance.pact.Exchanges.assertApiError;
import static dev.audiojobs.conformance.pact.Exchanges.error;
import static dev.audiojobs.conformance.pact.Exchanges.ok;
import static dev.audiojobs.conformance.pact.Exchanges.postError;
import static dev.audiojobs.conformance.pact.Exchanges.posted;
import static dev.audiojobs.conformance.pact.Exchanges.text;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.lyrcs.ApiError;
import dev.audiojobs.lyrcs.CompleteJob;
import dev.audiojobs.lyrcs.DownloadKind;
import dev.audiojobs.lyrcs.DownloadResult;
import dev.audiojobs.lyrcs.DownloadVariant;
import dev.audiojobs.lyrcs.FailedJob;
import dev.audiojobs.lyrcs.JobStatus;
import dev.audiojobs.lyrcs.LyrcsClient;
import dev.audiojobs.lyrcs.LyrcsJson;
import dev.audiojobs.lyrcs.ProcessingJob;
import dev.audiojobs.lyrcs.TranscribeAccepted;
import dev.audiojobs.lyrcs.TranscribeUrlRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The lyrcs.ai contract: {@code getJob} in each shape of the job union (processing, queued, complete
 * with downloads and words, failed) and each documented error status; and the write side: a
 * transcription by {@code audio_url} with the exact JSON the client sends (minimal and with every option)
 * and its errors, each kind of download (LRC and SRT text, the words as JSON), the 202 "not ready"
 * answer and an unknown job, and the language list; written through the real {@link LyrcsClient}. Paths
 * carry lyrcs.ai's base path {@code /api/v1}.
 *
 * <p>Not here: the multipart form of {@code transcribe}. A pact states a multipart body only as opaque
 * bytes with a random boundary, which neither Pact's matching nor the upstream verification
 * (PactInteraction: encoded bodies are not replayed) can judge; the conformance cases
 * ({@code cases/lyrcs/transcribe-file-*.json}) check its parts instead.
 */
@ExtendWith({CommittedPactCheck.class, PactConsumerTestExt.class})
@PactTestFor(providerName = LyrcsPactTest.PROVIDER, pactVersion = PactSpecVersion.V4)
public final class LyrcsPactTest {
  static final String PROVIDER = "lyrcs-api";
  private static final String BASE = "/api/v1";

  private static LyrcsClient client(String baseUrl, String apiKey) {
    // One request per interaction: Pact's mock server expects each exactly once.
    return LyrcsClient.builder().apiKey(apiKey).baseUrl(baseUrl).retryPolicy(RetryPolicy.none()).build();
  }

  private static final String ERROR = """
      {"error": "%s", "message": "%s", "code": "%s"}""";

  private static TranscribeUrlRequest request(String json) throws java.io.IOException {
    return LyrcsJson.adapter(TranscribeUrlRequest.class).fromJson(json);
  }

  private static final String TRANSCRIBE_MINIMAL = """
      {"audio_url": "https://example.com/song.mp3", "language": "Tamil"}""";
  private static final String TRANSCRIBE_EVERY_OPTION = """
      {"audio_url": "https://example.com/album/track-2.flac", "language": "Hindi", "align": true, "word_align": true,
       "review": true, "webhook_url": "https://example.com/hooks/lyrcs"}""";
  private static final String TRANSCRIBE_LONG = """
      {"audio_url": "https://example.com/album/live-set.flac", "language": "Tamil"}""";
  private static final String LRC = "[ti:Song]\n[00:12.34]முதல் வரி\n[00:15.00]இரண்டாம் வரி\n";
  private static final String SRT = "1\n00:00:12,340 --> 00:00:15,000\nmudhal vari\n";

  static final List<Exchange> EXCHANGES = List.of(
      ok("a processing job", "job job-processing is being transcribed",
          BASE + "/jobs/job-processing", null, """
          {"job_id": "job-processing", "status": "processing", "language": "Tamil", "align_requested": true,
           "word_align_requested": false, "created_at": "2024-01-01T00:00:00.000Z", "completed_at": null,
           "review_required": true, "review_url": null, "review_expires_at": "2024-01-08T00:00:00.000Z",
           "review_approved_at": null}""",
          (url, key) -> {
            ProcessingJob job = (ProcessingJob) client(url, key).getJob("job-processing");
            assertThat(job.completedAt()).isNull();
            assertThat(job.reviewRequired()).isTrue();
          }),
      ok("a queued job", "job job-queued was just submitted",
          BASE + "/jobs/job-queued", null, """
          {"job_id": "job-queued", "status": "queued", "language": "Hindi", "created_at": "2024-01-01T00:00:00.000Z",
           "completed_at": null, "audio_url": "https://example.com/song.mp3"}""",
          (url, key) -> {
            ProcessingJob job = (ProcessingJob) client(url, key).getJob("job-queued");
            assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
          }),
      ok("a complete job with downloads", "job job-complete is complete with alignment and word alignment",
          BASE + "/jobs/job-complete", null, """
          {"job_id": "job-complete", "status": "complete", "language": "Tamil", "align_requested": true,
           "word_align_requested": true, "created_at": "2024-01-01T00:00:00.000Z", "completed_at": "2024-01-01T00:01:32.000Z",
           "duration_seconds": 214, "studio_url": "https://lyrcs.ai/studio/job-complete",
           "results": {"transcript": "...", "transliteration": "...", "translation": "...", "cultural_notes": null,
             "downloads": {"lrc_original": "https://lyrcs.ai/d/1.lrc", "lrc_transliterated": "https://lyrcs.ai/d/2.lrc",
               "srt_original": "https://lyrcs.ai/d/1.srt", "srt_transliterated": "https://lyrcs.ai/d/2.srt",
               "words_original": "https://lyrcs.ai/d/1.json", "words_transliterated": "https://lyrcs.ai/d/2.json"}}}""",
          (url, key) -> {
            CompleteJob job = (CompleteJob) client(url, key).getJob("job-complete");
            assertThat(job.durationSeconds()).isEqualTo(214.0);
            assertThat(job.results().culturalNotes()).isNull();
            assertThat(job.results().downloads().wordsTransliterated()).endsWith("2.json");
          }),
      ok("a complete job without alignment", "job job-plain is complete without alignment",
          BASE + "/jobs/job-plain", null, """
          {"job_id": "job-plain", "status": "complete", "language": "Spanish", "align_requested": false,
           "word_align_requested": false, "created_at": "2024-01-01T00:00:00.000Z", "completed_at": "2024-01-01T00:00:40.000Z",
           "duration_seconds": 180.5, "results": {"transcript": "...", "transliteration": "...", "translation": "...",
           "cultural_notes": "A play on words in the chorus."}}""",
          (url, key) -> assertThat(((CompleteJob) client(url, key).getJob("job-plain")).results().downloads()).isNull()),
      ok("a failed job", "job job-failed failed", BASE + "/jobs/job-failed", null, """
          {"job_id": "job-failed", "status": "failed", "language": "Tamil", "align_requested": true,
           "word_align_requested": false, "created_at": "2024-01-01T00:00:00.000Z", "completed_at": null,
           "error": "processing_failed"}""",
          (url, key) -> assertThat(((FailedJob) client(url, key).getJob("job-failed")).error()).isEqualTo("processing_failed")),
      error("a job request lyrcs.ai rejects as invalid", "the job id is malformed",
          BASE + "/jobs/not%20a%20job", null, Exchange.API_KEY, 400, Map.of(),
          ERROR.formatted("validation_error", "Invalid job id", "VAL_001"),
          (url, key) -> assertApiError(() -> client(url, key).getJob("not a job"), 400, ApiError.class)),
      error("a job request with a revoked API key", "the API key is revoked",
          BASE + "/jobs/job-complete", null, Exchange.REVOKED_KEY, 401, Map.of(),
          ERROR.formatted("unauthorized", "Invalid API key", "AUTH_001"),
          (url, key) -> assertApiError(() -> client(url, key).getJob("job-complete"), 401, ApiError.class)),
      error("a job request without credits", "the account has no credits left",
          BASE + "/jobs/job-unpaid", null, Exchange.API_KEY, 402, Map.of(),
          ERROR.formatted("insufficient_credits", "Insufficient credits", "PAY_001"),
          (url, key) -> assertApiError(() -> client(url, key).getJob("job-unpaid"), 402, ApiError.class)),
      error("a request for another account's job", "job job-foreign belongs to another account",
          BASE + "/jobs/job-foreign", null, Exchange.API_KEY, 403, Map.of(),
          ERROR.formatted("forbidden", "Forbidden", "AUTH_002"),
          (url, key) -> assertApiError(() -> client(url, key).getJob("job-foreign"), 403, ApiError.class)),
      error("a request for a job that does not exist", "no job has id job-missing",
          BASE + "/jobs/job-missing", null, Exchange.API_KEY, 404, Map.of(),
          ERROR.formatted("not_found", "Job not found", "NOT_001"),
          (url, key) -> assertApiError(() -> client(url, key).getJob("job-missing"), 404, ApiError.class)),
      error("a job request over the rate limit", "the account has used its 10 requests this minute",
          BASE + "/jobs/job-throttled", null, Exchange.API_KEY, 429, Map.of("Retry-After", "42"), """
          {"error": "rate_limit_exceeded", "message": "Rate limit exceeded", "code": "RATE_001", "retry_after": 42}""",
          (url, key) -> {
            var e = assertApiError(() -> client(url, key).getJob("job-throttled"), 429, ApiError.class);
            assertThat(((ApiError) e.error().orElseThrow()).retryAfter()).isEqualTo(42);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(42));
          }),

      // ------------------------------------------------------------------ the write side
      posted("a transcription by URL", "the account has credits", BASE + "/transcribe", TRANSCRIBE_MINIMAL, 202, """
          {"job_id": "job-new", "status": "queued", "language": "Tamil", "created_at": "2024-01-01T00:00:00.000Z",
           "review_required": false, "align_requested": true, "word_align_requested": true}""",
          (url, key) -> {
            TranscribeAccepted accepted = client(url, key).transcribe(request(TRANSCRIBE_MINIMAL));
            assertThat(accepted.jobId()).isEqualTo("job-new");
            assertThat(accepted.status()).isEqualTo(JobStatus.QUEUED);
          }),
      posted("a transcription by URL with every option", "the account has credits", BASE + "/transcribe", TRANSCRIBE_EVERY_OPTION,
          202, """
          {"job_id": "job-review", "status": "queued", "language": "Hindi", "created_at": "2024-01-01T00:00:00.000Z",
           "review_required": true, "align_requested": true, "word_align_requested": true}""",
          (url, key) -> assertThat(client(url, key).transcribe(request(TRANSCRIBE_EVERY_OPTION)).reviewRequired()).isTrue()),
      postError("a transcription lyrcs.ai rejects as invalid", "the language is not supported", BASE + "/transcribe", """
          {"audio_url": "https://example.com/song.mp3", "language": "tamil"}""", Exchange.API_KEY, 400, Map.of(),
          ERROR.formatted("validation_error", "Unsupported language: tamil", "VAL_001"),
          (url, key) -> assertApiError(() -> client(url, key).transcribe(request("""
              {"audio_url": "https://example.com/song.mp3", "language": "tamil"}""")), 400, ApiError.class)),
      postError("a transcription without credits", "the account has no credits left", BASE + "/transcribe", TRANSCRIBE_LONG,
          Exchange.API_KEY, 402, Map.of(), ERROR.formatted("insufficient_credits", "Insufficient credits", "PAY_001"),
          (url, key) -> assertApiError(() -> client(url, key).transcribe(request(TRANSCRIBE_LONG)), 402, ApiError.class)),
      text("the original LRC of a complete job", "job job-complete is complete with alignment and word alignment",
          BASE + "/jobs/job-complete/download/lrc/original", "text/plain; charset=utf-8",
          Map.of("Content-Disposition", "attachment; filename=job-complete-original.lrc"), LRC,
          (url, key) -> assertThat(client(url, key).download("job-complete", DownloadKind.LRC, DownloadVariant.ORIGINAL))
              .isEqualTo(new DownloadResult.DownloadText(LRC))),
      text("the transliterated SRT of a complete job", "job job-complete is complete with alignment and word alignment",
          BASE + "/jobs/job-complete/download/srt/transliterated", "text/plain; charset=utf-8",
          Map.of("Content-Disposition", "attachment; filename=job-complete-transliterated.srt"), SRT,
          (url, key) -> assertThat(client(url, key).download("job-complete", DownloadKind.SRT, DownloadVariant.TRANSLITERATED))
              .isEqualTo(new DownloadResult.DownloadText(SRT))),
      ok("the word timings of a complete job", "job job-complete is complete with alignment and word alignment",
          BASE + "/jobs/job-complete/download/words/original", null, """
          [{"word": "முதல்", "timestamp": "[00:12.34]"}, {"word": "வரி", "timestamp": "[00:12.90]"}]""",
          (url, key) -> {
            DownloadResult result = client(url, key).download("job-complete", DownloadKind.WORDS, DownloadVariant.ORIGINAL);
            assertThat(result).isInstanceOf(DownloadResult.WordTimings.class);
            assertThat(((DownloadResult.WordTimings) result).value()).extracting(w -> w.timestamp()).containsExactly("[00:12.34]", "[00:12.90]");
          }),
      new Exchange("a download that is not ready", "job job-processing is being transcribed", "GET",
          BASE + "/jobs/job-processing/download/lrc/original", null, null, Exchange.API_KEY, 202, Map.of(), """
          {"status": "processing"}""",
          (url, key) -> {
            DownloadResult result = client(url, key).download("job-processing", DownloadKind.LRC, DownloadVariant.ORIGINAL);
            assertThat(((DownloadResult.DownloadPending) result).value().status()).isEqualTo("processing");
          }),
      error("a download of a job that does not exist", "no job has id job-missing",
          BASE + "/jobs/job-missing/download/words/original", null, Exchange.API_KEY, 404, Map.of(),
          ERROR.formatted("not_found", "Job not found", "NOT_001"),
          (url, key) -> assertApiError(() -> client(url, key).download("job-missing", DownloadKind.WORDS, DownloadVariant.ORIGINAL),
              404, ApiError.class)),
      ok("the accepted languages", "lyrcs.ai supports Tamil, Hindi and Spanish", BASE + "/languages", null, """
          ["Tamil", "Hindi", "Español"]""",
          (url, key) -> assertThat(client(url, key).listLanguages()).containsExactly("Tamil", "Hindi", "Español")),
      error("a language list request with a revoked API key", "the API key is revoked", BASE + "/languages", null,
          Exchange.REVOKED_KEY, 401, Map.of(), ERROR.formatted("unauthorized", "Invalid API key", "AUTH_001"),
          (url, key) -> assertApiError(() -> client(url, key).listLanguages(), 401, ApiError.class)));

  @Pact(consumer = Exchange.CONSUMER)
  public V4Pact contract(PactDslWithProvider builder) {
    return Exchange.pact(builder, EXCHANGES);
  }

  @Test
  void theClientDecodesEveryDocumentedResponse(MockServer server) {
    Exchange.checkAll(server.getUrl(), BASE, EXCHANGES);
  }
}
