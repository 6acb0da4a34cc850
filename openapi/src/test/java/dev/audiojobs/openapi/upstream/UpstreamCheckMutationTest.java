package dev.audiojobs.openapi.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-test of {@code openapi/check-upstream}: mutations of the committed upstream specs, breaking
 * and safe, each with the exit status and a line the report must print. A mutation whose text no
 * longer occurs in the upstream fails (it would otherwise test nothing).
 */
final class UpstreamCheckMutationTest {
  private static final Path OPENAPI = Path.of("").toAbsolutePath();
  private static final Path PACTS = OPENAPI.resolveSibling("conformance-tests").resolve("pacts");
  private static final String GET_JOB = "pyannote/get-job.yaml";
  private static final String LIST_JOBS = "pyannote/list-jobs.yaml";
  /** Repeats the shared error schemas and the auth scheme; a mutation of those edits all three fragments. */
  private static final String WRITE_SIDE = "pyannote/write-side.yaml";
  private static final String DAILY = "daily/batch-processor.yaml";
  private static final String LYRCS = "lyrcs/jobs.yaml";

  /** One text replacement in one upstream file; the first occurrence is replaced. */
  record Edit(String file, String find, String replace) {}

  /** A mutation: what it does, its edits, the exit status and a line the report must contain. */
  record Mutation(String name, List<Edit> edits, int exit, String expectedLine) {}

  private static Mutation m(String name, int exit, String expectedLine, Edit... edits) {
    return new Mutation(name, List.of(edits), exit, expectedLine);
  }

  private static Edit e(String file, String find, String replace) {
    return new Edit(file, find, replace);
  }

  private static final String AUTH = "      scheme: bearer\n      bearerFormat: JWT\n      type: http";
  private static final String AUTH_KEY = "      bearerFormat: JWT\n      type: apiKey\n      in: header\n      name: X-API-Key";
  private static final String ERROR_MESSAGE = "        message:\n          type: string\n          description: Error message\n          example: Error message";

