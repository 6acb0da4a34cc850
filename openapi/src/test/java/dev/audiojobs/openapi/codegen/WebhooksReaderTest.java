package dev.audiojobs.openapi.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.audiojobs.openapi.codegen.model.Api;
import dev.audiojobs.openapi.codegen.model.SpecReader;
import dev.audiojobs.openapi.codegen.model.UnsupportedSpecException;
import dev.audiojobs.openapi.codegen.model.Vendor;
import dev.audiojobs.openapi.codegen.model.Webhooks;
import dev.audiojobs.openapi.codegen.render.JavaSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the generator reads {@code x-audiojobs-webhooks}, refuses what it cannot generate, and what it writes from it. */
final class WebhooksReaderTest {
  private static final String SIGNATURE = """
      header: X-Sig
      timestampHeader: X-Ts
      signedContent: '{timestamp}.{body}'
      secretEncoding: base64
      encodings: [base64, hex]
      toleranceSeconds: 60
      """;

  private static Api read(String webhooks) throws IOException {
    JsonNode spec = new YAMLMapper().readTree("""
        openapi: 3.0.3
        info: {title: Acme, version: '1'}
        servers: [{url: 'https://example.test/api'}]
        paths: {}
        components:
          schemas:
            Event: {type: object, properties: {id: {type: string}}}
        """ + (webhooks.isEmpty() ? "" : "x-audiojobs-webhooks:\n" + webhooks.indent(2)));
    return SpecReader.read(spec, new Vendor("acme"));
  }

  private static String hooks(String signature) {
    return "payload: '#/components/schemas/Event'\nsource: doc https://example.test/webhooks\nsignature:\n" + signature.indent(2);
  }

  @Test
  void theExtensionIsReadAsData() throws IOException {
    Webhooks hooks = read(hooks(SIGNATURE)).webhooks().orElseThrow();

    assertThat(hooks).isEqualTo(new Webhooks("Event", "doc https://example.test/webhooks", "X-Sig", "X-Ts",
        "{timestamp}.{body}", "base64", List.of("base64", "hex"), 60L));
  }

  @Test
  void aSpecWithoutTheExtensionHasNoWebhooksAndNoWebhooksClass() throws IOException {
    Api api = read("");

    assertThat(api.webhooks()).isEmpty();
    assertThat(JavaSources.render(api)).doesNotContainKey("dev/audiojobs/acme/AcmeWebhooks.java");
  }

  @Test
  void theWebhooksClassWrapsTheVerifierWithTheSchemeAndDecodesThePayload() throws IOException {
    Map<String, String> files = JavaSources.render(read(hooks(SIGNATURE)));
    String source = files.get("dev/audiojobs/acme/AcmeWebhooks.java");

    assertThat(source).contains(
        ".signatureHeader(\"X-Sig\")", ".timestampHeader(\"X-Ts\")", ".tolerance(Duration.ofSeconds(60L))",
        ".signedContent(\"{timestamp}.{body}\")", "WebhookScheme.SecretEncoding.BASE64",
        "WebhookScheme.SignatureEncoding.BASE64, WebhookScheme.SignatureEncoding.HEX",
        "public Event unwrap(Map<String, ? extends List<String>> headers, byte[] body)",
        "verifier.unwrap(headers, body, AcmeJson.adapter(Event.class))",
        "public AcmeWebhooks withTolerance(Duration tolerance)", "Source: doc https://example.test/webhooks.");
  }

  @Test
  void withoutATimestampThereIsNoToleranceOrClockAndTheJavadocSaysReplaysPass() throws IOException {
    String source = JavaSources.render(read(hooks("""
        header: X-Sig
        signedContent: '{body}'
        secretEncoding: utf8
        encodings: [hex]
        """))).get("dev/audiojobs/acme/AcmeWebhooks.java");

    assertThat(source).doesNotContain("withTolerance", "withClock", "timestampHeader(").contains("can be replayed");
  }

  @Test
  void whatCannotBeGeneratedIsRefusedNamingItsPointer() {
    assertThatThrownBy(() -> read(hooks(SIGNATURE).replace("Event'", "Missing'")))
        .isInstanceOf(UnsupportedSpecException.class)
        .hasMessageContaining("#/x-audiojobs-webhooks/payload");
    assertThatThrownBy(() -> read(hooks(SIGNATURE.replace("toleranceSeconds: 60\n", ""))))
        .isInstanceOf(UnsupportedSpecException.class)
        .hasMessageContaining("#/x-audiojobs-webhooks/signature")
        .hasMessageContaining("timestampHeader without toleranceSeconds");
    assertThatThrownBy(() -> read(hooks(SIGNATURE.replace("[base64, hex]", "[base32]"))))
        .isInstanceOf(UnsupportedSpecException.class)
        .hasMessageContaining("#/x-audiojobs-webhooks/signature/encodings");
    assertThatThrownBy(() -> read(hooks(SIGNATURE.replace("secretEncoding: base64", "secretEncoding: hex"))))
        .isInstanceOf(UnsupportedSpecException.class)
        .hasMessageContaining("#/x-audiojobs-webhooks/signature/secretEncoding");
    assertThatThrownBy(() -> read(hooks(SIGNATURE + "algorithm: sha1\n")))
        .isInstanceOf(UnsupportedSpecException.class)
        .hasMessageContaining("#/x-audiojobs-webhooks/signature/algorithm");
    assertThatThrownBy(() -> read(hooks(SIGNATURE.replace("header: X-Sig\n", ""))))
        .isInstanceOf(UnsupportedSpecException.class)
        .hasMessageContaining("#/x-audiojobs-webhooks/signature/header");
  }

  @Test
  void everyNormalizedSpecDeclaresItsWebhooks() throws IOException {
    for (String vendor : List.of("pyannote", "daily", "lyrcs")) {
      Path file = Path.of("normalized", vendor + ".yaml");
      Api api = SpecReader.read(new YAMLMapper().readTree(Files.readString(file)), Vendor.ofSpecFile(file));
      Webhooks hooks = api.webhooks().orElseThrow(() -> new AssertionError(vendor + " has no x-audiojobs-webhooks"));
      assertThat(api.schemas()).as(vendor).containsKey(hooks.payload());
    }
  }
}
