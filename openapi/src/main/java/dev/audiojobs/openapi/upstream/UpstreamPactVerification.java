package dev.audiojobs.openapi.upstream;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates every interaction of the committed pacts against its vendor's upstream spec (not the
 * normalized one): the check that the contracts this client publishes are ones the vendors' own
 * descriptions allow, except where an exception is recorded with its reason.
 */
public final class UpstreamPactVerification {
  /**
   * What the verification found.
   *
   * @param interactions how many interactions were validated
   * @param failures the findings no recorded exception covers, each naming pact, interaction, pointer and reason
   * @param unusedExceptions recorded exceptions that cover no finding (stale: the upstream was fixed or the pact changed)
   * @param excused the findings a recorded exception covers, with its reason
   */
  public record Result(int interactions, List<String> failures, List<String> unusedExceptions, List<String> excused) {
    public Result {
      failures = List.copyOf(failures);
      unusedExceptions = List.copyOf(unusedExceptions);
      excused = List.copyOf(excused);
    }

    public boolean passed() {
      return failures.isEmpty() && unusedExceptions.isEmpty();
    }
  }

  private UpstreamPactVerification() {}

  /**
   * @param openapiDir the {@code openapi/} folder (upstream specs and exception records)
   * @param pactsDir the folder of committed pact files
   */
  public static Result verify(Path openapiDir, Path pactsDir) {
    List<PactInteraction> interactions = PactInteraction.readAll(pactsDir);
    UpstreamTree tree = new UpstreamTree(openapiDir.resolve("upstream"));
    List<String> failures = new ArrayList<>();
    List<String> unused = new ArrayList<>();
    List<String> excused = new ArrayList<>();
    for (String vendor : tree.vendors()) {
      UpstreamExceptions exceptions = UpstreamExceptions.read(openapiDir, vendor);
      List<UpstreamExceptions.Entry> used = new ArrayList<>();
      PactReplay replay = new PactReplay(tree.merged(vendor));
      for (PactReplay.Finding f : replay.validateAll(vendor, interactions)) {
        UpstreamExceptions.Entry e = exceptions.covering(f);
        if (e == null) {
          failures.add(vendor + ": " + f);
        } else {
          used.add(e);
          excused.add(vendor + ": " + f + " — excused by " + exceptions.file() + ": " + e.reason());
        }
      }
      for (UpstreamExceptions.Entry e : exceptions.entries()) {
        if (!used.contains(e)) unused.add(exceptions.file() + ": " + e.key() + " " + e.interactions() + " covers no finding; remove it");
      }
    }
    if (interactions.isEmpty()) failures.add("no pact interactions in " + pactsDir);
    return new Result(interactions.size(), failures, unused, excused);
  }
}
