package dev.audiojobs.pyannote;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The baseline of {@link DecodeBenchmark}: a diarization job as plain mutable classes, decoded by Moshi's
 * reflective {@code ClassJsonAdapter}, the way a hand-written client would map it. Same JSON names as
 * {@link DiarizationJob}; the score is a {@code List<Double>}, so every sample is a boxed {@code Double}.
 */
final class PlainDiarizationJob {
  // Fields are written by Moshi's reflection, never by this code; null until decoded.
  @Nullable String jobId;
  @Nullable String status;
  @Nullable String createdAt;
  @Nullable String updatedAt;
  @Nullable Output output;

  static final class Output {
    @Nullable List<Segment> diarization;
    @Nullable Confidence confidence;
    @Nullable List<Segment> exclusiveDiarization;
    @Nullable List<Word> wordLevelTranscription;
    @Nullable List<Word> turnLevelTranscription;
    @Nullable String error;
    @Nullable String warning;
  }

  static final class Segment {
    @Nullable String speaker;
    double start;
    double end;
    @Nullable Map<String, Double> confidence;
  }

  /** A transcription segment: a word or a turn. */
  static final class Word {
    double start;
    double end;
    @Nullable String text;
    @Nullable String speaker;
  }

  static final class Confidence {
    @Nullable List<Double> score;
    double resolution;
  }
}
