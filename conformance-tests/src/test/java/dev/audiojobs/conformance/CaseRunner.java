package dev.audiojobs.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.DecodeException;
import dev.audiojobs.client.RequestValidationException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Runs one case: a local {@link MockWebServer} on loopback answers with the case's response, the
 * vendor's real client makes the request, and the outcome is compared as CASES.md says. Every
 * mismatch is collected, so a failing case says everything that is wrong with it at once.
 */
final class CaseRunner {
  /** The verdict on one case. */
  record Result(String name, boolean passed, String message) {}

  /**
   * How a decoded value is written back to JSON for comparison: the vendor's own adapters, or in a
   * negative control a deliberately broken encoder that the cases must catch.
   */
  @FunctionalInterface
  interface Encoder {
    String encode(String vendor, Class<?> type, Object value) throws Exception;
  }

  private CaseRunner() {}

  static Result run(ConformanceCase c) {
    return run(c, VendorClients::encode);
  }

  static Result run(ConformanceCase c, Encoder encoder) {
    try (MockWebServer server = new MockWebServer()) {
      server.start(java.net.InetAddress.getLoopbackAddress(), 0);
      List<String> problems = run(c, server, encoder);
      return problems.isEmpty()
          ? new Result(c.name(), true, "")
          : new Result(c.name(), false, c.name() + ": " + String.join("; ", problems));
    } catch (Exception e) {
      return new Result(c.name(), false, c.name() + ": the runner failed: " + e);
    }
  }

