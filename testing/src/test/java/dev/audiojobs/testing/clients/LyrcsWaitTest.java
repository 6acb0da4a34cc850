package dev.audiojobs.testing.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiojobs.client.JobFailedException;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.lyrcs.CompleteJob;
import dev.audiojobs.lyrcs.FailedJob;
import dev.audiojobs.lyrcs.Job;
import dev.audiojobs.lyrcs.LyrcsClient;
import dev.audiojobs.lyrcs.TranscribeUrlRequest;
import dev.audiojobs.testing.JobScript;
import dev.audiojobs.testing.LyrcsSimulator;
import dev.audiojobs.testing.SimulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * LyrcsClient.waitForJob and transcribeAndWait on jobs that live on the simulator's clock (moved from
 * generated-client's LyrcsWaitTest and LyrcsWriteSideTest; a status newer than the client, which no
 * simulator sends, stays there).
 */
@ExtendWith(SimulatorExtension.class)
@Timeout(30) // a guard against a hang, not a timed assertion
final class LyrcsWaitTest {
  private static final TranscribeUrlRequest REQUEST =
      TranscribeUrlRequest.builder().audioUrl("https://example.com/song.mp3").language("Tamil").build();

  @Test
  void pollsFromQueuedThroughProcessingUntilCompleteEveryTenSecondsAtFirst(LyrcsSimulator sim) throws Exception {
    AdvancingSleeper sleeper = new AdvancingSleeper(sim);
    LyrcsClient lyrcs = client(sim, sleeper);
    String id = lyrcs.transcribe(REQUEST).jobId();

    Job job = lyrcs.waitForJob(id, Duration.ofMinutes(3));

    // Polls at 0 s (queued), 10 s (processing) and 25 s (complete since 12 s).
    assertThat(job).isInstanceOf(CompleteJob.class);
    assertThat(((CompleteJob) job).results().transcript()).isNotBlank();
    assertThat(sim.requests()).filteredOn(c -> c.method().equals("GET")).extracting(c -> c.target())
        .containsOnly("/api/v1/jobs/" + id).hasSize(3);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(15));
  }

  @Test
  void aFailedJobRaisesJobFailedExceptionWithLyrcsErrorText(LyrcsSimulator sim) {
    sim.scriptNextJob(JobScript.fails("processing_failed"));
    LyrcsClient lyrcs = client(sim, new AdvancingSleeper(sim));
    String id = lyrcs.transcribe(REQUEST).jobId();

    assertThatThrownBy(() -> lyrcs.waitForJob(id, Duration.ofMinutes(3)))
        .isInstanceOfSatisfying(JobFailedException.class, e -> {
          assertThat(e.errorText()).hasValue("processing_failed");
          assertThat(e.job()).isInstanceOf(FailedJob.class);
        });
  }

  @Test
  void transcribeAndWaitSubmitsOnceThenPollsTheJob(LyrcsSimulator sim) throws Exception {
    Job job = client(sim, new AdvancingSleeper(sim)).transcribeAndWait(REQUEST, Duration.ofMinutes(5));

    assertThat(job).isInstanceOf(CompleteJob.class);
    assertThat(sim.requests()).extracting(c -> c.method() + " " + c.target())
        .containsExactly("POST /api/v1/transcribe", "GET /api/v1/jobs/" + job.jobId(),
            "GET /api/v1/jobs/" + job.jobId(), "GET /api/v1/jobs/" + job.jobId());
  }

  private static LyrcsClient client(LyrcsSimulator sim, AdvancingSleeper sleeper) {
    return LyrcsClient.builder().apiKey("lyrcs_sk_live_x").baseUrl(sim.baseUrl())
        .retryPolicy(RetryPolicy.none()).clock(sim.clock()).sleeper(sleeper).build();
  }
}
