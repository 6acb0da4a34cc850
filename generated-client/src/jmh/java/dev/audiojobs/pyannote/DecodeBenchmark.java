package dev.audiojobs.pyannote;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import dev.audiojobs.client.internal.JsonDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding one large diarization job — an hour of audio — with the generated streaming adapters against
 * Moshi's reflective adapters on the same JSON text. The requirement: the generated path is at least as
 * fast as reflective Moshi, and does not box the confidence score per element (see
 * {@code gc.alloc.rate.norm} under {@code -prof gc}).
 *
 * <p>The payload is built in {@link #setUp()} from a fixed seed, so every run decodes the same bytes:
 * {@value #TURNS} speaker turns over {@value #SECONDS} s, each of 1–6 words (10 371 words with this
 * seed), the turn-level transcription, and a confidence score every 20 ms ({@value #SCORES} integers
 * from 0 to 100, as in the spec's example).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecodeBenchmark {
  static final long SEED = 20240220L;
  static final int SECONDS = 3600;
  static final int TURNS = 3000;
  static final double RESOLUTION = 0.02;
  static final int SCORES = 180_000; // SECONDS / RESOLUTION

  private static final String[] SPEAKERS = {"SPEAKER_00", "SPEAKER_01", "SPEAKER_02", "SPEAKER_03"};
  private static final String[] VOCABULARY = {
    "the", "we", "so", "and", "I", "think", "that's", "right", "yes", "no", "okay", "meeting", "budget",
    "quarter", "release", "customers", "actually", "probably", "next", "week", "because", "data", "model",
    "speaker", "audio", "really", "good", "point", "let's", "move", "on", "about", "question", "maybe",
    "Thursday", "numbers", "team", "agree", "exactly", "well",
  };

  String json = "";
  String confidenceJson = "";
  JsonAdapter<Job> generatedAdapter = PyannoteJson.adapter(Job.class);
  JsonAdapter<DiarizationJob> diarizationJobAdapter = PyannoteJson.adapter(DiarizationJob.class);
  JsonAdapter<PlainDiarizationJob> plainAdapter =
      new Moshi.Builder().build().adapter(PlainDiarizationJob.class);
  JsonAdapter<RecordDiarizationJob> recordAdapter =
      new Moshi.Builder().build().adapter(RecordDiarizationJob.class);
  JsonAdapter<Confidence> confidenceAdapter = PyannoteJson.adapter(Confidence.class);
  JsonAdapter<PlainDiarizationJob.Confidence> plainConfidenceAdapter =
      new Moshi.Builder().build().adapter(PlainDiarizationJob.Confidence.class);

  @Setup
  public void setUp() throws IOException {
    json = hourOfAudio(new Random(SEED));
    confidenceJson = confidenceOfAnHour(new Random(SEED));
    checkAllDecodeTheSameJob();
  }

  /**
   * The generated streaming adapters as a direct caller of {@code PyannoteJson.adapter(Job.class)}
   * gets them: {@link Job}'s exact rule looks ahead over the whole {@code output} before decoding it.
   */
  @Benchmark
  public Job generated() throws IOException {
    return generatedAdapter.fromJson(json);
  }

  /**
   * The generated adapters as the client decodes a response body (HttpCore): the body is in memory, so
   * {@link Job} decodes in one pass on a guess confirmed by the decoded keys.
   */
  @Benchmark
  public Job generatedAsTheClientDecodes() throws IOException {
    return JsonDocument.decode(generatedAdapter, new Buffer().writeUtf8(json));
  }

  /**
   * The generated adapter of the variant itself, as a caller who knows the job is a diarization job could
   * use it: the same decoding without {@link Job}'s look-ahead, which scans the whole {@code output}
   * object once to collect its keys before the variant's adapter reads it.
   */
  @Benchmark
  public DiarizationJob generatedVariant() throws IOException {
    return diarizationJobAdapter.fromJson(json);
  }

  /** Moshi's reflective {@code ClassJsonAdapter} on plain classes; the score is a {@code List<Double>}. */
  @Benchmark
  public PlainDiarizationJob reflectiveMoshi() throws IOException {
    return plainAdapter.fromJson(json);
  }

  /** Moshi's reflective {@code RecordJsonAdapter} on records; the score is a {@code List<Double>}. */
  @Benchmark
  public RecordDiarizationJob reflectiveMoshiRecords() throws IOException {
    return recordAdapter.fromJson(json);
  }

  /**
   * Only the score of an hour, generated: one {@code double[]} grown by doubling, no per-element object.
   * Divide {@code gc.alloc.rate.norm} by {@value #SCORES} for bytes per sample.
   */
  @Benchmark
  public Confidence generatedScoreOnly() throws IOException {
    return confidenceAdapter.fromJson(confidenceJson);
  }

  /** Only the score of an hour, reflective: a boxed {@code Double} per sample in an {@code ArrayList}. */
  @Benchmark
  public PlainDiarizationJob.Confidence reflectiveMoshiScoreOnly() throws IOException {
    return plainConfidenceAdapter.fromJson(confidenceJson);
  }

  /** Fails the run, before any measurement, if a path decodes less than the payload holds. */
  private void checkAllDecodeTheSameJob() throws IOException {
    DiarizationJob job = (DiarizationJob) generated();
    DiarizationJobOutput output = job.output();
    PlainDiarizationJob.Output plain = reflectiveMoshi().output;
    RecordDiarizationJob.Output record = reflectiveMoshiRecords().output();
    List<Integer> expected = List.of(
        output.diarization().size(),
        output.wordLevelTranscription().size(),
        output.turnLevelTranscription().size(),
        output.confidence().score().size(),
        (int) output.confidence().score().doubleStream().sum());
    List<Integer> fromPlain = List.of(
        plain.diarization.size(),
        plain.wordLevelTranscription.size(),
        plain.turnLevelTranscription.size(),
        plain.confidence.score.size(),
        (int) plain.confidence.score.stream().mapToDouble(Double::doubleValue).sum());
    List<Integer> fromRecords = List.of(
        record.diarization().size(),
        record.wordLevelTranscription().size(),
        record.turnLevelTranscription().size(),
        record.confidence().score().size(),
        (int) record.confidence().score().stream().mapToDouble(Double::doubleValue).sum());
    if (!expected.equals(fromPlain) || !expected.equals(fromRecords) || expected.get(3) != SCORES
        || !diarizationJobAdapter.fromJson(json).equals(job)
        || generatedScoreOnly().score().size() != SCORES
        || reflectiveMoshiScoreOnly().score.size() != SCORES) {
      throw new IllegalStateException(
          "decoders disagree: generated " + expected + ", plain " + fromPlain + ", records " + fromRecords);
    }
  }

  /** A succeeded diarization job of {@value #SECONDS} s of audio as JSON text; same seed, same text. */
  static String hourOfAudio(Random random) throws IOException {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.beginObject();
      writer.name("jobId").value("fb16c565-f3f0-4402-a08c-9d44df0ccc7b");
      writer.name("status").value("succeeded");
      writer.name("createdAt").value("2024-02-20T12:00:00Z");
      writer.name("updatedAt").value("2024-02-20T12:04:31Z");
      writer.name("output").beginObject();

      List<Turn> turns = turns(random);
      writer.name("diarization").beginArray();
      for (Turn turn : turns) {
        writer.beginObject();
        writer.name("speaker").value(turn.speaker);
        writer.name("start").value(turn.start);
        writer.name("end").value(turn.end);
        writer.endObject();
      }
      writer.endArray();

      writer.name("wordLevelTranscription").beginArray();
      for (Turn turn : turns) {
        for (Turn word : turn.words) {
          writeTranscription(writer, word);
        }
      }
      writer.endArray();

      writer.name("turnLevelTranscription").beginArray();
      for (Turn turn : turns) {
        writeTranscription(writer, turn);
      }
      writer.endArray();

      writer.name("confidence");
      writeConfidence(writer, random);

      writer.endObject();
      writer.endObject();
    }
    return buffer.readUtf8();
  }

  /** Only the {@code confidence} object of an hour: {@value #SCORES} scores. */
  static String confidenceOfAnHour(Random random) throws IOException {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writeConfidence(writer, random);
    }
    return buffer.readUtf8();
  }

  private static void writeConfidence(JsonWriter writer, Random random) throws IOException {
    writer.beginObject();
    writer.name("score").beginArray();
    long score = 80;
    for (int i = 0; i < SCORES; i++) {
      // A bounded random walk: neighbouring 20 ms frames have similar confidence.
      score = Math.max(0, Math.min(100, score + random.nextInt(11) - 5));
      writer.value(score);
    }
    writer.endArray();
    writer.name("resolution").value(RESOLUTION);
    writer.endObject();
  }

  private static void writeTranscription(JsonWriter writer, Turn segment) throws IOException {
    writer.beginObject();
    writer.name("start").value(segment.start);
    writer.name("end").value(segment.end);
    writer.name("text").value(segment.text);
    writer.name("speaker").value(segment.speaker);
    writer.endObject();
  }

  /** {@value #TURNS} turns filling {@value #SECONDS} s, each split into 1–6 words. */
  private static List<Turn> turns(Random random) {
    List<Turn> turns = new ArrayList<>(TURNS);
    double slot = (double) SECONDS / TURNS;
    for (int i = 0; i < TURNS; i++) {
      double start = i * slot + random.nextDouble() * 0.1 * slot;
      double end = (i + 1) * slot - random.nextDouble() * 0.1 * slot;
      String speaker = SPEAKERS[random.nextInt(SPEAKERS.length)];
      int wordCount = 1 + random.nextInt(6);
      List<Turn> words = new ArrayList<>(wordCount);
      StringBuilder text = new StringBuilder();
      double step = (end - start) / wordCount;
      for (int w = 0; w < wordCount; w++) {
        String word = VOCABULARY[random.nextInt(VOCABULARY.length)];
        double wordStart = millis(start + w * step);
        double wordEnd = millis(start + (w + 1) * step);
        words.add(new Turn(speaker, wordStart, wordEnd, word, List.of()));
        text.append(w == 0 ? "" : " ").append(word);
      }
      turns.add(new Turn(speaker, millis(start), millis(end), text.toString(), words));
    }
    return turns;
  }

  /** Seconds rounded to the millisecond, as the vendor writes them ({@code 15.213}). */
  private static double millis(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }

  private record Turn(String speaker, double start, double end, String text, List<Turn> words) {}
}
