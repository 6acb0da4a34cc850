package dev.audiojobs.openapi.upstream;

/**
 * One change between the committed and a candidate upstream, with the verdict for this client.
 *
 * @param verdict whether it breaks this client
 * @param vendor the vendor token
 * @param operation the client operation it concerns ({@code getJob}), or {@code -} for the whole spec
 * @param where a field path in a response or request ({@code 200 $.output.diarization[].speaker}), a
 *     parameter ({@code query.take}), or a pact interaction and JSON pointer
 * @param reason what changed and why that does or does not break this client
 */
public record Change(Verdict verdict, String vendor, String operation, String where, String reason) {
  /** BREAKING: this client, as generated from the committed spec, would fail; SAFE: it tolerates it. */
  public enum Verdict { SAFE, BREAKING }

  /** {@code BREAKING|SAFE <vendor> <operation> <where>: <reason>}. */
  @Override
  public String toString() {
    return verdict + " " + vendor + " " + operation + " " + where + ": " + reason;
  }

  static Change safe(String vendor, String operation, String where, String reason) {
    return new Change(Verdict.SAFE, vendor, operation, where, reason);
  }

  static Change breaking(String vendor, String operation, String where, String reason) {
    return new Change(Verdict.BREAKING, vendor, operation, where, reason);
  }
}
