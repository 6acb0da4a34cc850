package dev.audiojobs.conformance.pact;

import static dev.audiojobs.conformance.pact.Exchanges.assertApiError;
import static dev.audiojobs.conformance.pact.Exchanges.error;
import static dev.audiojobs.conformance.pact.Exchanges.ok;
import static dev.audiojobs.conformance.pact.Exchanges.postError;
import static dev.audiojobs.conformance.pact.Exchanges.posted;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.pyannote.ApiError;
import dev.audiojobs.pyannote.DiarizationJob;
import dev.audiojobs.pyannote.DiarizeRequest;
import dev.audiojobs.pyannote.GetJobsResponseV2;
import dev.audiojobs.pyannote.GetMediaUploadUrl;
import dev.audiojobs.pyannote.IdentifyRequest;
import dev.audiojobs.pyannote.JobCreated;
import dev.audiojobs.pyannote.MediaResponse;
import dev.audiojobs.pyannote.PyannoteJson;
import dev.audiojobs.pyannote.VoiceprintRequest;
import dev.audiojobs.pyannote.GetJobsResponse;
import dev.audiojobs.pyannote.IdentifyJob;
import dev.audiojobs.pyannote.JobStatus;
import dev.audiojobs.pyannote.PyannoteClient;
import dev.audiojobs.pyannote.UnknownJob;
import dev.audiojobs.pyannote.ValidationErrorResponse;
import dev.audiojobs.pyannote.VoiceprintJob;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pyannoteAI contract: every response shape of {@code getJob} and {@code listJobs} that this client
 * relies on — each job union branch, pending and failed jobs, each declared error status and the
 * inferred 401 and 404 — and the write side: the media URLs, the three submissions with the exact JSON
 * bodies the client sends (minimal and maximal), their errors, and the pages of the cursor list;
 * written through the real {@link PyannoteClient}.
 *
 * <p>A submission's request is decoded from the interaction's own request body with the client's
 * adapter ({@link PyannoteJson}), so the pact states exactly what the client puts on the wire for it.
 *
 * <p>{@link CommittedPactCheck} is registered first so that it runs after Pact has written the pact.
 */
@ExtendWith({CommittedPactCheck.class, PactConsumerTestExt.class})
@PactTestFor(providerName = PyannotePactTest.PROVIDER, pactVersion = PactSpecVersion.V4)
public final class PyannotePactTest {
  static final String PROVIDER = "pyannote-api";

  private static PyannoteClient client(String baseUrl, String apiKey) {
    // One request per interaction: Pact's mock server expects each exactly once.
    return PyannoteClient.builder().apiKey(apiKey).baseUrl(baseUrl).retryPolicy(RetryPolicy.none()).build();
  }

  /** The request model a user would hold for {@code json}, decoded with the client's own adapter. */
  private static <T> T request(Class<T> type, String json) throws java.io.IOException {
    return PyannoteJson.adapter(type).fromJson(json);
  }

  private static final String MEDIA_KEY = """
      {"url": "media://meetings/2024-01-15/call.wav"}""";
  private static final String DIARIZE_MINIMAL = """
      {"url": "media://meetings/2024-01-15/call.wav"}""";
  private static final String DIARIZE_MAXIMAL = """
      {"url": "https://example.com/audio/call.wav", "webhook": "https://example.com/webhook", "webhookStatusOnly": true,
       "model": "precision-2", "numSpeakers": 2, "minSpeakers": 2, "maxSpeakers": 2, "turnLevelConfidence": true,
       "exclusive": true, "confidence": true, "transcription": true, "transcriptionConfig": {"model": "parakeet-tdt-0.6b-v3"}}""";
  private static final String VOICEPRINT = """
      {"url": "media://voices/sam.wav", "model": "precision-2"}""";
  private static final String IDENTIFY = """
      {"url": "media://meetings/2024-01-15/call.wav", "numSpeakers": 2, "matching": {"exclusive": true, "threshold": 40},
       "voiceprints": [{"label": "Sam", "voiceprint": "aGVsbG8gd29ybGQ"}, {"label": "Rick", "voiceprint": "d29ybGQgaGVsbG8"}]}""";
  private static final String JOB_CREATED = """
      {"jobId": "fb16c565-f3f0-4402-a08c-9d44df0ccc7b", "status": "created"}""";
  private static final String CURSOR = "6f1c2a4e-1b3d-4c5e-8f70-9a1b2c3d4e5f";

