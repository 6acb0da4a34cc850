package dev.audiojobs.testing.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiojobs.client.FilePart;
import dev.audiojobs.client.JobFailedException;
import dev.audiojobs.pyannote.DiarizationJob;
import dev.audiojobs.pyannote.DiarizationSegment;
import dev.audiojobs.pyannote.DiarizeRequest;
import dev.audiojobs.pyannote.Job;
import dev.audiojobs.pyannote.JobListItem;
import dev.audiojobs.pyannote.JobStatus;
import dev.audiojobs.pyannote.PyannoteClient;
import dev.audiojobs.testing.Fault;
import dev.audiojobs.testing.JobScript;
import dev.audiojobs.testing.PyannoteSimulator;
import dev.audiojobs.testing.RecordedCall;
import dev.audiojobs.testing.SimulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The generated PyannoteClient against the simulator: upload, diarize and wait, retries, both pagers. */
@ExtendWith(SimulatorExtension.class)
final class PyannoteClientTest {

  private static PyannoteClient client(PyannoteSimulator sim) {
    return PyannoteClient.builder()
        .apiKey("sk_test_simulated")
        .baseUrl(sim.baseUrl())
        .clock(sim.clock())
        .sleeper(new AdvancingSleeper(sim))
        .build();
  }

  @Test
  void uploadsDiarizesAndWaitsOnTheSimulatedClock(PyannoteSimulator sim) throws Exception {
    PyannoteClient pyannote = client(sim);
    byte[] wav = Audio.wav(20);
    pyannote.upload("media://calls/1.wav", FilePart.of(wav));
    assertThat(sim.media("media://calls/1.wav")).hasValueSatisfying(b -> assertThat(b).isEqualTo(wav));
    Instant start = sim.clock().instant();

    Job job = pyannote.diarizeAndWait(DiarizeRequest.builder().url("media://calls/1.wav").numSpeakers(2).build(), Duration.ofMinutes(5));

    assertThat(job).isInstanceOf(DiarizationJob.class);
    List<DiarizationSegment> segments = ((DiarizationJob) job).output().diarization();
    assertThat(segments).isNotEmpty().allSatisfy(s -> assertThat(s.end()).isLessThanOrEqualTo(20.0));
    assertThat(segments).extracting(DiarizationSegment::speaker).containsOnly("SPEAKER_00", "SPEAKER_01");
    // The client polled at once, then after 10 s and 15 s: the job (2 s pending, 10 s running) was done at the second poll.
    assertThat(Duration.between(start, sim.clock().instant())).isEqualTo(Duration.ofSeconds(25));
    assertThat(sim.requests()).filteredOn(c -> c.target().startsWith("/_presigned/")).singleElement()
        .satisfies(c -> assertThat(c.authorized()).isFalse());
  }

  @Test
  void aFailedJobThrowsJobFailedExceptionWithItsError(PyannoteSimulator sim) {
    sim.scriptNextJob(JobScript.fails("Audio file is corrupted"));
    assertThatThrownBy(() -> client(sim).diarizeAndWait(DiarizeRequest.builder().url("https://example.com/a.wav").build(), Duration.ofMinutes(5)))
        .isInstanceOfSatisfying(JobFailedException.class, e -> {
          assertThat(e.status()).isEqualTo("failed");
          assertThat(e.errorText()).hasValue("Audio file is corrupted");
        });
  }

  @Test
  void getJobIsRetriedAfter429WithRetryAfter(PyannoteSimulator sim) {
    PyannoteClient pyannote = client(sim);
    String id = pyannote.diarize(DiarizeRequest.builder().url("https://example.com/a.wav").build()).jobId();
    sim.failMatching("GET", "/v1/jobs/.*", 2, Fault.tooManyRequests(Duration.ofSeconds(3)));
    Instant before = sim.clock().instant();

    Job job = pyannote.getJob(id);

    assertThat(job.status()).isEqualTo(JobStatus.RUNNING); // 6 s of Retry-After on the simulated clock: past the 2 s queue
    assertThat(sim.requests()).extracting(RecordedCall::status).containsExactly(200, 429, 429, 200);
    assertThat(Duration.between(before, sim.clock().instant())).isEqualTo(Duration.ofSeconds(6));
  }

  @Test
  void bothPagersWalkEveryJobNewestFirst(PyannoteSimulator sim) {
    PyannoteClient pyannote = client(sim);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 7; i++) ids.add(pyannote.diarize(DiarizeRequest.builder().url("https://example.com/" + i + ".wav").build()).jobId());
    java.util.Collections.reverse(ids);

    assertThat(pyannote.listJobsAll(3, null).stream().map(JobListItem::id).toList()).isEqualTo(ids);
    assertThat(pyannote.listJobsV2All(3, null).stream().map(JobListItem::id).toList()).isEqualTo(ids);
  }
}
