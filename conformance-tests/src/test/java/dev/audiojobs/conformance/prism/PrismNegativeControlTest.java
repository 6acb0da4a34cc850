package dev.audiojobs.conformance.prism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sweep judges the clients, so it is judged too: Prism serves deliberately broken copies of the
 * Daily spec (written to {@code target/prism/broken/}) and the sweep must fail on each, for the reason
 * and with the message a maintainer needs. A sweep that passed these would pass anything.
 */
final class PrismNegativeControlTest {
  private static final int CALLS = 20;
  private static final Spec DAILY = Spec.read(PrismSweepTest.NORMALIZED.resolve("daily.yaml"));
  private static final Spec.Operation GET_JOB = DAILY.operation("get", "/batch-processor/{id}").orElseThrow();

  private static Spec idIsAnInteger;
  private static Spec requiresAQueryParameter;
  private static Spec errorTypeIsAnInteger;
  private static final Spec PYANNOTE = Spec.read(PrismSweepTest.NORMALIZED.resolve("pyannote.yaml"));
  private static final Spec.Operation DIARIZE = PYANNOTE.operation("post", "/v1/diarize").orElseThrow();
  private static Spec requiresABodyProperty;
  private static List<PrismServer> servers = List.of();

  @BeforeAll
  static void startPrismOnBrokenSpecs() {
    // BatchJob.id, required and a string in the client, becomes an integer: every 200 has a body the
    // broken spec allows and the client must reject, at $.id.
    ObjectNode a = DAILY.copyOfRoot();
    ((ObjectNode) a.at("/components/schemas/BatchJob/properties/id")).put("type", "integer");
    idIsAnInteger = Spec.write(Path.of("target", "prism", "broken", "daily-id-integer.yaml"), a);

    // A required query parameter the client never sends: Prism's request validation must refuse every call.
    ObjectNode b = DAILY.copyOfRoot();
    ObjectNode include = b.withArray("/paths/~1batch-processor~1{id}/get/parameters").addObject();
    include.put("name", "include").put("in", "query").put("required", true).putObject("schema").put("type", "string");
    requiresAQueryParameter = Spec.write(Path.of("target", "prism", "broken", "daily-required-query.yaml"), b);

    // ApiError.error, required and a string in the client, becomes an integer: every Prefer'd error body
    // is one the client's ApiError cannot hold.
    ObjectNode c = DAILY.copyOfRoot();
    ((ObjectNode) c.at("/components/schemas/ApiError/properties/error")).put("type", "integer");
    errorTypeIsAnInteger = Spec.write(Path.of("target", "prism", "broken", "daily-error-integer.yaml"), c);

    // A required request body property the client never sends: Prism must refuse every diarize body.
    ObjectNode d = PYANNOTE.copyOfRoot();
    ((ObjectNode) d.at("/components/schemas/DiarizeRequest")).withArray("required").add("priority");
    ((ObjectNode) d.at("/components/schemas/DiarizeRequest/properties")).putObject("priority").put("type", "string");
    requiresABodyProperty = Spec.write(Path.of("target", "prism", "broken", "pyannote-required-body-property.yaml"), d);

    servers = PrismServer.startAll(List.of(idIsAnInteger.file(), requiresAQueryParameter.file(), errorTypeIsAnInteger.file(),
        requiresABodyProperty.file()));
  }

  @AfterAll
  static void stopPrism() {
    servers.forEach(PrismServer::close);
  }

  @Test
  void aRequiredPropertyOfAnotherTypeFailsTheSweepWithItsPathAndBody() {
    Spec.Operation served = idIsAnInteger.operation("get", "/batch-processor/{id}").orElseThrow();
    Sweep.Result result = Sweep.run("daily", GET_JOB, idIsAnInteger, served, servers.get(0).baseUrl(), CALLS, 0);

    assertThat(result.outcomes()).hasSize(CALLS).allSatisfy(o -> {
      assertThat(o.kind()).isEqualTo(Sweep.Kind.DECODE_FAILED);
      assertThat(o.path()).isEqualTo("$.id");
      assertThat(o.reason()).startsWith("expected a string");
    });
    assertThatThrownBy(() -> PrismSweepTest.assertSwept(result, served, servers.get(0)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("daily getJob against broken/daily-id-integer.yaml")
        .hasMessageContaining("20 failing calls in 1 groups")
        .hasMessageContaining("daily getJob call 1 {id=")
        .hasMessageContaining("DECODE_FAILED (HTTP 200) at $.id: expected a string")
        .hasMessageContaining("raw body: {");
  }

  @Test
  void aRequestPrismRejectsFailsTheSweepWithPrismsReason() {
    Spec.Operation served = requiresAQueryParameter.operation("get", "/batch-processor/{id}").orElseThrow();
    Sweep.Result result = Sweep.run("daily", GET_JOB, requiresAQueryParameter, served, servers.get(1).baseUrl(), CALLS, 1);

    assertThat(result.outcomes()).hasSize(CALLS + served.errorSchemas().size()).allSatisfy(o -> {
      assertThat(o.kind()).isEqualTo(Sweep.Kind.REQUEST_REJECTED);
      assertThat(o.detail()).contains("request.query").contains("required property 'include'");
    });
    assertThatThrownBy(() -> PrismSweepTest.assertSwept(result, served, servers.get(1)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("REQUEST_REJECTED")
        .hasMessageContaining("Prism's request validation: request.query: Request query must have required property 'include'");
  }

  @Test
  void aRequestBodyPrismRejectsFailsTheSweepWithPrismsReason() {
    Spec.Operation served = requiresABodyProperty.operation("post", "/v1/diarize").orElseThrow();
    Sweep.Result result = Sweep.run("pyannote", DIARIZE, requiresABodyProperty, served, servers.get(3).baseUrl(), CALLS, 1);

    assertThat(result.outcomes()).hasSize(CALLS + served.errorSchemas().size()).allSatisfy(o -> {
      assertThat(o.kind()).isEqualTo(Sweep.Kind.REQUEST_REJECTED);
      assertThat(o.detail()).contains("request.body").contains("required property 'priority'");
    });
    assertThatThrownBy(() -> PrismSweepTest.assertSwept(result, served, servers.get(3)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("REQUEST_REJECTED")
        .hasMessageContaining("pyannote diarize call 1 {body={")
        .hasMessageContaining("Prism's request validation: request.body: Request body must have required property 'priority'");
  }

  @Test
  void anErrorBodyOfAnotherTypeFailsTheSweepWithItsPath() {
    Spec.Operation served = errorTypeIsAnInteger.operation("get", "/batch-processor/{id}").orElseThrow();
    Sweep.Result result = Sweep.run("daily", GET_JOB, errorTypeIsAnInteger, served, servers.get(2).baseUrl(), 1, 3);

    List<Sweep.Outcome> errors = result.outcomes().stream().filter(o -> o.preferredStatus() != null).toList();
    assertThat(errors).hasSize(3 * served.errorSchemas().size()).allSatisfy(o -> {
      assertThat(o.kind()).isEqualTo(Sweep.Kind.ERROR_BODY_NOT_DECODED);
      assertThat(o.path()).isEqualTo("$.error");
      assertThat(o.detail()).contains("expected ApiError");
    });
    assertThatThrownBy(() -> PrismSweepTest.assertSwept(result, served, servers.get(2)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Prefer: code=400")
        .hasMessageContaining("ERROR_BODY_NOT_DECODED (HTTP 400) at $.error");
  }
}
