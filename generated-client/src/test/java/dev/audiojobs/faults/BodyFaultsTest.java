package dev.audiojobs.faults;

import static dev.audiojobs.faults.RawServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.DecodeException;
import dev.audiojobs.client.HttpLogLevel;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.client.TransportException;
import dev.audiojobs.pyannote.ApiError;
import dev.audiojobs.pyannote.Job;
import dev.audiojobs.pyannote.PyannoteClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Bodies that are valid HTTP but hostile or odd as content: wrong or missing content types, charsets
 * other than UTF-8, a byte-order mark, broken compression, tens of megabytes, and JSON nested 10 000
 * levels deep, each as a success and as an error body.
 */
final class BodyFaultsTest extends FaultSuite {
  private static final int HUGE = 30 * 1024 * 1024;
  private static final int DEEP = 10_000;

  @Test
  void aSuccessThatIsAnHtmlPageDoesNotDecode() throws Exception {
    String page = "<html><body>Service temporarily unavailable</body></html>";
    server.enqueue(RawServer.respond(200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8)));
    PyannoteClient client = client();

    DecodeException e = outcome(DecodeException.class, () -> client.getJob("j1"));

    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.path()).isEqualTo("$");
    assertThat(e.reason()).startsWith("malformed JSON").doesNotContain("setLenient");
    assertThat(e.rawBody()).isEqualTo(page);
    assertConnectionsReleased(client);
  }

  @Test
  void aJsonSuccessLabelledAsPlainTextDecodes() throws Exception {
    // The body is what the spec says it is; a mislabelled Content-Type does not make it fail.
    server.enqueue(RawServer.respond(200, "text/plain", PENDING.getBytes(StandardCharsets.UTF_8)));
    PyannoteClient client = client();

    assertThat(client.getJob("j1").jobId()).isEqualTo("j1");
    assertConnectionsReleased(client);
  }

  @Test
  void aSuccessInLatin1IsDecodedInItsCharset() throws Exception {
    String body = PENDING.replace("\"j1\"", "\"caf\u00e9\"");
    server.enqueue(RawServer.respond(200, "application/json; charset=ISO-8859-1", body.getBytes(StandardCharsets.ISO_8859_1)));
    PyannoteClient client = client();

    assertThat(client.getJob("j1").jobId()).isEqualTo("caf\u00e9");
    assertConnectionsReleased(client);
  }

  @Test
  void aSuccessInUtf16IsDecodedInItsCharset() throws Exception {
    server.enqueue(RawServer.respond(200, "application/json; charset=UTF-16BE", PENDING.getBytes(StandardCharsets.UTF_16BE)));
    PyannoteClient client = client();

    assertThat(client.getJob("j1").jobId()).isEqualTo("j1");
    assertConnectionsReleased(client);
  }

  @Test
  void anErrorInWindows1252KeepsItsTextInTheRawBodyAndTheDecodedError() throws Exception {
    String body = "{\"requestId\":\"r1\",\"message\":\"cl\u00e9 refus\u00e9e \u20ac\"}";
    server.enqueue(RawServer.respond(401, "application/json; charset=windows-1252", body.getBytes(Charset.forName("windows-1252"))));
    PyannoteClient client = client();

    ApiException e = outcome(ApiException.class, () -> client.getJob("j1"));

    assertThat(e.rawBody()).isEqualTo(body);
    assertThat(e.error(ApiError.class)).map(ApiError::message).contains("cl\u00e9 refus\u00e9e \u20ac");
    assertConnectionsReleased(client);
  }

  @Test
  void anUnknownCharsetFallsBackToUtf8() throws Exception {
    server.enqueue(RawServer.respond(401, "application/json; charset=x-no-such-charset", "{\"requestId\":\"r1\",\"message\":\"nope\"}".getBytes(StandardCharsets.UTF_8)));
    server.enqueue(RawServer.respond(200, "application/json; charset=x-no-such-charset", PENDING.getBytes(StandardCharsets.UTF_8)));
    PyannoteClient client = client();

    ApiException e = outcome(ApiException.class, () -> client.getJob("j1"));
    Job job = client.getJob("j1");

    assertThat(e.error(ApiError.class)).map(ApiError::message).contains("nope");
    assertThat(job.jobId()).isEqualTo("j1");
    assertConnectionsReleased(client);
  }

  @Test
  void aUtf8ByteOrderMarkBeforeASuccessIsIgnored() throws Exception {
    // RFC 8259 section 8.1: a parser may ignore a byte-order mark; Retrofit's Moshi converter does.
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    server.enqueue(RawServer.respond(200, "application/json", concat(bom, PENDING.getBytes(StandardCharsets.UTF_8))));
    PyannoteClient client = client();

    assertThat(client.getJob("j1").jobId()).isEqualTo("j1");
    assertConnectionsReleased(client);
  }

  @Test
  void aSuccessWhoseGzipBodyIsGarbageIsNotRetriedWhateverTheLogLevel() throws Exception {
    // The BODY log decompresses the body itself to show it; its failure must be told apart from
    // a connection failure just as OkHttp's own is.
    // One script: a retry would get the server's 599 and end in an ApiException instead.
    server.enqueue(RawServer.respond(200, "application/json", "this is not gzip at all".getBytes(StandardCharsets.UTF_8),
        "Content-Encoding: gzip"));
    PyannoteClient client = client(o -> o.retryPolicy(RetryPolicy.defaults()));

    TransportException e = outcome(TransportException.class, () -> client.getJob("j1"));

    assertThat(e.attempts()).isEqualTo(1);
    assertThat(server.requests()).hasSize(1);
    assertConnectionsReleased(client);
  }

  @Test
  void aGzippedSuccessDecodes() throws Exception {
    server.enqueue(RawServer.respond(200, "application/json", gzip(PENDING), "Content-Encoding: gzip"));
    PyannoteClient client = client();

    assertThat(client.getJob("j1").jobId()).isEqualTo("j1");
    assertConnectionsReleased(client);
  }

  @Test
  void aHugeSuccessDecodes() throws Exception {
    String body = PENDING.replace("}", ",\"padding\":\"" + "x".repeat(HUGE) + "\"}");
    server.enqueue(json(200, body));
    PyannoteClient client = headersLogged();

    Job job = client.getJob("j1");

    assertThat(job.jobId()).isEqualTo("j1");
    assertThat((String) job.extras().unknownProperties().get("padding")).hasSize(HUGE);
    assertConnectionsReleased(client);
  }

  @Test
  void aHugeMalformedSuccessIsADecodeExceptionWhoseMessageLeavesTheBodyOut() throws Exception {
    String body = PENDING.replace("}", ",\"padding\":\"" + "x".repeat(HUGE) + "\",}");
    server.enqueue(json(200, body));
    PyannoteClient client = headersLogged();

    DecodeException e = outcome(DecodeException.class, () -> client.getJob("j1"));

    assertThat(e.getMessage()).hasSizeLessThan(1_000);
    assertThat(e.rawBody()).hasSize(body.length());
    assertConnectionsReleased(client);
  }

  @Test
  void aHugeErrorBodyIsKeptWholeButQuotedShortly() throws Exception {
    String body = "{\"requestId\":\"r1\",\"message\":\"" + "y".repeat(HUGE) + "\"}";
    server.enqueue(json(429, body));
    PyannoteClient client = headersLogged();

    ApiException e = outcome(ApiException.class, () -> client.getJob("j1"));

    assertThat(e.getMessage()).hasSizeLessThan(1_000);
    assertThat(e.rawBody()).hasSize(body.length());
    assertThat(e.error(ApiError.class)).map(ApiError::message).hasValueSatisfying(m -> assertThat(m).hasSize(HUGE));
    assertConnectionsReleased(client);
  }

  @Test
  void aSuccessNestedTenThousandLevelsDeepIsADecodeException() throws Exception {
    String body = PENDING.replace("}", ",\"deep\":" + "[".repeat(DEEP) + "]".repeat(DEEP) + "}");
    server.enqueue(json(200, body));
    PyannoteClient client = client();

    DecodeException e = outcome(DecodeException.class, () -> client.getJob("j1"));

    assertThat(e.path()).startsWith("$.deep[0][0]");
    assertThat(e.reason()).isEqualTo("nested deeper than 255 levels");
    assertConnectionsReleased(client);
  }

  @Test
  void aTopLevelObjectNestedTenThousandLevelsDeepIsADecodeException() throws Exception {
    String body = "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP);
    server.enqueue(json(200, body));
    PyannoteClient client = client();

    DecodeException e = outcome(DecodeException.class, () -> client.getJob("j1"));

    assertThat(e.reason()).isNotBlank();
    assertConnectionsReleased(client);
  }

  @Test
  void anErrorBodyNestedTenThousandLevelsDeepIsAnApiExceptionWithTheRawBody() throws Exception {
    String body = "{\"message\":\"deep\",\"detail\":" + "[".repeat(DEEP) + "]".repeat(DEEP) + "}";
    server.enqueue(json(401, body));
    PyannoteClient client = client();

    ApiException e = outcome(ApiException.class, () -> client.getJob("j1"));

    assertThat(e.statusCode()).isEqualTo(401);
    assertThat(e.rawBody()).isEqualTo(body);
    assertConnectionsReleased(client);
  }

  @Test
  void aListPageNestedTenThousandLevelsDeepIsADecodeException() throws Exception {
    String body = "{\"items\":" + "[".repeat(DEEP) + "]".repeat(DEEP) + ",\"total\":0}";
    server.enqueue(json(200, body));
    PyannoteClient client = client();

    DecodeException e = outcome(DecodeException.class, () -> client.listJobs());

    assertThat(e.path()).startsWith("$.items[0]");
    assertConnectionsReleased(client);
  }

  @Test
  void trailingGarbageAfterASuccessDoesNotDecode() throws Exception {
    server.enqueue(json(200, PENDING + "<!-- served by cache -->"));
    PyannoteClient client = client();

    DecodeException e = outcome(DecodeException.class, () -> client.getJob("j1"));

    assertThat(e.reason()).isEqualTo("content after the JSON value");
    assertConnectionsReleased(client);
  }

  /** Tens of megabytes in a BODY log would only slow the test down. */
  private PyannoteClient headersLogged() {
    return client(o -> o.httpLog(HttpLogLevel.HEADERS, log::add));
  }

  @Test
  void aNumberPastTheDoubleRangeInAnUnknownPropertyIsValidJsonAndDecodes() throws Exception {
    server.enqueue(json(200, PENDING.replace("}", ",\"big\":1e999999,\"small\":-1E-999999}")));
    PyannoteClient client = client();

    Job job = client.getJob("j1");

    assertThat(job.extras().unknownProperties()).containsKeys("big", "small");
    assertConnectionsReleased(client);
  }

  @Test
  void aSeventyDigitNumberInAnUnknownPropertyIsValidJsonAndDecodes() throws Exception {
    server.enqueue(json(200, PENDING.replace("}", ",\"n\":" + "9".repeat(70) + "}")));
    PyannoteClient client = client();

    Job job = client.getJob("j1");

    assertThat(job.extras().unknownProperties()).containsKey("n");
    assertConnectionsReleased(client);
  }

  @Test
  void aNanInASuccessIsMalformedJsonReportedInTheClientsWords() throws Exception {
    server.enqueue(json(200, "{\"jobId\":\"j\",\"status\":\"succeeded\",\"output\":{\"diarization\":"
        + "[{\"speaker\":\"A\",\"start\":NaN,\"end\":1}]}}"));
    PyannoteClient client = client();

    DecodeException e = outcome(DecodeException.class, () -> client.getJob("j1"));

    // Neither Moshi's advice to whoever owns the reader, nor its "$.x." path inside an object.
    assertThat(e.reason()).startsWith("malformed JSON").doesNotContain("setLenient");
    assertThat(e.path()).startsWith("$.output.diarization[0]").doesNotEndWith(".");
    assertConnectionsReleased(client);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
