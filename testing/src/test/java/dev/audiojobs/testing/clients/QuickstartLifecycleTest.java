package dev.audiojobs.testing.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.FilePart;
import dev.audiojobs.client.JobFailedException;
import dev.audiojobs.client.WaitTimeoutException;
import dev.audiojobs.daily.ApiError;
import dev.audiojobs.daily.BatchJob;
import dev.audiojobs.daily.DailyClient;
import dev.audiojobs.daily.JobAccessLinks;
import dev.audiojobs.daily.JobInParams;
import dev.audiojobs.daily.JobOutParams;
import dev.audiojobs.daily.JobTransformParams;
import dev.audiojobs.daily.OutputLink;
import dev.audiojobs.daily.OutputS3Config;
import dev.audiojobs.daily.SubmitJobRequest;
import dev.audiojobs.daily.TranscriptParams;
import dev.audiojobs.daily.TranscriptionOutput;
import dev.audiojobs.lyrcs.CompleteJob;
import dev.audiojobs.lyrcs.DownloadKind;
import dev.audiojobs.lyrcs.DownloadResult;
import dev.audiojobs.lyrcs.DownloadVariant;
import dev.audiojobs.lyrcs.LyrcsClient;
import dev.audiojobs.lyrcs.TranscribeFileRequest;
import dev.audiojobs.lyrcs.TranscribeUrlRequest;
import dev.audiojobs.pyannote.DiarizationJob;
import dev.audiojobs.pyannote.DiarizationSegment;
import dev.audiojobs.pyannote.DiarizeRequest;
import dev.audiojobs.pyannote.Job;
import dev.audiojobs.pyannote.PyannoteClient;
import dev.audiojobs.testing.DailySimulator;
import dev.audiojobs.testing.JobScript;
import dev.audiojobs.testing.LyrcsSimulator;
import dev.audiojobs.testing.PyannoteSimulator;
import dev.audiojobs.testing.RecordedCall;
import dev.audiojobs.testing.SimulatedJob;
import dev.audiojobs.testing.SimulatorExtension;
import dev.audiojobs.testing.SimulatorOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's lifecycle quickstarts (pyannoteAI, Daily, lyrcs.ai), run as written against the
 * simulators (moved from generated-client's QuickstartLifecycleTest, which ran them against
 * hand-written dispatchers). Each region below must appear verbatim in the README; generated-client's
 * ReadmeExamplesTest checks the same regions of its Quickstart.java, so the two copies cannot drift
 * apart from the README. What a region prints is checked against the simulator's own job.
 */
final class QuickstartLifecycleTest {
  private static final String KEY = "sk_quickstart_91b3";
  /** Only this key passes: every call but the upload to storage must carry it as Bearer. */
  @RegisterExtension
  static final SimulatorExtension SIMULATORS = SimulatorExtension.withOptions(SimulatorOptions.defaults().withApiKey(KEY));
  private static final Pattern REGION = Pattern.compile("// README:(\\w+)\\n(.*?)\\n\\s*// END", Pattern.DOTALL);

  @TempDir Path dir;

  /** The README region pyannoteLifecycle, verbatim. */
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

