package dev.audiojobs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * A simulated pyannoteAI API ({@code openapi/normalized/pyannote.yaml}): media upload and download
 * URLs with a pre-signed storage on the same server, diarize, voiceprint and identify jobs, {@code
 * getJob}, {@code listJobs} (take/skip) and {@code listJobsV2} (cursor), and signed webhooks.
 *
 * <pre>{@code
 * try (PyannoteSimulator sim = PyannoteSimulator.start()) {
 *   // POST sim.baseUrl() + "/v1/media/input" {"url":"media://a.wav"} → {"url": <pre-signed>}; PUT the bytes there
 *   // POST /v1/diarize {"url":"media://a.wav"} → {"jobId": …, "status":"pending"}
 *   sim.advance(Duration.ofSeconds(12));  // pending 2 s, running 10 s: succeeded
 *   // GET /v1/jobs/{jobId} → output.diarization
 *   sim.assertNoViolations();
 * }
 * }</pre>
 *
 * <p>Statuses: {@code pending} while queued, {@code running}, then {@code succeeded}, {@code failed}
 * (output {@code {error}}) or {@code canceled} (no output). Outputs are generated from a seed: speakers
 * {@code SPEAKER_00…} (as many as {@code numSpeakers}, else {@code minSpeakers}, else 2, at most
 * {@code maxSpeakers}) taking turns over the audio's duration, read from an uploaded PCM WAV file
 * (60 s for anything else); {@code confidence} (samples every 0.02 s), per-turn {@code confidence} maps
 * ({@code turnLevelConfidence}), {@code exclusiveDiarization} ({@code exclusive}) and word- and
 * turn-level transcription ({@code transcription}) when asked for. A voiceprint is 512 random bytes in
 * base64. An identification matches speaker i with the i-th voiceprint of the request. A job whose
 * {@code media://} input was never uploaded fails with {@code "Media not found: media://…"} (the real
 * service's message is not documented).
 *
 * <p>The pre-signed URLs answer a PUT (upload) or GET (download) without authentication; a request
 * that carries an {@code Authorization} header is refused with 400, as S3 refuses a second
 * authentication mechanism, and recorded as {@link Violation.Kind#AUTHORIZATION_ON_PRESIGNED_URL}.
 * Webhooks: {@code {jobId, status, output?}} ({@code {jobId, status}} with {@code webhookStatusOnly}),
 * signed {@code X-Request-Timestamp} and {@code X-Signature} = base64 HMAC-SHA256(secret,
 * {@code v0:<timestamp>:<body>}).
 */
public final class PyannoteSimulator extends VendorSimulator {
  private static final String PRESIGNED = "_presigned";
  private static final String[] WORDS = {
    "so", "the", "plan", "for", "today", "is", "simple", "we", "review", "last", "week", "then", "agree",
    "on", "next", "steps", "right", "sounds", "good", "to", "me", "let's", "start", "with", "numbers"
  };

  /** media:// key → bytes uploaded. */
  private final Map<String, byte[]> media = new HashMap<>();
  /** Pre-signed token → (PUT or GET, media:// key). */
  private final Map<String, String[]> presigned = new HashMap<>();

  private PyannoteSimulator(SimulatorOptions options) {
    super("pyannote", "", options);
  }

  /** Starts a simulator with {@link SimulatorOptions#defaults()}. */
  public static PyannoteSimulator start() {
    return start(SimulatorOptions.defaults());
  }

  /** Starts a simulator with {@code options}. */
  public static PyannoteSimulator start(SimulatorOptions options) {
    return new PyannoteSimulator(options);
  }

  /** The bytes uploaded to {@code mediaUrl} ({@code media://key}), if any. */
  public Optional<byte[]> media(String mediaUrl) {
    synchronized (lock) {
      byte[] bytes = media.get(mediaUrl);
      return bytes == null ? Optional.empty() : Optional.of(bytes.clone());
    }
  }

  /** Stores {@code bytes} at {@code mediaUrl} as if uploaded, e.g. to test a diarize call alone. */
  public void putMedia(String mediaUrl, byte[] bytes) {
    synchronized (lock) {
      media.put(mediaUrl, bytes.clone());
    }
  }

  // ---- the pre-signed storage ------------------------------------------------------------------

  @Override
  boolean outsideSpec(Exchange e) {
    return !e.segments.isEmpty() && e.segments.get(0).equals(PRESIGNED);
  }

  @Override
  @Nullable Reply handleOutsideSpec(Exchange e) {
    if (e.header("authorization") != null) {
      violation(Violation.Kind.AUTHORIZATION_ON_PRESIGNED_URL, e,
          "a pre-signed URL carries its own signature; the request must not send Authorization (the API key would leak to the storage)");
      return Reply.text(400, "application/xml", "<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism allowed</Message></Error>");
    }
    synchronized (lock) {
      String[] grant = e.segments.size() == 2 ? presigned.get(e.segments.get(1)) : null;
      if (grant == null || !grant[0].equals(e.method)) {
        return Reply.text(403, "application/xml", "<Error><Code>SignatureDoesNotMatch</Code></Error>");
      }
      if (e.method.equals("PUT")) {
        media.put(grant[1], e.body);
        return Reply.empty(200);
      }
      byte[] bytes = media.get(grant[1]);
      return bytes == null
          ? Reply.text(404, "application/xml", "<Error><Code>NoSuchKey</Code></Error>")
          : Reply.bytes(200, "application/octet-stream", bytes);
    }
  }

  private String presign(String method, String mediaUrl) {
    String token = newId();
    presigned.put(token, new String[] {method, mediaUrl});
    return url("/" + PRESIGNED + "/" + token) + "?X-Amz-Expires=3600&X-Amz-Signature=" + token.replace("-", "");
  }

  // ---- the API ---------------------------------------------------------------------------------

  @Override
  Reply handle(Exchange e, Instant now) {
    List<String> s = e.segments;
    String route = e.method + " " + String.join("/", s.size() > 2 && s.get(1).equals("jobs") ? s.subList(0, 2) : s);
    ObjectNode body = Json.parseObject(e.body);
    switch (route) {
      case "POST v1/media/input":
        return Reply.json(201, Json.object().put("url", presign("PUT", body.get("url").asText())));
      case "POST v1/media/output":
        return Reply.json(201, Json.object().put("url", presign("GET", body.get("url").asText())));
      case "POST v1/diarize":
      case "POST v1/voiceprint":
      case "POST v1/identify":
        return submit(s.get(1), body, now);
      case "GET v1/jobs":
        return s.size() == 3 ? getJob(s.get(2), now) : listJobs(e, now);
      case "GET v2/jobs":
        return listJobsV2(e, now);
      default:
        return error(404, "No route " + e.method + " " + e.path);
    }
  }

  private Reply submit(String operation, ObjectNode body, Instant now) {
    String url = body.get("url").asText();
    ObjectNode facts = Json.object();
    byte[] audio = media.get(url);
    facts.put("seconds", audio == null ? AudioFacts.DEFAULT_SECONDS : AudioFacts.durationSeconds(audio));
    JobRecord job = submit(operation, body, Json.string(body, "webhook", null), facts, now);
    if (url.startsWith("media://") && audio == null) facts.put("missingMedia", url);
    ObjectNode created = Json.object().put("jobId", job.id).put("status", status(job, now));
    return Reply.json(200, created);
  }

  private Reply getJob(String id, Instant now) {
    JobRecord job = jobs.get(id);
    if (job == null) return error(404, "Job not found: " + id);
    return Reply.json(200, jobJson(job, now, true));
  }

  private ObjectNode jobJson(JobRecord job, Instant now, boolean withOutput) {
    ObjectNode o = Json.object()
        .put("jobId", job.id)
        .put("status", status(job, now))
        .put("createdAt", job.createdAt.toString())
        .put("updatedAt", job.updatedAt(now).toString());
    if (withOutput && job.phase(now) == JobRecord.Phase.DONE) {
      ObjectNode output = output(job);
      if (output != null) o.set("output", output);
    }
    return o;
  }

  private Reply listJobs(Exchange e, Instant now) {
    int take = intParam(e, "take", 10);
    int skip = intParam(e, "skip", 0);
    List<JobRecord> matching = filtered(e.queryParam("status"), now);
    ArrayNode items = Json.array();
    matching.stream().skip(skip).limit(take).forEach(j -> items.add(listItem(j, now)));
    return Reply.json(200, Json.object().<ObjectNode>set("items", items).put("total", matching.size()));
  }

  private Reply listJobsV2(Exchange e, Instant now) {
    int limit = intParam(e, "limit", 10);
    List<JobRecord> matching = filtered(e.queryParam("status"), now);
    int from = 0;
    String cursor = e.queryParam("cursor");
    if (cursor != null) {
      from = -1;
      for (int i = 0; i < matching.size(); i++) if (matching.get(i).id.equals(cursor)) from = i + 1;
      if (from < 0) return error(400, "cursor: no job " + cursor + " in this listing");
    }
    ArrayNode items = Json.array();
    List<JobRecord> page = matching.subList(from, Math.min(matching.size(), from + limit));
    page.forEach(j -> items.add(listItem(j, now)));
    boolean more = from + page.size() < matching.size();
    ObjectNode o = Json.object().set("items", items);
    if (more) o.put("nextCursor", page.get(page.size() - 1).id);
    else o.putNull("nextCursor");
    return Reply.json(200, o);
  }

  private List<JobRecord> filtered(@Nullable String status, Instant now) {
    List<JobRecord> out = new ArrayList<>();
    for (JobRecord j : newestFirst()) if (status == null || status.equals(status(j, now))) out.add(j);
    return out;
  }

  private ObjectNode listItem(JobRecord j, Instant now) {
    return Json.object().put("id", j.id).put("status", status(j, now)).put("createdAt", j.createdAt.toString());
  }

  private static int intParam(Exchange e, String name, int fallback) {
    String v = e.queryParam(name);
    return v == null ? fallback : Integer.parseInt(v); // the validator has checked it is an integer in range
  }

  // ---- statuses and outputs --------------------------------------------------------------------

  @Override
  String status(JobRecord job, Instant now) {
    switch (job.phase(now)) {
      case QUEUED: return "pending";
      case RUNNING: return "running";
      default:
        if (job.facts.has("missingMedia")) return "failed";
        switch (job.script.outcome()) {
          case SUCCEED: return "succeeded";
          case FAIL: return "failed";
          default: return "canceled";
        }
    }
  }

  /** The output of a finished job: results, an error, or null (canceled). */
  private @Nullable ObjectNode output(JobRecord job) {
    if (job.facts.has("missingMedia")) return Json.object().put("error", "Media not found: " + job.facts.get("missingMedia").asText());
    if (job.script.outcome() == JobScript.Outcome.FAIL) return Json.object().put("error", job.script.error());
    if (job.script.outcome() == JobScript.Outcome.CANCEL) {
      return job.script.error() == null ? null : Json.object().put("error", job.script.error());
    }
    Random r = new Random(job.id.hashCode());
    switch (job.operation) {
      case "voiceprint": {
        byte[] print = new byte[512];
        r.nextBytes(print);
        return Json.object().put("voiceprint", java.util.Base64.getEncoder().encodeToString(print));
      }
      case "identify":
        return identification(job, r);
      default:
        return diarization(job, r);
    }
  }

  private ObjectNode diarization(JobRecord job, Random r) {
    JsonNode req = job.request;
    double seconds = job.facts.get("seconds").asDouble();
    List<double[]> turns = turns(speakerCount(req), seconds, r);
    boolean turnConfidence = Json.bool(req, "turnLevelConfidence", false);
    ObjectNode out = Json.object();
    out.set("diarization", segments(turns, turnConfidence, r));
    if (Json.bool(req, "exclusive", false)) out.set("exclusiveDiarization", segments(turns, false, r));
    if (Json.bool(req, "confidence", false)) out.set("confidence", confidence(seconds, r));
    if (Json.bool(req, "transcription", false)) {
      ArrayNode words = Json.array();
      ArrayNode sentences = Json.array();
      for (double[] t : turns) {
        int n = Math.max(1, (int) ((t[2] - t[1]) / 0.4));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
          String w = WORDS[r.nextInt(WORDS.length)];
          double start = t[1] + (t[2] - t[1]) * i / n;
          double end = t[1] + (t[2] - t[1]) * (i + 1) / n;
          words.add(Json.object().put("start", round(start)).put("end", round(end)).put("text", w).put("speaker", label((int) t[0])));
          text.append(i == 0 ? "" : " ").append(w);
        }
        sentences.add(Json.object().put("start", round(t[1])).put("end", round(t[2])).put("text", text.toString()).put("speaker", label((int) t[0])));
      }
      out.set("wordLevelTranscription", words);
      out.set("turnLevelTranscription", sentences);
    }
    return out;
  }

  private ObjectNode identification(JobRecord job, Random r) {
    JsonNode req = job.request;
    double seconds = job.facts.get("seconds").asDouble();
    JsonNode prints = req.get("voiceprints");
    List<double[]> turns = turns(speakerCount(req), seconds, r);
    ObjectNode out = Json.object();
    out.set("diarization", segments(turns, Json.bool(req, "turnLevelConfidence", false), r));
    JsonNode matching = req.get("matching");
    double threshold = matching != null && matching.hasNonNull("threshold") ? matching.get("threshold").asDouble() : 0;
    int speakers = turns.stream().mapToInt(t -> (int) t[0]).max().orElse(-1) + 1;
    String[] matchOf = new String[speakers];
    ArrayNode voiceprints = Json.array();
    for (int s = 0; s < speakers; s++) {
      ObjectNode scores = Json.object();
      double best = -1;
      for (int p = 0; p < prints.size(); p++) {
        double score = p == s ? 70 + r.nextInt(30) : r.nextInt(40);
        scores.put(prints.get(p).get("label").asText(), score);
        if (p == s) best = score;
      }
      matchOf[s] = s < prints.size() && best >= threshold ? prints.get(s).get("label").asText() : null;
      if (matchOf[s] != null) voiceprints.add(Json.object().put("speaker", label(s)).put("match", matchOf[s]).<ObjectNode>set("confidence", scores));
    }
    ArrayNode identification = Json.array();
    for (double[] t : turns) {
      String match = matchOf[(int) t[0]];
      ObjectNode seg = Json.object().put("speaker", match != null ? match : label((int) t[0]))
          .put("start", round(t[1])).put("end", round(t[2])).put("diarizationSpeaker", label((int) t[0]));
      if (match == null) seg.putNull("match");
      else seg.put("match", match);
      identification.add(seg);
    }
    out.set("identification", identification);
    out.set("voiceprints", voiceprints);
    return out;
  }

  /** How many speakers the request implies: numSpeakers, else minSpeakers, else 2, capped by maxSpeakers. */
  private static int speakerCount(JsonNode req) {
    int n = req.hasNonNull("numSpeakers") ? req.get("numSpeakers").asInt()
        : req.hasNonNull("minSpeakers") ? Math.max(2, req.get("minSpeakers").asInt()) : 2;
    if (req.hasNonNull("maxSpeakers")) n = Math.min(n, req.get("maxSpeakers").asInt());
    return Math.max(1, n);
  }

  /** Speaker turns {speaker, start, end} over {@code seconds}, 1.5 to 6 s each, with short pauses. */
  private static List<double[]> turns(int speakers, double seconds, Random r) {
    List<double[]> turns = new ArrayList<>();
    double t = r.nextDouble() * 0.5;
    int speaker = 0;
    while (t < seconds - 0.5) {
      double end = Math.min(seconds, t + 1.5 + r.nextDouble() * 4.5);
      turns.add(new double[] {speaker, t, end});
      t = end + r.nextDouble() * 0.4;
      if (speakers > 1) speaker = (speaker + 1 + r.nextInt(speakers - 1)) % speakers;
    }
    if (turns.isEmpty()) turns.add(new double[] {0, 0, Math.max(seconds, 0.1)});
    return turns;
  }

  private static ArrayNode segments(List<double[]> turns, boolean turnConfidence, Random r) {
    int speakers = turns.stream().mapToInt(t -> (int) t[0]).max().orElse(0) + 1;
    ArrayNode a = Json.array();
    for (double[] t : turns) {
      ObjectNode seg = Json.object().put("speaker", label((int) t[0])).put("start", round(t[1])).put("end", round(t[2]));
      if (turnConfidence) {
        ObjectNode c = Json.object();
        for (int s = 0; s < speakers; s++) c.put(label(s), s == (int) t[0] ? 70 + r.nextInt(30) : r.nextInt(30));
        seg.set("confidence", c);
      }
      a.add(seg);
    }
    return a;
  }

  private static ObjectNode confidence(double seconds, Random r) {
    ArrayNode score = Json.array();
    int samples = (int) Math.ceil(seconds / 0.02);
    for (int i = 0; i < samples; i++) score.add(50 + r.nextInt(51));
    return Json.object().<ObjectNode>set("score", score).put("resolution", 0.02);
  }

  private static String label(int speaker) {
    return String.format(java.util.Locale.ROOT, "SPEAKER_%02d", speaker);
  }

  private static double round(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }

  // ---- errors and webhooks ---------------------------------------------------------------------

  @Override
  Reply error(int status, String message) {
    if (status == 400) {
      ObjectNode body = Json.object().put("message", "Invalid request");
      body.set("errors", Json.array().add(Json.object().put("field", "request").put("message", message)));
      return Reply.json(400, body);
    }
    return Reply.json(status, Json.object().put("requestId", newId()).put("message", message));
  }

  @Override
  List<PendingWebhook> terminalWebhooks(JobRecord job, Instant now) {
    if (job.webhook == null) return List.of();
    ObjectNode body = Json.object().put("jobId", job.id).put("status", status(job, now));
    if (!Json.bool(job.request, "webhookStatusOnly", false)) {
      ObjectNode output = output(job);
      if (output != null) body.set("output", output);
    }
    String text = Json.text(body);
    long ts = now.getEpochSecond();
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-Request-Timestamp", Long.toString(ts));
    headers.put("X-Signature", Signatures.pyannote(webhookSecret, ts, text));
    // The payload is documented as the job itself, so it is validated as Job (FACTS: "decodes into Job").
    return List.of(new PendingWebhook(job.webhook, headers, text, "Job", text));
  }
}
