package dev.audiojobs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A simulated Daily batch processor ({@code openapi/normalized/daily.yaml}), at {@code <baseUrl>} =
 * {@code http://127.0.0.1:<port>/v1}: submit, get, list ({@code limit}, {@code starting_after},
 * {@code ending_before}, {@code recordingId}), access links and delete, with the domain's webhook.
 *
 * <p>Statuses: {@code submitted} while queued, {@code processing}, then {@code finished} or {@code
 * error} (with the script's error text; a canceled script also ends as {@code error}). A finished
 * {@code transcript} job has {@code output.transcription} in {@code txt}, {@code vtt} and {@code json},
 * a {@code summarize} job {@code output.summary}, a {@code soap-notes} job {@code output.soap}; their
 * S3 keys follow {@code outParams.s3Config.s3KeyTemplate} (with {@code {epoch_time}}, {@code
 * {domain_name}} = {@code simulated}, {@code {job_id}} filled in when {@code useReplacement}). Access
 * links are 400 unless finished and point at this server, which serves a generated text. A {@code
 * sourceType} without its field ({@code uri}, {@code recordingId}, {@code transcriptUri}) is a 400
 * {@code invalid-request-error}. A deleted job is gone (404).
 *
 * <p>Webhooks are domain-wide in Daily: {@link #subscribeWebhook(String)} names the URL. Events {@code
 * batch-processor.job-finished} and {@code batch-processor.error}, envelope {@code {version, type, id,
 * payload, event_ts}}, signed {@code X-Webhook-Timestamp} and {@code X-Webhook-Signature} =
 * base64(HMAC-SHA256(base64-decoded secret, {@code <timestamp>.<body>})).
 */
public final class DailySimulator extends VendorSimulator {
  private static final String STORAGE = "_storage";
  private @Nullable String webhookUrl;

  private DailySimulator(SimulatorOptions options) {
    super("daily", "/v1", options);
    try {
      Base64.getDecoder().decode(webhookSecret);
    } catch (IllegalArgumentException e) {
      close();
      throw new IllegalArgumentException("Daily's webhook secret (hmac) must be base64", e);
    }
  }

  /** Starts a simulator with {@link SimulatorOptions#defaults()}. */
  public static DailySimulator start() {
    return start(SimulatorOptions.defaults());
  }

  /**
   * Starts a simulator with {@code options}.
   *
   * @throws IllegalArgumentException if the options' webhook secret is not base64
   */
  public static DailySimulator start(SimulatorOptions options) {
    return new DailySimulator(options);
  }

  /** Sends the domain's batch-processor events to {@code url} from now on, as a Daily webhook subscription does. */
  public void subscribeWebhook(String url) {
    Objects.requireNonNull(url, "url == null");
    synchronized (lock) {
      webhookUrl = url;
    }
  }

  @Override
  Reply handle(Exchange e, Instant now) {
    List<String> s = e.segments; // v1, batch-processor, {id}, access-link
    String id = s.size() > 2 ? s.get(2) : null;
    if (id == null) return e.method.equals("POST") ? submit(e, now) : list(e, now);
    JobRecord job = jobs.get(id);
    if (job == null) return error(404, "batch processor job " + id + " not found");
    if (s.size() == 4) return accessLink(job, now);
    if (e.method.equals("DELETE")) {
      jobs.remove(id);
      return Reply.json(200, jobJson(job, now));
    }
    return Reply.json(200, jobJson(job, now));
  }

  private Reply submit(Exchange e, Instant now) {
    ObjectNode body = Objects.requireNonNull(Json.parseObject(e.body));
    JsonNode in = body.get("inParams");
    String sourceType = in.get("sourceType").asText();
    if (!List.of("uri", "recordingId", "transcriptUri").contains(sourceType)) {
      return error(400, "inParams.sourceType must be uri, recordingId or transcriptUri, not " + sourceType);
    }
    if (!in.hasNonNull(sourceType)) return error(400, "inParams." + sourceType + " is required with sourceType " + sourceType);
    JobRecord job = submit("submitJob", body, null, Json.object(), now);
    return Reply.json(200, Json.object().put("id", job.id));
  }

  private Reply list(Exchange e, Instant now) {
    String recordingId = e.queryParam("recordingId");
    List<JobRecord> matching = new ArrayList<>();
    for (JobRecord j : newestFirst()) {
      if (recordingId == null || recordingId.equals(Json.string(j.request.get("inParams"), "recordingId", null))) matching.add(j);
    }
    int limit = e.queryParam("limit") == null ? 100 : Integer.parseInt(e.queryParam("limit"));
    String after = e.queryParam("starting_after");
    String before = e.queryParam("ending_before");
    int from = 0;
    int to = matching.size();
    if (after != null) {
      int i = indexOf(matching, after);
      if (i < 0) return error(400, "starting_after: no job " + after);
      from = i + 1;
    }
    if (before != null) {
      int i = indexOf(matching, before);
      if (i < 0) return error(400, "ending_before: no job " + before);
      to = Math.min(to, i);
      if (after == null) from = Math.max(0, to - limit);
    }
    ArrayNode data = Json.array();
    for (JobRecord j : matching.subList(Math.min(from, to), Math.min(to, from + limit))) {
      data.add(Json.object().put("id", j.id).put("preset", j.request.get("preset").asText()).put("status", status(j, now)));
    }
    return Reply.json(200, Json.object().put("total_count", matching.size()).set("data", data));
  }

  private static int indexOf(List<JobRecord> jobs, String id) {
    for (int i = 0; i < jobs.size(); i++) if (jobs.get(i).id.equals(id)) return i;
    return -1;
  }

  private Reply accessLink(JobRecord job, Instant now) {
    String status = status(job, now);
    if (!status.equals("finished")) return error(400, "batch processor job " + job.id + " is not finished (status " + status + ")");
    ObjectNode o = Json.object().put("id", job.id).put("preset", job.request.get("preset").asText()).put("status", status);
    ObjectNode output = output(job);
    if (output.has("transcription")) {
      ArrayNode links = Json.array();
      for (JsonNode t : output.get("transcription")) links.add(link(job, "transcript", t.get("format").asText()));
      o.set("transcription", links);
    }
    if (output.has("summary")) o.set("summary", link(job, "summary", "txt"));
    return Reply.json(200, o);
  }

  private ObjectNode link(JobRecord job, String what, String format) {
    return Json.object().put("format", format).put("link", url("/" + STORAGE + "/" + job.id + "/" + what + "." + format));
  }

  @Override
  boolean outsideSpec(Exchange e) {
    return !e.segments.isEmpty() && e.segments.get(0).equals(STORAGE);
  }

  @Override
  @Nullable Reply handleOutsideSpec(Exchange e) {
    if (e.segments.size() != 3 || !e.method.equals("GET")) return Reply.text(404, "text/plain", "not found");
    synchronized (lock) {
      JobRecord job = jobs.get(e.segments.get(1));
      if (job == null || !status(job, clock().instant()).equals("finished")) return Reply.text(404, "text/plain", "not found");
      String file = e.segments.get(2);
      String text = file.startsWith("summary") ? "Summary: the speakers agreed on the next steps."
          : file.endsWith(".json") ? "{\"words\":[{\"word\":\"hello\",\"start\":0.5,\"end\":0.9}]}"
          : file.endsWith(".vtt") ? "WEBVTT\n\n00:00.500 --> 00:02.000\nHello, everyone.\n"
          : "Hello, everyone.\n";
      return Reply.text(200, file.endsWith(".json") ? "application/json" : "text/plain; charset=utf-8", text);
    }
  }

  // ---- statuses and outputs --------------------------------------------------------------------

  @Override
  String status(JobRecord job, Instant now) {
    switch (job.phase(now)) {
      case QUEUED: return "submitted";
      case RUNNING: return "processing";
      default: return job.script.outcome() == JobScript.Outcome.SUCCEED ? "finished" : "error";
    }
  }

  private ObjectNode jobJson(JobRecord job, Instant now) {
    JsonNode in = job.request.get("inParams");
    ObjectNode input = Json.object().put("sourceType", in.get("sourceType").asText());
    for (String f : List.of("uri", "recordingId", "transcriptUri", "language")) {
      if (in.hasNonNull(f)) input.put(f, in.get(f).asText());
    }
    String status = status(job, now);
    ObjectNode o = Json.object().put("id", job.id).put("preset", job.request.get("preset").asText()).put("status", status);
    o.set("input", input);
    if (status.equals("finished")) o.set("output", output(job));
    if (status.equals("error")) {
      String error = job.script.error();
      o.put("error", error != null ? error : "canceled");
    }
    return o;
  }

  private ObjectNode output(JobRecord job) {
    String preset = job.request.get("preset").asText();
    ObjectNode out = Json.object();
    if (preset.equals("summarize")) out.set("summary", file(job, "summary", "txt"));
    else if (preset.equals("soap-notes")) out.set("soap", file(job, "soap", "txt"));
    else {
      ArrayNode t = Json.array();
      for (String format : List.of("txt", "vtt", "json")) t.add(file(job, "transcript", format));
      out.set("transcription", t);
    }
    return out;
  }

  private ObjectNode file(JobRecord job, String what, String format) {
    JsonNode s3 = job.request.get("outParams").get("s3Config");
    String key = s3.get("s3KeyTemplate").asText();
    if (Json.bool(s3, "useReplacement", false)) {
      key = key.replace("{epoch_time}", Long.toString(job.createdAt.getEpochSecond()))
          .replace("{domain_name}", "simulated").replace("{job_id}", job.id);
    }
    ObjectNode s3Config = Json.object().put("key", key + "/" + what + "." + format).put("bucket", "simulated-bucket").put("region", "us-west-2");
    return Json.object().put("format", format).set("s3Config", s3Config);
  }

  // ---- errors and webhooks ---------------------------------------------------------------------

  @Override
  Reply error(int status, String message) {
    String type = switch (status) {
      case 400 -> "invalid-request-error";
      case 401 -> "authentication-error";
      case 403 -> "forbidden-error";
      case 404 -> "not-found";
      case 429 -> "rate-limit-error";
      default -> status >= 500 ? "server-error" : "invalid-request-error";
    };
    return Reply.json(status, Json.object().put("error", type).put("info", message));
  }

  /** Daily answers a missing or malformed Authorization header with 400 {@code authorization-header-error}. */
  @Override
  Reply missingKey() {
    return Reply.json(400, Json.object().put("error", "authorization-header-error")
        .put("info", "Authorization header missing or malformed (expected: Authorization: Bearer <api key>)"));
  }

  @Override
  List<PendingWebhook> terminalWebhooks(JobRecord job, Instant now) {
    if (webhookUrl == null) return List.of();
    String status = status(job, now);
    ObjectNode envelope = Json.object()
        .put("version", "1.0.0")
        .put("type", status.equals("finished") ? "batch-processor.job-finished" : "batch-processor.error")
        .put("id", newId());
    envelope.set("payload", jobJson(job, now));
    envelope.put("event_ts", now.getEpochSecond());
    String text = Json.text(envelope);
    long ts = now.getEpochSecond();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-Webhook-Timestamp", Long.toString(ts));
    headers.put("X-Webhook-Signature", Signatures.daily(webhookSecret, ts, text));
    return List.of(new PendingWebhook(webhookUrl, headers, text, "BatchJob", Json.text(envelope.get("payload"))));
  }
}