  private static List<String> run(ConformanceCase c, MockWebServer server, Encoder encoder) throws Exception {
    List<String> problems = new ArrayList<>();
    ObjectNode json = c.json();
    JsonNode operation = VendorClients.operation(c.vendor(), c.operation());
    if (operation == null) {
      problems.add("operation " + c.operation() + " is not in " + VendorClients.specName(c.vendor()));
      return problems;
    }
    server.enqueue(response(json.get("response")));

    String basePath = VendorClients.basePath(c.vendor());
    Object client = VendorClients.client(c.vendor(), server.url(basePath).toString());
    List<VendorClients.Parameter> parameters = VendorClients.parameters(operation);
    // parts choose the multipart form of an operation that takes JSON or multipart (lyrcs.ai's transcribe).
    VendorClients.RequestBody requestBody = VendorClients.requestBody(c.vendor(), operation, json.path("request").has("parts"));
    JsonNode request = json.path("request");
    for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.equals("body") || name.equals("parts") || name.equals("file")) continue;
      if (parameters.stream().noneMatch(p -> p.name().equals(name))) {
        problems.add("request." + name + ": " + c.operation() + " has no parameter " + name);
      }
    }
    if (request.has("body") && (requestBody == null || VendorClients.isMultipart(requestBody) || requestBody.schema() == null)) {
      problems.add("request.body: " + c.operation() + " takes no JSON request body of a named schema");
    }
    if (request.has("parts") && (requestBody == null || !VendorClients.isMultipart(requestBody))) {
      problems.add("request.parts: " + c.operation() + " takes no multipart/form-data body");
    }
    if (request.has("file") && (requestBody == null || VendorClients.isMultipart(requestBody) || requestBody.schema() != null)) {
      problems.add("request.file: " + c.operation() + " takes no binary request body");
    }
    if (!problems.isEmpty()) return problems;
    Method method = VendorClients.method(client, c.operation(), VendorClients.arity(parameters, requestBody),
        requestBody == null || requestBody.schema() == null ? null : VendorClients.model(c.vendor(), requestBody.schema()));

    Object value = null;
    Throwable thrown = null;
    boolean undecodableBody = false;
    Object[] arguments = null;
    try {
      // A body the adapter already refuses (a required property missing) throws here: nothing is sent.
      arguments = RequestArguments.of(c.vendor(), request, parameters, requestBody, method);
    } catch (Throwable t) {
      thrown = t;
      undecodableBody = true;
    }
    if (arguments != null) {
      try {
        value = VendorClients.invoke(method, client, arguments);
      } catch (Throwable t) {
        thrown = t;
      }
    }
    judgeOutcome(c, json, method.getReturnType(), value, thrown, undecodableBody, encoder, problems);

    RecordedRequest recorded = server.getRequestCount() == 0 ? null : server.takeRequest(1, TimeUnit.SECONDS);
    if (json.path("expect").path("outcome").asText().equals("invalid_request")) {
      if (recorded != null) {
        problems.add("expected nothing to reach the server but the client sent " + recorded.getMethod() + " " + recorded.getTarget());
      }
    } else if (json.has("expectRequest")) {
      if (recorded == null) {
        problems.add("expectRequest: the client sent no request");
      } else {
        RequestJudge.judge(json.get("expectRequest"), request.get("body"), recorded, basePath, problems);
      }
    }
    return problems;
  }

  private static MockResponse response(JsonNode response) {
    MockResponse.Builder builder = new MockResponse.Builder().code(response.get("status").asInt());
    boolean hasContentType = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = response.path("headers").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> header = it.next();
      builder.addHeader(header.getKey(), header.getValue().asText());
      hasContentType |= header.getKey().equalsIgnoreCase("Content-Type");
    }
    if (response.has("body")) {
      if (!hasContentType) builder.addHeader("Content-Type", "application/json");
      builder.body(response.get("body").toString());
    } else if (response.has("bodyText")) {
      builder.body(response.get("bodyText").asText());
    }
    return builder.build();
  }

  /**
   * @param undecodableBody whether {@code thrown} came from decoding the case's {@code request.body} into
   *     the request model, before any call
   */
  private static void judgeOutcome(ConformanceCase c, ObjectNode json, Class<?> returnType, Object value,
      Throwable thrown, boolean undecodableBody, Encoder encoder, List<String> problems) throws Exception {
    JsonNode expect = json.get("expect");
    String outcome = expect.get("outcome").asText();
    switch (outcome) {
      case "decoded" -> {
        if (thrown != null) {
          problems.add("expected a decoded value but the call threw " + thrown);
          return;
        }
        if (expect.has("variant") && !expect.get("variant").asText().equals(value == null ? null : value.getClass().getSimpleName())) {
          problems.add("expected variant " + expect.get("variant").asText() + " but "
              + (value == null ? "the call returned nothing" : "was " + value.getClass().getSimpleName()));
        }
        // The answer of an operation with several success bodies (lyrcs.ai's DownloadResult) holds the body.
        Object body = SuccessBodies.body(value);
        if (expect.has("text")) {
          if (!(body instanceof String text) || !text.equals(expect.get("text").asText())) {
            problems.add("expected the text " + abbreviate(expect.get("text").asText()) + " but "
                + (body instanceof String text ? "the call returned the text " + abbreviate(text) : describe(value, null)));
          }
          return;
        }
        if (value == null) {
          // A bodiless success (204): there is nothing to re-encode, and nothing may be expected of it.
          if (expect.has("json")) problems.add("expected a decoded value but the call returned nothing");
          return;
        }
        if (body instanceof String text) {
          // A text body (an LRC file) with no expect.text: the call returns the response's text exactly.
          String sent = json.get("response").path("bodyText").asText(json.get("response").path("body").toString());
          if (!text.equals(sent)) problems.add("expected the text " + abbreviate(sent) + " but the call returned the text " + abbreviate(text));
          return;
        }
        JsonNode expected = expect.has("json") ? expect.get("json") : sentBody(json.get("response"));
        JsonNode actual = ConformanceCase.MAPPER.readTree(encoder.encode(c.vendor(), body == value ? returnType : body.getClass(), body));
        JsonComparison.difference(expected, actual).ifPresent(d -> problems.add("re-encoding differs at " + d));
      }
      case "decode_error" -> {
        if (!(thrown instanceof DecodeException e)) {
          problems.add("expected the decode exception but " + describe(value, thrown));
          return;
        }
        if (expect.has("path") && !expect.get("path").asText().equals(e.path())) {
          problems.add("expected decode error at " + expect.get("path").asText() + " but it was at " + e.path()
              + " (" + e.reason() + ")");
        }
      }
      case "http_error" -> {
        if (!(thrown instanceof ApiException e)) {
          problems.add("expected the HTTP error exception but " + describe(value, thrown));
          return;
        }
        int status = expect.get("status").asInt();
        if (e.statusCode() != status) problems.add("expected HTTP error status " + status + " but was " + e.statusCode());
        Optional<Object> error = e.error();
        if (expect.has("errorType") && expect.get("errorType").isNull()) {
          // Only derived cases say this: the body must not decode into the declared model.
          error.ifPresent(o -> problems.add("expected the error body not to decode but it decoded as " + o.getClass().getSimpleName()));
        } else if (expect.has("errorType")) {
          String actualType = error.map(o -> o.getClass().getSimpleName()).orElse("(no decoded body)");
          if (!expect.get("errorType").asText().equals(actualType)) {
            problems.add("expected error body " + expect.get("errorType").asText() + " but was " + actualType);
          }
        }
        if (expect.has("errorJson")) {
          if (error.isEmpty()) {
            problems.add("expected an error body to re-encode but none decoded; raw body: " + e.rawBody());
          } else {
            Object body = error.get();
            JsonNode actual = ConformanceCase.MAPPER.readTree(encoder.encode(c.vendor(), body.getClass(), body));
            JsonComparison.difference(expect.get("errorJson"), actual).ifPresent(d -> problems.add("error body differs at " + d));
          }
        }
        if (expect.has("retryAfterSeconds")) {
          long seconds = expect.get("retryAfterSeconds").asLong();
          Optional<Long> actual = e.retryAfter().map(java.time.Duration::getSeconds);
          // An HTTP date is converted against the clock, so allow the second the request took.
          if (actual.isEmpty() || Math.abs(actual.get() - seconds) > 1) {
            problems.add("expected Retry-After " + seconds + "s but was " + actual.map(s -> s + "s").orElse("none"));
          }
        }
      }
      case "invalid_request" -> {
        String path = expect.get("path").asText();
        if (!(thrown instanceof RequestValidationException e)) {
          // A request record refuses what no call may send — a wrong JSON type included — with this
          // exception, whether the caller builds it or the runner decodes request.body.
          problems.add("expected the request-validation exception but "
              + (undecodableBody ? "decoding request.body threw " + thrown : describe(value, thrown)));
          return;
        }
        if (!path.equals(e.path())) {
          problems.add("expected the request to be refused at " + path + " but it was refused at "
              + e.path() + " (" + e.reason() + ")");
        }
        if (e.attempts() != 0) problems.add("a refused request reports " + e.attempts() + " attempts, not 0");
      }
      default -> problems.add("unknown outcome " + outcome);
    }
  }

  private static JsonNode sentBody(JsonNode response) throws Exception {
    if (response.has("body")) return response.get("body");
    return ConformanceCase.MAPPER.readTree(response.path("bodyText").asText(""));
  }

  private static String describe(Object value, Throwable thrown) {
    if (thrown != null) return "the call threw " + thrown;
    return value == null ? "the call returned nothing" : "the call returned " + value.getClass().getSimpleName();
  }

  private static String abbreviate(String text) {
    String quoted = ConformanceCase.MAPPER.getNodeFactory().textNode(text).toString();
    return quoted.length() <= 80 ? quoted : quoted.substring(0, 80) + "…";
  }
}
