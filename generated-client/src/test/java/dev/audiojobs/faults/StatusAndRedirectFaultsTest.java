package dev.audiojobs.faults;

import static dev.audiojobs.faults.RawServer.head;
import static dev.audiojobs.faults.RawServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.DecodeException;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.client.TransportException;
import dev.audiojobs.pyannote.PyannoteClient;
import java.net.ProtocolException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redirects (across hosts, in loops, without a usable Location) and the statuses a client rarely
 * sees: informational 1xx before the answer, 204 with and without a body, 304.
 */
final class StatusAndRedirectFaultsTest extends FaultSuite {
  private RawServer elsewhere;

  @BeforeEach
  void startSecondHost() throws Exception {
    elsewhere = new RawServer();
  }

  @AfterEach
  void stopSecondHost() throws Exception {
    elsewhere.close();
  }

  @Test
  void aRedirectToAnotherPortDoesNotTakeTheKeyThere() throws Exception {
    server.enqueue(x -> x.send(head(302, "Location: " + elsewhere.url("/v1/jobs/j1"), "Content-Length: 0")));
    elsewhere.enqueue(json(200, PENDING));
    PyannoteClient client = client();

    assertThat(client.getJob("j1").jobId()).isEqualTo("j1");

    assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(elsewhere.requests()).singleElement()
        .satisfies(r -> assertThat(r.header("Authorization")).isNull())
        .satisfies(r -> assertThat(r.headers().values()).noneSatisfy(v -> assertThat(v).contains(KEY)));
    assertConnectionsReleased(client);
    assertConnectionsReleased(client, elsewhere);
  }

  @Test
  void aRedirectToTheSamePortUnderAnotherHostNameDoesNotTakeTheKeyThere() throws Exception {
    server.enqueue(x -> x.send(head(307, "Location: " + server.urlAsLocalhost("/v1/jobs/j1"), "Content-Length: 0")));
    server.enqueue(json(200, PENDING));
    PyannoteClient client = client();

    assertThat(client.getJob("j1").jobId()).isEqualTo("j1");

    assertThat(server.requests()).hasSize(2);
    assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(server.requests().get(1).header("Host")).startsWith("localhost:");
    assertThat(server.requests().get(1).header("Authorization")).isNull();
  }

  @Test
  void aRedirectOnTheSameHostKeepsTheKey() throws Exception {
    // The control for the two above: the header is dropped for the host, not for every redirect.
    server.enqueue(x -> x.send(head(301, "Location: /v1/jobs/moved", "Content-Length: 0")));
    server.enqueue(json(200, PENDING));
    PyannoteClient client = client();

    assertThat(client.getJob("j1").jobId()).isEqualTo("j1");

    assertThat(server.requests().get(1).line()).isEqualTo("GET /v1/jobs/moved HTTP/1.1");
    assertThat(server.requests().get(1).header("Authorization")).isEqualTo("Bearer " + KEY);
    assertConnectionsReleased(client);
  }