  static final List<Mutation> MUTATIONS = List.of(
      // ---- breaking: what the client reads changes
      m("a response property the client requires is renamed", 1,
          "BREAKING pyannote getJob 200 $<DiarizationJob>.output.diarization[].speaker: property removed (renamed to speakerLabel?); the client reads it and requires it",
          e(GET_JOB, "    DiarizationSegment:\n      type: object\n      properties:\n        speaker:",
              "    DiarizationSegment:\n      type: object\n      properties:\n        speakerLabel:")),
      m("a response property changes type", 1,
          "BREAKING pyannote getJob 200 $<DiarizationJob>.output.diarization[].start: type changed from number to string",
          e(GET_JOB, "        start:\n          type: number", "        start:\n          type: string")),
      m("a required response property becomes nullable", 1,
          "BREAKING pyannote getJob 200 $<IdentifyJob>.output.voiceprints[].match: now nullable; the client requires a value",
          e(GET_JOB, "          example: Sam\n        confidence:\n          type: object\n          description: >-\n            Confidence for each",
              "          example: Sam\n          nullable: true\n        confidence:\n          type: object\n          description: >-\n            Confidence for each")),
      m("a required response property becomes optional", 1,
          "BREAKING pyannote getJob 200 $<DiarizationJob>.output.diarization: no longer required",
          e(GET_JOB, "      required:\n        - diarization\n    VoiceprintJobResults:", "    VoiceprintJobResults:")),
      m("an operation moves", 1,
          "BREAKING pyannote getJob GET /v1/jobs/{jobId}: operation moved to GET /v2/jobs/{jobId}",
          e(GET_JOB, "  /v1/jobs/{jobId}:", "  /v2/jobs/{jobId}:")),
      m("an operation is removed", 1,
          "BREAKING lyrcs getJob GET /jobs/{job_id}: operation removed; the client calls it",
          e(LYRCS, "  /jobs/{job_id}:\n    get:", "  /jobs/{job_id}:\n    delete:"),
          e(LYRCS, "operationId: getJobById", "operationId: deleteJob")),
      m("a required request parameter is added", 1,
          "BREAKING pyannote listJobs parameter query.team: new required parameter",
          e(LIST_JOBS, "      parameters:\n        - name: take",
              "      parameters:\n        - name: team\n          required: true\n          in: query\n          schema:\n            type: string\n        - name: take")),
      m("an optional request parameter becomes required", 1,
          "BREAKING pyannote listJobs parameter query.status: parameter is now required",
          e(LIST_JOBS, "        - name: status\n          required: false", "        - name: status\n          required: true")),
      m("the auth scheme changes", 1,
          "BREAKING pyannote getJob security: auth changed",
          e(GET_JOB, AUTH, AUTH_KEY), e(LIST_JOBS, AUTH, AUTH_KEY), e(WRITE_SIDE, AUTH, AUTH_KEY)),
      m("the auth requirement is dropped from an operation", 1,
          "BREAKING lyrcs getJob security: auth changed",
          e(LYRCS, "      security:\n        - bearer: []\n", "")),
      m("an error response changes media type", 1,
          "BREAKING pyannote getJob response 402: media type application/json no longer offered",
          e(GET_JOB, "          description: Subscription is required\n          content:\n            application/json:",
              "          description: Subscription is required\n          content:\n            application/problem+json:")),
      m("an error body the client decodes changes shape", 1,
          "BREAKING pyannote getJob 402 $.message: type changed from string to integer",
          e(GET_JOB, ERROR_MESSAGE, ERROR_MESSAGE.replace("type: string", "type: integer")),
          e(LIST_JOBS, ERROR_MESSAGE, ERROR_MESSAGE.replace("type: string", "type: integer")),
          e(WRITE_SIDE, ERROR_MESSAGE, ERROR_MESSAGE.replace("type: string", "type: integer"))),
      m("a declared error response is removed", 1,
          "BREAKING pyannote getJob response 429: declared error response removed",
          e(GET_JOB, "        '429':\n          description: Too many requests\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/ApiError'\n      security:",
              "      security:")),
      // listJobs' x-audiojobs-paging names items; since the lint checks that extensions name what exists,
      // the committed overlay no longer fits the candidate, which is the check's UNUSABLE case (exit 2).
      m("a list property is renamed", 2,
          "UNUSABLE pyannote: openapi/normalized/pyannote.yaml: $.paths['/v1/jobs'].get.x-audiojobs-paging.items: lint: names no array property of GetJobsResponse: items",
          e(LIST_JOBS, "      properties:\n        items:\n", "      properties:\n        jobs:\n"),
          e(LIST_JOBS, "      required:\n        - items\n        - total", "      required:\n        - jobs\n        - total")),
      m("a date-time property changes format", 1,
          "BREAKING pyannote getJob 200 $<DiarizationJob>.createdAt: format changed from date-time to date",
          e(GET_JOB, "        createdAt:\n          format: date-time", "        createdAt:\n          format: date")),
      m("array items change type", 1,
          "BREAKING pyannote getJob 200 $<DiarizationJob>.output.confidence.score[]: type changed from number to string",
          e(GET_JOB, "          type: array\n          items:\n            type: number", "          type: array\n          items:\n            type: string")),
      m("Daily's job id changes type", 1,
          "BREAKING daily getJob 200 $.id: type changed from string to integer",
          e(DAILY, "        id:\n          type: string", "        id:\n          type: integer")),
      m("Daily's server URL changes", 1,
          "BREAKING daily - servers: server URL changed",
          e(DAILY, "  - url: https://api.daily.co/v1", "  - url: https://api.daily.co/v2")),
      m("Daily drops the summary output", 1,
          "BREAKING daily getJob 200 $.output.summary: property removed; the client reads it",
          e(DAILY, "        summary:\n          $ref: '#/components/schemas/SummaryOutput'\n", "")),
      m("a lyrcs.ai number becomes a string", 1,
          "BREAKING lyrcs getJob 200 $<CompleteJob>.duration_seconds: type changed from number to string",
          e(LYRCS, "        duration_seconds:\n          type: number", "        duration_seconds:\n          type: string")),
      m("lyrcs.ai drops the transcript", 1,
          "BREAKING lyrcs getJob 200 $<CompleteJob>.results.transcript: property removed; the client reads it",
          e(LYRCS, "        transcript:\n          type: string\n          description: Original lyrics in the source script\n", "")),

      // ---- safe: the client tolerates it
      m("an optional response property is added", 0,
          "SAFE pyannote getJob 200 $<DiarizationJob>.model: property added; the client keeps it in extras()",
          e(GET_JOB, "    DiarizationJob:\n      type: object\n      properties:\n",
              "    DiarizationJob:\n      type: object\n      properties:\n        model:\n          type: string\n")),
      m("a required response property is added", 0,
          "SAFE pyannote getJob 200 $<DiarizationJob>.output.diarization[].channel: property added (required)",
          e(GET_JOB, "    DiarizationSegment:\n      type: object\n      properties:\n",
              "    DiarizationSegment:\n      type: object\n      properties:\n        channel:\n          type: integer\n"),
          e(GET_JOB, "        - end\n    Confidence:", "        - end\n        - channel\n    Confidence:")),
      m("an enum value is added", 0,
          "SAFE pyannote getJob 200 $<DiarizationJob>.status: enum values added [archived]",
          e(GET_JOB, "        - running\n      description: Status of the job", "        - running\n        - archived\n      description: Status of the job")),
      m("an optional request parameter is added", 0,
          "SAFE pyannote listJobs parameter query.order: new optional parameter",
          e(LIST_JOBS, "      parameters:\n        - name: take",
              "      parameters:\n        - name: order\n          required: false\n          in: query\n          schema:\n            type: string\n        - name: take")),
      m("a new error response is declared", 0,
          "SAFE pyannote getJob response 503: new declared response",
          e(GET_JOB, "                $ref: '#/components/schemas/ApiError'\n      security:",
              "                $ref: '#/components/schemas/ApiError'\n        '503':\n          description: Unavailable\n      security:")),
      m("an operation summary changes", 0,
          "SAFE pyannote getJob summary: documentation changed",
          e(GET_JOB, "      summary: Get job by ID", "      summary: Get a job by its ID")),
      m("an example changes", 0,
          "SAFE pyannote getJob 200 $<DiarizationJob>.output.confidence.resolution: example changed; documentation only",
          e(GET_JOB, "          example: 0.02", "          example: 0.04")),
      m("a parameter's maximum changes", 0,
          "SAFE pyannote listJobs parameter query.take: maximum changed from 100 to 200; the client does not validate it",
          e(LIST_JOBS, "            maximum: 100", "            maximum: 200")),
      m("Daily adds an optional property", 0,
          "SAFE daily getJob 200 $.duration: property added",
          e(DAILY, "the page calls it the response)\n      properties:\n", "the page calls it the response)\n      properties:\n        duration:\n          type: number\n")),
      m("Daily adds a status, which the overlay's open JobStatus replaces", 0,
          "SAFE daily - upstream: the upstream changed, but nothing in the normalized spec did",
          e(DAILY, "            - error\n", "            - error\n            - canceled\n")),
      m("lyrcs.ai adds an operation", 0,
          "SAFE lyrcs getUsage GET /usage: operation added; the client does not call it",
          e(LYRCS, "paths:\n", "paths:\n  /usage:\n    get:\n      operationId: getUsage\n      responses:\n        '200':\n          description: usage\n")),
      m("lyrcs.ai rewrites a description", 0,
          "SAFE lyrcs getJob 200 $<CompleteJob>.results.translation: description changed; documentation only",
          e(LYRCS, "          description: English translation", "          description: The English translation")),
      m("an optional property becomes nullable", 0,
          "SAFE lyrcs getJob 200 $<CompleteJob>.studio_url: now nullable; the client decodes null as absent",
          e(LYRCS, "        studio_url:\n          type: string\n", "        studio_url:\n          type: string\n          nullable: true\n")),

      // ---- unusable
      m("a spec file is not YAML", 2, "UNUSABLE pyannote: ",
          e(GET_JOB, "openapi: 3.0.0", "openapi: [3.0.0")),
      m("an overlay action no longer matches", 2, "matches nothing: the upstream spec moved under this action",
          e(LIST_JOBS, "        - name: skip", "        - name: offset")),
      m("the unchanged tree", 0, "IDENTICAL pyannote: same spec files"));

