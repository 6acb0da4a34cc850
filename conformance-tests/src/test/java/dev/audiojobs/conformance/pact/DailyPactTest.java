package dev.audiojobs.conformance.pact;

import static dev.audiojobs.conformance.pact.Exchanges.assertApiError;
import static dev.audiojobs.conformance.pact.Exchanges.deleted;
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
import dev.audiojobs.daily.ApiError;
import dev.audiojobs.daily.BatchJob;
import dev.audiojobs.daily.DailyClient;
import dev.audiojobs.daily.DailyJson;
import dev.audiojobs.daily.JobAccessLinks;
import dev.audiojobs.daily.JobList;
import dev.audiojobs.daily.JobStatus;
import dev.audiojobs.daily.SubmitJobRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Daily batch processor contract: {@code getJob} for a finished job (every output kind), a job in
 * error, submitted and processing jobs, and the error statuses Daily documents for its REST API; and the
 * write side: submissions with the exact JSON bodies the client sends (minimal, every parameter with
 * {@code transformParams.transcript}'s number-or-boolean and boolean-or-array fields, a summary), their
 * errors, the list's pages, the access links of a finished job and the 400 of one that is not, and a
 * delete; written through the real {@link DailyClient}. Paths carry Daily's base path {@code /v1}.
 *
 * <p>A submission's request is decoded from the interaction's own request body with the client's adapter
 * ({@link DailyJson}), so the pact states exactly what the client puts on the wire for it.
 */
@ExtendWith({CommittedPactCheck.class, PactConsumerTestExt.class})
@PactTestFor(providerName = DailyPactTest.PROVIDER, pactVersion = PactSpecVersion.V4)
public final class DailyPactTest {
  static final String PROVIDER = "daily-batch-processor-api";
  private static final String BASE = "/v1";

  private static DailyClient client(String baseUrl, String apiKey) {
    // One request per interaction: Pact's mock server expects each exactly once.
    return DailyClient.builder().apiKey(apiKey).baseUrl(baseUrl).retryPolicy(RetryPolicy.none()).build();
  }

  /** The request model a user would hold for {@code json}, decoded with the client's own adapter. */
  private static SubmitJobRequest request(String json) throws java.io.IOException {
    return DailyJson.adapter(SubmitJobRequest.class).fromJson(json);
  }

  private static final String SUBMIT_MINIMAL = """
      {"preset": "transcript", "inParams": {"sourceType": "uri", "uri": "https://direct-url-to/file.mp4"},
       "outParams": {"s3Config": {"s3KeyTemplate": "transcripts/{job_id}"}}}""";
  private static final String SUBMIT_EVERY_PARAMETER = """
      {"preset": "transcript",
       "inParams": {"sourceType": "recordingId", "recordingId": "uuiasdfe-8ba2-4ee6-bd15-003a92c18245", "language": "de"},
       "outParams": {"s3Config": {"s3KeyTemplate": "{domain_name}/{job_id}/{epoch_time}", "useReplacement": true}},
       "transformParams": {"transcript": {"language": "de", "model": "nova-2-general", "profanity_filter": true,
         "punctuate": true, "endpointing": false, "redact": ["pci", "ssn"], "extra": {"diarize": true}}}}""";
  private static final String SUBMIT_SUMMARY = """
      {"preset": "summarize", "inParams": {"sourceType": "transcriptUri", "transcriptUri": "https://direct-url-to/transcript.vtt"},
       "outParams": {"s3Config": {"s3KeyTemplate": "summaries/{job_id}", "useReplacement": true}},
       "transformParams": {"transcript": {"endpointing": 300, "redact": true}}}""";
  private static final String SUBMIT_UNREADABLE = """
      {"preset": "transcript", "inParams": {"sourceType": "uri", "uri": "https://direct-url-to/missing.mp4"},
       "outParams": {"s3Config": {"s3KeyTemplate": "transcripts/{job_id}"}}}""";
  private static final String SUBMITTED = """
      {"id": "3ab8faa2-8ba2-4ee6-bd15-003a92c18245"}""";

  static final List<Exchange> EXCHANGES = List.of(
      ok("a finished job with transcripts and summaries", "batch job job-finished finished",
          BASE + "/batch-processor/job-finished", null, """
          {"id": "job-finished", "preset": "transcript", "status": "finished",
           "input": {"sourceType": "recordingId", "recordingId": "rec-1", "language": "en"},
           "output": {
             "transcription": [{"format": "txt", "s3Config": {"key": "bucket-name/job-finished/transcript/output.txt", "bucket": "bucket-name", "region": "us-west-2"}},
                               {"format": "vtt", "s3Config": {"key": "bucket-name/job-finished/transcript/output.vtt", "bucket": "bucket-name", "region": "us-west-2"}}],
             "summary": {"format": "txt", "s3Config": {"key": "bucket-name/job-finished/summary/output.txt", "bucket": "bucket-name", "region": "us-west-2"}},
             "soap": {"format": "txt", "s3Config": {"key": "bucket-name/job-finished/soap/output.txt", "bucket": "bucket-name", "region": "us-west-2"}},
             "concept": {"format": "txt", "s3Config": {"key": "bucket-name/job-finished/concept/output.txt", "bucket": "bucket-name", "region": "us-west-2"}}}}""",
          (url, key) -> {
            BatchJob job = client(url, key).getJob("job-finished");
            assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
            assertThat(job.output().transcription()).extracting(t -> t.format()).containsExactly("txt", "vtt");
            assertThat(job.output().summary().s3Config().region()).isEqualTo("us-west-2");
            assertThat(job.output().soap()).isNotNull();
          }),
      ok("a job in error", "batch job job-error failed to transcribe",
          BASE + "/batch-processor/job-error", null, """
          {"id": "job-error", "preset": "transcript", "status": "error",
           "input": {"sourceType": "uri", "uri": "https://direct-url-to/file.mp4"},
           "error": "Error: Failed to transcribe. May be invalid audio or silent file"}""",
          (url, key) -> {
            BatchJob job = client(url, key).getJob("job-error");
            assertThat(job.status()).isEqualTo(JobStatus.ERROR);
            assertThat(job.error()).startsWith("Error: Failed to transcribe");
          }),
      ok("a submitted job", "batch job job-submitted was just submitted",
          BASE + "/batch-processor/job-submitted", null, """
          {"id": "job-submitted", "preset": "summarize", "status": "submitted",
           "input": {"sourceType": "transcriptUri", "uri": "https://direct-url-to/transcript.vtt"}}""",
          (url, key) -> assertThat(client(url, key).getJob("job-submitted").status()).isEqualTo(JobStatus.SUBMITTED)),
      ok("a processing job", "batch job job-processing is processing",
          BASE + "/batch-processor/job-processing", null, """
          {"id": "job-processing", "preset": "soap-notes", "status": "processing",
           "input": {"sourceType": "recordingId", "recordingId": "rec-2"}}""",
          (url, key) -> {
            BatchJob job = client(url, key).getJob("job-processing");
            assertThat(job.status()).isEqualTo(JobStatus.PROCESSING);
            assertThat(job.output()).isNull();
          }),
      error("a job request Daily rejects as invalid", "the job id is malformed",
          BASE + "/batch-processor/not%20a%20job", null, Exchange.API_KEY, 400, Map.of(), """
          {"error": "invalid-request-error", "info": "id is not valid"}""",
          (url, key) -> assertApiError(() -> client(url, key).getJob("not a job"), 400, ApiError.class)),
      error("a job request with a revoked API key", "the API key is revoked",
          BASE + "/batch-processor/job-finished", null, Exchange.REVOKED_KEY, 401, Map.of(), """
          {"error": "authentication-error", "info": "Invalid API key"}""",
          (url, key) -> assertApiError(() -> client(url, key).getJob("job-finished"), 401, ApiError.class)),
      error("a request for a job that does not exist", "no batch job has id job-missing",
          BASE + "/batch-processor/job-missing", null, Exchange.API_KEY, 404, Map.of(), """
          {"error": "not-found", "info": "batch job job-missing not found"}""",
          (url, key) -> {
            var e = assertApiError(() -> client(url, key).getJob("job-missing"), 404, ApiError.class);
            assertThat(((ApiError) e.error().orElseThrow()).error()).isEqualTo("not-found");
          }),
      error("a job request over the rate limit", "the domain exceeds 20 requests per second",
          BASE + "/batch-processor/job-throttled", null, Exchange.API_KEY, 429, Map.of(), """
          {"error": "rate-limit-error", "info": "Too many requests"}""",
          (url, key) -> assertApiError(() -> client(url, key).getJob("job-throttled"), 429, ApiError.class)),

      // ------------------------------------------------------------------ the write side
      posted("a minimal transcript submission", "the domain may submit batch jobs", BASE + "/batch-processor", SUBMIT_MINIMAL, 200,
          SUBMITTED, (url, key) -> assertThat(client(url, key).submitJob(request(SUBMIT_MINIMAL)).id())
              .isEqualTo("3ab8faa2-8ba2-4ee6-bd15-003a92c18245")),
      posted("a transcript submission with every parameter", "the domain may submit batch jobs", BASE + "/batch-processor",
          SUBMIT_EVERY_PARAMETER, 200, SUBMITTED,
          (url, key) -> assertThat(client(url, key).submitJob(request(SUBMIT_EVERY_PARAMETER)).id()).isNotEmpty()),
      posted("a summary of a transcript", "the domain may submit batch jobs", BASE + "/batch-processor", SUBMIT_SUMMARY, 200, """
          {"id": "5d0c5b3e-1b2a-4c3d-8e9f-0a1b2c3d4e5f"}""",
          (url, key) -> assertThat(client(url, key).submitJob(request(SUBMIT_SUMMARY)).id()).startsWith("5d0c5b3e")),
      postError("a submission Daily rejects as invalid", "the source cannot be fetched", BASE + "/batch-processor", SUBMIT_UNREADABLE,
          Exchange.API_KEY, 400, Map.of(), """
          {"error": "invalid-request-error", "info": "inParams.uri: could not fetch the file"}""",
          (url, key) -> assertApiError(() -> client(url, key).submitJob(request(SUBMIT_UNREADABLE)), 400, ApiError.class)),
      postError("a submission with a revoked API key", "the API key is revoked", BASE + "/batch-processor", SUBMIT_MINIMAL,
          Exchange.REVOKED_KEY, 401, Map.of(), """
          {"error": "authentication-error", "info": "Invalid API key"}""",
          (url, key) -> assertApiError(() -> client(url, key).submitJob(request(SUBMIT_MINIMAL)), 401, ApiError.class)),
      ok("the first page of jobs", "the domain has three batch jobs", BASE + "/batch-processor", "limit=2", """
          {"total_count": 3, "data": [{"id": "job-3", "preset": "transcript", "status": "finished"},
                                      {"id": "job-2", "preset": "summarize", "status": "processing"}]}""",
          (url, key) -> {
            JobList page = client(url, key).listJobs(2, null, null, null);
            assertThat(page.totalCount()).isEqualTo(3);
            assertThat(page.data()).extracting(j -> j.id()).containsExactly("job-3", "job-2");
          }),
      ok("the page after a job", "the domain has three batch jobs", BASE + "/batch-processor", "limit=2&starting_after=job-2", """
          {"total_count": 3, "data": [{"id": "job-1", "preset": "transcript", "status": "error"}]}""",
          (url, key) -> assertThat(client(url, key).listJobs(2, "job-2", null, null).data().get(0).status())
              .isEqualTo(JobStatus.ERROR)),
      ok("the jobs of one recording", "recording rec-1 has one batch job", BASE + "/batch-processor", "recordingId=rec-1", """
          {"total_count": 1, "data": [{"id": "job-finished", "preset": "transcript", "status": "finished"}]}""",
          (url, key) -> assertThat(client(url, key).listJobs(null, null, null, "rec-1").data()).hasSize(1)),
      error("a list request with a revoked API key", "the API key is revoked", BASE + "/batch-processor", null,
          Exchange.REVOKED_KEY, 401, Map.of(), """
          {"error": "authentication-error", "info": "Invalid API key"}""",
          (url, key) -> assertApiError(() -> client(url, key).listJobs(), 401, ApiError.class)),
      ok("the access links of a finished job", "batch job job-finished finished",
          BASE + "/batch-processor/job-finished/access-link", null, """
          {"id": "job-finished", "preset": "transcript", "status": "finished",
           "transcription": [{"format": "txt", "link": "https://daily-batch.s3.amazonaws.com/job-finished/transcript/output.txt?X-Amz-Signature=a1"},
                             {"format": "vtt", "link": "https://daily-batch.s3.amazonaws.com/job-finished/transcript/output.vtt?X-Amz-Signature=a2"}],
           "summary": {"format": "txt", "link": "https://daily-batch.s3.amazonaws.com/job-finished/summary/output.txt?X-Amz-Signature=a3"}}""",
          (url, key) -> {
            JobAccessLinks links = client(url, key).getJobAccessLink("job-finished");
            assertThat(links.status()).isEqualTo(JobStatus.FINISHED);
            assertThat(links.transcription()).extracting(l -> l.format()).containsExactly("txt", "vtt");
            assertThat(links.summary().link()).contains("/summary/");
          }),
      error("the access links of a job that is not finished", "batch job job-processing is processing",
          BASE + "/batch-processor/job-processing/access-link", null, Exchange.API_KEY, 400, Map.of(), """
          {"error": "invalid-request-error", "info": "job is not finished"}""",
          (url, key) -> {
            var e = assertApiError(() -> client(url, key).getJobAccessLink("job-processing"), 400, ApiError.class);
            assertThat(((ApiError) e.error().orElseThrow()).error()).isEqualTo("invalid-request-error");
          }),
      error("the access links of a job that does not exist", "no batch job has id job-missing",
          BASE + "/batch-processor/job-missing/access-link", null, Exchange.API_KEY, 404, Map.of(), """
          {"error": "not-found", "info": "batch job job-missing not found"}""",
          (url, key) -> assertApiError(() -> client(url, key).getJobAccessLink("job-missing"), 404, ApiError.class)),
      deleted("deleting a finished job", "batch job job-finished finished", BASE + "/batch-processor/job-finished", Exchange.API_KEY,
          200, """
          {"id": "job-finished", "preset": "transcript", "status": "finished",
           "input": {"sourceType": "recordingId", "recordingId": "rec-1"}}""",
          (url, key) -> assertThat(client(url, key).deleteJob("job-finished").id()).isEqualTo("job-finished")),
      deleted("deleting a job that does not exist", "no batch job has id job-missing", BASE + "/batch-processor/job-missing",
          Exchange.API_KEY, 404, """
          {"error": "not-found", "info": "batch job job-missing not found"}""",
          (url, key) -> assertApiError(() -> client(url, key).deleteJob("job-missing"), 404, ApiError.class)));

  @Pact(consumer = Exchange.CONSUMER)
  public V4Pact contract(PactDslWithProvider builder) {
    return Exchange.pact(builder, EXCHANGES);
  }

  @Test
  void theClientDecodesEveryDocumentedResponse(MockServer server) {
    Exchange.checkAll(server.getUrl(), BASE, EXCHANGES);
  }
}
