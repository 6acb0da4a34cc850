package dev.audiojobs.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * What every vendor simulator does: a real HTTP/1.1 server on the loopback interface, a job store on a
 * {@link SimulatedClock}, validation of every request and response against the vendor's normalized
 * spec, signed webhooks, and injectable faults. Thread-safe: a client may call from many threads.
 *
 * <p>The server is OkHttp's MockWebServer with a dispatcher: its sockets are real (a client's
 * connection pool, timeouts and retries all run as against the vendor), and it can delay a response or
 * drop the connection before answering, which the JDK's {@code HttpServer} cannot (it gives no access
 * to the socket).
 *
 * <p>Each request is handled in this order: it is recorded ({@link #requests()}); it is validated
 * against the spec, and any error is recorded as a {@link Violation}; an armed {@link Fault} answers
 * instead, if one matches; an invalid request is answered 400 (404 for a path the spec does not have)
 * in the vendor's error model, with the validator's messages; a request without a key gets the
 * vendor's answer to that; otherwise the simulator answers from its state. The answer is then
 * validated too; one the spec does not allow is replaced by a 500 and recorded. A test therefore ends
 * with {@link #assertNoViolations()} (the {@link SimulatorExtension} does it after each test).
 */
public abstract sealed class VendorSimulator implements AutoCloseable
    permits PyannoteSimulator, DailySimulator, LyrcsSimulator {

  private final String vendor;
  private final String basePath;
  private final MockWebServer server;
  private final SpecValidator validator;
  private final SimulatedClock clock;
  private final @Nullable String apiKey;
  private final HttpClient webhookClient;

  /** Guards the job store, scripts, faults and logs; never held while a webhook is sent. */
  final Object lock = new Object();
  final Random random;
  final String webhookSecret;
  /** By id, in submission order. */
  final Map<String, JobRecord> jobs = new LinkedHashMap<>();
  private long sequence;
  private JobScript defaultScript = JobScript.succeeds();
  private final List<JobScript> nextScripts = new ArrayList<>();
  private final List<Fault.Armed> faults = new ArrayList<>();
  private final List<Violation> violations = new ArrayList<>();
  private final List<RecordedCall> calls = new ArrayList<>();
  private final List<WebhookDelivery> deliveries = new ArrayList<>();

  VendorSimulator(String vendor, String basePath, SimulatorOptions options) {
    this.vendor = vendor;
    this.basePath = basePath;
    this.validator = SpecValidator.forVendor(vendor);
    this.clock = new SimulatedClock(options.startTime());
    this.apiKey = options.apiKey();
    this.random = new Random(options.seed());
    this.webhookSecret = options.webhookSecret() != null ? options.webhookSecret() : defaultWebhookSecret(random);
    this.webhookClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return VendorSimulator.this.dispatch(request);
      }
    });
    try {
      server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the " + vendor + " simulator on the loopback interface", e);
    }
  }

  // ---- the public API --------------------------------------------------------------------------

  /**
   * The base URL to give a client, as the vendor's with the loopback host: pyannoteAI {@code
   * http://127.0.0.1:<port>}, Daily {@code …/v1}, lyrcs.ai {@code …/api/v1}. No trailing slash.
   */
  public String baseUrl() {
    return server.url(basePath.isEmpty() ? "/" : basePath).toString().replaceAll("/$", "");
  }

  /** The simulated clock; give it to a client so that both read the same time. */
  public SimulatedClock clock() {
    return clock;
  }

  /**
   * Moves the clock forward by {@code duration}, then sends, in the order the jobs finished, the
   * webhook of every job that reached a terminal status meanwhile (or before, unsent) and names a
   * webhook URL. Sends are synchronous: when this returns, each delivery is in {@link
   * #webhookDeliveries()}. {@code Duration.ZERO} only sends what is due.
   *
   * @return the new time
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public Instant advance(Duration duration) {
    Objects.requireNonNull(duration, "duration == null");
    Instant now = clock.advance(duration);
    List<PendingWebhook> due;
    synchronized (lock) {
      List<JobRecord> finished = new ArrayList<>();
      for (JobRecord job : jobs.values()) {
        if (!job.terminalEventSent && job.phase(now) == JobRecord.Phase.DONE) finished.add(job);
      }
      finished.sort((a, b) -> a.endedAt().equals(b.endedAt()) ? Long.compare(a.sequence, b.sequence) : a.endedAt().compareTo(b.endedAt()));
      due = new ArrayList<>();
      for (JobRecord job : finished) {
        job.terminalEventSent = true;
        due.addAll(terminalWebhooks(job, now));
      }
    }
    for (PendingWebhook w : due) send(w);
    return now;
  }

  /** Snapshots of every job, in submission order, at the current simulated time. */
  public List<SimulatedJob> jobs() {
    synchronized (lock) {
      Instant now = clock.instant();
      return jobs.values().stream().map(j -> snapshot(j, now)).toList();
    }
  }

  /** The job {@code id}, if this simulator holds it (a deleted Daily job is gone). */
  public Optional<SimulatedJob> job(String id) {
    synchronized (lock) {
      JobRecord j = jobs.get(id);
      return j == null ? Optional.empty() : Optional.of(snapshot(j, clock.instant()));
    }
  }

  /** Sets the script of every job submitted from now on, unless {@link #scriptNextJob} says otherwise. */
  public void defaultScript(JobScript script) {
    Objects.requireNonNull(script, "script == null");
    synchronized (lock) {
      defaultScript = script;
    }
  }

  /** Queues {@code script} for the next job submitted; several calls script the next jobs in order. */
  public void scriptNextJob(JobScript script) {
    Objects.requireNonNull(script, "script == null");
    synchronized (lock) {
      nextScripts.add(script);
    }
  }

  /** Answers the next request, whatever it is, with {@code fault}. */
  public void failNext(Fault fault) {
    failNext(1, fault);
  }

  /**
   * Answers the next {@code times} requests with {@code fault}. Faults armed earlier match first.
   *
   * @throws IllegalArgumentException if {@code times < 1}
   */
  public void failNext(int times, Fault fault) {
    arm(null, null, times, fault);
  }

  /**
   * Answers the next {@code times} requests whose method is {@code method} ({@code null} for any) and
   * whose path, as sent and without the query, matches the regular expression {@code pathRegex}
   * entirely ({@code "/v1/jobs/.*"}), with {@code fault}.
   *
   * @throws IllegalArgumentException if {@code times < 1}
   * @throws java.util.regex.PatternSyntaxException if {@code pathRegex} is not a regular expression
   */
  public void failMatching(@Nullable String method, String pathRegex, int times, Fault fault) {
    arm(method, Pattern.compile(Objects.requireNonNull(pathRegex, "pathRegex == null")), times, fault);
  }

  private void arm(@Nullable String method, @Nullable Pattern path, int times, Fault fault) {
    Objects.requireNonNull(fault, "fault == null");
    if (times < 1) throw new IllegalArgumentException("times < 1: " + times);
    synchronized (lock) {
      faults.add(new Fault.Armed(method, path, fault, times));
    }
  }

  /** Every violation so far, in order. */
  public List<Violation> violations() {
    synchronized (lock) {
      return List.copyOf(violations);
    }
  }

  /** Returns every violation so far and forgets them: for a test that provokes some on purpose. */
  public List<Violation> takeViolations() {
    synchronized (lock) {
      List<Violation> taken = List.copyOf(violations);
      violations.clear();
      return taken;
    }
  }

  /**
   * Throws when any exchange so far violated the spec or the vendor's rules.
   *
   * @throws AssertionError listing every {@link Violation}
   */
  public void assertNoViolations() {
    List<Violation> all = violations();
    if (!all.isEmpty()) {
      throw new AssertionError(all.size() + " violation(s) against " + validator.specResource() + ":\n  "
          + all.stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
    }
  }

  /** Every request received so far, in order, with the status answered. */
  public List<RecordedCall> requests() {
    synchronized (lock) {
      return List.copyOf(calls);
    }
  }

  /** Every webhook sent so far, in order. */
  public List<WebhookDelivery> webhookDeliveries() {
    synchronized (lock) {
      return List.copyOf(deliveries);
    }
  }

  /**
   * The secret webhooks are signed with: given in {@link SimulatorOptions#withWebhookSecret}, or derived
   * from the seed (Daily's is base64, as Daily's {@code hmac}).
   */
  public String webhookSecret() {
    return webhookSecret;
  }

  /** Stops the server; connections in flight are closed. Idempotent. */
  @Override
  public void close() {
    server.close();
  }

  /** The vendor and base URL; never a key or secret. */
  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + baseUrl() + "]";
  }

  // ---- what a vendor supplies ------------------------------------------------------------------

  /** Answers a valid, authorized request from the state; called with {@link #lock} held. */
  abstract Reply handle(Exchange exchange, Instant now);

  /** Whether {@code exchange} goes to a URL the spec does not cover (a pre-signed URL, a download link). */
  boolean outsideSpec(Exchange exchange) {
    return false;
  }

  /** Answers a request for which {@link #outsideSpec} is true; never null for one. */
  @Nullable Reply handleOutsideSpec(Exchange exchange) {
    return null;
  }

  /** The vendor's error body for {@code status}, e.g. 400 with the validator's {@code message}. */
  abstract Reply error(int status, String message);

  /** The vendor's answer to a request without a well-formed bearer token. */
  Reply missingKey() {
    return error(401, "Missing or malformed Authorization header (expected: Authorization: Bearer <api key>)");
  }

  /** The wire status of {@code job} at {@code now}. */
  abstract String status(JobRecord job, Instant now);

  /** The webhooks to send now that {@code job} reached its terminal status; called with {@link #lock} held. */
  abstract List<PendingWebhook> terminalWebhooks(JobRecord job, Instant now);

  /**
   * A webhook about to be sent. {@code payloadSchema} names the component its {@code payload} (the body,
   * or a part of it) must conform to, or is null when the spec has none for it.
   */
  record PendingWebhook(String url, Map<String, String> headers, String body,
      @Nullable String payloadSchema, @Nullable String payload) {}

  // ---- helpers for vendors ---------------------------------------------------------------------

  /** Stores a new job with the next script; called with {@link #lock} held. */
  JobRecord submit(String operation, com.fasterxml.jackson.databind.node.ObjectNode request, @Nullable String webhook,
      com.fasterxml.jackson.databind.node.ObjectNode facts, Instant now) {
    JobScript script = nextScripts.isEmpty() ? defaultScript : nextScripts.remove(0);
    JobRecord job = new JobRecord(newId(), operation, sequence++, now, script, request, webhook, facts);
    jobs.put(job.id, job);
    return job;
  }

  /** A random (version 4) UUID from the seeded generator. */
  String newId() {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  /** Jobs newest first, as every vendor lists them. Called with {@link #lock} held. */
  List<JobRecord> newestFirst() {
    List<JobRecord> all = new ArrayList<>(jobs.values());
    Collections.reverse(all);
    return all;
  }

  /** An absolute URL on this server, for pre-signed and download links. */
  String url(String path) {
    return server.url(path).toString();
  }

  String basePath() {
    return basePath;
  }

  /** Records a violation found while handling (e.g. an Authorization header on a pre-signed URL). */
  void violation(Violation.Kind kind, Exchange e, String message) {
    synchronized (lock) {
      violations.add(new Violation(kind, e.method, e.target, message));
    }
  }

  private SimulatedJob snapshot(JobRecord j, Instant now) {
    return new SimulatedJob(j.id, j.operation, status(j, now), j.createdAt, Json.text(j.request), j.webhook);
  }

  // ---- dispatch --------------------------------------------------------------------------------

  private MockResponse dispatch(RecordedRequest request) {
    Exchange e = Exchange.of(request);
    Fault fault = takeFault(e);
    Reply reply;
    try {
      reply = answer(e, fault);
    } catch (RuntimeException bug) {
      // A bug of the simulator: say so loudly rather than let the client guess.
      violation(Violation.Kind.INVALID_RESPONSE, e, "the simulator failed: " + bug);
      reply = Reply.text(500, "text/plain; charset=utf-8", "simulator failure: " + bug);
    }
    synchronized (lock) {
      calls.add(new RecordedCall(e.method, e.target, e.header("authorization") != null,
          fault != null && fault.kind == Fault.Kind.RESET ? -1 : reply.status));
    }
    if (fault != null && fault.kind == Fault.Kind.RESET) {
      return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
    }
    MockResponse.Builder b = new MockResponse.Builder().code(reply.status);
    reply.headers.forEach(b::setHeader);
    b.body(new Buffer().write(reply.body));
    if (fault != null && fault.kind == Fault.Kind.SLOW) b.headersDelay(fault.delay.toMillis(), TimeUnit.MILLISECONDS);
    return b.build();
  }

  private @Nullable Fault takeFault(Exchange e) {
    synchronized (lock) {
      for (Iterator<Fault.Armed> it = faults.iterator(); it.hasNext(); ) {
        Fault.Armed armed = it.next();
        if (!armed.matches(e.method, e.path)) continue;
        if (--armed.remaining == 0) it.remove();
        return armed.fault;
      }
      return null;
    }
  }

  private Reply answer(Exchange e, @Nullable Fault fault) {
    // A pre-signed URL or a download link is not part of the API, so the spec says nothing about it.
    boolean outside = outsideSpec(e);
    List<SpecValidator.Finding> findings = outside ? List.of() : validator.validateRequest(e.method, e.path, e.query, e.headers, e.body);
    for (SpecValidator.Finding f : findings) violation(Violation.Kind.INVALID_REQUEST, e, f.toString());

    if (fault != null && fault.kind == Fault.Kind.STATUS) {
      Reply r = error(fault.status, fault.status == 429 ? "Too many requests (simulated)" : "Simulated server error " + fault.status);
      if (fault.retryAfter != null) {
        long seconds = (fault.retryAfter.toMillis() + 999) / 1000;
        r = withRetryAfter(r.header("Retry-After", Long.toString(seconds)), seconds);
      }
      return outside ? r : checked(e, r, true);
    }
    if (fault != null && fault.kind == Fault.Kind.RESET) return Reply.empty(0);
    if (outside) return java.util.Objects.requireNonNull(handleOutsideSpec(e), "outsideSpec without a handler");

    if (!findings.isEmpty()) {
      boolean unknownPath = findings.stream().anyMatch(f -> f.key().equals(SpecValidator.PATH_MISSING) || f.key().equals(SpecValidator.OPERATION_NOT_ALLOWED));
      String message = findings.stream().map(SpecValidator.Finding::toString).collect(Collectors.joining("; "));
      return checked(e, error(unknownPath ? 404 : 400, message), true);
    }
    String token = e.bearerToken();
    if (token == null) {
      violation(Violation.Kind.MISSING_API_KEY, e, "no Authorization: Bearer <api key> header");
      return checked(e, missingKey(), true);
    }
    if (apiKey != null && !apiKey.equals(token)) {
      return checked(e, error(401, "Invalid API key"), false);
    }
    Reply r;
    synchronized (lock) {
      r = handle(e, clock.instant());
    }
    return checked(e, r, false);
  }

  /** Lets a vendor add its own form of {@code Retry-After} to a 429 body (lyrcs.ai's {@code retry_after}). */
  Reply withRetryAfter(Reply reply, long seconds) {
    return reply;
  }

  /** Validates {@code reply} against the spec; a reply it does not allow becomes a 500 and a violation. */
  private Reply checked(Exchange e, Reply reply, boolean statusMayBeUndeclared) {
    List<SpecValidator.Finding> findings = validator.validateResponse(e.method, e.path, reply.status, reply.headers, reply.body);
    List<SpecValidator.Finding> errors = findings.stream()
        .filter(f -> !(statusMayBeUndeclared && f.key().equals(SpecValidator.UNKNOWN_STATUS)))
        .filter(f -> !(statusMayBeUndeclared && reply.status == 404 && f.key().startsWith("validation.request")))
        .toList();
    if (errors.isEmpty()) return reply;
    String body = new String(reply.body, StandardCharsets.UTF_8);
    String message = "HTTP " + reply.status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body) + " → "
        + errors.stream().map(SpecValidator.Finding::toString).collect(Collectors.joining("; "));
    violation(Violation.Kind.INVALID_RESPONSE, e, message);
    return Reply.text(500, "text/plain; charset=utf-8", "the simulator produced a response its spec does not allow: " + message);
  }

  // ---- webhooks --------------------------------------------------------------------------------

  private void send(PendingWebhook w) {
    if (w.payloadSchema() != null && w.payload() != null) {
      for (SpecValidator.Finding f : validator.validateComponent(w.payloadSchema(), w.payload())) {
        synchronized (lock) {
          violations.add(new Violation(Violation.Kind.INVALID_WEBHOOK, "POST", w.url(), f.toString()));
        }
      }
    }
    int status = -1;
    String failure = null;
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(w.url()))
          .timeout(Duration.ofSeconds(10))
          .POST(HttpRequest.BodyPublishers.ofString(w.body(), StandardCharsets.UTF_8));
      w.headers().forEach(b::header);
      status = webhookClient.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException | IllegalArgumentException e) {
      failure = e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = e.toString();
    }
    synchronized (lock) {
      deliveries.add(new WebhookDelivery(w.url(), w.headers(), w.body(), status, failure));
    }
  }

  private static String defaultWebhookSecret(Random random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return java.util.Base64.getEncoder().encodeToString(bytes);
  }
}