  private static final String API_ERROR = """
      {"requestId": "37a4c3a0-b034-4e8c-9ed9-76da6645544a", "message": "%s"}""";

  static final List<Exchange> EXCHANGES = List.of(
      ok("a succeeded diarization job", "diarization job job-diarization succeeded",
          "/v1/jobs/job-diarization", null, """
          {"jobId": "job-diarization", "status": "succeeded",
           "createdAt": "2024-02-20T12:00:00Z", "updatedAt": "2024-02-20T12:01:00Z",
           "output": {
             "diarization": [{"speaker": "SPEAKER_00", "start": 0.5, "end": 2.25, "confidence": {"SPEAKER_00": 93}},
                             {"speaker": "SPEAKER_01", "start": 2.25, "end": 4.0}],
             "exclusiveDiarization": [{"speaker": "SPEAKER_00", "start": 0.5, "end": 2.25}],
             "confidence": {"score": [95, 89], "resolution": 0.02},
             "wordLevelTranscription": [{"start": 0.5, "end": 0.8, "text": "Hello", "speaker": "SPEAKER_00"}],
             "turnLevelTranscription": [{"start": 0.5, "end": 2.3, "text": "Hello, how are you?", "speaker": "SPEAKER_00"}],
             "warning": "audio is short"}}""",
          (url, key) -> {
            DiarizationJob job = (DiarizationJob) client(url, key).getJob("job-diarization");
            assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(job.output().diarization()).hasSize(2);
            assertThat(job.output().diarization().get(1).speaker()).isEqualTo("SPEAKER_01");
            assertThat(job.output().turnLevelTranscription()).hasSize(1);
          }),
      ok("a succeeded voiceprint job", "voiceprint job job-voiceprint succeeded",
          "/v1/jobs/job-voiceprint", null, """
          {"jobId": "job-voiceprint", "status": "succeeded",
           "createdAt": "2024-02-20T12:00:00Z", "updatedAt": "2024-02-20T12:00:30Z",
           "output": {"voiceprint": "aGVsbG8gd29ybGQ"}}""",
          (url, key) -> {
            VoiceprintJob job = (VoiceprintJob) client(url, key).getJob("job-voiceprint");
            assertThat(job.output().voiceprint()).isEqualTo("aGVsbG8gd29ybGQ");
          }),
      ok("a succeeded identification job", "identification job job-identify succeeded",
          "/v1/jobs/job-identify", null, """
          {"jobId": "job-identify", "status": "succeeded",
           "createdAt": "2024-02-20T12:00:00Z", "updatedAt": "2024-02-20T12:02:00Z",
           "output": {
             "diarization": [{"speaker": "SPEAKER_00", "start": 0.5, "end": 2.25}],
             "identification": [{"speaker": "Sam", "start": 0.5, "end": 2.25, "diarizationSpeaker": "SPEAKER_00", "match": "Sam"},
                                {"speaker": "SPEAKER_01", "start": 2.25, "end": 4.0, "diarizationSpeaker": "SPEAKER_01", "match": null}],
             "voiceprints": [{"speaker": "SPEAKER_00", "match": "Sam", "confidence": {"Sam": 16, "Rick": 24}}]}}""",
          (url, key) -> {
            IdentifyJob job = (IdentifyJob) client(url, key).getJob("job-identify");
            assertThat(job.output().identification()).hasSize(2);
            assertThat(job.output().identification().get(1).match()).isNull();
            assertThat(job.output().voiceprints().get(0).match()).isEqualTo("Sam");
          }),
      ok("a pending job without output", "job job-pending is pending",
          "/v1/jobs/job-pending", null, """
          {"jobId": "job-pending", "status": "pending", "createdAt": "2024-02-20T12:00:00Z", "updatedAt": "2024-02-20T12:00:00Z"}""",
          (url, key) -> {
            UnknownJob job = (UnknownJob) client(url, key).getJob("job-pending");
            assertThat(job.status()).isEqualTo(JobStatus.PENDING);
            assertThat(job.output()).isNull();
          }),
      ok("a running job without output", "job job-running is running",
          "/v1/jobs/job-running", null, """
          {"jobId": "job-running", "status": "running", "createdAt": "2024-02-20T12:00:00Z", "updatedAt": "2024-02-20T12:00:05Z"}""",
          (url, key) -> assertThat(client(url, key).getJob("job-running").status()).isEqualTo(JobStatus.RUNNING)),
      ok("a failed job whose output holds only the error", "job job-failed failed",
          "/v1/jobs/job-failed", null, """
          {"jobId": "job-failed", "status": "failed", "createdAt": "2024-02-20T12:00:00Z", "updatedAt": "2024-02-20T12:00:09Z",
           "output": {"error": "Could not download the media file"}}""",
          (url, key) -> {
            UnknownJob job = (UnknownJob) client(url, key).getJob("job-failed");
            assertThat(job.status().isUnsuccessful()).isTrue();
            assertThat(job.output().error()).isEqualTo("Could not download the media file");
          }),
      error("a job request the API rejects as invalid", "the job id is malformed",
          "/v1/jobs/not%20a%20job", null, Exchange.API_KEY, 400, Map.of(), """
          {"message": "Invalid request", "errors": [{"field": "jobId", "message": "Invalid job id"}]}""",
          (url, key) -> {
            var e = assertApiError(() -> client(url, key).getJob("not a job"), 400, ValidationErrorResponse.class);
            assertThat(((ValidationErrorResponse) e.error().orElseThrow()).errors().get(0).field()).isEqualTo("jobId");
          }),
      error("a job request with a revoked API key", "the API key is revoked",
          "/v1/jobs/job-diarization", null, Exchange.REVOKED_KEY, 401, Map.of(),
          API_ERROR.formatted("Invalid API key"),
          (url, key) -> assertApiError(() -> client(url, key).getJob("job-diarization"), 401, ApiError.class)),
      error("a job request without a subscription", "the team has no subscription",
          "/v1/jobs/job-unpaid", null, Exchange.API_KEY, 402, Map.of(),
          API_ERROR.formatted("Subscription is required"),
          (url, key) -> assertApiError(() -> client(url, key).getJob("job-unpaid"), 402, ApiError.class)),
      error("a request for a job that does not exist", "no job has id job-missing",
          "/v1/jobs/job-missing", null, Exchange.API_KEY, 404, Map.of(),
          API_ERROR.formatted("Job not found"),
          (url, key) -> assertApiError(() -> client(url, key).getJob("job-missing"), 404, ApiError.class)),
      error("a job request over the rate limit", "the team has used its 100 requests this minute",
          "/v1/jobs/job-throttled", null, Exchange.API_KEY, 429,
          Map.of("Retry-After", "30", "X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "0"),
          API_ERROR.formatted("Too many requests"),
          (url, key) -> {
            var e = assertApiError(() -> client(url, key).getJob("job-throttled"), 429, ApiError.class);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
          }),
      ok("a page of succeeded jobs", "the team has succeeded jobs",
          "/v1/jobs", "take=2&status=succeeded&skip=0", """
          {"items": [{"id": "job-diarization", "status": "succeeded", "createdAt": "2024-02-20T12:00:00Z"},
                     {"id": "job-voiceprint", "status": "succeeded", "createdAt": "2024-02-20T11:00:00Z"}],
           "total": 7}""",
          (url, key) -> {
            GetJobsResponse page = client(url, key).listJobs(2, JobStatus.SUCCEEDED, 0);
            assertThat(page.items()).extracting(i -> i.id()).containsExactly("job-diarization", "job-voiceprint");
            assertThat(page.total()).isEqualTo(7);
          }),
      ok("an empty list of jobs", "the team has no jobs", "/v1/jobs", null, """
          {"items": [], "total": 0}""",
          (url, key) -> assertThat(client(url, key).listJobs().items()).isEmpty()),
      error("a list request the API rejects as invalid", "skip is beyond the team's last job", "/v1/jobs",
          "take=100&skip=100000", Exchange.API_KEY, 400, Map.of(), """
          {"message": "Invalid request", "errors": [{"field": "skip", "message": "skip must be less than total"}]}""",
          (url, key) -> assertApiError(() -> client(url, key).listJobs(100, null, 100000), 400, ValidationErrorResponse.class)),
      error("a list request with a revoked API key", "the API key is revoked", "/v1/jobs", null,
          Exchange.REVOKED_KEY, 401, Map.of(), API_ERROR.formatted("Invalid API key"),
          (url, key) -> assertApiError(() -> client(url, key).listJobs(), 401, ApiError.class)),
      error("a list request without a subscription", "the team has no subscription", "/v1/jobs", "take=5",
          Exchange.API_KEY, 402, Map.of(), API_ERROR.formatted("Subscription is required"),
          (url, key) -> assertApiError(() -> client(url, key).listJobs(5, null, null), 402, ApiError.class)),
      error("a list request over the rate limit", "the team has used its 100 requests this minute", "/v1/jobs",
          "skip=100", Exchange.API_KEY, 429, Map.of("Retry-After", "12"), API_ERROR.formatted("Too many requests"),
          (url, key) -> assertApiError(() -> client(url, key).listJobs(null, null, 100), 429, ApiError.class)),

      // ------------------------------------------------------------------ the write side
      posted("a request for an upload URL", "the team may write media", "/v1/media/input", MEDIA_KEY, 201, """
          {"url": "https://storage.example.com/input/meetings/2024-01-15/call.wav?X-Amz-Signature=abc"}""",
          (url, key) -> {
            MediaResponse media = client(url, key).getMediaUploadUrl(request(GetMediaUploadUrl.class, MEDIA_KEY));
            assertThat(media.url()).startsWith("https://storage.example.com/input/");
          }),
      posted("a request for a download URL", "media://meetings/2024-01-15/call.wav exists", "/v1/media/output", MEDIA_KEY, 201, """
          {"url": "https://storage.example.com/output/meetings/2024-01-15/call.wav?X-Amz-Signature=def"}""",
          (url, key) -> {
            MediaResponse media = client(url, key).getMediaDownloadUrl(request(GetMediaUploadUrl.class, MEDIA_KEY));
            assertThat(media.url()).startsWith("https://storage.example.com/output/");
          }),
      postError("an upload URL request with a revoked API key", "the API key is revoked", "/v1/media/input", MEDIA_KEY,
          Exchange.REVOKED_KEY, 401, Map.of(), API_ERROR.formatted("Invalid API key"),
          (url, key) -> assertApiError(() -> client(url, key).getMediaUploadUrl(request(GetMediaUploadUrl.class, MEDIA_KEY)),
              401, ApiError.class)),
      posted("a minimal diarization", "the team may submit jobs", "/v1/diarize", DIARIZE_MINIMAL, 200, JOB_CREATED,
          (url, key) -> {
            JobCreated job = client(url, key).diarize(request(DiarizeRequest.class, DIARIZE_MINIMAL));
            assertThat(job.jobId()).isEqualTo("fb16c565-f3f0-4402-a08c-9d44df0ccc7b");
            assertThat(job.status()).isEqualTo(JobStatus.CREATED);
          }),
      posted("a diarization with every option", "the team may submit jobs", "/v1/diarize", DIARIZE_MAXIMAL, 200, """
          {"jobId": "0c7b5d1e-6f3a-4c2b-9e8d-1a2b3c4d5e6f", "status": "pending", "warning": "audio is short"}""",
          (url, key) -> {
            JobCreated job = client(url, key).diarize(request(DiarizeRequest.class, DIARIZE_MAXIMAL));
            assertThat(job.warning()).isEqualTo("audio is short");
          }),
      postError("a diarization the API rejects as invalid", "the media cannot be downloaded", "/v1/diarize", """
          {"url": "https://example.com/missing.wav"}""", Exchange.API_KEY, 400, Map.of(), """
          {"message": "Invalid request", "errors": [{"field": "url", "message": "Invalid URL"}]}""",
          (url, key) -> assertApiError(() -> client(url, key).diarize(request(DiarizeRequest.class, """
              {"url": "https://example.com/missing.wav"}""")), 400, ValidationErrorResponse.class)),
      postError("a diarization with a revoked API key", "the API key is revoked", "/v1/diarize", DIARIZE_MINIMAL,
          Exchange.REVOKED_KEY, 401, Map.of(), API_ERROR.formatted("Invalid API key"),
          (url, key) -> assertApiError(() -> client(url, key).diarize(request(DiarizeRequest.class, DIARIZE_MINIMAL)), 401, ApiError.class)),
      postError("a diarization without a subscription", "the team has no subscription", "/v1/diarize", """
          {"url": "media://unpaid.wav"}""", Exchange.API_KEY, 402, Map.of(), API_ERROR.formatted("Subscription is required"),
          (url, key) -> assertApiError(() -> client(url, key).diarize(request(DiarizeRequest.class, """
              {"url": "media://unpaid.wav"}""")), 402, ApiError.class)),
      postError("a diarization over the rate limit", "the team has used its 100 requests this minute", "/v1/diarize", """
          {"url": "media://throttled.wav"}""", Exchange.API_KEY, 429, Map.of("Retry-After", "30"), API_ERROR.formatted("Too many requests"),
          (url, key) -> {
            var e = assertApiError(() -> client(url, key).diarize(request(DiarizeRequest.class, """
                {"url": "media://throttled.wav"}""")), 429, ApiError.class);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
          }),
      posted("a voiceprint", "the team may submit jobs", "/v1/voiceprint", VOICEPRINT, 200, JOB_CREATED,
          (url, key) -> assertThat(client(url, key).voiceprint(request(VoiceprintRequest.class, VOICEPRINT)).jobId())
              .isEqualTo("fb16c565-f3f0-4402-a08c-9d44df0ccc7b")),
      posted("an identification against two voiceprints", "the team may submit jobs", "/v1/identify", IDENTIFY, 200, JOB_CREATED,
          (url, key) -> assertThat(client(url, key).identify(request(IdentifyRequest.class, IDENTIFY)).status())
              .isEqualTo(JobStatus.CREATED)),
      ok("the first page of the cursor list", "the team has three jobs", "/v2/jobs", "limit=2", """
          {"items": [{"id": "job-3", "status": "succeeded", "createdAt": "2024-02-20T12:00:00Z"},
                     {"id": "job-2", "status": "running", "createdAt": "2024-02-20T11:00:00Z"}],
           "nextCursor": "%s"}""".formatted(CURSOR),
          (url, key) -> {
            GetJobsResponseV2 page = client(url, key).listJobsV2(2, null, null);
            assertThat(page.items()).extracting(i -> i.id()).containsExactly("job-3", "job-2");
            assertThat(page.nextCursor()).isEqualTo(CURSOR);
          }),
      ok("the last page of the cursor list", "the team has three jobs", "/v2/jobs", "limit=2&cursor=" + CURSOR, """
          {"items": [{"id": "job-1", "status": "failed", "createdAt": "2024-02-20T10:00:00Z"}], "nextCursor": null}""",
          (url, key) -> {
            GetJobsResponseV2 page = client(url, key).listJobsV2(2, CURSOR, null);
            assertThat(page.items()).hasSize(1);
            assertThat(page.nextCursor()).isNull();
          }),
      error("a cursor list request with a revoked API key", "the API key is revoked", "/v2/jobs", null,
          Exchange.REVOKED_KEY, 401, Map.of(), API_ERROR.formatted("Invalid API key"),
          (url, key) -> assertApiError(() -> client(url, key).listJobsV2(null, null, null), 401, ApiError.class)));

  @Pact(consumer = Exchange.CONSUMER)
  public V4Pact contract(PactDslWithProvider builder) {
    return Exchange.pact(builder, EXCHANGES);
  }

  @Test
  void theClientDecodesEveryDocumentedResponse(MockServer server) {
    Exchange.checkAll(server.getUrl(), "", EXCHANGES);
  }
}
