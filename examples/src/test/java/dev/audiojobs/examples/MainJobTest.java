package dev.audiojobs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.pyannote.DiarizationJob;
import dev.audiojobs.pyannote.DiarizationSegment;
import dev.audiojobs.pyannote.PyannoteClient;
import dev.audiojobs.testing.JobScript;
import dev.audiojobs.testing.PyannoteSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job (README, "On a fresh machine") against the simulator, and the choice of where it runs. */
final class MainJobTest {
  /** A printed turn, as .ci/run also recognises it. */
  private static final Pattern TURN = Pattern.compile("^ {3}(SPEAKER_\\d+) +(\\d+\\.\\d) s - +(\\d+\\.\\d) s$");

  @Test
  void withoutAKeyItDiarizesTheGeneratedFileOnTheSimulatorAndPrintsWhatTheSimulatorAnswered() {
    try (PyannoteSimulator sim = PyannoteSimulator.start();
         MainJob.Backend backend = MainJob.Backend.simulated(sim)) {
      ByteArrayOutputStream printed = new ByteArrayOutputStream();

      int status = MainJob.run(backend, null, new PrintStream(printed, true, StandardCharsets.UTF_8));

      String out = printed.toString(StandardCharsets.UTF_8);
      assertThat(status).as(out).isZero();
      assertThat(out).contains("against the embedded pyannoteAI simulator", "1. upload", "2. diarize", "3. wait", "4. who spoke when");
      // Visible progress: every poll's status, on the simulated clock (pending 2 s, running 10 s).
      assertThat(out.lines().filter(l -> l.matches(" +\\d+ s  \\w+")).map(String::strip).toList())
          .containsExactly("0 s  pending", "10 s  running", "25 s  succeeded");
      // The file reached the simulator's storage: the turns cover its 8 s, not the 60 s assumed without one.
      assertThat(sim.media(MainJob.MEDIA_URL)).hasValueSatisfying(b -> assertThat(b).isEqualTo(TwoVoices.wav()));
      // Who spoke when is exactly the diarization the simulator holds for the job, turn by turn.
      String jobId = sim.jobs().get(0).id();
      assertThat(turns(out)).isNotEmpty().isEqualTo(expected(sim, jobId));
      assertThat(turns(out)).allSatisfy(t -> assertThat(Double.parseDouble(t.split(" ")[2])).isLessThanOrEqualTo(TwoVoices.SECONDS));
      sim.assertNoViolations();
    }
  }

  @Test
  void aFileGivenAsArgumentIsUploadedInsteadOfTheGeneratedOne(@TempDir Path dir) throws Exception {
    byte[] recording = TwoVoices.wav(); // any readable file: the test checks which one is named and sent
    Path file = Files.write(dir.resolve("call.wav"), recording);
    try (PyannoteSimulator sim = PyannoteSimulator.start();
         MainJob.Backend backend = MainJob.Backend.simulated(sim)) {
      ByteArrayOutputStream printed = new ByteArrayOutputStream();

      assertThat(MainJob.run(backend, file, new PrintStream(printed, true, StandardCharsets.UTF_8))).isZero();

      assertThat(printed.toString(StandardCharsets.UTF_8)).contains("upload   " + file);
      assertThat(sim.media(MainJob.MEDIA_URL)).hasValueSatisfying(b -> assertThat(b).isEqualTo(recording));
    }
  }

  @Test
  void aFailedJobIsReportedWithItsErrorAndAFailingStatus() {
    try (PyannoteSimulator sim = PyannoteSimulator.start();
         MainJob.Backend backend = MainJob.Backend.simulated(sim)) {
      sim.scriptNextJob(JobScript.fails("Audio file is corrupted"));
      ByteArrayOutputStream printed = new ByteArrayOutputStream();

      int status = MainJob.run(backend, null, new PrintStream(printed, true, StandardCharsets.UTF_8));

      assertThat(status).isEqualTo(1);
      assertThat(printed.toString(StandardCharsets.UTF_8)).contains("ended failed: Audio file is corrupted").doesNotContain("who spoke when");
    }
  }

