package dev.audiojobs.testsupport;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okio.Okio;
import org.jspecify.annotations.Nullable;

/**
 * One webhook conformance case ({@code conformance-tests/src/test/resources/webhook-cases/<vendor>/}),
 * read for the generated {@code <Prefix>Webhooks} tests.
 *
 * @param file the case file
 * @param secrets every secret the receiver holds ({@code webhook.secret} or {@code webhook.secrets})
 * @param clock the case's {@code now}
 * @param tolerance {@code webhook.toleranceSeconds}, or null for the default
 * @param headers the delivery's headers, one value each
 * @param body the body's bytes (UTF-8 of {@code bodyText})
 * @param outcome {@code verified} or {@code rejected}
 * @param reason with {@code rejected}, the expected reason's wire name
 * @param variant with {@code verified}, the expected payload class's simple name, if stated
 * @param path with a {@code malformed} rejection, the expected JSON path, if stated
 */
public record WebhookCase(Path file, List<String> secrets, Clock clock, @Nullable Duration tolerance,
    Map<String, List<String>> headers, byte[] body, String outcome, @Nullable String reason,
    @Nullable String variant, @Nullable String path) {
  private static final Path CASES = Path.of("..", "conformance-tests", "src", "test", "resources", "webhook-cases");

  /** Every case of {@code vendor}, sorted by file name. */
  public static List<WebhookCase> all(String vendor) {
    try (Stream<Path> files = Files.list(CASES.resolve(vendor))) {
      return files.filter(f -> f.getFileName().toString().matches("webhook-.*\\.json")).sorted()
          .map(WebhookCase::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file name, for a test's display name. */
  public String name() {
    return file.getFileName().toString();
  }

  @SuppressWarnings("unchecked") // readJsonValue gives maps, lists and strings; a wrong shape fails the case
  private static WebhookCase read(Path file) {
    Map<String, Object> kase;
    try (JsonReader reader = JsonReader.of(Okio.buffer(Okio.source(file)))) {
      kase = (Map<String, Object>) reader.readJsonValue();
    } catch (IOException e) {
      throw new UncheckedIOException(file.toString(), e);
    }
    if (!"webhook".equals(kase.get("operation"))) throw new IllegalStateException(file + ": operation is not webhook");
    Map<String, Object> webhook = (Map<String, Object>) kase.get("webhook");
    Map<String, Object> expect = (Map<String, Object>) kase.get("expect");
    List<String> secrets = webhook.containsKey("secrets")
        ? (List<String>) webhook.get("secrets") : List.of((String) webhook.get("secret"));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    ((Map<String, String>) webhook.get("headers")).forEach((name, value) -> headers.put(name, List.of(value)));
    Duration tolerance = webhook.containsKey("toleranceSeconds")
        ? Duration.ofSeconds(((Number) webhook.get("toleranceSeconds")).longValue()) : null;
    return new WebhookCase(file, List.copyOf(secrets),
        Clock.fixed(Instant.parse((String) webhook.get("now")), ZoneOffset.UTC), tolerance, headers,
        ((String) webhook.get("bodyText")).getBytes(StandardCharsets.UTF_8), (String) expect.get("outcome"),
        (String) expect.get("reason"), (String) expect.get("variant"), (String) expect.get("path"));
  }
}
