package dev.audiojobs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated lyrcs.ai API ({@code openapi/normalized/lyrcs.yaml}), at {@code <baseUrl>} = {@code
 * http://127.0.0.1:<port>/api/v1}: transcribe (JSON with {@code audio_url}, or multipart with {@code
 * file}), get, download and languages, with signed webhooks.
 *
 * <p>Statuses: {@code queued} while queued (the submit response's status), {@code processing}, then
 * {@code complete} with {@code results} (a transcript, transliteration and translation; {@code
 * downloads} links when {@code align}, {@code words_*} too when {@code word_align}) or {@code failed}
 * with {@code error} (the script's text, else {@code processing_failed}; a canceled script also ends as
 * {@code failed}). Downloads answer 202 {@code {status: processing}} until the job is complete, and
 * forever for a job without {@code align} (or, for {@code words}, without {@code word_align}); a
 * failed job's downloads are 404 (our choice: the docs do not say). LRC and SRT come as {@code
 * text/plain; charset=utf-8} with {@code Content-Disposition: attachment}, words as JSON.
 *
 * <p>As lyrcs.ai: {@code language} must be one of {@link #LANGUAGES} exactly (case-sensitive), {@code
 * audio_url} must be https, and {@code webhook_url} is read from JSON bodies only. Unlike lyrcs.ai, a
 * {@code webhook_url} may be plain http on a loopback host, so that a test can receive it. Events:
 * {@code job.complete} ({@code job.awaiting_review} when {@code review}) and {@code job.failed}, body
 * {@code {event, job_id, status, …}}, signed {@code X-Lyrcs-Signature} = hex HMAC-SHA256(secret, body).
 */
public final class LyrcsSimulator extends VendorSimulator {
  /** The language names this simulator accepts: a sample; lyrcs.ai's own list is longer. */
  public static final List<String> LANGUAGES = List.of(
      "Arabic", "Bengali", "English", "French", "German", "Hindi", "Japanese", "Kannada", "Korean",
      "Malayalam", "Marathi", "Punjabi", "Spanish", "Tamil", "Telugu", "Urdu");

  private static final String[][] LINES = {
    {"Kaatru veesum neram", "Kaatru veesum neram", "When the wind blows"},
    {"Unnai ninaikkiren", "Unnai ninaikkiren", "I think of you"},
    {"Nilavin oliyil", "Nilavin oliyil", "In the light of the moon"},
    {"Naan paadum paadal", "Naan paadum paadal", "The song I sing"},
  };

  /** The bytes of each multipart job's file, by job id; guarded by {@link #lock}. */
  private final Map<String, byte[]> uploads = new HashMap<>();

  private LyrcsSimulator(SimulatorOptions options) {
    super("lyrcs", "/api/v1", options);
  }

  /** Starts a simulator with {@link SimulatorOptions#defaults()}. */
  public static LyrcsSimulator start() {
    return start(SimulatorOptions.defaults());
  }

  /** Starts a simulator with {@code options}. */
  public static LyrcsSimulator start(SimulatorOptions options) {
    return new LyrcsSimulator(options);
  }

  /**
   * The bytes of the file a multipart transcription of job {@code jobId} sent; empty for a job sent by
   * {@code audio_url} or one this simulator does not hold.
   */
  public Optional<byte[]> uploadedFile(String jobId) {
    synchronized (lock) {
      byte[] bytes = uploads.get(jobId);
      return bytes == null ? Optional.empty() : Optional.of(bytes.clone());
    }
  }

  @Override
  Reply handle(Exchange e, Instant now) {
    List<String> s = e.segments; // api, v1, …
    String first = s.get(2);
    if (first.equals("languages")) {
      ArrayNode a = Json.array();
      LANGUAGES.forEach(a::add);
      return Reply.json(200, a);
    }
    if (first.equals("transcribe")) return transcribe(e, now);
    JobRecord job = jobs.get(s.get(3));
    if (job == null) return error(404, "Job not found");
    if (s.size() == 4) return Reply.json(200, jobJson(job, now));
    return download(job, s.get(5), s.get(6), now);
  }