  @Test
  void anUnreadableFileIsReportedBeforeAnyCall(@TempDir Path dir) {
    try (PyannoteSimulator sim = PyannoteSimulator.start();
         MainJob.Backend backend = MainJob.Backend.simulated(sim)) {
      ByteArrayOutputStream printed = new ByteArrayOutputStream();

      int status = MainJob.run(backend, dir.resolve("missing.wav"), new PrintStream(printed, true, StandardCharsets.UTF_8));

      assertThat(status).isEqualTo(2);
      assertThat(printed.toString(StandardCharsets.UTF_8)).contains("cannot read the audio file", "missing.wav");
      assertThat(sim.requests()).isEmpty();
    }
  }

  @Test
  void withAKeyItCallsTheRealApiAtTheClientsDefaultBaseUrlWithThatKey() {
    // Another base URL in the environment must not divert the key; nothing leaves the JVM: an interceptor answers.
    try (MainJob.Backend backend = MainJob.Backend.choose(Map.of(
        MainJob.KEY_VARIABLE, "sk_from_the_environment_42", "PYANNOTE_BASE_URL", "http://127.0.0.1:9"))) {
      List<Request> sent = new ArrayList<>();
      PyannoteClient intercepted = backend.client().withOptions(o -> o.addInterceptor(chain -> {
        sent.add(chain.request());
        return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(404).message("Not Found")
            .body(ResponseBody.create("{\"message\":\"no\"}", MediaType.get("application/json"))).build();
      }));

      try {
        intercepted.getJob("j1");
      } catch (ApiException expected) {
        assertThat(expected.statusCode()).isEqualTo(404);
      }

      assertThat(backend.simulator()).isNull();
      assertThat(backend.description()).startsWith(PyannoteClient.DEFAULT_BASE_URL).doesNotContain("sk_from");
      assertThat(sent).singleElement().satisfies(r -> {
        assertThat(r.url().toString()).isEqualTo(PyannoteClient.DEFAULT_BASE_URL + "/v1/jobs/j1");
        assertThat(r.header("Authorization")).isEqualTo("Bearer sk_from_the_environment_42");
      });
    }
  }

  @Test
  void withoutAKeyOrWithABlankOneItStartsTheSimulator() {
    for (Map<String, String> environment : List.of(Map.<String, String>of(), Map.of(MainJob.KEY_VARIABLE, "  "))) {
      try (MainJob.Backend backend = MainJob.Backend.choose(environment)) {
        assertThat(backend.simulator()).isNotNull();
        assertThat(backend.description()).contains("simulator at " + backend.simulator().baseUrl());
      }
    }
  }

  @Test
  void theGeneratedAudioIsAWavFileOfEightSeconds() {
    byte[] wav = TwoVoices.wav();
    assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    assertThat(wav.length - 44).isEqualTo((int) (TwoVoices.SECONDS * TwoVoices.SAMPLE_RATE * 2));
  }

  private static List<String> turns(String out) {
    List<String> turns = new ArrayList<>();
    for (String line : out.lines().toList()) {
      Matcher m = TURN.matcher(line);
      if (m.matches()) turns.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
    }
    return turns;
  }

  /** The job's diarization as another client reads it from the simulator, in the printed rounding. */
  private static List<String> expected(PyannoteSimulator sim, String jobId) {
    try (PyannoteClient reader = PyannoteClient.builder().apiKey("sk_reader_key").baseUrl(sim.baseUrl()).build()) {
      DiarizationJob job = (DiarizationJob) reader.getJob(jobId);
      return job.output().diarization().stream()
          .map((DiarizationSegment s) -> String.format(Locale.ROOT, "%s %.1f %.1f", s.speaker(), s.start(), s.end()))
          .toList();
    }
  }
}
