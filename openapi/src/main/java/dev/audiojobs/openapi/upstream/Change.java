package dev.audiojobs.openapi.upstream;

/**
 * One change between the committed and a candidate upstream, with the verdict for this client.
 *
 * @param verdict whether it breaks this client, or whether only a person can tell
 * @param vendor the vendor token
 * @param operation the client operation it concerns ({@code getJob}; several joined by commas), or
 *     {@code -} for the whole spec
 * @param where a field path in a response or request ({@code 200 $.output.diarization[].speaker},
 *     {@code request $.url}), a parameter ({@code parameter query.take}), a JSON path in the spec
 *     beneath an overlay ({@code $.components.schemas.BatchJob.properties.status}), or a pact
 *     interaction and JSON pointer
 * @param reason what changed and why that does or does not break this client
 */
public record Change(Verdict verdict, String vendor, String operation, String where, String reason) {
  /**
   * BREAKING: this client, as generated from the committed spec, would fail; SAFE: it tolerates it;
   * NEEDS_A_HUMAN: what the change means for the client cannot be told from the specs (an upstream that
   * stops listing the statuses the waiter stops on, a response the upstream now declares differently
   * from the overlay that adds it). Printed as {@link #label()}.
   */
  public enum Verdict {
    SAFE("SAFE"), BREAKING("BREAKING"), NEEDS_A_HUMAN("NEEDS-A-HUMAN");

    private final String label;

    Verdict(String label) {
      this.label = label;
    }

    /** The word the report prints. */
    public String label() {
      return label;
    }
  }

  /** {@code BREAKING|SAFE|NEEDS-A-HUMAN <vendor> <operation> <where>: <reason>}. */
  @Override
  public String toString() {
    return verdict.label() + " " + vendor + " " + operation + " " + where + ": " + reason;
  }

  /** This change with another reason. */
  Change withReason(String reason) {
    return new Change(verdict, vendor, operation, where, reason);
  }

  static Change safe(String vendor, String operation, String where, String reason) {
    return new Change(Verdict.SAFE, vendor, operation, where, reason);
  }

  static Change breaking(String vendor, String operation, String where, String reason) {
    return new Change(Verdict.BREAKING, vendor, operation, where, reason);
  }

  static Change needsAHuman(String vendor, String operation, String where, String reason) {
    return new Change(Verdict.NEEDS_A_HUMAN, vendor, operation, where, reason);
  }
}
