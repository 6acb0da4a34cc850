package dev.audiojobs.conformance.prism;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.DecodeException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The sweep of one operation: the vendor's real client calls a Prism server that serves some spec (the
 * normalized one, an upstream one, or a broken copy), and every outcome is judged.
 *
 * <ul>
 *   <li>Plain calls until {@code decodable} responses inside the spec were seen (at most three times
 *       as many calls): each must return a decoded value.
 *   <li>{@code callsPerError} calls for each error status the served spec declares, asking Prism for it
 *       with {@code Prefer: code=<status>}: each must throw {@link ApiException} with that status and a
 *       decoded error body of the declared schema.
 *   <li>Every call: Prism must accept the request. In mock mode Prism answers a request its validator
 *       rejects with the spec's 4xx (the generated body decodes fine as an error) and lists the
 *       violations in an {@code sl-violations} header; that header is what fails the call.
 * </ul>
 */
final class Sweep {
  /** What happened to one call. */
  enum Kind {
    /** A 2xx decoded into the client's model. */
    DECODED(false),
    /** The requested error status, with its declared error body decoded. */
    TYPED_ERROR(false),
    /** The client rejected a body that the served spec forbids too: Prism's generator strayed. */
    OUTSIDE_SPEC(false),
    /** The client rejected a body the served spec allows. */
    DECODE_FAILED(true),
    /** The requested error status came back, but its body did not decode as the declared schema. */
    ERROR_BODY_NOT_DECODED(true),
    /** Prism's request validation rejected what the client sent. */
    REQUEST_REJECTED(true),
    /** Anything else: another status than asked for, a transport failure, an unexpected exception. */
    UNEXPECTED(true);

    final boolean failure;

    Kind(boolean failure) {
      this.failure = failure;
    }
  }

  /** One call and its verdict; {@code path} and {@code reason} are the client's decode error, when any. */
  record Outcome(String vendor, String operationId, int number, Map<String, Object> arguments,
      Integer preferredStatus, Kind kind, int status, String path, String reason, String rawBody,
      String detail, String genericPath) {

    Outcome(String vendor, String operationId, int number, Map<String, Object> arguments,
        Integer preferredStatus, Kind kind, int status, String path, String reason, String rawBody, String detail) {
      this(vendor, operationId, number, arguments, preferredStatus, kind, status, path, reason, rawBody, detail, path);
    }

    /** The same outcome with the path also in its generic form ({@link Spec#genericPath}). */
    Outcome withGenericPath(Spec spec, Spec.Operation operation, int responseStatus) {
      return path == null ? this : new Outcome(vendor, operationId, number, arguments, preferredStatus, kind, status,
          path, reason, rawBody, detail, spec.genericPath(operation, responseStatus, path));
    }

    /** A message naming everything needed to reproduce and understand the call. */
    String describe() {
      StringBuilder s = new StringBuilder()
          .append(vendor).append(' ').append(operationId).append(" call ").append(number)
          .append(' ').append(arguments);
      if (preferredStatus != null) s.append(" Prefer: code=").append(preferredStatus);
      s.append(" → ").append(kind).append(" (HTTP ").append(status).append(')');
      if (path != null) s.append(" at ").append(path).append(": ").append(reason);
      if (detail != null && !detail.isEmpty()) s.append("; ").append(detail);
      if (rawBody != null) s.append("\n    raw body: ").append(abbreviate(rawBody, 2000));
      return s.toString();
    }
  }

  /** The outcomes of one operation, in call order. */
  record Result(String vendor, String operationId, String servedAs, List<Outcome> outcomes) {
    long count(Kind kind) {
      return outcomes.stream().filter(o -> o.kind() == kind).count();
    }

