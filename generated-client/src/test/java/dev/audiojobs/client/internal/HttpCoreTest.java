package dev.audiojobs.client.internal;

import static dev.audiojobs.testsupport.Outcomes.failureOf;
import static dev.audiojobs.testsupport.Outcomes.thrown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.ApiResponse;
import dev.audiojobs.client.ClientOptions;
import dev.audiojobs.client.DecodeException;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.client.TransportException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;

final class HttpCoreTest {
  private static final String KEY = "sk-test-4f9a1c";

  private static final Operation<Thing> GET_THING =
      Operation.builder("getThing", new ThingAdapter())
          .error(404, new ProblemAdapter())
          .error(502, new ProblemAdapter())
          .requestId(Problem.class, Problem::requestId)
          .build();

  @StartStop final MockWebServer server = new MockWebServer();
  @StartStop final MockWebServer otherServer = new MockWebServer();

  @Test
  void sendsTheKeyAsABearerToken() throws Exception {
    server.enqueue(json(200, "{\"id\":\"42\"}"));

    core(server.url("/")).execute(GET_THING, service(server.url("/")).thing("42"));

    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(request.getTarget()).isEqualTo("/v1/things/42");
  }

  @Test
  void aBaseUrlPathPrefixIsKeptWithOrWithoutItsTrailingSlash() throws Exception {
    server.enqueue(json(200, "{\"id\":\"1\"}"));
    server.enqueue(json(200, "{\"id\":\"2\"}"));

    HttpCore withoutSlash = core(server.url("/api/v1"));
    withoutSlash.execute(GET_THING, withoutSlash.service(ThingService.class).thing("1"));
    HttpCore withSlash = core(server.url("/api/v1/"));
    withSlash.execute(GET_THING, withSlash.service(ThingService.class).thing("2"));

    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/v1/things/1");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/v1/things/2");
  }

  @Test
  void theVendorDefaultBaseUrlIsUsedWhenOptionsHaveNone() throws Exception {
    server.enqueue(json(200, "{\"id\":\"1\"}"));
    HttpCore core =
        HttpCore.create(ClientOptions.builder().apiKey(KEY).build(), server.url("/vendor").toString());

    core.execute(GET_THING, core.service(ThingService.class).thing("1"));

    assertThat(server.takeRequest().getTarget()).isEqualTo("/vendor/v1/things/1");
  }

  @Test
  void a2xxBodyIsDecoded() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .addHeader("X-Request-Id", "req-7")
            .body("{\"id\":\"42\",\"unknown\":[1,2]}")
            .build());

    ApiResponse<Thing> response = call(GET_THING);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(new Thing("42"));
    assertThat(response.requestId()).contains("req-7");
    assertThat(response.header("content-type")).contains("application/json");
    assertThat(response.headers()).containsKey("x-request-id");
  }

  @Test
  void aDeclaredErrorStatusIsDecodedIntoTheErrorModel() {
    String body = "{\"message\":\"no such thing\",\"requestId\":\"req-from-body\"}";
    server.enqueue(json(404, body));

    ApiException e = thrown(ApiException.class, () -> call(GET_THING));

    assertThat(e.operation()).isEqualTo("getThing");
    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.error()).contains(new Problem("no such thing", "req-from-body"));
    assertThat(e.error(Problem.class)).map(Problem::message).contains("no such thing");
    assertThat(e.rawBody()).isEqualTo(body);
    assertThat(e.requestId()).contains("req-from-body");
    assertThat(e.retryAfter()).isEmpty();
    assertThat(e).hasMessage("getThing: HTTP 404 (request id req-from-body): " + body);
  }

  @Test
  void theRequestIdHeaderWinsOverTheBody() {
    server.enqueue(
        new MockResponse.Builder()
            .code(404)
            .addHeader("X-Request-Id", "req-from-header")
            .body("{\"message\":\"gone\",\"requestId\":\"req-from-body\"}")
            .build());

    ApiException e = thrown(ApiException.class, () -> call(GET_THING));

    assertThat(e.requestId()).contains("req-from-header");
    assertThat(e.error(Problem.class)).map(Problem::requestId).contains("req-from-body");
  }

  @Test
  void anHtmlPageFromAProxyKeepsItsTextAndHasNoError() {
    String html = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body>\n</html>\n";
    server.enqueue(
        new MockResponse.Builder()
            .code(502)
            .addHeader("Content-Type", "text/html")
            .body(html)
            .build());

    ApiException e = thrown(ApiException.class, () -> call(GET_THING));

    assertThat(e.statusCode()).isEqualTo(502);
    assertThat(e.error()).isEmpty();
    assertThat(e.rawBody()).isEqualTo(html);
    assertThat(e.requestId()).isEmpty();
    assertThat(e)
        .hasMessage(
            "getThing: HTTP 502: <html> <head><title>502 Bad Gateway</title></head> <body>nginx</body> </html>");
  }

  @Test
  void aStatusWithoutADeclaredModelHasNoError() {
    server.enqueue(json(500, "{\"message\":\"fits the model but none is declared for 500\"}"));

    ApiException e = thrown(ApiException.class, () -> call(GET_THING));

    assertThat(e.error()).isEmpty();
    assertThat(e.rawBody()).contains("none is declared");
  }

  @Test
  void anEmptyErrorBodyIsAnEmptyRawBody() {
    server.enqueue(new MockResponse.Builder().code(404).build());

    ApiException e = thrown(ApiException.class, () -> call(GET_THING));

    assertThat(e.error()).isEmpty();
    assertThat(e.rawBody()).isEmpty();
    assertThat(e).hasMessage("getThing: HTTP 404");
  }

  @Test
  void retryAfterInSecondsIsRead() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());

    ApiException e = thrown(ApiException.class, () -> call(GET_THING));

    assertThat(e.statusCode()).isEqualTo(429);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(e.header("retry-after")).contains("7");
  }

  @Test
  void retryAfterAsAnHttpDateIsTheTimeUntilThen() {
    String inAnHour =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", inAnHour).build());

    ApiException e = thrown(ApiException.class, () -> call(GET_THING));

    assertThat(e.retryAfter()).hasValueSatisfying(wait -> assertThat(wait)
        .isBetween(Duration.ofMinutes(58), Duration.ofMinutes(60)));
  }

  static Stream<Arguments> bodiesThatDoNotDecode() {
    return Stream.of(
        Arguments.of("truncated", "{\"id\":\"4", "$.id", "malformed JSON: Unterminated string"),
        Arguments.of("cut after a name", "{\"id\":", "$.id", "unexpected end of input"),
        Arguments.of("empty", "", "$", "empty body"),
        Arguments.of("an array for an object", "[]", "$", "Expected BEGIN_OBJECT but was BEGIN_ARRAY"),
        Arguments.of("null for an object", "null", "$", "Expected BEGIN_OBJECT but was NULL"),
        Arguments.of("trailing garbage", "{\"id\":\"1\"} x", "$", "content after the JSON value"),
        Arguments.of("a second document", "{\"id\":\"1\"}{}", "$", "content after the JSON value"),
        Arguments.of("a wrong type", "{\"id\":true}", "$.id", "Expected a string but was BOOLEAN"),
        Arguments.of("a required property missing", "{\"name\":\"x\"}", "$.id", "required property missing"),
        Arguments.of("malformed", "{id:1}", "$", "malformed JSON"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodiesThatDoNotDecode")
  void a2xxBodyThatDoesNotDecodeIsADecodeExceptionWithPathAndRawBody(
      String description, String body, String path, String reason) {
    server.enqueue(json(200, body));

    DecodeException e = thrown(DecodeException.class, () -> call(GET_THING));

    assertThat(e.operation()).isEqualTo("getThing");
    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.path()).isEqualTo(path);
    assertThat(e.rawBody()).isEqualTo(body);
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e).hasMessage("getThing: HTTP 200 body does not decode at " + path + ": " + reason);
  }

  @Test
  void aJsonNullBodyIsADecodeExceptionEvenForANullSafeAdapter() {
    Operation<Thing> nullSafe = Operation.builder("getThing", new ThingAdapter().nullSafe()).build();
    server.enqueue(json(200, "null"));

    DecodeException e = thrown(DecodeException.class, () -> call(nullSafe));

    assertThat(e.path()).isEqualTo("$");
    assertThat(e.reason()).isEqualTo("null where a value is required");
  }

  @Test
  void theReasonOfAJsonPathExceptionIsKept() {
    server.enqueue(json(200, "{}"));

    DecodeException e = thrown(DecodeException.class, () -> call(GET_THING));

    assertThat(e.reason()).isEqualTo("required property missing");
    assertThat(e.getCause()).isInstanceOf(JsonPathException.class);
    assertThat(e).hasMessage("getThing: HTTP 200 body does not decode at $.id: required property missing");
  }

  @Test
  void moshisReasonLosesItsPathSuffix() {
    server.enqueue(json(200, "[]"));

    DecodeException e = thrown(DecodeException.class, () -> call(GET_THING));

    assertThat(e.reason()).isEqualTo("Expected BEGIN_OBJECT but was BEGIN_ARRAY");
  }

  @Test
  void anExceptionFromAValueConversionIsADecodeException() {
    Operation<Integer> countThings = Operation.builder("countThings", new CountAdapter()).build();
    server.enqueue(json(200, "{\"count\":\"many\"}"));
    server.enqueue(json(200, "{}"));

    DecodeException notANumber = thrown(DecodeException.class, () -> call(countThings));
    DecodeException adapterBug = thrown(DecodeException.class, () -> call(countThings));

    assertThat(notANumber.path()).isEqualTo("$.count");
    assertThat(notANumber.reason()).isEqualTo("NumberFormatException: For input string: \"many\"");
    assertThat(notANumber.getCause()).isInstanceOf(NumberFormatException.class);
    assertThat(adapterBug.getCause()).isInstanceOf(NullPointerException.class);
    assertThat(adapterBug.path()).isEqualTo("$");
  }

  @Test
  void aRefusedConnectionIsATransportException() throws Exception {
    HttpUrl url = otherServer.url("/");
    otherServer.close();

    TransportException e = thrown(TransportException.class, () -> call(GET_THING, url));

    assertThat(e.operation()).isEqualTo("getThing");
    assertThat(e.getCause()).isInstanceOf(ConnectException.class);
    assertThat(e.getMessage()).startsWith("getThing: ConnectException: ");
  }

  @Test
  void noExceptionMessageContainsTheKey() throws Exception {
    server.enqueue(json(404, "{\"message\":\"no\"}"));
    server.enqueue(json(200, "[]"));
    HttpUrl closed = otherServer.url("/");
    otherServer.close();

    Stream.of(
            catchThrowable(() -> call(GET_THING)),
            catchThrowable(() -> call(GET_THING)),
            catchThrowable(() -> call(GET_THING, closed)))
        .forEach(t -> assertThat(t).isNotNull().extracting(Throwable::getMessage).asString().doesNotContain(KEY));
  }

  @Test
  void asyncSuccessCompletesWithTheResponse() throws Exception {
    server.enqueue(json(200, "{\"id\":\"42\"}"));
    server.enqueue(json(200, "{\"id\":\"43\"}"));
    HttpCore core = core(server.url("/"));

    ApiResponse<Thing> response =
        core.executeAsync(GET_THING, core.service(ThingService.class).thing("42")).get(5, TimeUnit.SECONDS);
    Thing body =
        core.executeAsyncBody(GET_THING, core.service(ThingService.class).thing("43")).get(5, TimeUnit.SECONDS);

    assertThat(response.body()).isEqualTo(new Thing("42"));
    assertThat(body).isEqualTo(new Thing("43"));
  }

  @Test
  void asyncFailuresCompleteWithTheSameExceptionsAsExecute() throws Exception {
    server.enqueue(json(404, "{\"message\":\"no\"}"));
    server.enqueue(json(200, "{\"id\":"));
    HttpCore core = core(server.url("/"));
    HttpUrl closed = otherServer.url("/");
    otherServer.close();
    HttpCore unreachable = core(closed);

    assertThat(failureOf(core.executeAsync(GET_THING, core.service(ThingService.class).thing("1"))))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isPresent());
    assertThat(failureOf(core.executeAsyncBody(GET_THING, core.service(ThingService.class).thing("2"))))
        .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.path()).isEqualTo("$.id"));
    assertThat(failureOf(unreachable.executeAsync(GET_THING, unreachable.service(ThingService.class).thing("3"))))
        .isInstanceOfSatisfying(TransportException.class,
            e -> assertThat(e.getCause()).isInstanceOf(ConnectException.class));
  }

  @Test
  @Timeout(10)
  void cancellingTheFutureCancelsTheCall() throws Exception {
    server.enqueue(json(200, "{\"id\":\"late\"}").newBuilder().headersDelay(1, TimeUnit.MINUTES).build());
    HttpCore core = core(server.url("/"));
    Call<ResponseBody> call = core.service(ThingService.class).thing("1");

    CompletableFuture<Thing> future = core.executeAsyncBody(GET_THING, call);
    assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
    boolean cancelled = future.cancel(true);

    assertThat(cancelled).isTrue();
    assertThat(future).isCancelled();
    assertThat(call.isCanceled()).isTrue();
    assertThat(catchThrowable(future::join)).isInstanceOf(CancellationException.class);
  }

  @Test
  void aRedirectToAnotherHostDoesNotCarryTheKey() throws Exception {
    HttpUrl landing = otherServer.url("/landing").newBuilder().host("localhost").build();
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", landing).build());
    otherServer.enqueue(json(200, "{\"id\":\"elsewhere\"}"));
    HttpUrl base = server.url("/").newBuilder().host("127.0.0.1").build();

    ApiResponse<Thing> response = call(GET_THING, base);

    assertThat(response.body()).isEqualTo(new Thing("elsewhere"));
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    RecordedRequest redirected = otherServer.takeRequest();
    assertThat(redirected.getUrl().host()).isEqualTo("localhost");
    assertThat(redirected.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void aRedirectWithinTheSameHostKeepsTheKey() throws Exception {
    server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "/moved").build());
    server.enqueue(json(200, "{\"id\":\"moved\"}"));

    call(GET_THING);

    server.takeRequest();
    RecordedRequest redirected = server.takeRequest();
    assertThat(redirected.getTarget()).isEqualTo("/moved");
    assertThat(redirected.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
  }

  private <T> ApiResponse<T> call(Operation<T> op) {
    return call(op, server.url("/"));
  }

  private static <T> ApiResponse<T> call(Operation<T> op, HttpUrl baseUrl) {
    HttpCore core = core(baseUrl);
    return core.execute(op, core.service(ThingService.class).thing("1"));
  }

  private static HttpCore core(HttpUrl baseUrl) {
    ClientOptions options =
        ClientOptions.builder()
            .apiKey(KEY)
            .baseUrl(baseUrl.toString())
            .readTimeout(Duration.ofSeconds(5))
            // One response per call here; HttpCoreRetryTest covers retrying.
            .retryPolicy(RetryPolicy.none())
            .build();
    return HttpCore.create(options, "https://vendor.invalid/");
  }

  private static ThingService service(HttpUrl baseUrl) {
    return core(baseUrl).service(ThingService.class);
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }



  /** A tiny stand-in for a generated Retrofit service. */
  interface ThingService {
    @GET("v1/things/{id}")
    Call<ResponseBody> thing(@Path("id") String id);
  }

  record Thing(String id) {}

  record Problem(String message, @Nullable String requestId) {}

  /** Like a generated adapter: strict about the required {@code id}, skips what it does not know. */
  static final class ThingAdapter extends JsonAdapter<Thing> {
    @Override
    public Thing fromJson(JsonReader reader) throws IOException {
      String id = null;
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.nextName().equals("id")) {
          id = reader.nextString();
        } else {
          reader.skipValue();
        }
      }
      reader.endObject();
      if (id == null) {
        throw new JsonPathException(reader.getPath() + ".id", "required property missing");
      }
      return new Thing(id);
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable Thing value) throws IOException {
      writer.beginObject().name("id").value(value == null ? null : value.id()).endObject();
    }
  }

  static final class ProblemAdapter extends JsonAdapter<Problem> {
    @Override
    public Problem fromJson(JsonReader reader) throws IOException {
      String message = null;
      String requestId = null;
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.nextName()) {
          case "message" -> message = reader.nextString();
          case "requestId" -> requestId = reader.nextString();
          default -> reader.skipValue();
        }
      }
      reader.endObject();
      if (message == null) {
        throw new JsonPathException(reader.getPath() + ".message", "required property missing");
      }
      return new Problem(message, requestId);
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable Problem value) {
      throw new UnsupportedOperationException("decoding only");
    }
  }

  /** Converts with Integer.parseInt, and has a bug: a missing count is unboxed. */
  static final class CountAdapter extends JsonAdapter<Integer> {
    @Override
    public Integer fromJson(JsonReader reader) throws IOException {
      Integer count = null;
      reader.beginObject();
      if (reader.hasNext()) {
        reader.nextName();
        count = Integer.parseInt(reader.nextString());
      }
      reader.endObject();
      return count.intValue(); // the bug: no check for an absent count
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable Integer value) {
      throw new UnsupportedOperationException("decoding only");
    }
  }
}
