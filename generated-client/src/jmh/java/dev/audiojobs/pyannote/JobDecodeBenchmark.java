package dev.audiojobs.pyannote;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.audiojobs.client.internal.JsonDocument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import stock.pyannote.JSON;
import stock.pyannote.model.GetJobById200Response;

/**
 * One response body of {@code GET /v1/jobs/{jobId}}, decoded three ways from the same UTF-8 bytes:
 *
 * <ul>
 *   <li>{@link #client}: this client, as {@code HttpCore.decode} decodes a 2xx body (the body copied
 *       into an Okio buffer, read through a peek of it so that the raw text stays available, unions
 *       in one pass on a guess, the check for trailing content);
 *   <li>{@link #stock}: the stock openapi-generator 7.25.0 {@code java}/{@code retrofit2} client of the
 *       upstream spec, decoding with its own Gson the way Retrofit's {@code GsonConverterFactory}
 *       does (a {@code Reader} over the body, {@code TypeAdapter.read}, the same trailing check). Its
 *       {@code GetJobById200Response} flattens the {@code oneOf}: {@code output} is an
 *       {@code IdentificationJobOutput}, so the transcription and every unknown property are skipped,
 *       and the scores become {@code BigDecimal}s;
 *   <li>{@link #stockVariant}: the same Gson into the stock {@code DiarizationJob} model, which reads
 *       what the client reads (the transcription too) but keeps no unknown property;
 *   <li>{@link #handLoop}: a hand-written Moshi {@code JsonReader} loop into primitive arrays, with no
 *       checks beyond what the reader does: the limit.
 * </ul>
 *
 * <p>The jobs ({@link #job}) are built from a fixed seed: {@code pending} (no output, 0.2 KB),
 * {@code 1kb} (a 30 s diarization, 8 turns, 1.0 KB), {@code twoMinutes} (100 turns, word and turn
 * transcription, 6 000 scores, 59 KB) and {@code hour} (the 1.69 MB job of {@link DecodeBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class JobDecodeBenchmark {
  @Param({"pending", "1kb", "twoMinutes", "hour"})
  public String job;

  byte[] body = new byte[0];
  final com.squareup.moshi.JsonAdapter<Job> clientAdapter = PyannoteJson.adapter(Job.class);
  final Gson gson = new JSON().getGson();
  final TypeAdapter<GetJobById200Response> stockAdapter = gson.getAdapter(GetJobById200Response.class);
  final TypeAdapter<stock.pyannote.model.DiarizationJob> stockVariantAdapter =
      gson.getAdapter(stock.pyannote.model.DiarizationJob.class);

  @Setup
  public void setUp() throws IOException {
    String json = switch (job) {
      case "pending" -> pending();
      case "1kb" -> JobText.of(new Random(JobText.SEED), 30, 8, false, false);
      case "twoMinutes" -> JobText.of(new Random(JobText.SEED), 120, 100, true, true);
      case "hour" -> DecodeBenchmark.hourOfAudio(new Random(DecodeBenchmark.SEED));
      default -> throw new IllegalArgumentException(job);
    };
    body = json.getBytes(StandardCharsets.UTF_8);
    checkAllDecodeTheSameJob();
  }

  /** This client's decode path, as {@code HttpCore.decode} runs it on a 2xx body. */
  @Benchmark
  public Job client() throws IOException {
    // ResponseReader.readAll copies the body into a Buffer; JsonDocument.decode is its decoding.
    return JsonDocument.decode(JobJsonAdapter.INSTANCE, new Buffer().write(body));
  }

  /**
   * The client's decoding without the one-pass protocol ({@code JsonLookAhead}): the union's exact
   * rule looks ahead over all of {@code output} for its keys, then decodes it, as a direct caller of
   * {@code PyannoteJson.adapter(Job.class)} does. What the protocol saves.
   */
  @Benchmark
  public Job clientExact() throws IOException {
    return clientAdapter.fromJson(new Buffer().write(body));
  }

  /** The stock retrofit2/Gson client, as its {@code GsonResponseBodyConverter} decodes the body. */
  @Benchmark
  public GetJobById200Response stock() throws IOException {
    com.google.gson.stream.JsonReader reader = gson.newJsonReader(
        new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    GetJobById200Response value = stockAdapter.read(reader);
    if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
      throw new IllegalStateException("JSON document was not fully consumed.");
    }
    return value;
  }

  /**
   * The stock client's Gson into its own {@code DiarizationJob} model, which a caller who knows the
   * variant could use: the same data as the client reads (transcription included, scores as {@code
   * BigDecimal}s), without the unknown properties.
   */
  @Benchmark
  public stock.pyannote.model.DiarizationJob stockVariant() throws IOException {
    com.google.gson.stream.JsonReader reader = gson.newJsonReader(
        new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    stock.pyannote.model.DiarizationJob value = stockVariantAdapter.read(reader);
    if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
      throw new IllegalStateException("JSON document was not fully consumed.");
    }
    return value;
  }

  /** The limit: Moshi's reader, straight into primitive arrays. */
  @Benchmark
  public HandJob handLoop() throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().write(body));
    HandJob value = HandJob.read(reader);
    if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
      throw new IllegalStateException("content after the JSON value");
    }
    return value;
  }

  /** Fails the run, before any measurement, if a decoder reads less of the job than the others. */
  private void checkAllDecodeTheSameJob() throws IOException {
    Job fromClient = client();
    HandJob hand = handLoop();
    GetJobById200Response fromStock = stock();
    List<Object> expected;
    if (fromClient instanceof DiarizationJob diarization) {
      DiarizationJobOutput output = diarization.output();
      expected = List.of(
          diarization.jobId(),
          output.diarization().size(),
          output.wordLevelTranscription() == null ? 0 : output.wordLevelTranscription().size(),
          output.confidence() == null ? 0 : output.confidence().score().size(),
          output.confidence() == null ? 0.0 : output.confidence().score().doubleStream().sum());
    } else {
      expected = List.of(fromClient.jobId(), 0, 0, 0, 0.0);
    }
    List<Object> fromHand = List.of(
        hand.jobId, hand.diarization.size, hand.words.size, hand.scores.size, hand.scores.sum());
    var stockOutput = fromStock.getOutput();
    List<Object> fromStockList = List.of(
        fromStock.getJobId(),
        stockOutput == null ? 0 : stockOutput.getDiarization().size(),
        expected.get(2), // the stock model has no transcription on the output it decodes into
        stockOutput == null || stockOutput.getConfidence() == null ? 0 : stockOutput.getConfidence().getScore().size(),
        stockOutput == null || stockOutput.getConfidence() == null
            ? 0.0
            : stockOutput.getConfidence().getScore().stream().mapToDouble(Number::doubleValue).sum());
    var variantOutput = stockVariant().getOutput();
    List<Object> fromStockVariant = List.of(
        fromStock.getJobId(),
        variantOutput == null ? 0 : variantOutput.getDiarization().size(),
        variantOutput == null || variantOutput.getWordLevelTranscription() == null ? 0 : variantOutput.getWordLevelTranscription().size(),
        fromStockList.get(3),
        fromStockList.get(4));
    if (!expected.equals(fromHand) || !expected.equals(fromStockList) || !expected.equals(fromStockVariant)) {
      throw new IllegalStateException(
          "decoders disagree on " + job + ": client " + expected + ", hand " + fromHand + ", stock " + fromStockList);
    }
  }

  static String pending() throws IOException {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.beginObject();
      writer.name("jobId").value("fb16c565-f3f0-4402-a08c-9d44df0ccc7b");
      writer.name("status").value("pending");
      writer.name("createdAt").value("2024-02-20T12:00:00Z");
      writer.name("updatedAt").value("2024-02-20T12:00:01Z");
      writer.endObject();
    }
    return buffer.readUtf8();
  }

  /** A job decoded by hand: every value the client keeps, in arrays of primitives and strings. */
  public static final class HandJob {
    private static final JsonReader.Options JOB =
        JsonReader.Options.of("jobId", "status", "createdAt", "updatedAt", "output");
    private static final JsonReader.Options OUTPUT = JsonReader.Options.of(
        "diarization", "wordLevelTranscription", "turnLevelTranscription", "confidence");
    private static final JsonReader.Options SEGMENT = JsonReader.Options.of("speaker", "start", "end", "text");
    private static final JsonReader.Options CONFIDENCE = JsonReader.Options.of("score", "resolution");

    String jobId = "";
    String status = "";
    OffsetDateTime createdAt = OffsetDateTime.MIN;
    OffsetDateTime updatedAt = OffsetDateTime.MIN;
    final Segments diarization = new Segments();
    final Segments words = new Segments();
    final Segments turns = new Segments();
    final Doubles scores = new Doubles();
    double resolution;

    static HandJob read(JsonReader reader) throws IOException {
      HandJob job = new HandJob();
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(JOB)) {
          case 0 -> job.jobId = reader.nextString();
          case 1 -> job.status = reader.nextString();
          case 2 -> job.createdAt = OffsetDateTime.parse(reader.nextString());
          case 3 -> job.updatedAt = OffsetDateTime.parse(reader.nextString());
          case 4 -> job.readOutput(reader);
          default -> {
            reader.skipName();
            reader.skipValue();
          }
        }
      }
      reader.endObject();
      job.diarization.trim();
      job.words.trim();
      job.turns.trim();
      job.scores.trim();
      return job;
    }

    private void readOutput(JsonReader reader) throws IOException {
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(OUTPUT)) {
          case 0 -> readSegments(reader, diarization);
          case 1 -> readSegments(reader, words);
          case 2 -> readSegments(reader, turns);
          case 3 -> {
            reader.beginObject();
            while (reader.hasNext()) {
              switch (reader.selectName(CONFIDENCE)) {
                case 0 -> {
                  reader.beginArray();
                  while (reader.hasNext()) scores.add(reader.nextDouble());
                  reader.endArray();
                }
                case 1 -> resolution = reader.nextDouble();
                default -> {
                  reader.skipName();
                  reader.skipValue();
                }
              }
            }
            reader.endObject();
          }
          default -> {
            reader.skipName();
            reader.skipValue();
          }
        }
      }
      reader.endObject();
    }

    private static void readSegments(JsonReader reader, Segments segments) throws IOException {
      reader.beginArray();
      while (reader.hasNext()) {
        reader.beginObject();
        String speaker = null;
        String text = null;
        double start = 0;
        double end = 0;
        while (reader.hasNext()) {
          switch (reader.selectName(SEGMENT)) {
            case 0 -> speaker = reader.nextString();
            case 1 -> start = reader.nextDouble();
            case 2 -> end = reader.nextDouble();
            case 3 -> text = reader.nextString();
            default -> {
              reader.skipName();
              reader.skipValue();
            }
          }
        }
        reader.endObject();
        segments.add(speaker, start, end, text);
      }
      reader.endArray();
    }
  }

  /** Segments as parallel arrays. */
  static final class Segments {
    int size;
    double[] start = new double[16];
    double[] end = new double[16];
    String[] speaker = new String[16];
    String[] text = new String[16];

    void add(String speaker, double start, double end, String text) {
      if (size == this.start.length) {
        int capacity = size * 2;
        this.start = Arrays.copyOf(this.start, capacity);
        this.end = Arrays.copyOf(this.end, capacity);
        this.speaker = Arrays.copyOf(this.speaker, capacity);
        this.text = Arrays.copyOf(this.text, capacity);
      }
      this.start[size] = start;
      this.end[size] = end;
      this.speaker[size] = speaker;
      this.text[size] = text;
      size++;
    }

    void trim() {
      start = Arrays.copyOf(start, size);
      end = Arrays.copyOf(end, size);
      speaker = Arrays.copyOf(speaker, size);
      text = Arrays.copyOf(text, size);
    }
  }

  /** A growable {@code double[]}. */
  static final class Doubles {
    int size;
    double[] values = new double[16];

    void add(double value) {
      if (size == values.length) values = Arrays.copyOf(values, size * 2);
      values[size++] = value;
    }

    void trim() {
      values = Arrays.copyOf(values, size);
    }

    double sum() {
      double sum = 0;
      for (int i = 0; i < size; i++) sum += values[i];
      return sum;
    }
  }

  /** Jobs of other lengths, written like {@link DecodeBenchmark#hourOfAudio}. */
  static final class JobText {
    static final long SEED = 20240220L;

    private JobText() {}

    static String of(Random random, int seconds, int turnCount, boolean transcription, boolean confidence)
        throws IOException {
      Buffer buffer = new Buffer();
      try (JsonWriter writer = JsonWriter.of(buffer)) {
        writer.beginObject();
        writer.name("jobId").value("fb16c565-f3f0-4402-a08c-9d44df0ccc7b");
        writer.name("status").value("succeeded");
        writer.name("createdAt").value("2024-02-20T12:00:00Z");
        writer.name("updatedAt").value("2024-02-20T12:04:31Z");
        writer.name("output").beginObject();
        List<double[]> turns = new ArrayList<>();
        String[] speakers = {"SPEAKER_00", "SPEAKER_01", "SPEAKER_02", "SPEAKER_03"};
        double slot = (double) seconds / turnCount;
        writer.name("diarization").beginArray();
        for (int i = 0; i < turnCount; i++) {
          double start = millis(i * slot + random.nextDouble() * 0.1 * slot);
          double end = millis((i + 1) * slot - random.nextDouble() * 0.1 * slot);
          int speaker = random.nextInt(speakers.length);
          turns.add(new double[] {start, end, speaker});
          writer.beginObject();
          writer.name("speaker").value(speakers[speaker]);
          writer.name("start").value(start);
          writer.name("end").value(end);
          writer.endObject();
        }
        writer.endArray();
        if (transcription) {
          String[] vocabulary = {"the", "we", "so", "and", "I", "think", "budget", "release", "next", "week"};
          List<String> turnTexts = new ArrayList<>();
          writer.name("wordLevelTranscription").beginArray();
          for (double[] turn : turns) {
            int wordCount = 1 + random.nextInt(6);
            double step = (turn[1] - turn[0]) / wordCount;
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < wordCount; w++) {
              String word = vocabulary[random.nextInt(vocabulary.length)];
              writeTranscription(writer, millis(turn[0] + w * step), millis(turn[0] + (w + 1) * step), word,
                  speakers[(int) turn[2]]);
              text.append(w == 0 ? "" : " ").append(word);
            }
            turnTexts.add(text.toString());
          }
          writer.endArray();
          writer.name("turnLevelTranscription").beginArray();
          for (int i = 0; i < turns.size(); i++) {
            double[] turn = turns.get(i);
            writeTranscription(writer, turn[0], turn[1], turnTexts.get(i), speakers[(int) turn[2]]);
          }
          writer.endArray();
        }
        if (confidence) {
          writer.name("confidence").beginObject();
          writer.name("score").beginArray();
          long score = 80;
          for (int i = 0; i < seconds * 50; i++) {
            score = Math.max(0, Math.min(100, score + random.nextInt(11) - 5));
            writer.value(score);
          }
          writer.endArray();
          writer.name("resolution").value(0.02);
          writer.endObject();
        }
        writer.endObject();
        writer.endObject();
      }
      return buffer.readUtf8();
    }

    private static void writeTranscription(JsonWriter writer, double start, double end, String text, String speaker)
        throws IOException {
      writer.beginObject();
      writer.name("start").value(start);
      writer.name("end").value(end);
      writer.name("text").value(text);
      writer.name("speaker").value(speaker);
      writer.endObject();
    }

    private static double millis(double seconds) {
      return Math.round(seconds * 1000) / 1000.0;
    }
  }
}
