package dev.audiojobs.readme;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.FilePart;
import dev.audiojobs.client.HttpLogLevel;
import dev.audiojobs.client.JobFailedException;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.client.WaitTimeoutException;
import dev.audiojobs.client.WebhookVerificationException;
import dev.audiojobs.daily.ApiError;
import dev.audiojobs.daily.BatchJob;
import dev.audiojobs.daily.DailyClient;
import dev.audiojobs.daily.DailyWebhooks;
import dev.audiojobs.daily.JobAccessLinks;
import dev.audiojobs.daily.JobErrorEvent;
import dev.audiojobs.daily.JobFinishedEvent;
import dev.audiojobs.daily.JobInParams;
import dev.audiojobs.daily.JobOutParams;
import dev.audiojobs.daily.JobTransformParams;
import dev.audiojobs.daily.OutputLink;
import dev.audiojobs.daily.OutputS3Config;
import dev.audiojobs.daily.SubmitJobRequest;
import dev.audiojobs.daily.TranscriptParams;
import dev.audiojobs.daily.TranscriptionOutput;
import dev.audiojobs.daily.WebhookEvent;
import dev.audiojobs.lyrcs.CompleteJob;
import dev.audiojobs.lyrcs.DownloadKind;
import dev.audiojobs.lyrcs.DownloadResult;
import dev.audiojobs.lyrcs.DownloadVariant;
import dev.audiojobs.lyrcs.JobAwaitingReviewEvent;
import dev.audiojobs.lyrcs.JobCompleteEvent;
import dev.audiojobs.lyrcs.LyrcsClient;
import dev.audiojobs.lyrcs.LyrcsWebhooks;
import dev.audiojobs.lyrcs.TranscribeFileRequest;
import dev.audiojobs.lyrcs.TranscribeUrlRequest;
import dev.audiojobs.pyannote.DiarizationJob;
import dev.audiojobs.pyannote.DiarizationSegment;
import dev.audiojobs.pyannote.DiarizeRequest;
import dev.audiojobs.pyannote.Job;
import dev.audiojobs.pyannote.JobListItem;
import dev.audiojobs.pyannote.JobStatus;
import dev.audiojobs.pyannote.PyannoteClient;
import dev.audiojobs.pyannote.PyannoteWebhooks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

  /**
   * The whole job lifecycle: upload, diarize, wait, read the speakers. Run against the pyannoteAI simulator
   * by a verbatim copy in testing/src/test/java/dev/audiojobs/testing/clients/QuickstartLifecycleTest.java
   * (the testing module depends on this one, not the other way round), and by the consumer matrix.
   */
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

  static DailyClient daily(String apiKey) {
    // README:daily
    DailyClient daily = DailyClient.builder().apiKey(apiKey).build();
    // END
    return daily;
  }

  /**
   * Daily's whole lifecycle: submit, wait, read the outputs, fetch the links.
   * Run on its simulator by a verbatim copy in testing's QuickstartLifecycleTest.
   */
  static void dailyLifecycle(DailyClient daily, String recordingId) throws InterruptedException {
    // README:dailyLifecycle
    SubmitJobRequest request = SubmitJobRequest.builder()
        .preset("transcript")
        .inParams(JobInParams.builder().sourceType("recordingId").recordingId(recordingId).build())
        .outParams(JobOutParams.builder()
            .s3Config(OutputS3Config.builder().s3KeyTemplate("{domain_name}/{job_id}").useReplacement(true).build())
            .build())
        .transformParams(JobTransformParams.builder()
            .transcript(TranscriptParams.builder().punctuate(true).putAdditionalProperty("redact", List.of("pci")).build())
            .build())
        .build();
    try {
      BatchJob job = daily.submitJobAndWait(request, Duration.ofMinutes(30));
      for (TranscriptionOutput transcript : job.output().transcription()) {
        System.out.println(transcript.format() + " in s3://" + transcript.s3Config().bucket() + "/" + transcript.s3Config().key());
      }
      for (OutputLink link : daily.getJobAccessLink(job.id()).transcription()) {
        System.out.println(link.format() + " " + link.link()); // ask again when needed: no expiry is documented
      }
    } catch (JobFailedException e) {
      System.out.println("error: " + e.errorText().orElse(e.status()));
    }
    // END
  }

  /**
   * Daily's typed "not finished yet" answer to an access link.
   * Run on its simulator by a verbatim copy in testing's QuickstartLifecycleTest.
   */
  static void dailyNotFinished(DailyClient daily, String jobId) {
    // README:dailyNotFinished
    try {
      JobAccessLinks links = daily.getJobAccessLink(jobId);
      System.out.println(links.transcription().size() + " transcript links");
    } catch (ApiException e) {
      if (e.statusCode() != 400) throw e;
      // Daily answers 400 until the job is finished: waitForJob(jobId, timeout), then ask again
      System.out.println("not finished: " + e.error(ApiError.class).map(ApiError::info).orElse(e.rawBody()));
    }
    // END
  }

  static LyrcsClient lyrcs(String apiKey) {
    // README:lyrcs
    LyrcsClient lyrcs = LyrcsClient.builder().apiKey(apiKey).build();
    // END
    return lyrcs;
  }

  /**
   * lyrcs.ai's whole lifecycle: by URL and by file, wait, results, downloads.
   * Run on its simulator by a verbatim copy in testing's QuickstartLifecycleTest.
   */
  static void lyrcsLifecycle(LyrcsClient lyrcs, Path song) throws InterruptedException {
    // README:lyrcsLifecycle
    System.out.println(lyrcs.listLanguages()); // the exact, case-sensitive names language takes
    dev.audiojobs.lyrcs.Job byUrl = lyrcs.transcribeAndWait(TranscribeUrlRequest.builder()
        .audioUrl("https://example.com/song.mp3").language("Tamil").align(false).build(), Duration.ofMinutes(15));
    dev.audiojobs.lyrcs.Job byFile = lyrcs.transcribeAndWait(TranscribeFileRequest.builder()
        .file(FilePart.of(song)).language("Tamil").build(), Duration.ofMinutes(15)); // at most 4.5 MB, else audio_url
    for (dev.audiojobs.lyrcs.Job job : List.of(byUrl, byFile)) {
      if (!(job instanceof CompleteJob complete)) continue;
      System.out.println(complete.jobId() + ": " + complete.results().transcript());
      try {
        for (DownloadKind kind : List.of(DownloadKind.LRC, DownloadKind.SRT)) {
          DownloadResult file = lyrcs.downloadWhenReady(complete.jobId(), kind, DownloadVariant.ORIGINAL, Duration.ofMinutes(2));
          if (file instanceof DownloadResult.DownloadText text) System.out.print(text.value());
        }
      } catch (WaitTimeoutException e) {
        System.out.println("no file after " + e.attempts() + " tries"); // never ready for a job sent with align=false
      }
      DownloadResult words = lyrcs.download(complete.jobId(), DownloadKind.WORDS, DownloadVariant.TRANSLITERATED);
      if (words instanceof DownloadResult.WordTimings timings) {
        timings.value().forEach(w -> System.out.println(w.timestamp() + " " + w.word()));
      } else if (words instanceof DownloadResult.DownloadPending) {
        System.out.println("words not ready yet"); // a 202, an answer rather than an exception
      }
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

  /** A pyannoteAI delivery: run by QuickstartWebhooksTest on the webhook cases; returns what it printed. */
  static String webhooksPyannote(String secret, Map<String, List<String>> headers, byte[] body) {
    String printed;
    // README:webhooksPyannote
    PyannoteWebhooks webhooks = PyannoteWebhooks.withSecret(secret); // once, at startup
    try {
      Job job = webhooks.unwrap(headers, body); // the raw bytes: a re-serialised body no longer verifies
      printed = job.jobId() + " " + job.status(); // the same Job union as getJob; answer 2xx within 10 s
    } catch (WebhookVerificationException e) {
      printed = "rejected: " + e.reason(); // signature, timestamp, missing_header or malformed: answer 400
    }
    // END
    return printed;
  }

  /** A Daily delivery: run by QuickstartWebhooksTest on the webhook cases; returns what it printed. */
  static String webhooksDaily(String hmac, Map<String, List<String>> headers, byte[] body) {
    String printed = "";
    // README:webhooksDaily
    DailyWebhooks webhooks = DailyWebhooks.withSecret(hmac); // the subscription's hmac, base64 as Daily gives it
    WebhookEvent event = webhooks.unwrap(headers, body);
    if (event instanceof JobFinishedEvent finished) {
      printed = finished.payload().id() + " finished"; // payload: the same BatchJob as getJob
    } else if (event instanceof JobErrorEvent failed) {
      printed = failed.payload().id() + " failed: " + failed.payload().error();
    } // any other event of the domain is an UnknownEvent: acknowledge it
    // END
    return printed;
  }

  /** A lyrcs.ai delivery: run by QuickstartWebhooksTest on the webhook cases; returns what it printed. */
  static String webhooksLyrcs(String webhookSecret, Map<String, List<String>> headers, byte[] body) {
    String printed = "";
    // README:webhooksLyrcs
    LyrcsWebhooks webhooks = LyrcsWebhooks.withSecret(webhookSecret); // no signed time: handle job_id idempotently
    dev.audiojobs.lyrcs.WebhookEvent event = webhooks.unwrap(headers, body);
    if (event instanceof JobCompleteEvent complete) {
      printed = complete.jobId() + ": " + complete.results().transcript();
    } else if (event instanceof JobAwaitingReviewEvent review) {
      printed = "review at " + review.reviewUrl();
    } // degraded, failed, batch.complete, or an UnknownEvent newer than this client: acknowledge it
    // END
    return printed;
  }
}
