package dev.audiojobs.testing.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.FilePart;
import dev.audiojobs.client.JobFailedException;
import dev.audiojobs.pyannote.DiarizationJob;
import dev.audiojobs.pyannote.DiarizationSegment;
import dev.audiojobs.pyannote.DiarizeRequest;
import dev.audiojobs.pyannote.Job;
import dev.audiojobs.pyannote.PyannoteClient;
import dev.audiojobs.testing.JobScript;
import dev.audiojobs.testing.PyannoteSimulator;
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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's pyannoteAI quickstart, run as written against the simulator (moved from
 * generated-client's QuickstartLifecycleTest, which ran it against a hand-written dispatcher). The
 * region below must appear verbatim in the README; generated-client's ReadmeExamplesTest checks the
 * same region of its Quickstart.java, so the two copies cannot drift apart from the README.
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

  @Test
  void theRegionIsTheReadmesVerbatim() throws IOException {
    Matcher region = REGION.matcher(Files.readString(Path.of("src/test/java/dev/audiojobs/testing/clients/QuickstartLifecycleTest.java")));
    assertThat(region.find()).isTrue();
    assertThat(region.group(1)).isEqualTo("pyannoteLifecycle");
    String code = region.group(2).stripIndent().strip();
    List<String> blocks = new ArrayList<>();
    Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("../README.md")));
    while (block.find()) blocks.add(block.group(1).strip());
    assertThat(blocks).contains(code);
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
