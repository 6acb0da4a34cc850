package dev.audiojobs.client;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A job that was waited for ended in a status the vendor's spec marks unsuccessful ({@code
 * x-audiojobs-unsuccessful}: failed, canceled, error). Carries the job as last received and the
 * vendor's error text.
 *
 * <p>The message is {@code "<operation>: job <id> ended <status>"}, then {@code ": <error text>"}
 * when the vendor gave one: its first 200 characters with runs of whitespace collapsed.
 */
public final class JobFailedException extends AudioJobsException {
  private static final long serialVersionUID = 1L;

  private final String jobId;
  private final String status;
  private final @Nullable String errorText;
  private final transient Object job;

  /**
   * Creates the exception; for the runtime, and for tests of code that uses the clients.
   *
   * @param operation the operation that was polled, such as {@code getJob}
   * @param status the job's status as sent on the wire
   * @param errorText the vendor's error text, or null when the job carries none
   * @param job the job as decoded, an instance of the vendor's job type
   * @param polls how many times the job was polled
   * @throws IllegalArgumentException if {@code polls} is below 1
   */
  public JobFailedException(
      String operation, String jobId, String status, @Nullable String errorText, Object job, int polls) {
    super(
        Objects.requireNonNull(operation, "operation == null"),
        message(operation, Objects.requireNonNull(jobId, "jobId == null"),
            Objects.requireNonNull(status, "status == null"), errorText),
        null,
        polls);
    this.jobId = jobId;
    this.status = status;
    this.errorText = errorText;
    this.job = Objects.requireNonNull(job, "job == null");
  }

  /** The id of the job waited for. */
  public String jobId() {
    return jobId;
  }

  /** The job's final status as sent on the wire, such as {@code failed}. */
  public String status() {
    return status;
  }

  /**
   * The vendor's error text (where the spec's {@code x-audiojobs-wait} says it is: pyannoteAI's
   * {@code output.error}, Daily's and lyrcs.ai's {@code error}); empty when the job has none.
   */
  public Optional<String> errorText() {
    return Optional.ofNullable(errorText);
  }

  /**
   * The job as last received: the vendor's job type ({@code dev.audiojobs.pyannote.Job}, {@code
   * dev.audiojobs.daily.BatchJob}, {@code dev.audiojobs.lyrcs.Job}). Not serialized.
   */
  public Object job() {
    return job;
  }

  /**
   * The job as a {@code type}.
   *
   * @throws ClassCastException if the job is not a {@code type}
   */
  public <T> T job(Class<T> type) {
    return type.cast(job);
  }

  private static String message(
      String operation, String jobId, String status, @Nullable String errorText) {
    String excerpt = errorText == null ? "" : ApiException.excerpt(errorText);
    return operation + ": job " + jobId + " ended " + status + (excerpt.isEmpty() ? "" : ": " + excerpt);
  }
}