  private Reply transcribe(Exchange e, Instant now) {
    ObjectNode request;
    ObjectNode facts = Json.object();
    String webhook = null;
    Map<String, Multipart.Part> form = Multipart.parse(e.contentType(), e.body);
    if (form != null) {
      request = Json.object();
      for (Multipart.Part p : form.values()) {
        if (p.filename() != null) continue;
        String v = p.text();
        if (v.equals("true") || v.equals("false")) request.put(p.name(), Boolean.parseBoolean(v));
        else request.put(p.name(), v);
      }
      Multipart.Part file = form.get("file");
      if (file == null || file.filename() == null) return error(400, "file is required");
      request.put("file", file.filename());
      facts.put("bytes", file.content().length);
    } else {
      request = Json.parseObject(e.body);
      if (request == null) return error(400, "the body is not a JSON object");
      String audioUrl = request.get("audio_url").asText();
      if (!audioUrl.startsWith("https://")) return error(400, "audio_url must be an https URL");
      webhook = Json.string(request, "webhook_url", null);
      if (webhook != null && !acceptableWebhook(webhook)) return error(400, "webhook_url must be an https URL");
    }
    String language = Json.string(request, "language", "");
    if (!LANGUAGES.contains(language)) {
      return error(400, "Unsupported language \"" + language + "\"; GET /languages lists the accepted names (case-sensitive)");
    }
    JobRecord job = submit("transcribe", request, webhook, facts, now);
    if (form != null) uploads.put(job.id, form.get("file").content().clone());
    ObjectNode accepted = Json.object()
        .put("job_id", job.id)
        .put("status", "queued")
        .put("language", language)
        .put("created_at", job.createdAt.toString())
        .put("review_required", review(job))
        .put("align_requested", align(job))
        .put("word_align_requested", wordAlign(job));
    return Reply.json(202, accepted);
  }

