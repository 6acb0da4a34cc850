package dev.audiojobs.openapi.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.openapi.Normalizer;
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
  private static final String DAILY_WRITE = "daily/write-side.yaml";
  private static final String LYRCS_WRITE = "lyrcs/write-side.yaml";

  /** One text replacement in one upstream file (the first occurrence), or a new file when {@code find} is null. */
  record Edit(String file, String find, String replace) {}

  /** A mutation: what it does, its edits, the exit status and a line the report must contain. */
  record Mutation(String name, List<Edit> edits, int exit, String expectedLine) {}

  private static Mutation m(String name, int exit, String expectedLine, Edit... edits) {
    return new Mutation(name, List.of(edits), exit, expectedLine);
  }

  private static Edit e(String file, String find, String replace) {
    return new Edit(file, find, replace);
  }

  /**
   * Every occurrence in every spec fragment of {@code vendor}: a vendor changes what its fragments share
   * (the auth scheme, the error and status schemas) in all of them. At least one must contain it.
   */
  private static Edit everywhere(String vendor, String find, String replace) {
    return new Edit(vendor + "/" + EVERY_FRAGMENT, find, replace);
  }

  private static final String EVERY_FRAGMENT = "*";

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
          "SAFE pyannote listJobs parameter query.take: maximum changed from 100 to 200; wider: what the client sends still conforms",
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

      // ---- beneath an overlay: judged against what the overlay assumed of the old upstream (overlay drift)
      m("Daily renames its terminal status finished, which the overlay's JobStatus replaced", 1,
          "BREAKING daily deleteJob,getJob $.components.schemas.BatchJob.properties.status: enum value finished removed; the waiter stops on it (x-audiojobs-terminal); overlay drift: openapi/overlays/daily/10-job.yaml $.actions[2]",
          e(DAILY, "            - finished\n", "            - completed\n")),
      m("Daily renames its unsuccessful status error beneath the overlay", 1,
          "BREAKING daily deleteJob,getJob $.components.schemas.BatchJob.properties.status: enum value error removed; the waiter stops on it (x-audiojobs-terminal); the waiter reports it as failed (x-audiojobs-unsuccessful); overlay drift",
          e(DAILY, "            - error\n", "            - failed\n")),
      m("Daily's status no longer lists its values: the waiter's values cannot be checked", 2,
          "NEEDS-A-HUMAN daily deleteJob,getJob $.components.schemas.BatchJob.properties.status: no longer lists its values; check that the values the client relies on still exist: finished",
          e(DAILY, "          enum:\n            - submitted\n            - processing\n            - finished\n            - error\n", "")),
      m("Daily's status becomes an integer beneath the overlay", 1,
          "BREAKING daily deleteJob,getJob $.components.schemas.BatchJob.properties.status: type changed from string to integer; the client decodes string; overlay drift: openapi/overlays/daily/10-job.yaml $.actions[2]",
          e(DAILY, "        status:\n          type: string", "        status:\n          type: integer")),
      m("Daily adds a status beneath the overlay: judged against it, not terminal", 0,
          "SAFE daily deleteJob,getJob $.components.schemas.BatchJob.properties.status: enum values added [canceled]; the client's enums are open and keep unknown values; the waiter treats them as not terminal",
          e(DAILY, "            - error\n", "            - error\n            - canceled\n")),
      // The committed 404 contract no longer validates against the new upstream either: BREAKING overall.
      m("Daily now declares a 404 with another body than the overlay adds", 1,
          "NEEDS-A-HUMAN daily getJob $.paths['/batch-processor/{id}'].get.responses['404']: the upstream now declares it, differently from what openapi/overlays/daily/20-errors.yaml $.actions[1] adds",
          e(DAILY, "                $ref: '#/components/schemas/BatchJob'\n",
              "                $ref: '#/components/schemas/BatchJob'\n        '404':\n          description: Not found\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/NotFound'\n"),
          e(DAILY, "  schemas:\n    BatchJob:\n", "  schemas:\n    NotFound:\n      type: object\n      properties:\n        message:\n          type: string\n    BatchJob:\n")),
      m("pyannoteAI now declares the 404 the overlay adds", 0,
          "SAFE pyannote getJob $.paths['/v1/jobs/{jobId}'].get.responses['404']: the upstream now states what openapi/overlays/pyannote/10-operations.yaml $.actions[7] adds",
          e(GET_JOB, "        '429':\n          description: Too many requests\n",
              "        '404':\n          description: Job not found\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/ApiError'\n        '429':\n          description: Too many requests\n")),
      m("pyannoteAI renames its operation id beneath the overlay that names it getJob", 0,
          "SAFE pyannote getJob $.paths['/v1/jobs/{jobId}'].get.operationId: the upstream changed it from getJobById to fetchJob; openapi/overlays/pyannote/10-operations.yaml $.actions[0] still sets getJob",
          e(GET_JOB, "operationId: getJobById", "operationId: fetchJob")),
      m("pyannoteAI's bearerFormat changes beneath the overlay that drops it", 0,
          "SAFE pyannote - $.components.securitySchemes.api-key.bearerFormat: the upstream changed it from JWT to API key; openapi/overlays/pyannote/10-operations.yaml $.actions[9] still removes it",
          everywhere("pyannote", "      bearerFormat: JWT", "      bearerFormat: API key")),
      m("take becomes a string beneath the overlay that makes it an integer", 1,
          "BREAKING pyannote listJobs parameter query.take: type changed from integer to string; the client sends integer; overlay drift: openapi/overlays/pyannote/10-operations.yaml $.actions[2]",
          e(LIST_JOBS, "            example: 10\n            type: number", "            example: 10\n            type: string")),
      m("take becomes an integer upstream, as the overlay says", 0,
          "SAFE pyannote listJobs parameter query.take: the upstream now agrees with openapi/overlays/pyannote/10-operations.yaml $.actions[2]",
          e(LIST_JOBS, "            example: 10\n            type: number", "            example: 10\n            type: integer")),
      m("total becomes a string beneath the overlay that makes it an integer", 1,
          "BREAKING pyannote listJobs $.components.schemas.GetJobsResponse.properties.total: type changed from integer to string; the client decodes integer; overlay drift: openapi/overlays/pyannote/20-types.yaml $.actions[0]",
          e(LIST_JOBS, "        total:\n          type: number", "        total:\n          type: string")),
      m("a list item's status becomes an integer beneath the overlay that makes it a JobStatus", 1,
          "BREAKING pyannote listJobs,listJobsV2 $.components.schemas.JobListItem.properties.status: type changed from string to integer; the client decodes string; overlay drift: openapi/overlays/pyannote/20-types.yaml $.actions[3]",
          everywhere("pyannote", "        status:\n          type: string\n        createdAt", "        status:\n          type: integer\n        createdAt")),
      m("pyannoteAI's getJob oneOf loses VoiceprintJob beneath the union overlay", 1,
          "BREAKING pyannote getJob 200 $<VoiceprintJob>: union branch removed; the client decodes it; overlay drift: openapi/overlays/pyannote/30-job-union.yaml $.actions[2]",
          e(GET_JOB, "                  - $ref: '#/components/schemas/VoiceprintJob'\n                    title: Voiceprint\n", "")),

      // ---- values the client relies on: discriminator mappings, x-audiojobs-select keys, terminal and unsuccessful statuses
      m("pyannoteAI renames its terminal status succeeded", 1,
          "BREAKING pyannote getJob 200 $<DiarizationJob>.status: enum value succeeded removed; the waiter stops on it (x-audiojobs-terminal)",
          everywhere("pyannote", "- succeeded\n", "- completed\n")),
      m("pyannoteAI drops its unsuccessful status canceled", 1,
          "BREAKING pyannote getJob 200 $<VoiceprintJob>.status: enum value canceled removed; the waiter stops on it (x-audiojobs-terminal); the waiter reports it as failed (x-audiojobs-unsuccessful)",
          everywhere("pyannote", "\n        - canceled\n", "\n"), everywhere("pyannote", "\n            - canceled\n", "\n"),
          everywhere("pyannote", "\n              - canceled\n", "\n")),
      m("a diarization output gains the key that selects VoiceprintJob", 1,
          "BREAKING pyannote getJob 200 $<DiarizationJob>.output.voiceprint: property added; Job would select VoiceprintJob for a DiarizationJob whose output holds voiceprint (x-audiojobs-select)",
          e(GET_JOB, "    DiarizationJobOutput:\n      type: object\n      properties:\n",
              "    DiarizationJobOutput:\n      type: object\n      properties:\n        voiceprint:\n          type: string\n")),
      m("an identification output renames a key Job selects IdentifyJob by", 1,
          "BREAKING pyannote getJob 200 $<IdentifyJob>.output.voiceprints: property removed (renamed to voiceprintMatches?); the client reads it; Job selects IdentifyJob when output holds voiceprints (x-audiojobs-select)",
          e(GET_JOB, "        voiceprints:\n          type: array", "        voiceprintMatches:\n          type: array")),
      // The extension lint checks that x-audiojobs-wait names what exists: the committed overlay no longer fits.
      m("Daily drops the error text the waiter reports", 2,
          "UNUSABLE daily: openapi/normalized/daily.yaml: $.paths['/batch-processor/{id}'].get.x-audiojobs-wait.error: lint: no variant of BatchJob has [\"error\"]",
          e(DAILY, "        error:\n          type: string\n          description: Details of error\n", "")),
      m("pyannoteAI drops a diarization output's error text, which the waiter reports", 1,
          "BREAKING pyannote getJob 200 $<DiarizationJob>.output.error: property removed; the client reads it; waitForJob reports it as the job's error (x-audiojobs-wait)",
          e(GET_JOB, "            $ref: '#/components/schemas/TranscriptionSegment'\n        error:\n          type: string\n          description: Error message if any\n", "            $ref: '#/components/schemas/TranscriptionSegment'\n")),
      m("lyrcs.ai renames complete, the status Job selects CompleteJob by", 1,
          "BREAKING lyrcs getJob 200 $<CompleteJob>.status: enum value complete removed; Job selects CompleteJob by status complete (discriminator)",
          e(LYRCS, "        - complete\n", "        - completed\n"), e(LYRCS, "            - complete\n", "            - completed\n"),
          e(LYRCS, "        complete: Results are ready", "        completed: Results are ready")),
      m("lyrcs.ai renames processing, a status Job selects ProcessingJob by", 1,
          "BREAKING lyrcs getJob 200 $<ProcessingJob>.status: enum value processing removed; Job selects ProcessingJob by status processing (discriminator)",
          e(LYRCS, "        - processing\n", "        - running\n"), e(LYRCS, "            - processing\n", "            - running\n"),
          e(LYRCS, "        processing: Transcription", "        running: Transcription")),
      m("lyrcs.ai renames failed in its status table, beneath the overlay's terminal markers", 1,
          "BREAKING lyrcs getJob,transcribe $.components.schemas.JobStatus: enum value failed removed; the waiter stops on it (x-audiojobs-terminal); the waiter reports it as failed (x-audiojobs-unsuccessful); overlay drift: openapi/overlays/lyrcs/10-job.yaml $.actions[1]",
          e(LYRCS, "        - failed\n", "        - error\n"), e(LYRCS, "        failed: Processing failed", "        error: Processing failed")),

      // ---- no false alarms: what the client widens, and the same mechanism under a new name
      m("pyannoteAI narrows a segment's start to integer, which the client reads as a double", 0,
          "SAFE pyannote getJob 200 $<DiarizationJob>.output.diarization[].start: type narrowed from number to integer",
          e(GET_JOB, "        start:\n          type: number", "        start:\n          type: integer")),
      m("lyrcs.ai narrows duration_seconds to integer, which the client reads as a double", 0,
          "SAFE lyrcs getJob 200 $<CompleteJob>.duration_seconds: type narrowed from number to integer",
          e(LYRCS, "        duration_seconds:\n          type: number", "        duration_seconds:\n          type: integer")),
      m("Daily renames its security scheme, same mechanism", 0,
          "SAFE daily getJob security: scheme renamed from [bearer] to [bearerAuth]; same mechanism",
          everywhere("daily", "        - bearer: []", "        - bearerAuth: []"), everywhere("daily", "  securitySchemes:\n    bearer:", "  securitySchemes:\n    bearerAuth:")),
      m("lyrcs.ai renames its security scheme, same mechanism", 0,
          "SAFE lyrcs getJob security: scheme renamed from [bearer] to [bearerAuth]; same mechanism",
          everywhere("lyrcs", "        - bearer: []", "        - bearerAuth: []"), everywhere("lyrcs", "  securitySchemes:\n    bearer:", "  securitySchemes:\n    bearerAuth:")),

      // ---- fragments of one vendor that disagree: reconcile the fragments (no overlay is involved)
      m("pyannoteAI's two fragments disagree on ApiError", 2,
          "UNUSABLE pyannote: the upstream fragments pyannote/get-job.yaml and pyannote/list-jobs.yaml disagree at $.components.schemas.ApiError.properties.message.type",
          e(LIST_JOBS, ERROR_MESSAGE, ERROR_MESSAGE.replace("type: string", "type: integer"))),
      m("a new lyrcs.ai fragment names another server", 2,
          "UNUSABLE lyrcs: the upstream fragments lyrcs/jobs.yaml and lyrcs/languages.yaml disagree at $.servers",
          e("lyrcs/languages.yaml", null, "openapi: 3.0.3\ninfo:\n  title: lyrcs.ai API\n  version: drafted\nservers:\n  - url: https://lyrcs.ai/api/v2\npaths: {}\n")),

      // ---- the write side as drafted (pyannote/write-side.yaml): what the client sends
      m("diarize's request gains a required property", 1,
          "BREAKING pyannote diarize request $.language: new required property; the client does not send it",
          e(WRITE_SIDE, "          $ref: '#/components/schemas/TranscriptionConfig'\n      required:\n        - url\n",
              "          $ref: '#/components/schemas/TranscriptionConfig'\n        language:\n          type: string\n      required:\n        - url\n        - language\n")),
      m("diarize's request drops a property the client sends", 1,
          "BREAKING pyannote diarize request $.confidence: property removed; the client sends it",
          e(WRITE_SIDE, "        confidence:\n          type: boolean\n          description: Return confidence scores (DiarizationJobOutput.confidence)\n", "")),
      m("diarize's model loses community-1 beneath the overlay that makes it a closed enum", 1,
          "BREAKING pyannote diarize $.components.schemas.DiarizeRequest.properties.model: enum values removed [community-1]; the client may send them; overlay drift: openapi/overlays/pyannote/40-write-side.yaml $.actions[13]",
          e(WRITE_SIDE, "            - precision-2\n            - community-1\n", "            - precision-2\n")),
      m("diarize's model gains a value beneath the overlay", 0,
          "SAFE pyannote diarize $.components.schemas.DiarizeRequest.properties.model: enum values added [precision-3]",
          e(WRITE_SIDE, "            - precision-2\n            - community-1\n", "            - precision-2\n            - community-1\n            - precision-3\n")),
      m("diarize's request media type becomes multipart", 1,
          "BREAKING pyannote diarize request: media type application/json no longer accepted (now [multipart/form-data]); the client sends application/json",
          e(WRITE_SIDE, "          application/json:\n            schema:\n              $ref: '#/components/schemas/DiarizeRequest'",
              "          multipart/form-data:\n            schema:\n              $ref: '#/components/schemas/DiarizeRequest'")),
      m("listJobsV2 gains a required parameter", 1,
          "BREAKING pyannote listJobsV2 parameter query.team: new required parameter",
          e(WRITE_SIDE, "      parameters:\n        - name: limit\n",
              "      parameters:\n        - name: team\n          required: true\n          in: query\n          schema:\n            type: string\n        - name: limit\n")),
      m("diarize's webhook becomes required", 1,
          "BREAKING pyannote diarize request $.webhook: now required; the client may omit it",
          e(WRITE_SIDE, "          $ref: '#/components/schemas/TranscriptionConfig'\n      required:\n        - url\n",
              "          $ref: '#/components/schemas/TranscriptionConfig'\n      required:\n        - url\n        - webhook\n")),
      m("identify's matching threshold is narrowed to integer", 1,
          "BREAKING pyannote identify request $.matching.threshold: type changed from number to integer; the client sends number",
          e(WRITE_SIDE, "        threshold:\n          type: number", "        threshold:\n          type: integer")),
      m("identify's matching threshold maximum is lowered", 1,
          "BREAKING pyannote identify request $.matching.threshold: maximum changed from 100 to 50; narrower: the client may send a value the server now rejects",
          e(WRITE_SIDE, "          minimum: 0\n          maximum: 100\n          description: Lowest confidence", "          minimum: 0\n          maximum: 50\n          description: Lowest confidence")),
      m("a speaker count's minimum is raised", 1,
          "BREAKING pyannote diarize request $.numSpeakers: minimum changed from 1 to 2; narrower: the client may send a value the server now rejects",
          e(WRITE_SIDE, "        numSpeakers:\n          type: number\n          minimum: 1", "        numSpeakers:\n          type: number\n          minimum: 2")),
      m("diarize's turnLevelConfidence is no longer nullable", 1,
          "BREAKING pyannote diarize request $.turnLevelConfidence: no longer nullable; the client may send null",
          e(WRITE_SIDE, "        turnLevelConfidence:\n          type: boolean\n          nullable: true\n", "        turnLevelConfidence:\n          type: boolean\n")),
      m("the upload URL's pattern changes beneath the overlay that replaces it", 2,
          "NEEDS-A-HUMAN pyannote getMediaDownloadUrl,getMediaUploadUrl $.components.schemas.GetMediaUploadUrl.properties.url: pattern changed from ^media://[A-Za-z0-9_./-]+$ to /^media:\\/\\/[a-z0-9]+$/; which accepts more cannot be told",
          e(WRITE_SIDE, "          pattern: /^media:\\/\\/[a-zA-Z0-9\\-_\\.\\/]+$/", "          pattern: /^media:\\/\\/[a-z0-9]+$/")),
      m("a speaker count becomes an integer upstream, as the overlay says", 0,
          "SAFE pyannote diarize $.components.schemas.DiarizeRequest.properties.numSpeakers: the upstream now agrees with openapi/overlays/pyannote/40-write-side.yaml $.actions[5]",
          e(WRITE_SIDE, "        numSpeakers:\n          type: number", "        numSpeakers:\n          type: integer")),
      m("diarize's request gains an optional property", 0,
          "SAFE pyannote diarize request $.language: property added; the client need not send it",
          e(WRITE_SIDE, "          $ref: '#/components/schemas/TranscriptionConfig'\n      required:\n        - url\n",
              "          $ref: '#/components/schemas/TranscriptionConfig'\n        language:\n          type: string\n      required:\n        - url\n")),
      m("the upload URL's maxLength is raised", 0,
          "SAFE pyannote getMediaUploadUrl request $.url: maxLength changed from 255 to 1024; wider: what the client sends still conforms",
          e(WRITE_SIDE, "          maxLength: 255\n          pattern: /^media", "          maxLength: 1024\n          pattern: /^media")),
      m("diarize's webhook becomes nullable", 0,
          "SAFE pyannote diarize request $.webhook: now nullable; the client need not send null",
          e(WRITE_SIDE, "        webhook:\n          type: string\n", "        webhook:\n          type: string\n          nullable: true\n")),
      m("diarize's request body becomes optional", 0,
          "SAFE pyannote diarize request: request body is now optional; the client still sends it",
          e(WRITE_SIDE, "      requestBody:\n        required: true\n        x-audiojobs-source: inferred (required, as /v1/media/input)\n        content:\n          application/json:\n            schema:\n              $ref: '#/components/schemas/DiarizeRequest'",
              "      requestBody:\n        required: false\n        x-audiojobs-source: inferred (required, as /v1/media/input)\n        content:\n          application/json:\n            schema:\n              $ref: '#/components/schemas/DiarizeRequest'")),

      // ---- Daily's write side as drafted (daily/write-side.yaml): what the client sends
      m("submitJob's inParams gains a required property", 1,
          "BREAKING daily submitJob request $.inParams.callbackUrl: new required property; the client does not send it",
          e(DAILY_WRITE, "      required:\n        - sourceType\n",
              "      required:\n        - sourceType\n        - callbackUrl\n"),
          e(DAILY_WRITE, "        language:\n          type: string\n          default: en\n",
              "        language:\n          type: string\n          default: en\n        callbackUrl:\n          type: string\n")),
      // The lint refuses a request enum nobody has declared open or closed: an overlay must decide (exit 2).
      // The normalizer names the inline enum (JobInParamsSourceType); what stays for a person is whether the
      // client may send only its values.
      m("submitJob's inParams.sourceType becomes an enum", 2,
          "UNUSABLE daily: openapi/normalized/daily.yaml: $.components.schemas.JobInParamsSourceType.x-audiojobs-closed: lint: a request body sends JobInParamsSourceType: say whether the client may send only its values (true) or any value (false).",
          e(DAILY_WRITE, "          description: 'Where the input comes from: \"uri\", \"recordingId\" or \"transcriptUri\"'\n",
              "          description: 'Where the input comes from: \"uri\", \"recordingId\" or \"transcriptUri\"'\n          enum: [uri, recordingId, transcriptUri]\n")),
      m("submitJob's outParams.s3Config renames s3KeyTemplate", 1,
          "BREAKING daily submitJob request $.outParams.s3Config.s3KeyTemplate: property removed (renamed to s3Key?); the client sends it",
          e(DAILY_WRITE, "        s3KeyTemplate:\n          type: string\n", "        s3Key:\n          type: string\n"),
          e(DAILY_WRITE, "      required:\n        - s3KeyTemplate\n", "      required:\n        - s3Key\n")),
      m("submitJob's s3KeyTemplate maxLength is lowered", 1,
          "BREAKING daily submitJob request $.outParams.s3Config.s3KeyTemplate: maxLength changed from 1024 to 256; narrower: the client may send a value the server now rejects",
          e(DAILY_WRITE, "          maxLength: 1024\n", "          maxLength: 256\n")),
      m("submitJob's s3Config.useReplacement becomes required", 1,
          "BREAKING daily submitJob request $.outParams.s3Config.useReplacement: now required; the client may omit it",
          e(DAILY_WRITE, "      required:\n        - s3KeyTemplate\n", "      required:\n        - s3KeyTemplate\n        - useReplacement\n")),
      m("submitJob's transformParams.transcript.punctuate becomes a string", 1,
          "BREAKING daily submitJob request $.transformParams.transcript.punctuate: type changed from boolean to string; the client sends boolean",
          e(DAILY_WRITE, "        punctuate:\n          type: boolean", "        punctuate:\n          type: string")),
      m("submitJob's request becomes multipart", 1,
          "BREAKING daily submitJob request: media type application/json no longer accepted (now [multipart/form-data]); the client sends application/json",
          e(DAILY_WRITE, "          application/json:\n            schema:\n              $ref: '#/components/schemas/SubmitJobRequest'",
              "          multipart/form-data:\n            schema:\n              $ref: '#/components/schemas/SubmitJobRequest'")),
      // endpointing, redact and extra leave the typed request (an overlay removes them; callers pass them
      // through): the spec comparison has nothing to judge them against, the committed contract that sends
      // endpointing false and a redact list does.
      m("endpointing loses its boolean branch beneath the overlay that passes it through", 1,
          "BREAKING daily submitJob pact \"a transcript submission with every parameter\" request body /transformParams/transcript/endpointing: the committed contract no longer validates",
          e(DAILY_WRITE, "          oneOf:\n            - type: number\n            - type: boolean\n", "          type: number\n")),
      m("redact loses its array branch beneath the overlay that passes it through", 1,
          "BREAKING daily submitJob pact \"a transcript submission with every parameter\" request body /transformParams/transcript/redact: the committed contract no longer validates",
          e(DAILY_WRITE, "          oneOf:\n            - type: boolean\n            - type: array\n              items:\n                type: string\n", "          type: boolean\n")),
      m("endpointing gains a string branch beneath the overlay that passes it through", 2,
          "NEEDS-A-HUMAN daily submitJob $.components.schemas.TranscriptParams.properties.endpointing: the upstream changed beneath openapi/overlays/daily/40-write-side.yaml $.actions[6], and the client's spec has nothing here to judge it against",
          e(DAILY_WRITE, "            - type: number\n            - type: boolean\n", "            - type: number\n            - type: boolean\n            - type: string\n")),
      m("listJobs' limit maximum is lowered", 1,
          "BREAKING daily listJobs parameter query.limit: maximum changed from 100 to 50; narrower: the client may send a value the server now rejects",
          e(DAILY_WRITE, "            maximum: 100\n", "            maximum: 50\n")),
      // listJobsAll pages by starting_after (overlays/daily/60-paging.yaml): the overlay's decision no longer
      // holds, which stops the check before any comparison.
      m("listJobs' starting_after is renamed", 2,
          "UNUSABLE daily: openapi/normalized/daily.yaml: $.paths['/batch-processor'].get.x-audiojobs-paging.cursor: lint: names no parameter of the operation: starting_after.",
          e(DAILY_WRITE, "        - name: starting_after\n", "        - name: after\n")),
      m("listJobs' recordingId becomes required", 1,
          "BREAKING daily listJobs parameter query.recordingId: parameter is now required; the client may omit it",
          e(DAILY_WRITE, "        - name: recordingId\n          in: query\n          required: false\n",
              "        - name: recordingId\n          in: query\n          required: true\n")),
      m("getJobAccessLink moves", 1,
          "BREAKING daily getJobAccessLink GET /batch-processor/{id}/access-link: operation moved to GET /batch-processor/{id}/access-links; the client calls GET /batch-processor/{id}/access-link",
          e(DAILY_WRITE, "  /batch-processor/{id}/access-link:\n", "  /batch-processor/{id}/access-links:\n")),
      m("getJobAccessLink's id becomes an integer", 1,
          "BREAKING daily getJobAccessLink parameter path.id: type changed from string to integer; the client sends string",
          e(DAILY_WRITE, "          description: The ID of the job\n          schema:\n            type: string\n      responses:\n        '200':\n          description: The job's access links",
              "          description: The ID of the job\n          schema:\n            type: integer\n      responses:\n        '200':\n          description: The job's access links")),
      m("deleteJob becomes a POST to another path", 1,
          "BREAKING daily deleteJob DELETE /batch-processor/{id}: operation moved to POST /batch-processor/{id}/purge; the client calls DELETE /batch-processor/{id}",
          e(DAILY_WRITE, "  /batch-processor/{id}:\n    delete:\n", "  /batch-processor/{id}/purge:\n    post:\n")),
      m("submitJob's inParams gains an optional property", 0,
          "SAFE daily submitJob request $.inParams.callbackUrl: property added; the client need not send it",
          e(DAILY_WRITE, "        language:\n          type: string\n          default: en\n",
              "        language:\n          type: string\n          default: en\n        callbackUrl:\n          type: string\n")),
      m("submitJob's transcript gains an optional property", 0,
          "SAFE daily submitJob request $.transformParams.transcript.diarize: property added; the client need not send it",
          e(DAILY_WRITE, "        punctuate:\n          type: boolean\n", "        punctuate:\n          type: boolean\n        diarize:\n          type: boolean\n")),
      m("submitJob's s3KeyTemplate is no longer required", 0,
          "SAFE daily submitJob request $.outParams.s3Config.s3KeyTemplate: no longer required; the client still sends it",
          e(DAILY_WRITE, "      required:\n        - s3KeyTemplate\n", "")),
      m("listJobs' limit maximum is raised", 0,
          "SAFE daily listJobs parameter query.limit: maximum changed from 100 to 1000; wider: what the client sends still conforms",
          e(DAILY_WRITE, "            maximum: 100\n", "            maximum: 1000\n")),
      m("listJobs gains an optional parameter", 0,
          "SAFE daily listJobs parameter query.status: new optional parameter",
          e(DAILY_WRITE, "        - name: recordingId\n",
              "        - name: status\n          in: query\n          required: false\n          schema:\n            type: string\n        - name: recordingId\n")),

      // ---- lyrcs.ai's write side as drafted (lyrcs/write-side.yaml): what the client sends. JSON and
      // multipart bodies both report as "request $".
      m("transcribe's JSON request gains a required property", 1,
          "BREAKING lyrcs transcribe request $.title: new required property; the client does not send it",
          e(LYRCS_WRITE, "      required:\n        - audio_url\n        - language\n",
              "      required:\n        - audio_url\n        - language\n        - title\n"),
          e(LYRCS_WRITE, "        webhook_url:\n          type: string\n", "        title:\n          type: string\n        webhook_url:\n          type: string\n")),
      m("transcribe's JSON request drops webhook_url", 1,
          "BREAKING lyrcs transcribe request $.webhook_url: property removed; the client sends it",
          e(LYRCS_WRITE, "        webhook_url:\n          type: string\n          description: An HTTPS URL that receives the job's events (JSON body only, not multipart)\n", "")),
      m("transcribe's audio_url gains format uri", 1,
          "BREAKING lyrcs transcribe request $.audio_url: format changed from null to uri; the client sends any string",
          e(LYRCS_WRITE, "        audio_url:\n          type: string\n", "        audio_url:\n          type: string\n          format: uri\n")),
      // The overlay's ^https:// replaces what the upstream says: judged against it as overlay drift; the
      // committed contracts (.flac URLs) fail the new pattern.
      m("transcribe's audio_url gets a narrower pattern beneath the overlay's https pattern", 1,
          "NEEDS-A-HUMAN lyrcs transcribe $.components.schemas.TranscribeUrlRequest.properties.audio_url: pattern changed from ^https:// to ^https://[^?]+\\.(mp3|wav)$; which accepts more cannot be told",
          e(LYRCS_WRITE, "        audio_url:\n          type: string\n", "        audio_url:\n          type: string\n          pattern: '^https://[^?]+\\.(mp3|wav)$'\n")),
      // The overlay's x-audiojobs-max-bytes sits on file: the check cannot judge a candidate it cannot normalize.
      m("transcribe's multipart form renames file", 2,
          "UNUSABLE lyrcs: openapi/overlays/lyrcs/40-write-side.yaml: $.actions[14].target: $.components.schemas.TranscribeFileRequest.properties.file matches nothing",
          e(LYRCS_WRITE, "        file:\n          type: string\n          format: binary\n", "        audio:\n          type: string\n          format: binary\n"),
          e(LYRCS_WRITE, "      required:\n        - file\n", "      required:\n        - audio\n")),
      m("transcribe's file becomes base64", 1,
          "BREAKING lyrcs transcribe request $.file: format changed from binary to byte; the client sends binary",
          e(LYRCS_WRITE, "          format: binary\n", "          format: byte\n")),
      m("transcribe's file gets a maxLength", 1,
          "BREAKING lyrcs transcribe request $.file: maxLength changed from none to 2000000; narrower: the client may send a value the server now rejects",
          e(LYRCS_WRITE, "          format: binary\n", "          format: binary\n          maxLength: 2000000\n")),
      m("the 4.5 MB limit is lowered in the prose the overlay's x-audiojobs-max-bytes was read from", 2,
          "NEEDS-A-HUMAN lyrcs transcribe request $.file: description changed, and x-audiojobs-max-bytes (4500000) was read from it: check that the vendor's limit is still that figure (new description: \"The audio file: mp3, wav, flac, m4a, aac, ogg or webm; the body limit is about 2 MB, use audio_url for larger files\")",
          e(LYRCS_WRITE, "the body limit is about 4.5 MB", "the body limit is about 2 MB")),
      m("transcribe's multipart form now declares webhook_url, which the client refuses there", 2,
          "NEEDS-A-HUMAN lyrcs transcribe request $.webhook_url: the upstream now declares it, and the client refuses it (x-audiojobs-refused-properties: the vendor ignores webhook_url in a multipart body; send audio_url as JSON to get events): check whether the vendor now honours it",
          e(LYRCS_WRITE, "          description: The source language, the exact full name as returned by GET /languages\n          example: Tamil\n",
              "          description: The source language, the exact full name as returned by GET /languages\n          example: Tamil\n        webhook_url:\n          type: string\n")),
      m("transcribe's JSON align becomes a string", 1,
          "BREAKING lyrcs transcribe request $.align: type changed from boolean to string; the client sends boolean",
          e(LYRCS_WRITE, "          example: Tamil\n        align:\n          type: boolean\n", "          example: Tamil\n        align:\n          type: string\n")),
      m("transcribe no longer accepts multipart", 1,
          "BREAKING lyrcs transcribe request: media type multipart/form-data no longer accepted (now [application/json]); the client sends multipart/form-data",
          e(LYRCS_WRITE, "          multipart/form-data:\n            schema:\n              $ref: '#/components/schemas/TranscribeFileRequest'\n", "")),
      m("download's kind loses srt beneath the overlay's closed DownloadKind", 1,
          "BREAKING lyrcs download parameter path.kind: enum values removed [srt]; the client may send them; overlay drift: openapi/overlays/lyrcs/40-write-side.yaml $.actions[5]",
          e(LYRCS_WRITE, "            enum: [lrc, srt, words]", "            enum: [lrc, words]")),
      m("download's kind loses srt, which a committed contract sends as a path parameter", 1,
          "BREAKING lyrcs download pact \"the transliterated SRT of a complete job\" request parameter path.kind: the committed contract no longer validates: Instance value (\"srt\") not found in enum",
          e(LYRCS_WRITE, "            enum: [lrc, srt, words]", "            enum: [lrc, words]")),
      m("download's variant loses transliterated beneath the overlay's closed DownloadVariant", 1,
          "BREAKING lyrcs download parameter path.variant: enum values removed [transliterated]; the client may send them; overlay drift: openapi/overlays/lyrcs/40-write-side.yaml $.actions[5]",
          e(LYRCS_WRITE, "            enum: [original, transliterated]", "            enum: [original]")),
      m("listLanguages' items become objects", 1,
          "BREAKING lyrcs listLanguages 200 $[]: type changed from string to object; the client decodes string",
          e(LYRCS_WRITE, "      items:\n        type: string\n        example: Tamil\n",
              "      items:\n        $ref: '#/components/schemas/Language'\n    Language:\n      type: object\n      properties:\n        name:\n          type: string\n")),
      m("listLanguages answers an object instead of an array", 1,
          "BREAKING lyrcs listLanguages 200 $: type changed from array to object; the client decodes array",
          e(LYRCS_WRITE, "    LanguageNames:\n      type: array\n",
              "    LanguageNames:\n      type: object\n      properties:\n        languages:\n          type: array\n          items:\n            type: string\n    OldLanguageNames:\n      type: array\n")),
      m("transcribe's JSON request gains an optional property", 0,
          "SAFE lyrcs transcribe request $.title: property added; the client need not send it",
          e(LYRCS_WRITE, "        webhook_url:\n          type: string\n", "        title:\n          type: string\n        webhook_url:\n          type: string\n")),
      m("transcribe's file is no longer required", 0,
          "SAFE lyrcs transcribe request $.file: no longer required; the client still sends it",
          e(LYRCS_WRITE, "      required:\n        - file\n        - language\n", "      required:\n        - language\n")),
      m("transcribe's audio_url gains the overlay's https pattern upstream", 0,
          "SAFE lyrcs transcribe $.components.schemas.TranscribeUrlRequest.properties.audio_url: the upstream now agrees with openapi/overlays/lyrcs/40-write-side.yaml $.actions[13]",
          e(LYRCS_WRITE, "        audio_url:\n          type: string\n", "        audio_url:\n          type: string\n          pattern: '^https://'\n")),
      m("download's kind gains a value beneath the overlay's closed DownloadKind", 0,
          "SAFE lyrcs download parameter path.kind: enum values added [txt]; every value the client sends is still allowed; overlay drift",
          e(LYRCS_WRITE, "            enum: [lrc, srt, words]", "            enum: [lrc, srt, words, txt]")),
      m("the file's description is reworded, the figure kept: the check cannot read prose, a person re-reads it", 2,
          "NEEDS-A-HUMAN lyrcs transcribe request $.file: description changed, and x-audiojobs-max-bytes (4500000) was read from it",
          e(LYRCS_WRITE, "use\n            audio_url for larger files", "use\n            audio_url for bigger files")),

      // ---- unusable
      m("a spec file is not YAML", 2, "UNUSABLE pyannote: ",
          e(GET_JOB, "openapi: 3.0.0", "openapi: [3.0.0")),
      m("an overlay action no longer matches", 2, "matches nothing: the upstream spec moved under this action",
          e(LIST_JOBS, "        - name: skip", "        - name: offset")),
      m("the unchanged tree", 0, "IDENTICAL pyannote: same spec files"));


  /** The write-side fixture added to a copy of the committed tree: {@code POST /v1/fixture}, {@code submitFixture}. */
  private static final String FIXTURE = "pyannote/fixture.yaml";
  /** A pact with one {@code POST /v1/fixture} interaction, added to a copy of the committed pacts. */
  private static final String WRITE_PACT = "audiojobs-client-pyannote-fixture-api.json";

  /**
   * Request-side mutations, on a copy of the committed tree to which {@link #FIXTURE} (a JSON request
   * body) is added and whose normalized pyannoteAI spec is regenerated, with {@link #WRITE_PACT}
   * replayed next to the committed pacts.
   */
  static final List<Mutation> WRITE_MUTATIONS = List.of(
      m("a required request property is added", 1,
          "BREAKING pyannote submitFixture request $.language: new required property; the client does not send it",
          e(FIXTURE, "        turnLevelConfidence:\n", "        language:\n          type: string\n        turnLevelConfidence:\n"),
          e(FIXTURE, "      required:\n        - url\n", "      required:\n        - url\n        - language\n")),
      m("a request property the client sends is removed", 1,
          "BREAKING pyannote submitFixture request $.confidence: property removed; the client sends it",
          e(FIXTURE, "        confidence:\n          type: boolean\n", "")),
      m("a closed request enum loses a value the client can send", 1,
          "BREAKING pyannote submitFixture request $.model: enum values removed [community-1]; the client may send them",
          e(FIXTURE, "        - community-1\n", "")),
      m("the request media type changes", 1,
          "BREAKING pyannote submitFixture request: media type application/json no longer accepted (now [multipart/form-data]); the client sends application/json",
          e(FIXTURE, "        content:\n          application/json:\n            schema:\n              $ref: '#/components/schemas/FixtureRequest'",
              "        content:\n          multipart/form-data:\n            schema:\n              $ref: '#/components/schemas/FixtureRequest'")),
      m("a required header parameter is added to a write operation", 1,
          "BREAKING pyannote submitFixture parameter header.X-Team: new required parameter",
          e(FIXTURE, "      operationId: submitFixture\n", "      operationId: submitFixture\n      parameters:\n        - name: X-Team\n          in: header\n          required: true\n          schema:\n            type: string\n")),
      m("an optional request property becomes required", 1,
          "BREAKING pyannote submitFixture request $.model: now required; the client may omit it",
          e(FIXTURE, "      required:\n        - url\n", "      required:\n        - url\n        - model\n")),
      m("a request number is narrowed to integer", 1,
          "BREAKING pyannote submitFixture request $.threshold: type changed from number to integer; the client sends number",
          e(FIXTURE, "        threshold:\n          type: number", "        threshold:\n          type: integer")),
      m("a request maximum is lowered", 1,
          "BREAKING pyannote submitFixture request $.threshold: maximum changed from 100 to 50; narrower: the client may send a value the server now rejects",
          e(FIXTURE, "          maximum: 100", "          maximum: 50")),
      m("a nullable request property is no longer nullable", 1,
          "BREAKING pyannote submitFixture request $.webhook: no longer nullable; the client may send null",
          e(FIXTURE, "          type: string\n          nullable: true\n          description: Webhook URL", "          type: string\n          description: Webhook URL")),
      m("a free request string becomes a named enum", 1,
          "BREAKING pyannote submitFixture request $.region: now an enum [eu, us]; the client may send any string",
          e(FIXTURE, "        region:\n          type: string\n          description: Where to process\n", "        region:\n          $ref: '#/components/schemas/FixtureRegion'\n")),
      m("the request body is removed", 1,
          "BREAKING pyannote submitFixture request: request body removed; the client sends one",
          e(FIXTURE, "      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: '#/components/schemas/FixtureRequest'\n", "")),
      m("a request pattern changes", 2,
          "NEEDS-A-HUMAN pyannote submitFixture request $.url: pattern changed from ^https:// to ^(https|media)://; which accepts more cannot be told",
          e(FIXTURE, "          pattern: ^https://\n", "          pattern: ^(https|media)://\n")),
      m("an optional request property is added", 0,
          "SAFE pyannote submitFixture request $.exclusive: property added; the client need not send it",
          e(FIXTURE, "        turnLevelConfidence:\n", "        exclusive:\n          type: boolean\n        turnLevelConfidence:\n")),
      m("a value is added to a request enum", 0,
          "SAFE pyannote submitFixture request $.model: enum values added [precision-3]",
          e(FIXTURE, "        - community-1\n", "        - community-1\n        - precision-3\n")),
      m("a request integer is widened to number", 0,
          "SAFE pyannote submitFixture request $.priority: type widened from integer to number; every integer the client sends is a number",
          e(FIXTURE, "        priority:\n          type: integer", "        priority:\n          type: number")),
      m("a request maxLength is raised", 0,
          "SAFE pyannote submitFixture request $.url: maxLength changed from 255 to 1024; wider: what the client sends still conforms",
          e(FIXTURE, "          maxLength: 255", "          maxLength: 1024")),
      m("a request property becomes nullable", 0,
          "SAFE pyannote submitFixture request $.turnLevelConfidence: now nullable; the client need not send null",
          e(FIXTURE, "        turnLevelConfidence:\n          type: boolean\n", "        turnLevelConfidence:\n          type: boolean\n          nullable: true\n")),
      m("the request body becomes optional", 0,
          "SAFE pyannote submitFixture request: request body is now optional; the client still sends it",
          e(FIXTURE, "      requestBody:\n        required: true\n", "      requestBody:\n        required: false\n")),
      m("a response integer is widened to number", 1,
          "BREAKING pyannote submitFixture 200 $.queuePosition: type widened from integer to number; the client decodes integer",
          e(FIXTURE, "        queuePosition:\n          type: integer", "        queuePosition:\n          type: number")),
      m("a response enum no one relies on stops listing its values", 0,
          "SAFE pyannote submitFixture 200 $.kind: no longer an enum; the client's open enums keep any value",
          e(FIXTURE, "      enum:\n        - diarization\n        - identification\n", "")),
      m("a new required request property fails the committed request contract too", 1,
          "BREAKING pyannote submitFixture pact \"a fixture job request (test fixture for the request-side check)\" request body /: the committed contract no longer validates",
          e(FIXTURE, "        turnLevelConfidence:\n", "        language:\n          type: string\n        turnLevelConfidence:\n"),
          e(FIXTURE, "      required:\n        - url\n", "      required:\n        - url\n        - language\n")),
      m("a request number narrowed to integer fails the committed request contract (no pact tolerance for what the client sends)", 1,
          "BREAKING pyannote submitFixture pact \"a fixture job request (test fixture for the request-side check)\" request body /threshold: the committed contract no longer validates",
          e(FIXTURE, "        threshold:\n          type: number", "        threshold:\n          type: integer")),
      m("a request property's description changes", 0,
          "SAFE pyannote submitFixture request $.url: description changed; documentation only",
          e(FIXTURE, "          description: URL of the media file", "          description: The URL of the media file")));

  @TestFactory
  Stream<DynamicTest> everyMutationGetsItsVerdictAndReason(@TempDir Path temp) {
    assertThat(MUTATIONS).hasSizeGreaterThanOrEqualTo(60);
    assertThat(MUTATIONS.stream().filter(x -> x.exit() == 1)).as("breaking controls").hasSizeGreaterThanOrEqualTo(30);
    assertThat(MUTATIONS.stream().filter(x -> x.exit() == 0)).as("safe controls").hasSizeGreaterThanOrEqualTo(20);
    return run(new UpstreamCheck(OPENAPI, PACTS), OPENAPI.resolve("upstream"), MUTATIONS, temp);
  }

  @TestFactory
  Stream<DynamicTest> everyRequestSideMutationGetsItsVerdictAndReason(@TempDir Path temp) throws IOException {
    assertThat(WRITE_MUTATIONS).hasSizeGreaterThanOrEqualTo(15);
    Path base = writeSideBase(temp.resolve("base"));
    Path pacts = Files.createDirectories(temp.resolve("pacts"));
    UpstreamCheck.copyTree(PACTS, pacts);
    try (var fixture = UpstreamCheckMutationTest.class.getResourceAsStream("/upstream-fixtures/" + WRITE_PACT)) {
      Files.write(pacts.resolve(WRITE_PACT), fixture.readAllBytes());
    }
    return run(new UpstreamCheck(base, pacts), base.resolve("upstream"), WRITE_MUTATIONS, temp);
  }

  /**
   * A copy of the committed {@code openapi/} folder whose pyannoteAI upstream also holds {@link #FIXTURE},
   * normalized again: the baseline of the request-side mutations.
   */
  static Path writeSideBase(Path openapi) throws IOException {
    for (String dir : new String[] {"upstream", "overlays", "normalized"}) {
      UpstreamCheck.copyTree(OPENAPI.resolve(dir), openapi.resolve(dir));
    }
    try (var fixture = UpstreamCheckMutationTest.class.getResourceAsStream("/upstream-fixtures/pyannote-fixture.yaml")) {
      Files.write(openapi.resolve("upstream").resolve(FIXTURE), fixture.readAllBytes());
    }
    new Normalizer(openapi).writeAll();
    return openapi;
  }

  private static Stream<DynamicTest> run(UpstreamCheck check, Path upstream, List<Mutation> mutations, Path temp) {
    return mutations.stream().map(mutation -> DynamicTest.dynamicTest(mutation.name(), () -> {
      Path candidate = Files.createTempDirectory(temp, "candidate");
      UpstreamCheck.copyTree(upstream, candidate);
      for (Edit edit : mutation.edits()) {
        if (edit.file().endsWith("/" + EVERY_FRAGMENT)) applyEverywhere(candidate.resolve(edit.file()).getParent(), edit);
        else apply(candidate.resolve(edit.file()), edit);
      }
      UpstreamCheck.Report report = check.check(candidate);
      String printed = String.join("\n", report.lines());
      assertThat(printed).as("report of \"%s\"", mutation.name()).contains(mutation.expectedLine());
      assertThat(report.exitStatus()).as("exit status of \"%s\"; report:\n%s", mutation.name(), printed).isEqualTo(mutation.exit());
    }));
  }

  private static void applyEverywhere(Path vendorDir, Edit edit) throws IOException {
    int files = 0;
    try (Stream<Path> list = Files.list(vendorDir)) {
      for (Path file : list.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("provenance.yaml")).sorted().toList()) {
        String text = Files.readString(file);
        if (!text.contains(edit.find())) continue;
        Files.writeString(file, text.replace(edit.find(), edit.replace()));
        files++;
      }
    }
    assertThat(files).as("fragments of %s containing: %s", vendorDir.getFileName(), edit.find()).isPositive();
  }

  private static void apply(Path file, Edit edit) throws IOException {
    if (edit.find() == null) {
      assertThat(file).as("a new file of a mutation").doesNotExist();
      Files.writeString(file, edit.replace());
      return;
    }
    String text = Files.readString(file);
    int at = text.indexOf(edit.find());
    assertThat(at).as("mutation text in %s: %s", edit.file(), edit.find()).isNotNegative();
    Files.writeString(file, text.substring(0, at) + edit.replace() + text.substring(at + edit.find().length()));
  }
}
