package dev.audiojobs.faults;

import static dev.audiojobs.faults.RawServer.head;
import static dev.audiojobs.faults.RawServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.ApiResponse;
import dev.audiojobs.client.DecodeException;
import dev.audiojobs.client.TransportException;
import dev.audiojobs.pyannote.ApiError;
import dev.audiojobs.pyannote.Job;
import dev.audiojobs.pyannote.PyannoteClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A server that echoes the API key back wherever it can: headers, the status line, error bodies
 * (plain, JSON-escaped, split across chunks, compressed, in UTF-16), property names and values that a
 * decode error would quote, a redirect's Location. The key must appear in no exception, accessor or
 * log line ({@link FaultSuite#outcome} and the log check after each test).
 */
final class KeyEchoFaultsTest extends FaultSuite {
  /** The key with every character JSON-escaped, upper-case hex, as a server's JSON encoder may write it. */
  private static final String ESCAPED = escapeAll(KEY);

  @Test
  void inARequestIdHeader() throws Exception {
    server.enqueue(json(401, "{\"requestId\":\"r1\",\"message\":\"no\"}", "X-Request-Id: req-" + KEY));
    PyannoteClient client = client();

    ApiException e = outcome(ApiException.class, () -> client.getJob("j1"));

    assertThat(e.requestId()).contains("req-██");
    assertThat(e.header("X-Request-Id")).contains("req-██");
    assertConnectionsReleased(client);
  }

  @Test
  void inAuthenticationAndCookieHeaders() throws Exception {
    server.enqueue(json(401, "{\"requestId\":\"r1\",\"message\":\"no\"}",
        "WWW-Authenticate: Bearer error=\"invalid_token\", token=\"" + KEY + "\"", "Set-Cookie: last_key=" + KEY));
    PyannoteClient client = client();

    ApiException e = outcome(ApiException.class, () -> client.getJob("j1"));

    assertThat(e.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("token=\"██\""));
    assertConnectionsReleased(client);
  }

  @Test
  void inTheHeadersOfASuccess() throws Exception {
    server.enqueue(json(200, PENDING, "X-Request-Id: " + KEY, "X-Debug-Auth: Bearer " + KEY));
    PyannoteClient client = client();

    ApiResponse<Job> response = client.getJobWithResponse("j1");

    assertThat(String.valueOf(response.headers())).doesNotContain(KEY).contains("██");
    assertThat(String.valueOf(response)).doesNotContain(KEY);
    assertConnectionsReleased(client);
  }

  @Test
  void inTheReasonPhraseOfAnError() throws Exception {
    server.enqueue(x -> x.send("HTTP/1.1 401 invalid key " + KEY + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"));
    PyannoteClient client = client();

    ApiException e = outcome(ApiException.class, () -> client.getJob("j1"));

    assertThat(e.statusCode()).isEqualTo(401);
    assertThat(log).anySatisfy(line -> assertThat(line).contains("invalid key ██"));
    assertConnectionsReleased(client);
  }

  @Test
  void inAMalformedStatusLine() throws Exception {
    server.enqueue(x -> {
      x.send("HTTP/1.1 4O1 " + KEY + "\r\n\r\n");
      x.close();
    });
    PyannoteClient client = client();

    TransportException e = outcome(TransportException.class, () -> client.getJob("j1"));

    assertThat(everything(e)).contains("██");
    assertConnectionsReleased(client);
  }

  @Test
  void jsonEscapedInAnErrorBody() throws Exception {
    server.enqueue(json(401, "{\"requestId\":\"" + ESCAPED + "\",\"message\":\"invalid key " + ESCAPED + "\"}"));
    PyannoteClient client = client();

    ApiException e = outcome(ApiException.class, () -> client.getJob("j1"));

    assertThat(e.rawBody()).isEqualTo("{\"requestId\":\"██\",\"message\":\"invalid key ██\"}");
    assertThat(e.error(ApiError.class)).map(ApiError::message).contains("invalid key ██");
    assertThat(e.requestId()).contains("██");
    assertThat(everything(e)).doesNotContain(ESCAPED);
    assertConnectionsReleased(client);
  }

  @Test
  void splitAcrossTwoChunksOfAnErrorBody() throws Exception {
    String body = "{\"requestId\":\"r1\",\"message\":\"invalid key " + KEY + "\"}";
    int cut = body.indexOf(KEY) + 7;
    server.enqueue(x -> x.send(head(401, "Content-Type: application/json", "Transfer-Encoding: chunked"))
        .send(Integer.toHexString(cut) + "\r\n" + body.substring(0, cut) + "\r\n")
        .send(Integer.toHexString(body.length() - cut) + "\r\n" + body.substring(cut) + "\r\n0\r\n\r\n"));
    PyannoteClient client = client();

    ApiException e = outcome(ApiException.class, () -> client.getJob("j1"));

    assertThat(e.rawBody()).contains("invalid key ██");
    assertConnectionsReleased(client);
  }

  @Test
  void inAGzippedErrorBody() throws Exception {
    server.enqueue(RawServer.respond(401, "application/json",
        gzip("{\"requestId\":\"r1\",\"message\":\"invalid key " + KEY + "\"}"), "Content-Encoding: gzip"));
    PyannoteClient client = client();

    ApiException e = outcome(ApiException.class, () -> client.getJob("j1"));

    assertThat(e.error(ApiError.class)).map(ApiError::message).contains("invalid key ██");
    assertConnectionsReleased(client);
  }

  @Test
  void inAnErrorBodyInUtf16() throws Exception {
    String body = "{\"requestId\":\"r1\",\"message\":\"invalid key " + KEY + "\"}";
    server.enqueue(RawServer.respond(401, "application/json; charset=UTF-16", body.getBytes(StandardCharsets.UTF_16)));
    PyannoteClient client = client();

    ApiException e = outcome(ApiException.class, () -> client.getJob("j1"));

    assertThat(e.rawBody()).contains("invalid key ██");
    assertConnectionsReleased(client);
  }

  @Test
  void asAPropertyNameInADecodeErrorPath() throws Exception {
    server.enqueue(json(200, "{\"jobId\":\"j1\",\"status\":\"pending\",\"" + KEY + "\":{\"x\":[1,}}"));
    PyannoteClient client = client();

    DecodeException e = outcome(DecodeException.class, () -> client.getJob("j1"));

    assertThat(e.path()).contains("██");
    assertConnectionsReleased(client);
  }

  @Test
  void asAJsonEscapedPropertyNameInADecodeErrorPath() throws Exception {
    server.enqueue(json(200, "{\"jobId\":\"j1\",\"status\":\"pending\",\"" + ESCAPED + "\":{\"x\":[1,}}"));
    PyannoteClient client = client();

    DecodeException e = outcome(DecodeException.class, () -> client.getJob("j1"));

    assertThat(e.path()).contains("██");
    assertConnectionsReleased(client);
  }

  @Test
  void asAValueThatADecodeReasonWouldQuote() throws Exception {
    server.enqueue(json(200, "{\"jobId\":\"j1\",\"status\":\"pending\",\"createdAt\":\"" + KEY + "\"}"));
    PyannoteClient client = client();

    DecodeException e = outcome(DecodeException.class, () -> client.getJob("j1"));

    assertThat(e.path()).isEqualTo("$.createdAt");
    assertConnectionsReleased(client);
  }

  @Test
  void asAnEnumValueInAListThatFailsLater() throws Exception {
    server.enqueue(json(200, "{\"items\":[{\"id\":\"a\",\"status\":\"" + KEY + "\",\"createdAt\":\"2024-02-20T12:00:00Z\"}],\"total\":\"" + KEY + "\"}"));
    PyannoteClient client = client();

    DecodeException e = outcome(DecodeException.class, () -> client.listJobs());

    assertThat(e.path()).isEqualTo("$.total");
    assertConnectionsReleased(client);
  }

  @Test
  void inARedirectLocationOnTheSameHost() throws Exception {
    server.enqueue(x -> x.send(head(302, "Location: /v1/jobs/" + KEY, "Content-Length: 0")));
    server.enqueue(json(200, PENDING));
    PyannoteClient client = client();

    assertThat(client.getJob("j1").jobId()).isEqualTo("j1");

    assertThat(log).anySatisfy(line -> assertThat(line).contains("/v1/jobs/██"));
    assertConnectionsReleased(client);
  }

  @Test
  void inADecodedSuccessTheValueIsDataButTheLogMasksIt() throws Exception {
    server.enqueue(json(200, PENDING.replace("\"j1\"", "\"" + KEY + "\"")));
    PyannoteClient client = client();

    Job job = client.getJob("j1");

    assertThat(job.jobId()).isEqualTo(KEY); // what the server sent, unchanged: masking is for messages
    assertThat(log).anySatisfy(line -> assertThat(line).contains("\"jobId\":\"██\""));
    assertConnectionsReleased(client);
  }

  private static String escapeAll(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(String.format("\\u%04X", (int) c));
    }
    return out.toString();
  }

  private static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
