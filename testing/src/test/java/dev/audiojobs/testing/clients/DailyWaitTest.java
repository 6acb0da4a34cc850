package dev.audiojobs.testing.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiojobs.client.JobFailedException;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.daily.BatchJob;
import dev.audiojobs.daily.DailyClient;
import dev.audiojobs.daily.JobInParams;
import dev.audiojobs.daily.JobOutParams;
import dev.audiojobs.daily.JobStatus;
import dev.audiojobs.daily.OutputS3Config;
import dev.audiojobs.daily.SubmitJobRequest;
import dev.audiojobs.testing.DailySimulator;
import dev.audiojobs.testing.JobScript;
import dev.audiojobs.testing.SimulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** DailyClient.waitForJob on jobs that live on the simulator's clock (moved from generated-client's DailyWaitTest). */
@ExtendWith(SimulatorExtension.class)
@Timeout(30) // a guard against a hang, not a timed assertion
final class DailyWaitTest {
  private final SubmitJobRequest request = SubmitJobRequest.builder().preset("transcript")
      .inParams(JobInParams.builder().sourceType("uri").uri("https://example.com/rec.mp4").build())
      .outParams(JobOutParams.builder().s3Config(OutputS3Config.builder().s3KeyTemplate("{job_id}").build()).build())
      .build();

  @Test
  void pollsUntilFinishedStartingAtFiveSeconds(DailySimulator sim) throws Exception {
    AdvancingSleeper sleeper = new AdvancingSleeper(sim);
    DailyClient daily = client(sim, sleeper);
    String id = daily.submitJob(request).id();

    BatchJob job = daily.waitForJob(id, Duration.ofMinutes(10));

    // Polls at 0 s (submitted), 5 s (processing) and 12.5 s (finished since 12 s).
    assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
    assertThat(job.output().transcription()).isNotEmpty();
    assertThat(sim.requests()).filteredOn(c -> c.method().equals("GET")).extracting(c -> c.target())
        .containsOnly("/v1/batch-processor/" + id).hasSize(3);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofMillis(7_500));
  }

  @Test
  void anErrorJobRaisesJobFailedExceptionWithDailysErrorText(DailySimulator sim) {
    sim.scriptNextJob(JobScript.fails("Error: Failed to transcribe. May be invalid audio or silent file"));
    DailyClient daily = client(sim, new AdvancingSleeper(sim));
    String id = daily.submitJob(request).id();

    assertThatThrownBy(() -> daily.waitForJob(id, Duration.ofMinutes(10)))
        .isInstanceOfSatisfying(JobFailedException.class, e -> {
          assertThat(e.status()).isEqualTo("error");
          assertThat(e.errorText()).hasValue("Error: Failed to transcribe. May be invalid audio or silent file");
          assertThat(e.job(BatchJob.class).id()).isEqualTo(id);
        });
  }

  private static DailyClient client(DailySimulator sim, AdvancingSleeper sleeper) {
    return DailyClient.builder().apiKey("daily-key").baseUrl(sim.baseUrl())
        .retryPolicy(RetryPolicy.none()).clock(sim.clock()).sleeper(sleeper).build();
  }
}
