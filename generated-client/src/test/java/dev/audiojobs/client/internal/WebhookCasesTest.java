package dev.audiojobs.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import com.squareup.moshi.JsonReader;
import dev.audiojobs.client.WebhookVerificationException;
import dev.audiojobs.pyannote.Job;
import dev.audiojobs.pyannote.PyannoteJson;
import dev.audiojobs.testsupport.WebhookSchemes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okio.Okio;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The webhook conformance cases ({@code conformance-tests/src/test/resources/webhook-cases}, signed
 * by {@code openssl} in their {@code generate.py}) against the runtime verifier, until the
 * conformance runner speaks {@code "operation": "webhook"}; then the runner runs them through each
 * vendor's generated API and this test goes.
 *
 * <p>What it checks: every outcome and reason against the runtime verifier and the hand-written
 * schemes of {@code testsupport/WebhookSchemes}; for pyannoteAI, the decoded variant and a malformed
 * payload's path. The generated classes run the same cases with every vendor's variants and paths in
 * {@code PyannoteWebhooksTest}, {@code DailyWebhooksTest} and {@code LyrcsWebhooksTest}.
 */
final class WebhookCasesTest {
  private static final Path CASES = Path.of("..", "conformance-tests", "src", "test", "resources", "webhook-cases");
  private static final Map<String, WebhookScheme> SCHEMES =
      Map.of("pyannote", WebhookSchemes.PYANNOTE, "daily", WebhookSchemes.DAILY, "lyrcs", WebhookSchemes.LYRCS);

  private static List<Path> cases(String vendor) throws IOException {
    try (Stream<Path> files = Files.list(CASES.resolve(vendor))) {
      return files.filter(f -> f.getFileName().toString().matches("webhook-.*\\.json")).sorted().toList();
    }
  }

  @Test
  void everyVendorHasAtLeastTenCasesVerifiedAndRejected() throws IOException {
    for (String vendor : SCHEMES.keySet()) {
      List<Path> files = cases(vendor);
      assertThat(files).as(vendor).hasSizeGreaterThanOrEqualTo(10);
      assertThat(files).as(vendor).anyMatch(f -> f.toString().contains("webhook-verified-"))
          .anyMatch(f -> f.toString().contains("webhook-rejected-"));
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCaseHasItsOutcome() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String vendor : List.of("pyannote", "daily", "lyrcs")) {
      for (Path file : cases(vendor)) {
        tests.add(DynamicTest.dynamicTest(vendor + "/" + file.getFileName(), () -> run(vendor, file)));
      }
    }
    return tests.stream();
  }

  @SuppressWarnings("unchecked") // readJsonValue gives maps, lists and strings; a wrong shape fails the case
  private static void run(String vendor, Path file) throws IOException {
    Map<String, Object> kase;
    try (JsonReader reader = JsonReader.of(Okio.buffer(Okio.source(file)))) {
      kase = (Map<String, Object>) reader.readJsonValue();
    }
    assertThat(kase).as(file + ": fields").containsKeys("description", "operation", "webhook", "expect");
    assertThat(kase.get("operation")).as(file + ": operation").isEqualTo("webhook");
    Map<String, Object> webhook = (Map<String, Object>) kase.get("webhook");
    Map<String, Object> expect = (Map<String, Object>) kase.get("expect");

    List<String> secrets = webhook.containsKey("secrets")
        ? (List<String>) webhook.get("secrets") : List.of((String) webhook.get("secret"));
    WebhookVerifier verifier = WebhookVerifier.of(SCHEMES.get(vendor), secrets)
        .withClock(Clock.fixed(Instant.parse((String) webhook.get("now")), ZoneOffset.UTC));
    if (webhook.containsKey("toleranceSeconds")) {
      verifier = verifier.withTolerance(Duration.ofSeconds(((Number) webhook.get("toleranceSeconds")).longValue()));
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    ((Map<String, String>) webhook.get("headers")).forEach((name, value) -> headers.put(name, List.of(value)));
    byte[] body = ((String) webhook.get("bodyText")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    boolean typed = vendor.equals("pyannote");
    WebhookVerifier v = verifier;

    switch ((String) expect.get("outcome")) {
      case "verified" -> {
        if (typed) {
          Job job = v.unwrap(headers, body, PyannoteJson.adapter(Job.class));
          if (expect.containsKey("variant")) {
            assertThat(job.getClass().getSimpleName()).as(file + ": variant").isEqualTo(expect.get("variant"));
          }
        } else {
          v.verify(headers, body);
        }
      }
      case "rejected" -> {
        String reason = (String) expect.get("reason");
        if (reason.equals("malformed") && !typed) {
          v.verify(headers, body); // authentic; the decode failure needs the vendor's generated events
          return;
        }
        WebhookVerificationException e = catchThrowableOfType(WebhookVerificationException.class,
            () -> v.unwrap(headers, body, PyannoteJson.adapter(Job.class)));
        assertThat(e).as(file + ": expected a rejection (" + reason + ")").isNotNull();
        assertThat(e.reason().wireName()).as(file + ": " + e.getMessage()).isEqualTo(reason);
        if (expect.containsKey("path")) {
          assertThat(e.path()).as(file + ": path").contains((String) expect.get("path"));
        }
      }
      default -> fail(file + ": expect.outcome is " + expect.get("outcome") + ", neither verified nor rejected");
    }
  }
}
