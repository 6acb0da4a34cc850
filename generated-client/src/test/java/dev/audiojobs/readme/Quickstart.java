package dev.audiojobs.readme;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.FilePart;
import dev.audiojobs.client.HttpLogLevel;
import dev.audiojobs.client.JobFailedException;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.client.WaitTimeoutException;
import dev.audiojobs.daily.BatchJob;
import dev.audiojobs.daily.DailyClient;
import dev.audiojobs.lyrcs.CompleteJob;
import dev.audiojobs.lyrcs.LyrcsClient;
import dev.audiojobs.pyannote.DiarizationJob;
import dev.audiojobs.pyannote.DiarizationSegment;
import dev.audiojobs.pyannote.DiarizeRequest;
import dev.audiojobs.pyannote.Job;
import dev.audiojobs.pyannote.JobListItem;
import dev.audiojobs.pyannote.JobStatus;
import dev.audiojobs.pyannote.PyannoteClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The README's code, compiled by the build. Each region between {@code // README:<name>} and
 * {@code // END} must appear verbatim in a java block of README.md (ReadmeExamplesTest checks it).
 */
final class Quickstart {
  private Quickstart() {}

  static PyannoteClient pyannote(String apiKey) {
    // README:pyannote
    PyannoteClient pyannote = PyannoteClient.builder().apiKey(apiKey).build();
    // END
    return pyannote;
  }

  /** The whole job lifecycle: upload, diarize, wait, read the speakers; run by QuickstartLifecycleTest. */
  static void pyannoteLifecycle(PyannoteClient pyannote, Path audio) throws InterruptedException {
    // README:pyannoteLifecycle
    String media = "media://meetings/call.wav";
    pyannote.upload(media, FilePart.of(audio));
    try {
      Job job = pyannote.diarizeAndWait(DiarizeRequest.builder().url(media).numSpeakers(2).build(), Duration.ofMinutes(30));
      if (job instanceof DiarizationJob diarization) {
        for (DiarizationSegment segment : diarization.output().diarization()) {
          System.out.printf("%s %.1f-%.1f%n", segment.speaker(), segment.start(), segment.end());
        }
      }
    } catch (JobFailedException e) {
      System.out.println("failed: " + e.errorText().orElse(e.status()));
    }
    // END
  }

  static void daily(String apiKey, String jobId) {
    // README:daily
    DailyClient daily = DailyClient.builder().apiKey(apiKey).build();
    BatchJob batch = daily.getJob(jobId);
    System.out.println(batch.status() + " " + (batch.output() == null ? "" : batch.output().transcription()));
    // END
  }

  static void lyrcs(String apiKey, String jobId) {
    // README:lyrcs
    LyrcsClient lyrcs = LyrcsClient.builder().apiKey(apiKey).build();
    try {
      if (lyrcs.getJob(jobId) instanceof CompleteJob complete) {
        System.out.println(complete.results().transcript());
      }
    } catch (ApiException e) {
      System.out.println(e.statusCode() + " " + e.rawBody() + " retry after " + e.retryAfter().orElse(null));
    }
    // END
  }

  static void retries(String apiKey) {
    // README:retries
    PyannoteClient patient = PyannoteClient.builder()
        .apiKey(apiKey)
        .retryPolicy(RetryPolicy.builder().maxAttempts(6).timeBudget(Duration.ofMinutes(5)).build())
        .build();
    PyannoteClient once = patient.withOptions(o -> o.retryPolicy(RetryPolicy.none()));
    // END
  }

  static void paging(PyannoteClient pyannote) {
    // README:paging
    for (JobListItem item : pyannote.listJobsAll(100, JobStatus.FAILED)) {
      System.out.println(item.id() + " " + item.createdAt());
    }
    long running = pyannote.listJobsAll().stream().filter(i -> i.status().equals(JobStatus.RUNNING)).count();
    // END
  }

  static void waiting(PyannoteClient pyannote, LyrcsClient lyrcs, String jobId) throws InterruptedException {
    // README:waiting
    try {
      Job done = pyannote.waitForJob(jobId, Duration.ofMinutes(30));
      System.out.println("done: " + done.status());
    } catch (JobFailedException e) {
      System.out.println(e.status() + ": " + e.errorText().orElse("(no error text)"));
    } catch (WaitTimeoutException e) {
      System.out.println("still " + e.status() + " after " + e.attempts() + " polls");
    }
    CompletableFuture<dev.audiojobs.lyrcs.Job> lyrics = lyrcs.waitForJobAsync(jobId, Duration.ofMinutes(3));
    lyrics.cancel(true); // stops polling at once
    // END
  }

  static void logging(String apiKey) {
    // README:logging
    PyannoteClient logged = PyannoteClient.builder()
        .apiKey(apiKey)
        .httpLog(HttpLogLevel.HEADERS, line -> System.getLogger("http").log(System.Logger.Level.INFO, line))
        .build();
    // END
  }

  static void timeouts(String apiKey, String jobId) {
    // README:timeouts
    DailyClient daily = DailyClient.builder()
        .apiKey(apiKey)
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(30))
        .build();
    BatchJob job = daily.withOptions(o -> o.callTimeout(Duration.ofSeconds(10))).getJob(jobId);
    // END
  }
}