  @Test
  void uploadsDiarizesWaitsAndPrintsTheSpeakers(PyannoteSimulator sim) throws Exception {
    byte[] wav = Audio.wav(30);
    Path audio = Files.write(dir.resolve("call.wav"), wav);
    AdvancingSleeper sleeper = new AdvancingSleeper(sim);
    PyannoteClient pyannote = PyannoteClient.builder().apiKey(KEY).baseUrl(sim.baseUrl())
        .clock(sim.clock()).sleeper(sleeper).build();
    Instant start = sim.clock().instant();

    String printed = printedBy(() -> pyannoteLifecycle(pyannote, audio));

    // What it printed is the diarization the simulator made for the job, turn by turn, within the 30 s file.
    SimulatedJob job = sim.jobs().get(0);
    List<String> expected = new ArrayList<>();
    for (DiarizationSegment s : ((DiarizationJob) pyannote.getJob(job.id())).output().diarization()) {
      expected.add(String.format("%s %.1f-%.1f", s.speaker(), s.start(), s.end())); // the default locale, as printf
    }
    assertThat(printed.lines().toList()).isEqualTo(expected).isNotEmpty()
        .allSatisfy(line -> assertThat(line).matches("SPEAKER_0[01] \\d+[.,]\\d-\\d+[.,]\\d"));
    // The file went to the storage, without the key; the job was submitted once, as written.
    assertThat(sim.media("media://meetings/call.wav")).hasValueSatisfying(b -> assertThat(b).isEqualTo(wav));
    assertThat(sim.requests()).filteredOn(c -> c.method().equals("PUT")).singleElement()
        .satisfies(c -> assertThat(c.authorized()).as("the storage never sees the key").isFalse());
    assertThat(sim.requests()).filteredOn(c -> c.method().equals("POST") && c.target().equals("/v1/diarize")).hasSize(1);
    assertThat(job.request()).isEqualTo("{\"url\":\"media://meetings/call.wav\",\"numSpeakers\":2}");
    // Polls at 0, 10 and 25 s: the job (2 s pending, 10 s running) was done at the third.
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(15));
    assertThat(Duration.between(start, sim.clock().instant())).isEqualTo(Duration.ofSeconds(25));
  }

  @Test
  void aFailedJobPrintsItsError(PyannoteSimulator sim) throws Exception {
    sim.scriptNextJob(JobScript.fails("Audio file could not be decoded"));
    Path audio = Files.write(dir.resolve("call.wav"), Audio.wav(5));
    PyannoteClient pyannote = PyannoteClient.builder().apiKey(KEY).baseUrl(sim.baseUrl())
        .clock(sim.clock()).sleeper(new AdvancingSleeper(sim)).build();

    assertThat(printedBy(() -> pyannoteLifecycle(pyannote, audio)).lines())
        .containsExactly("failed: Audio file could not be decoded");
  }

  /** The README region dailyLifecycle, verbatim. */
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

  /** The README region dailyNotFinished, verbatim. */
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

  /** The README region lyrcsLifecycle, verbatim. */
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

  @Test
  void dailySubmitsWaitsAndPrintsTheOutputsAndTheLinks(DailySimulator sim) throws Exception {
    AdvancingSleeper sleeper = new AdvancingSleeper(sim);
    DailyClient daily = DailyClient.builder().apiKey(KEY).baseUrl(sim.baseUrl()).clock(sim.clock()).sleeper(sleeper).build();
    Instant start = sim.clock().instant();

    String printed = printedBy(() -> dailyLifecycle(daily, "rec-7"));
    List<String> calls = targets(sim.requests());
    Duration waited = Duration.between(start, sim.clock().instant());

    // What it printed is the finished job's outputs (their S3 keys from the template), then its links.
    SimulatedJob job = sim.jobs().get(0);
    BatchJob finished = daily.getJob(job.id());
    List<String> expected = new ArrayList<>();
    for (TranscriptionOutput t : finished.output().transcription()) {
      expected.add(t.format() + " in s3://" + t.s3Config().bucket() + "/" + t.s3Config().key());
    }
    for (OutputLink link : daily.getJobAccessLink(job.id()).transcription()) expected.add(link.format() + " " + link.link());
    assertThat(printed.lines().toList()).isEqualTo(expected).hasSize(6)
        .startsWith("txt in s3://simulated-bucket/simulated/" + job.id() + "/transcript.txt")
        .endsWith("json " + sim.baseUrl().replaceAll("/v1$", "") + "/_storage/" + job.id() + "/transcript.json");
    // Submitted once, as written; polled at 0, 5 and 12.5 s (the job: 2 s submitted, 10 s processing).
    assertThat(job.request()).isEqualTo("{\"preset\":\"transcript\",\"inParams\":{\"sourceType\":\"recordingId\","
        + "\"recordingId\":\"rec-7\"},\"outParams\":{\"s3Config\":{\"s3KeyTemplate\":\"{domain_name}/{job_id}\",\"useReplacement\":true}},"
        + "\"transformParams\":{\"transcript\":{\"punctuate\":true,\"redact\":[\"pci\"]}}}");
    String path = "/v1/batch-processor/" + job.id();
    assertThat(calls).containsExactly("POST /v1/batch-processor 200", "GET " + path + " 200", "GET " + path + " 200",
        "GET " + path + " 200", "GET " + path + "/access-link 200");
    assertThat(sleeper.sleeps()).as("Daily's inferred 5 s interval, then 1.5 times the last")
        .containsExactly(Duration.ofSeconds(5), Duration.ofMillis(7500));
    assertThat(waited).isEqualTo(Duration.ofMillis(12_500));
  }

  @Test
  void dailyAnswersAccessLinksOfAnUnfinishedJobWithATyped400(DailySimulator sim) throws Exception {
    DailyClient daily = DailyClient.builder().apiKey(KEY).baseUrl(sim.baseUrl()).clock(sim.clock())
        .sleeper(new AdvancingSleeper(sim)).build();
    String id = daily.submitJob(SubmitJobRequest.builder().preset("transcript")
        .inParams(JobInParams.builder().sourceType("recordingId").recordingId("rec-8").build())
        .outParams(JobOutParams.builder().s3Config(OutputS3Config.builder().s3KeyTemplate("{job_id}").build()).build())
        .build()).id();

    String printed = printedBy(() -> dailyNotFinished(daily, id));

    assertThat(printed.lines()).containsExactly("not finished: batch processor job " + id + " is not finished (status submitted)");
    assertThat(targets(sim.requests())).endsWith("GET /v1/batch-processor/" + id + "/access-link 400");
  }

  @Test
  void lyrcsTranscribesByUrlAndByFileWaitsAndDownloadsWithABoundedWait(LyrcsSimulator sim) throws Exception {
    Path song = Files.write(dir.resolve("song.mp3"), "ID3-fake-song".getBytes(StandardCharsets.US_ASCII));
    AdvancingSleeper sleeper = new AdvancingSleeper(sim);
    LyrcsClient lyrcs = LyrcsClient.builder().apiKey(KEY).baseUrl(sim.baseUrl()).clock(sim.clock()).sleeper(sleeper).build();

    String printed = printedBy(() -> lyrcsLifecycle(lyrcs, song));
    List<String> calls = targets(sim.requests());

    // What it printed is derived from the simulator's two jobs: the URL job (align=false) has a
    // transcript but never a file; the file job has both.
    SimulatedJob byUrl = sim.jobs().get(0);
    SimulatedJob byFile = sim.jobs().get(1);
    String nl = System.lineSeparator();
    StringBuilder expected = new StringBuilder(LyrcsSimulator.LANGUAGES + nl);
    expected.append(byUrl.id()).append(": ").append(((CompleteJob) lyrcs.getJob(byUrl.id())).results().transcript()).append(nl);
    expected.append("no file after 13 tries").append(nl).append("words not ready yet").append(nl);
    expected.append(byFile.id()).append(": ").append(((CompleteJob) lyrcs.getJob(byFile.id())).results().transcript()).append(nl);
    for (DownloadKind kind : List.of(DownloadKind.LRC, DownloadKind.SRT)) {
      expected.append(((DownloadResult.DownloadText) lyrcs.download(byFile.id(), kind, DownloadVariant.ORIGINAL)).value());
    }
    for (var w : ((DownloadResult.WordTimings) lyrcs.download(byFile.id(), DownloadKind.WORDS, DownloadVariant.TRANSLITERATED)).value()) {
      expected.append(w.timestamp()).append(' ').append(w.word()).append(nl);
    }
    assertThat(printed.lines().toList()).isEqualTo(expected.toString().lines().toList())
        .contains("no file after 13 tries", "words not ready yet", "[00:12.00]Kaatru veesum neram", "[00:12.00] Kaatru");
    // Each transcription sent once, as written; the file as a multipart part with its name and bytes.
    assertThat(byUrl.request()).isEqualTo("{\"audio_url\":\"https://example.com/song.mp3\",\"language\":\"Tamil\",\"align\":false}");
    assertThat(byFile.request()).isEqualTo("{\"language\":\"Tamil\",\"file\":\"song.mp3\"}");
    assertThat(sim.uploadedFile(byFile.id()))
        .hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.US_ASCII)).isEqualTo("ID3-fake-song"));
    assertThat(calls).filteredOn(c -> c.startsWith("POST /api/v1/transcribe"))
        .containsExactly("POST /api/v1/transcribe 202", "POST /api/v1/transcribe 202");
    // The URL job's LRC: 202 at 0, 10, … 120 s, the 2-minute bound; the file job's files at the first try.
    String urlJob = "/api/v1/jobs/" + byUrl.id();
    String fileJob = "/api/v1/jobs/" + byFile.id();
    assertThat(calls).filteredOn(c -> c.contains("/download/")).containsExactlyElementsOf(Stream.concat(
        Collections.nCopies(13, "GET " + urlJob + "/download/lrc/original 202").stream(),
        Stream.of("GET " + urlJob + "/download/words/transliterated 202", "GET " + fileJob + "/download/lrc/original 200",
            "GET " + fileJob + "/download/srt/original 200", "GET " + fileJob + "/download/words/transliterated 200")).toList());
    // Both jobs waited for first, each polled at 0, 10 and 25 s (2 s queued, 10 s processing); then the
    // URL job's download wait, every 10 s.
    List<Duration> sleeps = new ArrayList<>(
        List.of(Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(15)));
    sleeps.addAll(Collections.nCopies(12, Duration.ofSeconds(10)));
    assertThat(sleeper.sleeps()).isEqualTo(sleeps);
  }

  @Test
  void theRegionsAreTheReadmesVerbatim() throws IOException {
    Matcher region = REGION.matcher(Files.readString(Path.of("src/test/java/dev/audiojobs/testing/clients/QuickstartLifecycleTest.java")));
    List<String> blocks = new ArrayList<>();
    Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("../README.md")));
    while (block.find()) blocks.add(block.group(1).strip());
    List<String> names = new ArrayList<>();
    while (region.find()) {
      names.add(region.group(1));
      assertThat(blocks).as("README region " + region.group(1)).contains(region.group(2).stripIndent().strip());
    }
    assertThat(names).containsExactly("pyannoteLifecycle", "dailyLifecycle", "dailyNotFinished", "lyrcsLifecycle");
  }

  /** Each request as "METHOD target status". */
  private static List<String> targets(List<RecordedCall> calls) {
    return calls.stream().map(c -> c.method() + " " + c.target() + " " + c.status()).toList();
  }

  private interface Body {
    void run() throws Exception;
  }

  private static String printedBy(Body body) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
