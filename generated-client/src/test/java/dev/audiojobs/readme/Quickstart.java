package dev.audiojobs.readme;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.daily.BatchJob;
import dev.audiojobs.daily.DailyClient;
import dev.audiojobs.lyrcs.CompleteJob;
import dev.audiojobs.lyrcs.LyrcsClient;
import dev.audiojobs.pyannote.DiarizationJob;
import dev.audiojobs.pyannote.DiarizationSegment;
import dev.audiojobs.pyannote.Job;
import dev.audiojobs.pyannote.PyannoteClient;

/**
 * The README's code, compiled by the build. Each region between {@code // README:<name>} and
 * {@code // END} must appear verbatim in a java block of README.md (ReadmeExamplesTest checks it).
 */
final class Quickstart {
  private Quickstart() {}

  static void pyannote(String apiKey, String jobId) {
    // README:pyannote
    PyannoteClient pyannote = PyannoteClient.builder().apiKey(apiKey).build();
    Job job = pyannote.getJob(jobId);
    if (job instanceof DiarizationJob diarization) {
      for (DiarizationSegment segment : diarization.output().diarization()) {
        System.out.printf("%s %.1f-%.1f%n", segment.speaker(), segment.start(), segment.end());
      }
    } else if (job.status().isUnsuccessful()) {
      System.out.println("failed: " + (job.output() == null ? "" : job.output().error()));
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
}
