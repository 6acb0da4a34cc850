package dev.audiojobs.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A job as a simulator keeps it; its phase is a function of the simulated time. Guarded by the simulator's lock. */
final class JobRecord {
  /** Where a job is in its script. */
  enum Phase { QUEUED, RUNNING, DONE }

  final String id;
  final String operation;
  final long sequence;
  final Instant createdAt;
  final JobScript script;
  /** The request as submitted: JSON, or a multipart form's fields as JSON. */
  final ObjectNode request;
  final @Nullable String webhook;
  /** Vendor-specific facts fixed at submission (e.g. the audio duration). */
  final ObjectNode facts;
  boolean terminalEventSent;

  JobRecord(String id, String operation, long sequence, Instant createdAt, JobScript script, ObjectNode request,
      @Nullable String webhook, ObjectNode facts) {
    this.id = id;
    this.operation = operation;
    this.sequence = sequence;
    this.createdAt = createdAt;
    this.script = script;
    this.request = request;
    this.webhook = webhook;
    this.facts = facts;
  }

  Phase phase(Instant now) {
    Instant started = createdAt.plus(script.queuedFor());
    if (now.isBefore(started)) return Phase.QUEUED;
    return now.isBefore(started.plus(script.runningFor())) ? Phase.RUNNING : Phase.DONE;
  }

  /** When the job last changed phase, at or before {@code now}. */
  Instant updatedAt(Instant now) {
    Instant started = createdAt.plus(script.queuedFor());
    Instant ended = started.plus(script.runningFor());
    switch (phase(now)) {
      case QUEUED: return createdAt;
      case RUNNING: return started;
      default: return ended;
    }
  }

  Instant endedAt() {
    return createdAt.plus(script.queuedFor()).plus(script.runningFor());
  }
}