  @Test
  void aRedirectLoopAcrossTwoHostsEndsInOneTransportFailureAndIsNotRetried() throws Exception {
    for (int i = 0; i < 12; i++) {
      server.enqueue(x -> x.send(head(302, "Location: " + elsewhere.url("/loop"), "Content-Length: 0")));
      elsewhere.enqueue(x -> x.send(head(302, "Location: " + server.url("/v1/jobs/j1"), "Content-Length: 0")));
    }
    PyannoteClient client = client(o -> o.retryPolicy(RetryPolicy.defaults()));

    TransportException e = outcome(TransportException.class, () -> client.getJob("j1"));

    assertThat(e.getCause()).isInstanceOf(ProtocolException.class).hasMessageContaining("Too many follow-up requests");
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(server.requests().size() + elsewhere.requests().size()).isEqualTo(21);
    assertThat(elsewhere.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).isNull());
    // Back on the first host from elsewhere, the key is not sent again either: the redirected
    // request no longer carries it, and the application interceptor that added it does not run again.
    assertThat(server.requests().subList(1, server.requests().size()))
        .allSatisfy(r -> assertThat(r.header("Authorization")).isNull());
  }

  @Test
  void aRedirectWithoutLocationIsAnApiException() throws Exception {
    server.enqueue(json(302, "{\"message\":\"moved somewhere\"}"));
    PyannoteClient client = client();

    ApiException e = outcome(ApiException.class, () -> client.getJob("j1"));

    assertThat(e.statusCode()).isEqualTo(302);
    assertThat(e.rawBody()).isEqualTo("{\"message\":\"moved somewhere\"}");
    assertConnectionsReleased(client);
  }

  @Test
  void aRedirectToAnUnsupportedSchemeIsAnApiException() throws Exception {
    server.enqueue(x -> x.send(head(301, "Location: ftp://files.example/job.json", "Content-Length: 0")));
    PyannoteClient client = client();

    ApiException e = outcome(ApiException.class, () -> client.getJob("j1"));

    assertThat(e.statusCode()).isEqualTo(301);
    assertThat(e.header("Location")).contains("ftp://files.example/job.json");
    assertConnectionsReleased(client);
  }

  @Test
  void aNotModifiedIsAnApiException() throws Exception {
    server.enqueue(x -> x.send(head(304, "ETag: \"v1\"")));
    PyannoteClient client = client();

    ApiException e = outcome(ApiException.class, () -> client.getJob("j1"));

    assertThat(e.statusCode()).isEqualTo(304);
    assertThat(e.rawBody()).isEmpty();
    assertConnectionsReleased(client);
  }

  @Test
  void aContinueBeforeTheAnswerIsSkipped() throws Exception {
    server.enqueue(x -> x.send("HTTP/1.1 100 Continue\r\n\r\n").send(head(200, "Content-Type: application/json",
        "Content-Length: " + PENDING.length())).send(PENDING));
    PyannoteClient client = client();

    assertThat(client.getJob("j1").jobId()).isEqualTo("j1");
    assertConnectionsReleased(client);
  }

  @Test
  void earlyHintsBeforeTheAnswerAreSkipped() throws Exception {
    server.enqueue(x -> x.send("HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n")
        .send("HTTP/1.1 103 Early Hints\r\nLink: </app.js>; rel=preload\r\n\r\n")
        .send(head(200, "Content-Type: application/json", "Content-Length: " + PENDING.length())).send(PENDING));
    PyannoteClient client = client();

    assertThat(client.getJob("j1").jobId()).isEqualTo("j1");
    assertConnectionsReleased(client);
  }

  @Test
  void aConnectionClosedAfterAContinueIsATransportFailure() throws Exception {
    server.enqueue(x -> {
      x.send("HTTP/1.1 100 Continue\r\n\r\n");
      x.close();
    });
    PyannoteClient client = client();

    outcome(TransportException.class, () -> client.getJob("j1"));
    assertConnectionsReleased(client);
  }

  @Test
  void aNoContentAnswerToGetJobDoesNotDecode() throws Exception {
    server.enqueue(x -> x.send(head(204)));
    PyannoteClient client = client();

    DecodeException e = outcome(DecodeException.class, () -> client.getJob("j1"));

    assertThat(e.statusCode()).isEqualTo(204);
    assertThat(e.reason()).isEqualTo("empty body");
    assertConnectionsReleased(client);
  }

  @Test
  void aNoContentAnswerWithABodyIsATransportFailureNotRetried() throws Exception {
    // One script: a retry would get the server's 599 and end in an ApiException instead.
    server.enqueue(x -> x.send(head(204, "Content-Type: application/json", "Content-Length: " + PENDING.length())).send(PENDING));
    PyannoteClient client = client(o -> o.retryPolicy(RetryPolicy.defaults()));

    TransportException e = outcome(TransportException.class, () -> client.getJob("j1"));

    assertThat(e.getCause()).isInstanceOf(ProtocolException.class).hasMessageContaining("204");
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(server.requests()).hasSize(1);
    assertConnectionsReleased(client);
  }

  @Test
  void aServerErrorWithAnHtmlPageIsAnApiExceptionThatKeepsThePage() throws Exception {
    String page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    server.enqueue(RawServer.respond(500, "text/html", page.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    PyannoteClient client = client();

    ApiException e = outcome(ApiException.class, () -> client.getJob("j1"));

    assertThat(e.statusCode()).isEqualTo(500);
    assertThat(e.error()).isEmpty();
    assertThat(e.rawBody()).isEqualTo(page);
    assertConnectionsReleased(client);
  }
}
