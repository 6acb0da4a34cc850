package dev.audiojobs.pyannote;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A second baseline of {@link DecodeBenchmark}: the same shape as {@link PlainDiarizationJob} as records,
 * which Moshi 1.15 decodes reflectively through its canonical constructor (its {@code RecordJsonAdapter},
 * JDK 16+). The score is a {@code List<Double>}. Public, nested records included: that adapter reaches the
 * canonical constructor and accessors through public lookups and fails on a package-private record.
 */
public record RecordDiarizationJob(
    String jobId,
    String status,
    @Nullable String createdAt,
    @Nullable String updatedAt,
    Output output) {

  public record Output(
      List<Segment> diarization,
      @Nullable Confidence confidence,
      @Nullable List<Segment> exclusiveDiarization,
      @Nullable List<Word> wordLevelTranscription,
      @Nullable List<Word> turnLevelTranscription,
      @Nullable String error,
      @Nullable String warning) {}

  public record Segment(String speaker, double start, double end, @Nullable Map<String, Double> confidence) {}

  /** A transcription segment: a word or a turn. */
  public record Word(double start, double end, String text, String speaker) {}

  public record Confidence(List<Double> score, double resolution) {}
}