  @TestFactory
  Stream<DynamicTest> everyMutationGetsItsVerdictAndReason(@TempDir Path temp) {
    assertThat(MUTATIONS).hasSizeGreaterThanOrEqualTo(30);
    assertThat(MUTATIONS.stream().filter(x -> x.exit() == 1)).as("breaking controls").hasSizeGreaterThanOrEqualTo(15);
    assertThat(MUTATIONS.stream().filter(x -> x.exit() == 0)).as("safe controls").hasSizeGreaterThanOrEqualTo(10);
    UpstreamCheck check = new UpstreamCheck(OPENAPI, PACTS);
    return MUTATIONS.stream().map(mutation -> DynamicTest.dynamicTest(mutation.name(), () -> {
      Path candidate = Files.createTempDirectory(temp, "candidate");
      UpstreamCheck.copyTree(OPENAPI.resolve("upstream"), candidate);
      for (Edit edit : mutation.edits()) apply(candidate.resolve(edit.file()), edit);
      UpstreamCheck.Report report = check.check(candidate);
      String printed = String.join("\n", report.lines());
      assertThat(printed).as("report of \"%s\"", mutation.name()).contains(mutation.expectedLine());
      assertThat(report.exitStatus()).as("exit status of \"%s\"; report:\n%s", mutation.name(), printed).isEqualTo(mutation.exit());
    }));
  }

  private static void apply(Path file, Edit edit) throws IOException {
    String text = Files.readString(file);
    int at = text.indexOf(edit.find());
    assertThat(at).as("mutation text in %s: %s", edit.file(), edit.find()).isNotNegative();
    Files.writeString(file, text.substring(0, at) + edit.replace() + text.substring(at + edit.find().length()));
  }
}
