package dev.audiojobs.conformance.pact;

import static dev.audiojobs.conformance.pact.Exchanges.assertApiError;
import static dev.audiojobs.conformance.pact.Exchanges.error;
import static dev.audiojobs.conformance.pact.Exchanges.ok;
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
 * inferred 401 and 404 — written through the real {@link PyannoteClient}.
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
          (url, key) -> assertApiError(() -> client(url, key).listJobs(null, null, 100), 429, ApiError.class)));

  @Pact(consumer = Exchange.CONSUMER)
  public V4Pact contract(PactDslWithProvider builder) {
    return Exchange.pact(builder, EXCHANGES);
  }

  @Test
  void theClientDecodesEveryDocumentedResponse(MockServer server) {
    Exchange.checkAll(server.getUrl(), "", EXCHANGES);
  }
}