  private static boolean acceptableWebhook(String url) {
    if (url.startsWith("https://")) return true;
    try {
      URI u = URI.create(url);
      return "http".equals(u.getScheme()) && u.getHost() != null
          && (u.getHost().equals("localhost") || u.getHost().equals("127.0.0.1") || u.getHost().equals("[::1]"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean align(JobRecord job) {
    return Json.bool(job.request, "align", true);
  }

  private static boolean wordAlign(JobRecord job) {
    return align(job) && Json.bool(job.request, "word_align", true);
  }

  private static boolean review(JobRecord job) {
    return Json.bool(job.request, "review", false);
  }

  @Override
  String status(JobRecord job, Instant now) {
    switch (job.phase(now)) {
      case QUEUED: return "queued";
      case RUNNING: return "processing";
      default: return job.script.outcome() == JobScript.Outcome.SUCCEED ? "complete" : "failed";
    }
  }

  private ObjectNode jobJson(JobRecord job, Instant now) {
    String status = status(job, now);
    ObjectNode o = Json.object()
        .put("job_id", job.id)
        .put("status", status)
        .put("language", job.request.get("language").asText())
        .put("align_requested", align(job))
        .put("word_align_requested", wordAlign(job))
        .put("created_at", job.createdAt.toString());
    if (status.equals("complete")) {
      o.put("completed_at", job.endedAt().toString());
      o.put("duration_seconds", 214);
      o.put("studio_url", url("/studio/" + job.id));
      o.set("results", results(job));
    } else {
      o.putNull("completed_at");
    }
    if (status.equals("failed")) {
      String error = job.script.error();
      o.put("error", error != null ? error : "processing_failed");
    }
    if (review(job)) {
      o.put("review_required", true);
      o.putNull("review_url");
      o.put("review_expires_at", job.createdAt.plus(java.time.Duration.ofDays(7)).toString());
      o.putNull("review_approved_at");
    }
    if (job.request.has("audio_url")) o.put("audio_url", job.request.get("audio_url").asText());
    return o;
  }

  private ObjectNode results(JobRecord job) {
    StringBuilder transcript = new StringBuilder();
    StringBuilder transliteration = new StringBuilder();
    StringBuilder translation = new StringBuilder();
    for (String[] line : LINES) {
      transcript.append(line[0]).append('\n');
      transliteration.append(line[1]).append('\n');
      translation.append(line[2]).append('\n');
    }
    ObjectNode r = Json.object()
        .put("transcript", transcript.toString().strip())
        .put("transliteration", transliteration.toString().strip())
        .put("translation", translation.toString().strip());
    r.putNull("cultural_notes");
    if (align(job)) {
      ObjectNode d = Json.object();
      for (String kind : wordAlign(job) ? List.of("lrc", "srt", "words") : List.of("lrc", "srt")) {
        for (String variant : List.of("original", "transliterated")) {
          d.put(kind + "_" + variant, url(basePath() + "/jobs/" + job.id + "/download/" + kind + "/" + variant));
        }
      }
      r.set("downloads", d);
    }
    return r;
  }

  private Reply download(JobRecord job, String kind, String variant, Instant now) {
    String status = status(job, now);
    if (status.equals("failed")) return error(404, "Job failed; it has no downloads");
    boolean ready = status.equals("complete") && align(job) && (!kind.equals("words") || wordAlign(job));
    if (!ready) return Reply.json(202, Json.object().put("status", "processing"));
    int column = variant.equals("original") ? 0 : 1;
    if (kind.equals("words")) {
      ArrayNode words = Json.array();
      double t = 12.0;
      for (String[] line : LINES) {
        for (String w : line[column].split(" ")) {
          words.add(Json.object().put("word", w).put("timestamp", lrcTime(t)));
          t += 0.6;
        }
        t += 1.2;
      }
      return Reply.json(200, words);
    }
    StringBuilder text = new StringBuilder();
    double t = 12.0;
    for (int i = 0; i < LINES.length; i++) {
      String line = LINES[i][column];
      if (kind.equals("lrc")) text.append(lrcTime(t)).append(line).append('\n');
      else text.append(i + 1).append('\n').append(srtTime(t)).append(" --> ").append(srtTime(t + 3.5)).append('\n').append(line).append("\n\n");
      t += 4.0;
    }
    return Reply.text(200, "text/plain; charset=utf-8", text.toString())
        .header("Content-Disposition", "attachment; filename=\"" + job.id + "_" + variant + "." + kind + "\"");
  }

  private static String lrcTime(double seconds) {
    int cs = (int) Math.round(seconds * 100);
    return String.format(Locale.ROOT, "[%02d:%02d.%02d]", cs / 6000, cs / 100 % 60, cs % 100);
  }

  private static String srtTime(double seconds) {
    int ms = (int) Math.round(seconds * 1000);
    return String.format(Locale.ROOT, "%02d:%02d:%02d,%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
  }

  @Override
  Reply error(int status, String message) {
    String[] typeAndCode = switch (status) {
      case 400 -> new String[] {"validation_error", "VAL_001"};
      case 401 -> new String[] {"unauthorized", "AUTH_001"};
      case 402 -> new String[] {"insufficient_credits", "PAY_001"};
      case 403 -> new String[] {"forbidden", "AUTH_002"};
      case 404 -> new String[] {"not_found", "NOT_001"};
      case 429 -> new String[] {"rate_limit_exceeded", "RATE_001"};
      // Not documented: our own type and code for a server error.
      default -> new String[] {"server_error", "SRV_001"};
    };
    return Reply.json(status, Json.object().put("error", typeAndCode[0]).put("message", message).put("code", typeAndCode[1]));
  }

  /** lyrcs.ai repeats the Retry-After seconds in the body's {@code retry_after}. */
  @Override
  Reply withRetryAfter(Reply reply, long seconds) {
    ObjectNode body = Json.parseObject(reply.body);
    if (body == null) return reply;
    Reply withIt = Reply.json(reply.status, body.put("retry_after", seconds));
    reply.headers.forEach(withIt::header);
    return withIt;
  }

  @Override
  List<PendingWebhook> terminalWebhooks(JobRecord job, Instant now) {
    if (job.webhook == null) return List.of();
    String status = status(job, now);
    ObjectNode body = Json.object()
        .put("event", status.equals("complete") ? (review(job) ? "job.awaiting_review" : "job.complete") : "job.failed")
        .put("job_id", job.id)
        .put("status", status);
    JsonNode full = jobJson(job, now);
    if (full.has("results")) body.set("results", full.get("results"));
    if (full.has("error")) body.set("error", full.get("error"));
    String text = Json.text(body);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-Lyrcs-Signature", Signatures.lyrcs(webhookSecret, text));
    // The spec has no schema for lyrcs.ai's events, so nothing validates this one.
    return List.of(new PendingWebhook(job.webhook, headers, text, null, null));
  }
}
