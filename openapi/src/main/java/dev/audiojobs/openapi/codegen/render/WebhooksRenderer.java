package dev.audiojobs.openapi.codegen.render;

import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.WEBHOOK_SCHEME;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.WEBHOOK_VERIFICATION_EXCEPTION;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.WEBHOOK_VERIFIER;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.audiojobs.openapi.codegen.model.Webhooks;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * {@code <Prefix>Webhooks}: the vendor's webhook scheme from {@code x-audiojobs-webhooks} as a constant,
 * and a thin immutable wrapper over the runtime's {@code WebhookVerifier} that verifies a delivery and
 * decodes it into the payload schema's generated type.
 */
final class WebhooksRenderer {
  private static final TypeName HEADERS = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class),
      WildcardTypeName.subtypeOf(ParameterizedTypeName.get(List.class, String.class)));

  private final Context context;
  private final Webhooks hooks;

  WebhooksRenderer(Context context) {
    this.context = context;
    this.hooks = context.api().webhooks().orElseThrow();
  }

  static ClassName webhooksClass(Context context) {
    return ClassName.get(context.api().vendor().packageName(), context.api().vendor().prefix() + "Webhooks");
  }

  TypeSpec render() {
    ClassName self = webhooksClass(context);
    ClassName json = ClassName.get(context.api().vendor().packageName(), context.api().vendor().prefix() + "Json");
    ClassName payload = context.types().model(hooks.payload());
    boolean timed = hooks.timestampHeader() != null;
    String title = context.api().title();

    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(Javadocs.of(List.of(
            "Verifies " + Names.javadoc(title) + "'s webhook deliveries and decodes them into {@link "
                + payload.simpleName() + "}. Immutable and thread-safe: make one at startup and share it.",
            "<p>The signature: " + Javadocs.code(hooks.signatureHeader()) + " is the " + encodings()
                + " HMAC-SHA256 of " + Javadocs.code(hooks.signedContent()) + ", keyed with "
                + (hooks.secretEncoding().equals("base64") ? "the base64-decoded secret" : "the secret's UTF-8 bytes")
                + (timed ? ", where {@code {timestamp}} is the " + Javadocs.code(hooks.timestampHeader())
                    + " header's text (Unix seconds) and " : ", where ")
                + "{@code {body}} is the raw body, byte for byte. Source: " + Names.javadoc(hooks.source()) + ".",
            timed
                ? "<p>A delivery whose timestamp is more than the tolerance (" + hooks.toleranceSeconds()
                    + " s unless {@link #withTolerance} says otherwise) from the clock, either way, is rejected."
                : "<p>The vendor signs no timestamp, so a captured delivery can be replayed as long as the secret"
                    + " is valid: nothing here can detect it. Make handling idempotent (by the payload's id).",
            "<p>Every failure is a {@link " + WEBHOOK_VERIFICATION_EXCEPTION.canonicalName() + "} with a reason"
                + " ({@code missing_header}, {@code signature}" + (timed ? ", {@code timestamp}" : "")
                + ", {@code malformed}); no message contains a secret. Header names are matched"
                + " case-insensitively. Generated from {@code x-audiojobs-webhooks} of {@code " + context.specPath() + "}."),
            List.of()))
        .addField(FieldSpec.builder(WEBHOOK_SCHEME, "SCHEME", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer(scheme())
            .build())
        .addField(WEBHOOK_VERIFIER, "verifier", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
            .addParameter(WEBHOOK_VERIFIER, "verifier")
            .addStatement("this.verifier = verifier")
            .build())
        .addMethod(MethodSpec.methodBuilder("withSecret")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(self)
            .addJavadoc(Javadocs.of(List.of("A verifier accepting deliveries signed with {@code secret}" + secretNote() + "."),
                List.of("@throws IllegalArgumentException if the secret is empty"
                    + (hooks.secretEncoding().equals("base64") ? " or not base64" : "") + " (the message never quotes it)")))
            .addParameter(String.class, "secret")
            .addStatement("return withSecrets($T.of($T.requireNonNull(secret, $S)))", List.class, Objects.class, "secret == null")
            .build())
        .addMethod(MethodSpec.methodBuilder("withSecrets")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(self)
            .addJavadoc(Javadocs.of(List.of("A verifier accepting deliveries signed with any of {@code secrets}: the old"
                    + " and the new one while a secret is rotated" + secretNote() + "."),
                List.of("@throws IllegalArgumentException if the list is empty, or a secret is empty"
                    + (hooks.secretEncoding().equals("base64") ? " or not base64" : "") + " (by position, never by text)")))
            .addParameter(ParameterizedTypeName.get(List.class, String.class), "secrets")
            .addStatement("return new $T($T.of(SCHEME, secrets))", self, WEBHOOK_VERIFIER)
            .build());
    if (timed) {
      type.addMethod(MethodSpec.methodBuilder("withTolerance")
              .addModifiers(Modifier.PUBLIC)
              .returns(self)
              .addJavadoc(Javadocs.of(List.of("This verifier accepting timestamps at most {@code tolerance} from the clock,"
                      + " either way (the bound included)."),
                  List.of("@throws IllegalArgumentException if {@code tolerance} is negative")))
              .addParameter(Duration.class, "tolerance")
              .addStatement("return new $T(verifier.withTolerance(tolerance))", self)
              .build())
          .addMethod(MethodSpec.methodBuilder("withClock")
              .addModifiers(Modifier.PUBLIC)
              .returns(self)
              .addJavadoc("This verifier reading the time from {@code clock}: for tests, or a clock the application trusts.\n")
              .addParameter(Clock.class, "clock")
              .addStatement("return new $T(verifier.withClock(clock))", self)
              .build());
    }
    String failures = "@throws " + WEBHOOK_VERIFICATION_EXCEPTION.canonicalName() + " when a header is missing, no"
        + " secret's signature matches" + (timed ? ", or the timestamp is outside the tolerance" : "");
    type.addMethod(MethodSpec.methodBuilder("verify")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(Javadocs.of(List.of("Checks that one delivery is authentic" + (timed ? " and recent" : "") + "."),
                List.of("@param headers the request's headers, names in any case",
                    "@param body the body exactly as received: a body parsed and written again no longer verifies",
                    failures)))
            .addParameter(HEADERS, "headers")
            .addParameter(byte[].class, "body")
            .addStatement("verifier.verify(headers, body)")
            .build())
        .addMethod(MethodSpec.methodBuilder("verify")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Like {@link #verify(Map, byte[])}, for a body a framework already decoded as UTF-8.\n")
            .addParameter(HEADERS, "headers")
            .addParameter(String.class, "body")
            .addStatement("verify(headers, utf8(body))")
            .build())
        .addMethod(MethodSpec.methodBuilder("unwrap")
            .addModifiers(Modifier.PUBLIC)
            .returns(payload)
            .addJavadoc(Javadocs.of(List.of("Verifies one delivery as {@link #verify(Map, byte[])} does, then decodes it into"
                    + " the same type the client returns; nothing received is lost."),
                List.of("@param headers the request's headers, names in any case",
                    "@param body the body exactly as received",
                    failures + "; with reason {@code malformed} (keeping the body) when the authentic body is not JSON"
                        + " or does not fit {@code #/components/schemas/" + hooks.payload() + "}")))
            .addParameter(HEADERS, "headers")
            .addParameter(byte[].class, "body")
            .addStatement("return verifier.unwrap(headers, body, $T.adapter($T.class))", json, payload)
            .build())
        .addMethod(MethodSpec.methodBuilder("unwrap")
            .addModifiers(Modifier.PUBLIC)
            .returns(payload)
            .addJavadoc("Like {@link #unwrap(Map, byte[])}, for a body a framework already decoded as UTF-8.\n")
            .addParameter(HEADERS, "headers")
            .addParameter(String.class, "body")
            .addStatement("return unwrap(headers, utf8(body))")
            .build())
        .addMethod(MethodSpec.methodBuilder("utf8")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(byte[].class)
            .addParameter(String.class, "body")
            .addStatement("return $T.requireNonNull(body, $S).getBytes($T.UTF_8)", Objects.class, "body == null",
                StandardCharsets.class)
            .build())
        .addMethod(MethodSpec.methodBuilder("toString")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addComment("the secrets are keys inside the verifier, never text here")
            .addStatement("return $S + SCHEME" + (timed ? " + \", tolerance \" + verifier.tolerance()" : "") + " + $S",
                self.simpleName() + "{", "}")
            .build());
    return type.build();
  }

  private CodeBlock scheme() {
    CodeBlock.Builder code = CodeBlock.builder().add("$T.builder()\n", WEBHOOK_SCHEME).indent().indent()
        .add(".signatureHeader($S)\n", hooks.signatureHeader());
    if (hooks.timestampHeader() != null) {
      code.add(".timestampHeader($S)\n", hooks.timestampHeader())
          .add(".tolerance($T.ofSeconds($LL))\n", Duration.class, hooks.toleranceSeconds());
    }
    code.add(".signedContent($S)\n", hooks.signedContent())
        .add(".secretEncoding($T.$L)\n", WEBHOOK_SCHEME.nestedClass("SecretEncoding"), hooks.secretEncoding().toUpperCase(Locale.ROOT));
    CodeBlock encodings = hooks.encodings().stream()
        .map(e -> CodeBlock.of("$T.$L", WEBHOOK_SCHEME.nestedClass("SignatureEncoding"), e.toUpperCase(Locale.ROOT)))
        .collect(CodeBlock.joining(", "));
    return code.add(".signatureEncodings($T.of($L))\n", Set.class, encodings).add(".build()").unindent().unindent().build();
  }

  private String encodings() {
    return String.join(" or ", hooks.encodings());
  }

  private String secretNote() {
    return hooks.secretEncoding().equals("base64")
        ? ", as the vendor hands it out (base64 text; its decoded bytes are the key)"
        : ", as the vendor hands it out";
  }
}