    List<Outcome> failures() {
      return outcomes.stream().filter(o -> o.kind().failure).toList();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private Sweep() {}

  /**
   * Sweeps {@code clientOperation} (of the normalized spec, whose parameters the client takes) against
   * {@code served}, the same method and path in the spec Prism serves at {@code baseUrl}.
   */
  static Result run(String vendor, Spec.Operation clientOperation, Spec servedSpec, Spec.Operation served,
      String baseUrl, int decodable, int callsPerError) {
    PreferAndRecord exchange = new PreferAndRecord();
    VendorClient client = VendorClient.create(vendor, baseUrl, exchange);
    Method method = client.method(clientOperation.operationId(),
        clientOperation.parameters().size() + (clientOperation.requestBodySchema() == null && !clientOperation.binaryBody() ? 0 : 1),
        clientOperation.requestBodySchema());
    // One fixed seed per operation: a run's requests are the same every time, whatever ran before.
    Random random = new Random(20261122L ^ (vendor + " " + clientOperation.operationId()).hashCode());
    List<Outcome> outcomes = new ArrayList<>();
    int inSpec = 0;
    for (int n = 1; inSpec < decodable && n <= 3 * decodable; n++) {
      Outcome outcome = call(vendor, clientOperation, servedSpec, served, client, method, random, exchange, n, null);
      outcomes.add(outcome);
      if (outcome.kind() != Kind.OUTSIDE_SPEC) inSpec++;
    }
    int n = outcomes.size();
    for (Map.Entry<Integer, String> error : served.errorSchemas().entrySet()) {
      for (int i = 0; i < callsPerError; i++) {
        outcomes.add(call(vendor, clientOperation, servedSpec, served, client, method, random, exchange, ++n, error.getKey()));
      }
    }
    return new Result(vendor, clientOperation.operationId(), served.operationId(), outcomes);
  }

  private static Outcome call(String vendor, Spec.Operation clientOperation, Spec servedSpec,
      Spec.Operation served, VendorClient client, Method method, Random random, PreferAndRecord exchange,
      int number, Integer prefer) {
    Outcome outcome = callOnce(vendor, clientOperation, servedSpec, served, client, method, random, exchange, number, prefer);
    int responseStatus = prefer != null ? prefer : outcome.status() == 0 ? 200 : outcome.status();
    return outcome.withGenericPath(servedSpec, served, responseStatus);
  }

  private static Outcome callOnce(String vendor, Spec.Operation clientOperation, Spec servedSpec,
      Spec.Operation served, VendorClient client, Method method, Random random, PreferAndRecord exchange,
      int number, Integer prefer) {
    Arguments.Call arguments = Arguments.generate(random, clientOperation.parameters(), method.getGenericParameterTypes());
    if (clientOperation.binaryBody()) arguments = arguments.withFile(random);
    if (clientOperation.requestBodySchema() != null) {
      // The body is generated from the client's own spec (the normalized one) and passed as the user's
      // model: Prism then judges what the client makes of it on the wire.
      String name = clientOperation.requestBodySchema();
      JsonNode body = Bodies.generate(client.spec(), client.spec().schema(name), random);
      arguments = arguments.withBody(name, body);
    }
    exchange.prefer = prefer;
    exchange.status = 0;
    exchange.violations = null;
    Object value = null;
    Throwable thrown = null;
    try {
      value = client.call(method, arguments.decodedBody(client));
    } catch (Throwable t) {
      thrown = t;
    }
    String op = clientOperation.operationId();
    Map<String, Object> args = arguments.byName();
    int status = exchange.status;
    String body = thrown instanceof ApiException e ? e.rawBody() : thrown instanceof DecodeException e ? e.rawBody() : null;
    List<String> requestViolations = violations(exchange.violations, "request");
    if (!requestViolations.isEmpty()) {
      return new Outcome(vendor, op, number, args, prefer, Kind.REQUEST_REJECTED, status, null, null, body,
          "Prism's request validation: " + String.join("; ", requestViolations));
    }
    if (thrown instanceof DecodeException e) {
      List<String> violations = ResponseSchemas.violations(servedSpec, served, e.statusCode(), e.rawBody());
      List<String> prismSays = violations(exchange.violations, "response");
      return violations.isEmpty()
          ? new Outcome(vendor, op, number, args, prefer, Kind.DECODE_FAILED, status, e.path(), e.reason(), e.rawBody(),
              "the body is valid against " + servedSpec.file().getFileName()
                  + (prismSays.isEmpty() ? "" : " (Prism's own validator says: " + String.join("; ", prismSays) + ")"))
          : new Outcome(vendor, op, number, args, prefer, Kind.OUTSIDE_SPEC, status, e.path(), e.reason(), e.rawBody(),
              "the served spec forbids this body too: " + String.join("; ", violations));
    }
    if (prefer == null) {
      if (thrown == null && value != null) {
        return new Outcome(vendor, op, number, args, null, Kind.DECODED, status, null, null, null, value.getClass().getSimpleName());
      }
      return unexpected(vendor, op, number, args, null, status, value, thrown, body);
    }
    if (!(thrown instanceof ApiException e) || e.statusCode() != prefer) {
      return unexpected(vendor, op, number, args, prefer, status, value, thrown, body);
    }
    if (served.bodilessErrors().contains(prefer)) {
      // Declared without a body (AssemblyAI's 503 and 504): the HTTP error, with no error body to decode.
      return e.error().isEmpty()
          ? new Outcome(vendor, op, number, args, prefer, Kind.TYPED_ERROR, status, null, null, null, "no body declared")
          : new Outcome(vendor, op, number, args, prefer, Kind.UNEXPECTED, status, null, null, e.rawBody(),
              "HTTP " + prefer + " is declared without a body, yet the client decoded " + e.error().get().getClass().getSimpleName());
    }
    String schema = served.errorSchemas().get(prefer);
    Class<?> expected = schema.isEmpty() ? null : client.model(schema);
    if (expected == null) {
      return new Outcome(vendor, op, number, args, prefer, Kind.UNEXPECTED, status, null, null, body,
          "the served spec declares " + (schema.isEmpty() ? "no named body schema" : "schema " + schema)
              + " for HTTP " + prefer + ", which the client has no model for");
    }
    Optional<Object> error = e.error();
    if (error.isPresent() && expected.isInstance(error.get())) {
      return new Outcome(vendor, op, number, args, prefer, Kind.TYPED_ERROR, status, null, null, null, expected.getSimpleName());
    }
    String problem = client.decodeProblem(expected, e.rawBody());
    String found = error.map(o -> "decoded as " + o.getClass().getSimpleName()).orElse("not decoded");
    List<String> violations = ResponseSchemas.violations(servedSpec, served, prefer, e.rawBody());
    Kind kind = violations.isEmpty() ? Kind.ERROR_BODY_NOT_DECODED : Kind.OUTSIDE_SPEC;
    String[] pathAndReason = splitProblem(problem);
    return new Outcome(vendor, op, number, args, prefer, kind, status, pathAndReason[0], pathAndReason[1], e.rawBody(),
        "error body " + found + ", expected " + expected.getSimpleName()
            + (violations.isEmpty() ? "" : "; the served spec forbids this body too: " + String.join("; ", violations)));
  }

  private static Outcome unexpected(String vendor, String op, int number, Map<String, Object> args, Integer prefer,
      int status, Object value, Throwable thrown, String body) {
    String what = thrown == null
        ? "returned " + (value == null ? "null" : value.getClass().getSimpleName())
        : "threw " + thrown;
    return new Outcome(vendor, op, number, args, prefer, Kind.UNEXPECTED, status, null, null, body,
        (prefer == null ? "expected a decoded value; the call " : "expected ApiException " + prefer + "; the call ") + what);
  }

  /**
   * The entries of Prism's {@code sl-violations} header (a JSON array of {@code {location, severity,
   * code, message}}) whose location starts with {@code side}: in mock mode the header lists both the
   * request's violations and those of the response Prism generated.
   */
  static List<String> violations(String header, String side) {
    if (header == null || header.isBlank()) return List.of();
    List<String> found = new ArrayList<>();
    try {
      for (JsonNode v : entries(header)) {
        if (!side.equals(v.path("location").path(0).asText())) continue;
        // A warning (a deprecated parameter the spec still declares, AssemblyAI's throttled_only) is no rejection.
        if (v.path("severity").asText().equals("Warning")) continue;
        List<String> location = new ArrayList<>();
        v.path("location").forEach(l -> location.add(l.asText()));
        found.add(String.join(".", location) + ": " + v.path("message").asText() + " [" + v.path("severity").asText() + "]");
      }
    } catch (IOException e) {
      // A header that is not the JSON Prism documents is itself a reason to look: report it whole.
      return side.equals("request") ? List.of("unreadable sl-violations header: " + header) : List.of();
    }
    return found;
  }

  /** A complete entry of the header: one violation object. */
  private static final java.util.regex.Pattern ENTRY = java.util.regex.Pattern.compile(
      "\\{\"location\":\\[[^\\]]*],\"severity\":\"[A-Za-z]+\",\"code\":\"[^\"]*\",\"message\":\"(?:[^\"\\\\]|\\\\.)*\"}");

  /**
   * The header's violations. Past a number of them Prism writes {@code Too many violations! } and a list
   * cut short (AssemblyAI's Transcript lists: a format violation per URL Prism fakes); the complete
   * entries of that list are read one by one.
   */
  private static List<JsonNode> entries(String header) throws IOException {
    List<JsonNode> entries = new ArrayList<>();
    if (!header.startsWith("Too many violations!")) {
      JSON.readTree(header).forEach(entries::add);
      return entries;
    }
    java.util.regex.Matcher m = ENTRY.matcher(header);
    while (m.find()) entries.add(JSON.readTree(m.group()));
    if (entries.isEmpty()) throw new IOException("no violation in " + header);
    return entries;
  }

  /** "required property missing at $.x" → {"$.x", "required property missing"}. */
  private static String[] splitProblem(String problem) {
    if (problem == null) return new String[] {"$", "decodes with the vendor's adapter, yet the client did not decode it"};
    int at = problem.lastIndexOf(" at $");
    return at < 0 ? new String[] {"$", problem} : new String[] {problem.substring(at + 4), problem.substring(0, at)};
  }

  static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "… (" + text.length() + " characters)";
  }

  /**
   * Adds {@code Prefer: code=<status>} when a call asks Prism for an error status, and records the
   * response's status and Prism's {@code sl-violations} header. Calls are sequential, so plain fields
   * do.
   */
  private static final class PreferAndRecord implements Interceptor {
    volatile Integer prefer;
    volatile int status;
    volatile String violations;

    @Override
    public Response intercept(Chain chain) throws IOException {
      Request request = chain.request();
      if (prefer != null) request = request.newBuilder().header("Prefer", "code=" + prefer).build();
      Response response = chain.proceed(request);
      status = response.code();
      violations = response.header("sl-violations");
      return response;
    }
  }
}
