package dev.audiojobs.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.audiojobs.client.RequestValidationException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of path and query parameters (acme.yaml's {@code exportJob}: {@code jobId} minLength 2,
 * maxLength 8, pattern; {@code format} a closed enum; {@code page} 1..10; {@code scale} 0.5..2) are
 * checked before anything is sent, and a refusal names the parameter by its wire name.
 */
final class AcmeParametersTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private AcmeClient client() {
    return AcmeClient.builder().apiKey("sk-acme-test-41f0").baseUrl(server.url("/").toString()).build();
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("jobId shorter than minLength", "jobId", "must be at least 2 characters long",
            (Consumer<AcmeClient>) c -> c.exportJob("a", ExportFormat.TXT, null, null, null)),
        Arguments.of("jobId longer than maxLength", "jobId", "must be at most 8 characters long",
            (Consumer<AcmeClient>) c -> c.exportJob("abcdefghi", ExportFormat.TXT, null, null, null)),
        Arguments.of("jobId not matching the pattern", "jobId", "must match the pattern ^[a-z0-9]+$",
            (Consumer<AcmeClient>) c -> c.exportJob("a/../b", ExportFormat.TXT, null, null, null)),
        Arguments.of("empty jobId", "jobId", "must be at least 2 characters long",
            (Consumer<AcmeClient>) c -> c.exportJob("", ExportFormat.TXT, null, null, null)),
        Arguments.of("a format the closed enum does not list", "format", "must be one of txt, srt",
            (Consumer<AcmeClient>) c -> c.exportJob("j1", ExportFormat.of("pdf"), null, null, null)),
        Arguments.of("page below minimum", "page", "must be at least 1",
            (Consumer<AcmeClient>) c -> c.exportJob("j1", ExportFormat.TXT, 0, null, null)),
        Arguments.of("page above maximum", "page", "must be at most 10",
            (Consumer<AcmeClient>) c -> c.exportJob("j1", ExportFormat.TXT, 11, null, null)),
        Arguments.of("scale below a fractional minimum", "scale", "must be at least 0.5",
            (Consumer<AcmeClient>) c -> c.exportJob("j1", ExportFormat.TXT, null, 0.49, null)),
        Arguments.of("scale NaN", "scale", "must be at least 0.5",
            (Consumer<AcmeClient>) c -> c.exportJob("j1", ExportFormat.TXT, null, Double.NaN, null)),
        Arguments.of("the async form refuses before returning a future", "page", "must be at most 10",
            (Consumer<AcmeClient>) c -> c.exportJobAsync("j1", ExportFormat.TXT, 11, null, null).join()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void aParameterTheSpecForbidsIsRefusedAtItsWireNameBeforeAnythingIsSent(
      String what, String path, String reason, Consumer<AcmeClient> call) {
    // answered, so that a client which sends the request anyway completes and fails below instead of waiting
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain").body("sent").build());
    Throwable thrown = catchThrowable(() -> call.accept(client()));

    assertThat(thrown).isInstanceOf(RequestValidationException.class);
    RequestValidationException e = (RequestValidationException) thrown;
    assertThat(e.path()).isEqualTo(path);
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.getMessage()).isEqualTo("exportJob: invalid request at " + path + ": " + reason);
    assertThat(e.attempts()).isZero();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anEmptyPathParameterIsRefusedThoughTheSpecStatesNoRuleForIt() {
    // GET /v1/jobs/ would address another resource (a list, or nothing) than the job the caller named.
    server.enqueue(new MockResponse.Builder().code(204).build());
    Throwable thrown = catchThrowable(() -> client().deleteJob(""));

    assertThat(thrown).isInstanceOfSatisfying(RequestValidationException.class, e -> {
      assertThat(e.path()).isEqualTo("jobId");
      assertThat(e.reason()).isEqualTo("must not be empty: an empty path segment would address another resource");
    });
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void valuesOnTheEdgesAreSentAndOptionalParametersLeftOutAreNotChecked() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain").body("a").build());
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain").body("b").build());

    assertThat(client().exportJob("ab", ExportFormat.SRT, 1, 0.5, "")).isEqualTo("a");
    assertThat(client().exportJob("abcdefg8", ExportFormat.TXT, 10, 2.0, null)).isEqualTo("b");

    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/jobs/ab/export/srt?page=1&scale=0.5&since=");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/jobs/abcdefg8/export/txt?page=10&scale=2.0");
  }
}
