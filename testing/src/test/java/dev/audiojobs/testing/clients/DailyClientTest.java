package dev.audiojobs.testing.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.daily.BatchJob;
import dev.audiojobs.daily.DailyClient;
import dev.audiojobs.daily.JobInParams;
import dev.audiojobs.daily.JobOutParams;
import dev.audiojobs.daily.JobStatus;
import dev.audiojobs.daily.OutputS3Config;
import dev.audiojobs.daily.SubmitJobRequest;
import dev.audiojobs.testing.DailySimulator;
import dev.audiojobs.testing.SimulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The generated DailyClient against the simulator: submit and wait, access links, delete. */
@ExtendWith(SimulatorExtension.class)
final class DailyClientTest {

  @Test
  void submitsWaitsLinksAndDeletes(DailySimulator sim) throws Exception {
    DailyClient daily = DailyClient.builder().apiKey("daily_test_key").baseUrl(sim.baseUrl())
        .clock(sim.clock()).sleeper(new AdvancingSleeper(sim)).build();
    SubmitJobRequest request = SubmitJobRequest.builder()
        .preset("transcript")
        .inParams(JobInParams.builder().sourceType("uri").uri("https://example.com/rec.mp4").build())
        .outParams(JobOutParams.builder().s3Config(OutputS3Config.builder().s3KeyTemplate("{job_id}").useReplacement(true).build()).build())
        .build();

    String id = daily.submitJob(request).id();
    ApiException early = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, () -> daily.getJobAccessLink(id));
    assertThat(early.statusCode()).isEqualTo(400);

    BatchJob job = daily.waitForJob(id, Duration.ofMinutes(5));
    assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
    assertThat(job.output().transcription()).hasSize(3);
    assertThat(daily.getJobAccessLink(id).transcription()).hasSize(3);

    assertThat(daily.deleteJob(id).id()).isEqualTo(id);
    assertThatThrownBy(() -> daily.getJob(id)).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
  }
}
