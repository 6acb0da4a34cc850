package dev.audiojobs.client;

import java.time.Duration;
import java.util.Objects;

/**
 * A job that was waited for did not reach a terminal status in time. Carries the job as last
 * received, so that the caller can report its progress or keep waiting with another call.
 *
 * <p>The message is {@code "<operation>: job <id> still <status> after <timeout> (<n> polls)"}.
 */
public final class WaitTimeoutException extends AudioJobsException {
  private static final long serialVersionUID = 1L;

  private final String jobId;
  private final String status;
  private final Duration timeout;
  private final transient Object job;

  /**
   * Creates the exception; for the runtime, and for tests of code that uses the clients.
   *
   * @param operation the operation that was polled, such as {@code getJob}
   * @param status the last status seen, as sent on the wire
   * @param timeout how long the caller was willing to wait
   * @param job the job as last received, an instance of the vendor's job type
   * @param polls how many times the job was polled
   * @throws IllegalArgumentException if {@code polls} is below 1
   */
  public WaitTimeoutException(
      String operation, String jobId, String status, Duration timeout, Object job, int polls) {
    super(
        Objects.requireNonNull(operation, "operation == null"),
        operation + ": job " + Objects.requireNonNull(jobId, "jobId == null")
            + " still " + Objects.requireNonNull(status, "status == null")
            + " after " + Objects.requireNonNull(timeout, "timeout == null")
            + " (" + polls + (polls == 1 ? " poll)" : " polls)"),
        null,
        polls);
    this.jobId = jobId;
    this.status = status;
    this.timeout = timeout;
    this.job = Objects.requireNonNull(job, "job == null");
  }

  /** The id of the job waited for. */
  public String jobId() {
    return jobId;
  }

  /** The last status seen, as sent on the wire, such as {@code running}. */
  public String status() {
    return status;
  }

  /** How long the caller was willing to wait. */
  public Duration timeout() {
    return timeout;
  }

  /** The job as last received: the vendor's job type. Not serialized. */
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
}
