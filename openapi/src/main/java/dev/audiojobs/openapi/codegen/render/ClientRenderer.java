package dev.audiojobs.openapi.codegen.render;

import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.API_EXCEPTION;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.AUTHENTICATION;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.CLIENT_OPTIONS;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.DECODE_EXCEPTION;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.HTTP_CORE;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.HTTP_LOG_LEVEL;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.OKHTTP_INTERCEPTOR;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.RETRY_POLICY;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.SLEEPER;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.TRANSPORT_EXCEPTION;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.audiojobs.openapi.codegen.model.Auth;
import dev.audiojobs.openapi.codegen.model.Operation;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javax.lang.model.element.Modifier;

/**
 * The vendor's public client: its builder, {@code withOptions}, and every operation's methods (which
 * {@link OperationRenderer} renders).
 */
final class ClientRenderer {
  private final Context context;

  ClientRenderer(Context context) {
    this.context = context;
  }

  static ClassName clientClass(Context context) {
    return ClassName.get(context.api().vendor().packageName(), context.api().vendor().prefix() + "Client");
  }

  static ClassName serviceClass(Context context) {
    return ClassName.get(context.api().vendor().packageName(), context.api().vendor().prefix() + "Service");
  }

  TypeSpec render() {
    ClassName client = clientClass(context);
    ClassName service = serviceClass(context);
    ClassName builder = client.nestedClass("Builder");
    TypeSpec.Builder type = TypeSpec.classBuilder(client)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(AutoCloseable.class)
        .addJavadoc("""
            The $L client: every operation of the spec, callable synchronously, asynchronously and
            with the raw response (status and headers).

            <p>Create one with {@code $L.builder().apiKey(key).build()} and share it: it is
            immutable and thread-safe. Errors are unchecked: {@link $T} for a non-2xx response,
            {@link $T} for a body that does not fit the spec, {@link $T} when no
            response arrives. The asynchronous forms complete exceptionally with the same types; cancelling
            their future cancels the HTTP call.

            <p>{@code GET} calls are retried after a 429, 502, 503, 504 or a connection failure, as the
            {@link $T} says ({@link $T#defaults()} unless set; {@link $T#none()}
            switches retries off). {@link #withOptions} derives a client with other settings (timeouts for one
            call, say) that shares this one's connections. {@link #close} releases them.
            """, Names.javadoc(context.api().title()), client.simpleName(), API_EXCEPTION, DECODE_EXCEPTION,
            TRANSPORT_EXCEPTION, RETRY_POLICY, RETRY_POLICY, RETRY_POLICY)
        .addField(FieldSpec.builder(String.class, "DEFAULT_BASE_URL", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The default base URL: the first of the spec's {@code servers}.")
            .initializer("$S", context.api().defaultBaseUrl())
            .build());
    type.addField(FieldSpec.builder(AUTHENTICATION, "AUTHENTICATION", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("How each operation sends the key: the security scheme the spec gives it.")
        .initializer(authentication(context.api().operations()))
        .build());
    OperationRenderer operations = new OperationRenderer(context);
    for (Operation operation : context.api().operations()) type.addFields(operations.constants(operation));
    type.addField(HTTP_CORE, "core", Modifier.PRIVATE, Modifier.FINAL)
        .addField(service, "service", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(HTTP_CORE, "core")
            .addStatement("this.core = core")
            .addStatement("this.service = core.service($T.class)", service)
            .build())
        .addMethod(MethodSpec.methodBuilder("builder")
            .addJavadoc("Returns a builder; {@link Builder#apiKey} is required.")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(builder)
            .addStatement("return new $T()", builder)
            .build())
        .addType(builder(client, builder))
        .addMethod(MethodSpec.methodBuilder("options")
            .addJavadoc("The settings of this client; the key stays hidden in its {@code toString}.")
            .addModifiers(Modifier.PUBLIC)
            .returns(CLIENT_OPTIONS)
            .addStatement("return core.options()")
            .build())
        .addMethod(MethodSpec.methodBuilder("withOptions")
            .addJavadoc("""
                Returns a client with the settings {@code change} makes to a copy of this client's, sharing
                this client's connection pool and threads; this client is unchanged. For per-call settings:
                {@code client.withOptions(o -> o.readTimeout(Duration.ofMinutes(5))).getJob(id)}.

                @throws NullPointerException if {@code change} or what it returns is null
                @throws IllegalArgumentException as the {@link ClientOptions.Builder} methods it calls
                """)
            .addModifiers(Modifier.PUBLIC)
            .returns(client)
            .addParameter(ParameterizedTypeName.get(ClassName.get(UnaryOperator.class), CLIENT_OPTIONS.nestedClass("Builder")),
                "change")
            .addStatement("$T.requireNonNull(change, $S)", Objects.class, "change == null")
            .addStatement("$T changed = $T.requireNonNull(change.apply(core.options().toBuilder()), $S)",
                CLIENT_OPTIONS.nestedClass("Builder"), Objects.class, "change returned null")
            .addStatement("return new $T(core.withOptions(changed.build()))", client)
            .build())
        .addMethod(MethodSpec.methodBuilder("close")
            .addJavadoc("""
                Releases the threads and pooled connections of this client, which it shares with every
                client derived from the same {@code build()} through {@link #withOptions}: closing one
                closes them all. Calls in flight finish; a later call throws {@link IllegalStateException}.
                Idempotent. A client that is never closed releases them too, after its idle connections
                time out (five minutes), so closing matters for short-lived clients and for shutdown.
                """)
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addStatement("core.close()")
            .build())
        .addMethod(MethodSpec.methodBuilder("toString")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return $S + core.options() + $S", client.simpleName() + "{", "}")
            .build());
    for (Operation operation : context.api().operations()) {
      if (operation.requestBodies().size() < 2) {
        type.addMethods(operations.methods(operation));
        continue;
      }
      // one overload per request media type, each taking its own record
      for (Operation.RequestBody body : operation.requestBodies()) {
        type.addMethods(operations.methods(operation.withRequestBody(body)));
      }
    }
    return type.build();
  }

  private TypeSpec builder(ClassName client, ClassName builder) {
    ClassName optionsBuilder = CLIENT_OPTIONS.nestedClass("Builder");
    TypeSpec.Builder type = TypeSpec.classBuilder(builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Settings of a {@link $T}; see {@link $T} for defaults and checks.", client, CLIENT_OPTIONS)
        .addField(FieldSpec.builder(optionsBuilder, "options", Modifier.PRIVATE, Modifier.FINAL)
            .initializer("$T.builder()", CLIENT_OPTIONS)
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    setter(type, builder, "apiKey", ClassName.get(String.class), "apiKey",
        "The API key, sent as " + sentAs(context.api().operations()) + "; required, never logged or shown.");
    setter(type, builder, "baseUrl", ClassName.get(String.class), "baseUrl", """
        Overrides {@link #DEFAULT_BASE_URL}. Refused unless it is https or a loopback address, so the key
        never travels in clear text.
        """);
    setter(type, builder, "connectTimeout", ClassName.get(Duration.class), "timeout", "How long to wait for a connection.");
    setter(type, builder, "readTimeout", ClassName.get(Duration.class), "timeout",
        "How long to wait between two reads of the response.");
    setter(type, builder, "callTimeout", ClassName.get(Duration.class), "timeout",
        "How long a whole call may take; zero for no limit.");
    setter(type, builder, "addInterceptor", OKHTTP_INTERCEPTOR, "interceptor",
        "Adds an OkHttp application interceptor; it runs after {@code Authorization} is set.");
    setter(type, builder, "retryPolicy", RETRY_POLICY, "policy",
        "When a {@code GET} is sent again; {@link RetryPolicy#none()} switches retries off.");
    type.addMethod(MethodSpec.methodBuilder("httpLog")
        .addJavadoc("Logs every HTTP exchange to {@code sink}, with {@code Authorization} and the key masked.")
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addParameter(HTTP_LOG_LEVEL, "level")
        .addParameter(ParameterizedTypeName.get(Consumer.class, String.class), "sink")
        .addStatement("options.httpLog(level, sink)")
        .addStatement("return this")
        .build());
    setter(type, builder, "clock", ClassName.get(Clock.class), "clock",
        "The clock of retries and waiting; for tests, with {@link #sleeper}.");
    setter(type, builder, "sleeper", SLEEPER, "sleeper", "How retries and waiting wait; for tests, with {@link #clock}.");
    return type.addMethod(MethodSpec.methodBuilder("build")
            .addJavadoc("Builds the client.\n\n@throws IllegalStateException when no API key was given\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(client)
            .addStatement("return new $T($T.create(options.build(), DEFAULT_BASE_URL, AUTHENTICATION))", client, HTTP_CORE)
            .build())
        .build();
  }

  /** {@code Authentication.byOperation(Map.ofEntries(Map.entry("getJob", new Authentication.Bearer()), …))}. */
  private static CodeBlock authentication(java.util.List<Operation> operations) {
    CodeBlock.Builder entries = CodeBlock.builder();
    java.util.Set<String> seen = new java.util.LinkedHashSet<>();
    for (Operation operation : operations) {
      if (!seen.add(operation.id())) continue;
      if (seen.size() > 1) entries.add(",");
      entries.add("\n$T.entry($S, $L)", java.util.Map.class, operation.id(), scheme(operation.auth()));
      if (operation.paging() instanceof Operation.NextUrlPaging) {
        entries.add(",\n$T.entry($S, $L)", java.util.Map.class, ServiceRenderer.nextPageMethod(operation), scheme(operation.auth()));
      }
    }
    return CodeBlock.of("$T.byOperation($T.ofEntries($>$L$<))", AUTHENTICATION, java.util.Map.class,
        entries.build());
  }

  /** How the key is sent, in words: one way for every operation, or each way some operation uses. */
  private static String sentAs(java.util.List<Operation> operations) {
    java.util.Set<String> ways = new java.util.LinkedHashSet<>();
    for (Operation operation : operations) {
      Auth auth = operation.auth();
      if (auth instanceof Auth.Bearer) ways.add("{@code Authorization: Bearer <key>}");
      if (auth instanceof Auth.Basic) ways.add("HTTP basic credentials ({@code user:password}, or a user alone)");
      if (auth instanceof Auth.HeaderKey h) ways.add("{@code " + h.name() + ": " + h.prefix() + "<key>}");
      if (auth instanceof Auth.QueryKey q) ways.add("the query parameter {@code " + q.name() + "}");
    }
    if (ways.isEmpty()) return "nothing (no operation declares a security scheme)";
    return ways.size() == 1 ? ways.iterator().next() : "each operation's security scheme says: " + String.join(", ", ways);
  }

  private static CodeBlock scheme(Auth auth) {
    if (auth instanceof Auth.Bearer) return CodeBlock.of("new $T()", AUTHENTICATION.nestedClass("Bearer"));
    if (auth instanceof Auth.Basic) return CodeBlock.of("new $T()", AUTHENTICATION.nestedClass("Basic"));
    if (auth instanceof Auth.HeaderKey header) {
      return CodeBlock.of("new $T($S, $S)", AUTHENTICATION.nestedClass("Header"), header.name(),
          header.prefix());
    }
    if (auth instanceof Auth.QueryKey query) {
      return CodeBlock.of("new $T($S)", AUTHENTICATION.nestedClass("Query"), query.name());
    }
    return CodeBlock.of("new $T()", AUTHENTICATION.nestedClass("None"));
  }

  private static void setter(TypeSpec.Builder type, ClassName builder, String method, TypeName parameter, String name,
      String javadoc) {
    type.addMethod(MethodSpec.methodBuilder(method)
        .addJavadoc("$L", javadoc)
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addParameter(parameter, name)
        .addStatement("options.$N($N)", method, name)
        .addStatement("return this")
        .build());
  }
}
