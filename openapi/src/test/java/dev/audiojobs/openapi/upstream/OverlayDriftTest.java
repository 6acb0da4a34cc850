package dev.audiojobs.openapi.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.audiojobs.openapi.Normalizer;
import dev.audiojobs.openapi.OverlayTrace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts overlay drift is judged with: the replay of the overlays, paths, and fragment conflicts. */
final class OverlayDriftTest {
  private static final Path OPENAPI = Path.of("").toAbsolutePath();
  private static final Path PACTS = OPENAPI.resolveSibling("conformance-tests").resolve("pacts");

  /** The replay applies exactly what the Normalizer applies: its result is each committed normalized spec. */
  @Test
  void theReplayOfEveryVendorEndsInItsCommittedNormalizedSpec() throws IOException {
    for (String vendor : new Normalizer(OPENAPI).vendors()) {
      OverlayTrace.Replay replay = OverlayTrace.trace(OPENAPI, vendor);
      ObjectNode normalized = (ObjectNode) UpstreamTree.YAML.readTree(OPENAPI.resolve("normalized").resolve(vendor + ".yaml").toFile());
      ((ObjectNode) normalized.get("info")).remove("x-audiojobs-normalized-from");
      assertThat(replay.result()).as(vendor).isEqualTo(normalized);
      assertThat(replay.steps()).as(vendor).isNotEmpty();
      assertThat(replay.steps().get(0).document()).as(vendor + ": the first step finds the merged upstream")
          .isEqualTo(OverlayTrace.mergeUpstream(OPENAPI, vendor));
    }
  }

  /** A step records what its target found before it ran: Daily's status enum, which the overlay then removes. */
  @Test
  void aStepRecordsTheUpstreamItsActionFound() {
    OverlayTrace.Step removal = OverlayTrace.trace(OPENAPI, "daily").steps().get(2);
    assertThat(removal.overlayFile()).isEqualTo("openapi/overlays/daily/10-job.yaml");
    assertThat(removal.actionPath()).isEqualTo("$.actions[2]");
    assertThat(removal.remove()).isTrue();
    assertThat(removal.before()).singleElement().satisfies(m -> {
      assertThat(m.path()).isEqualTo("$['components']['schemas']['BatchJob']['properties']['status']");
      assertThat(m.value().path("enum").toString()).isEqualTo("[\"submitted\",\"processing\",\"finished\",\"error\"]");
    });
  }

