package dev.audiojobs.acme;

import static dev.audiojobs.testsupport.JsonTrees.assertSameJson;
import static dev.audiojobs.testsupport.Outcomes.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.ApiException;
import dev.audiojobs.client.RequestValidationException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Records composed with {@code allOf}, and parameters, request bodies and error responses given by
 * {@code $ref} to components, as the generator writes them for the test spec
 * (openapi/src/test/resources/codegen/acme.yaml, {@code updateProject}).
 */
final class AcmeComposedTest {
  private static final String KEY = "sk-acme-test-41f0";

  @StartStop final MockWebServer server = new MockWebServer();

  private AcmeClient client() {
    return AcmeClient.builder().apiKey(KEY).baseUrl(server.url("/").toString()).build();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void anAllOfRequestSendsEveryMemberPropertyAndAnAllOfResponseDecodesThemAll() throws Exception {
    server.enqueue(json(200, "{\"id\": \"p1\", \"name\": \"Calls\", \"region\": \"eu\"}"));

    Project project = client().updateProject("p1", ProjectRequest.builder().name("Calls").region("eu").build());

    assertThat(project.id()).isEqualTo("p1");
    assertThat(project.name()).isEqualTo("Calls");
    assertThat(project.region()).isEqualTo("eu");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getTarget()).isEqualTo("/v1/projects/p1"); // the path-level, $ref'd parameter
    assertSameJson(request.getBody().utf8(), "{\"name\": \"Calls\", \"region\": \"eu\"}");
  }

  @Test
  void aConstraintOfTheSharedBaseIsCheckedBeforeSending() {
    RequestValidationException e = thrown(RequestValidationException.class,
        () -> client().updateProject("p1", ProjectRequest.builder().name("x".repeat(21)).build()));

    assertThat(e.path()).isEqualTo("$.name");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anErrorResponseGivenByRefDecodesIntoItsModel() {
    server.enqueue(json(404, "{\"message\": \"no such project\", \"requestId\": \"r-9\"}"));

    ApiException e = thrown(ApiException.class,
        () -> client().updateProject("nope", ProjectRequest.builder().name("Calls").build()));

    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.error(ApiError.class)).hasValueSatisfying(error -> assertThat(error.message()).isEqualTo("no such project"));
  }
}
