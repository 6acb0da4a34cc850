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
import dev.audiojobs.daily.ApiError;
import dev.audiojobs.daily.BatchJob;
import dev.audiojobs.daily.DailyClient;
import dev.audiojobs.daily.JobStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Daily batch processor contract: {@code getJob} for a finished job (every output kind), a job in
 * error, submitted and processing jobs, and the error statuses Daily documents for its REST API,
 * written through the real {@link DailyClient}. Paths carry Daily's base path {@code /v1}.
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
          (url, key) -> assertApiError(() -> client(url, key).getJob("job-throttled"), 429, ApiError.class)));

  @Pact(consumer = Exchange.CONSUMER)
  public V4Pact contract(PactDslWithProvider builder) {
    return Exchange.pact(builder, EXCHANGES);
  }

  @Test
  void theClientDecodesEveryDocumentedResponse(MockServer server) {
    Exchange.checkAll(server.getUrl(), BASE, EXCHANGES);
  }
}