  @Test
  void concretePathsSplitIntoNamesAndIndexes() {
    assertThat(OverlayTrace.segments("$['paths']['/v1/jobs']['get']['parameters'][0]['schema']"))
        .containsExactly("paths", "/v1/jobs", "get", "parameters", 0, "schema");
    assertThat(OverlayTrace.segments("$")).isEmpty();
    assertThatThrownBy(() -> OverlayTrace.segments("$.paths")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$.paths");
  }

  /** Which part of a target's path is the schema it is judged at; none outside a schema. */
  @Test
  void aTargetIsJudgedAtTheSchemaThatHoldsIt() {
    assertThat(OverlayDrift.schemaPrefix(List.of("components", "schemas", "BatchJob", "properties", "status"))).isEqualTo(5);
    assertThat(OverlayDrift.schemaPrefix(List.of("components", "schemas", "CompleteJob", "properties", "status", "type"))).isEqualTo(5);
    assertThat(OverlayDrift.schemaPrefix(List.of("components", "schemas", "BatchJob", "properties"))).isEqualTo(3);
    assertThat(OverlayDrift.schemaPrefix(List.of("paths", "/v1/jobs", "get", "parameters", 0, "schema", "default"))).isEqualTo(6);
    assertThat(OverlayDrift.schemaPrefix(List.of("components", "schemas"))).isZero();
    assertThat(OverlayDrift.schemaPrefix(List.of("paths", "/v1/jobs", "get", "responses"))).isZero();
    assertThat(OverlayDrift.schemaPrefix(List.of("components", "securitySchemes", "api-key", "bearerFormat"))).isZero();
  }

  /** With three fragments, a disagreement between the second and third names those two (not the first). */
  @Test
  void aFragmentConflictNamesBothFragmentsThatDisagree(@TempDir Path temp) throws IOException {
    Path dir = Files.createDirectories(temp.resolve("acme"));
    Files.writeString(dir.resolve("a.yaml"), "openapi: 3.0.3\npaths: {}\n");
    Files.writeString(dir.resolve("b.yaml"), "openapi: 3.0.3\ncomponents:\n  schemas:\n    X:\n      type: string\n");
    Files.writeString(dir.resolve("c.yaml"), "openapi: 3.0.3\ncomponents:\n  schemas:\n    X:\n      type: integer\n");
    assertThat(FragmentConflicts.find(new UpstreamTree(temp), "acme")).singleElement().hasToString(
        "the upstream fragments acme/b.yaml and acme/c.yaml disagree at $.components.schemas.X.type (\"string\" vs \"integer\")");
  }

  /** A fragment conflict is reported as such, with no advice about overlays (which are not involved). */
  @Test
  void aFragmentConflictSaysToReconcileTheFragments(@TempDir Path temp) throws IOException {
    Path candidate = temp.resolve("candidate");
    UpstreamCheck.copyTree(OPENAPI.resolve("upstream"), candidate);
    Path listJobs = candidate.resolve("pyannote/list-jobs.yaml");
    Files.writeString(listJobs, Files.readString(listJobs).replace(
        "        message:\n          type: string\n          description: Error message\n          example: Error message",
        "        message:\n          type: integer\n          description: Error message\n          example: Error message"));
    UpstreamCheck.Report report = new UpstreamCheck(OPENAPI, PACTS).check(candidate);
    assertThat(report.unusable()).anySatisfy(line -> assertThat(line).contains(
        "pyannote/get-job.yaml and pyannote/list-jobs.yaml disagree at $.components.schemas.ApiError.properties.message.type"));
    assertThat(report.unusable()).allSatisfy(line -> {
      assertThat(line).contains("reconcile the fragments", "no overlay is involved");
      assertThat(line).doesNotContain("revisit the decision", "retarget");
    });
    assertThat(report.exitStatus()).isEqualTo(2);
  }

  /**
   * A change that passes through an overlay into the normalized spec (Daily now requiring preset, where
   * the overlay appends id and status to the same list) is reported once, by the normalized comparison.
   */
  @Test
  void aChangeThatPassesThroughAnOverlayIsReportedOnce(@TempDir Path temp) throws IOException {
    Path candidate = temp.resolve("candidate");
    UpstreamCheck.copyTree(OPENAPI.resolve("upstream"), candidate);
    Path daily = candidate.resolve("daily/batch-processor.yaml");
    Files.writeString(daily, Files.readString(daily).replace("    BatchJob:\n      type: object\n",
        "    BatchJob:\n      type: object\n      required: [id, status, preset]\n"));
    UpstreamCheck.Report report = new UpstreamCheck(OPENAPI, PACTS).check(candidate);
    assertThat(report.lines()).filteredOn(l -> l.contains("preset: now required"))
        .contains("SAFE daily getJob 200 $.preset: now required; the client already reads it when present")
        .noneMatch(l -> l.contains("overlay drift"));
    assertThat(report.exitStatus()).isZero();
  }

  /**
   * Drift is judged against the committed upstream, so the committed normalized spec must have been
   * made from it: a committed upstream edited without regenerating makes the check refuse, saying how.
   */
  @Test
  void aStaleCommittedNormalizedSpecIsRefused(@TempDir Path temp) throws IOException {
    Path openapi = temp.resolve("openapi");
    for (String dir : new String[] {"upstream", "overlays", "normalized"}) UpstreamCheck.copyTree(OPENAPI.resolve(dir), openapi.resolve(dir));
    Path committedDaily = openapi.resolve("upstream/daily/batch-processor.yaml");
    Files.writeString(committedDaily, Files.readString(committedDaily).replace("description: The ID of the job", "description: The job's ID"));
    Path candidate = temp.resolve("candidate");
    UpstreamCheck.copyTree(OPENAPI.resolve("upstream"), candidate);
    Path candidateDaily = candidate.resolve("daily/batch-processor.yaml");
    Files.writeString(candidateDaily, Files.readString(candidateDaily).replace("            - error\n", "            - failed\n"));
    UpstreamCheck.Report report = new UpstreamCheck(openapi, PACTS).check(candidate);
    assertThat(report.unusable()).singleElement().asString().startsWith("daily: openapi/normalized/daily.yaml was not made from"
        + " the committed openapi/upstream/daily/batch-processor.yaml").contains(Normalizer.REGENERATE);
    assertThat(report.exitStatus()).isEqualTo(2);
  }

  /** NEEDS-A-HUMAN alone exits 2 and says so; with a BREAKING change it exits 1. */
  @Test
  void aChangeOnlyAPersonCanJudgeExitsTwo() {
    Change human = Change.needsAHuman("daily", "getJob", "x", "cannot tell");
    UpstreamCheck.Report alone = new UpstreamCheck.Report(List.of(human, Change.safe("daily", "-", "y", "fine")), List.of(), List.of());
    assertThat(alone.exitStatus()).isEqualTo(2);
    assertThat(alone.lines()).contains("NEEDS-A-HUMAN daily getJob x: cannot tell")
        .last().asString().startsWith("verdict: NEEDS A HUMAN — 1 of 2 changes");
    UpstreamCheck.Report withBreaking = new UpstreamCheck.Report(List.of(human, Change.breaking("daily", "getJob", "z", "gone")),
        List.of(), List.of());
    assertThat(withBreaking.exitStatus()).isEqualTo(1);
  }

}
