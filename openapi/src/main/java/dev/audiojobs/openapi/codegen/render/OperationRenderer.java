package dev.audiojobs.openapi.codegen.render;

import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.API_EXCEPTION;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.API_RESPONSE;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.DECODE_EXCEPTION;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.JOB_POLLER;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.OPERATION;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.TRANSPORT_EXCEPTION;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.nullable;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.audiojobs.openapi.codegen.model.Operation;
import dev.audiojobs.openapi.codegen.model.Operation.Parameter;
import dev.audiojobs.openapi.codegen.model.Property;
import dev.audiojobs.openapi.codegen.model.Schema;
import dev.audiojobs.openapi.codegen.model.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * One operation's part of the client: its {@code Operation} (and {@code JobPoller}) constants and its
 * methods, in every form (sync, async, with the response, without optional parameters); the methods
 * its extensions ask for come from {@link ExtensionRenderer}.
 */
final class OperationRenderer {
  private final Context context;

  OperationRenderer(Context context) {
    this.context = context;
  }

  /** The constant holding the operation's definition: {@code LIST_JOBS}. */
  static String constant(Operation operation) {
    return Names.constant(operation.id());
  }

  /** The decoded type of the 2xx body: the JSON type, {@code String} for text, {@code Void} for none. */
  TypeName returnType(Operation operation) {
    Operation.Body body = operation.success().body();
    if (body instanceof Operation.JsonBody json) return context.types().boxed(json.type());
    if (body instanceof Operation.TextBody) return ClassName.get(String.class);
    if (body instanceof Operation.Outcomes) return OutcomeRenderer.resultClass(context, operation);
    return ClassName.get(Void.class);
  }

  /** The type the runtime decodes: for several success bodies the raw text, which the client then sorts. */
  private TypeName wireType(Operation operation) {
    if (operation.success().body() instanceof Operation.Outcomes) return ClassName.get(String.class);
    return returnType(operation);
  }

  private static boolean outcomes(Operation operation) {
    return operation.success().body() instanceof Operation.Outcomes;
  }

  /** The adapter field of one JSON outcome that is an array: {@code DOWNLOAD_WORD_TIMINGS}. */
  private static String outcomeAdapter(Operation operation, Operation.Outcome outcome) {
    return constant(operation) + "_" + Names.constant(outcome.schema());
  }

  /**
   * {@code <id>Result(response)}: picks the variant by status and {@code Content-Type} (the media type
   * only matters where one status has several) and decodes it; anything else is a DecodeException.
   */
  private MethodSpec outcomeMethod(Operation operation) {
    Operation.Outcomes outcomes = (Operation.Outcomes) operation.success().body();
    TypeName result = returnType(operation);
    CodeBlock.Builder code = CodeBlock.builder()
        .addStatement("int status = response.statusCode()")
        .addStatement("$T contentType = response.header($S).orElse($S).toLowerCase($T.ROOT)", String.class,
            "Content-Type", "", Locale.class)
        .addStatement("$T text = response.body()", String.class);
    for (Operation.Outcome outcome : outcomes.outcomes()) {
      long sameStatus = outcomes.outcomes().stream().filter(o -> o.status() == outcome.status()).count();
      CodeBlock condition = sameStatus == 1 ? CodeBlock.of("status == $L", outcome.status())
          : CodeBlock.of("status == $L && contentType.startsWith($S)", outcome.status(), outcome.mediaType());
      ClassName variant = OutcomeRenderer.variantClass(context, operation, outcome);
      code.beginControlFlow("if ($L)", condition);
      if (outcome.body() instanceof Operation.JsonBody json) {
        CodeBlock adapter = json.type() instanceof Type.Ref ref
            ? CodeBlock.of("$T.INSTANCE", context.types().adapter(ref.schema()))
            : CodeBlock.of("$N", outcomeAdapter(operation, outcome));
        code.addStatement("return $T.of(status, response.headers(), new $T(core.decode($S, status, text, $L)))",
            API_RESPONSE, variant, operation.id(), adapter);
      } else {
        code.addStatement("return $T.of(status, response.headers(), new $T(text))", API_RESPONSE, variant);
      }
      code.endControlFlow();
    }
    code.addStatement("throw core.undeclaredSuccess($S, status, contentType, text)", operation.id());
    return MethodSpec.methodBuilder(operation.id() + "Result")
        .addModifiers(Modifier.PRIVATE)
        .returns(ParameterizedTypeName.get(API_RESPONSE, result))
        .addParameter(ParameterizedTypeName.get(API_RESPONSE, ClassName.get(String.class)), "response")
        .addCode(code.build())
        .build();
  }

  /**
   * {@code <id>WhenReady(…, timeout)}: repeats the call while it answers a not-ready outcome
   * ({@code x-audiojobs-not-ready}), sleeping its interval, and gives up at the timeout.
   */
  private MethodSpec whenReady(Operation operation, List<ParameterSpec> parameters, CodeBlock arguments) {
    String id = operation.id();
    TypeName result = returnType(operation);
    CodeBlock.Builder code = CodeBlock.builder()
        .addStatement("$T.requireNonNull(timeout, $S)", Objects.class, "timeout == null")
        .addStatement("$T clock = core.options().clock()", java.time.Clock.class)
        .addStatement("$T deadline = clock.instant().plus(timeout)", java.time.Instant.class)
        .beginControlFlow("for (int calls = 1; ; calls++)")
        .addStatement("$T result = $N($L)", result, id, arguments)
        .addStatement("$T interval", Duration.class);
    List<String> notReady = new ArrayList<>();
    boolean first = true;
    for (Operation.Outcome outcome : ((Operation.Outcomes) operation.success().body()).outcomes()) {
      if (outcome.notReadySeconds() == null) continue;
      ClassName variant = OutcomeRenderer.variantClass(context, operation, outcome);
      if (first) code.beginControlFlow("if (result instanceof $T)", variant);
      else code.nextControlFlow("else if (result instanceof $T)", variant);
      code.addStatement("interval = $T.ofSeconds($L)", Duration.class, outcome.notReadySeconds());
      notReady.add("{@link " + Names.type(id) + "Result." + outcome.schema() + "} (HTTP " + outcome.status() + ", every "
          + outcome.notReadySeconds() + " s)");
      first = false;
    }
    code.nextControlFlow("else").addStatement("return result").endControlFlow();
    CodeBlock subject = parameters.isEmpty() ? CodeBlock.of("$S", id) : CodeBlock.of("$T.valueOf($N)", String.class, parameters.get(0));
    code.beginControlFlow("if (clock.instant().plus(interval).isAfter(deadline))")
        .addStatement("throw new $T($S, $L, $S, timeout, result, calls)", RuntimeTypes.WAIT_TIMEOUT_EXCEPTION, id, subject,
            "not ready")
        .endControlFlow()
        .addStatement("core.options().sleeper().sleep(interval)")
        .endControlFlow();
    return MethodSpec.methodBuilder(id + "WhenReady")
        .addJavadoc("""
            Like {@link #$L}, but repeats the call while it answers $L, until it answers anything else
            or {@code timeout} has passed. Bounded on purpose: some answers never become ready (see the operation's
            description). Each call is a GET like any other, so the retry policy applies to each.

            @param timeout how long to keep asking; the wait ends before a sleep that would pass it
            @return the first answer that is not a not-ready one
            @throws $T if it is still not ready at the timeout (its job is the last answer)
            @throws InterruptedException if the thread is interrupted while sleeping
            """, id, String.join(" or ", notReady), RuntimeTypes.WAIT_TIMEOUT_EXCEPTION)
        .addModifiers(Modifier.PUBLIC)
        .returns(result)
        .addParameters(parameters)
        .addParameter(Duration.class, "timeout")
        .addException(InterruptedException.class)
        .addCode(code.build())
        .build();
  }

  private static boolean noContent(Operation operation) {
    return operation.success().body() instanceof Operation.NoBody;
  }

  private String successModel(Operation operation) {
    return ((Type.Ref) ((Operation.JsonBody) operation.success().body()).type()).schema();
  }

  /** The adapter of a JSON success: the model's, or for an array the client's own constant. */
  private CodeBlock successAdapter(Operation operation) {
    Type type = ((Operation.JsonBody) operation.success().body()).type();
    if (type instanceof Type.Ref ref) return CodeBlock.of("$T.INSTANCE", context.types().adapter(ref.schema()));
    return CodeBlock.of("$N", constant(operation) + "_BODY");
  }

  /** {@code JsonAdapter<List<X>>} for a top-level JSON array, which has no generated adapter of its own. */
  private FieldSpec arrayAdapter(Operation operation, Type type) {
    return arrayAdapter(operation, type, constant(operation) + "_BODY");
  }

  private FieldSpec arrayAdapter(Operation operation, Type type, String name) {
    JavaTypes types = context.types();
    TypeName listType = types.boxed(type);
    TypeSpec adapter = TypeSpec.anonymousClassBuilder("")
        .superclass(ParameterizedTypeName.get(RuntimeTypes.JSON_ADAPTER, listType))
        .addMethod(MethodSpec.methodBuilder("fromJson")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(listType)
            .addParameter(RuntimeTypes.JSON_READER, "reader")
            .addException(java.io.IOException.class)
            .addStatement("return $L", types.read(type))
            .build())
        .addMethod(MethodSpec.methodBuilder("toJson")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(RuntimeTypes.JSON_WRITER, "writer")
            .addParameter(nullable(listType), "value")
            .addException(java.io.IOException.class)
            .beginControlFlow("if (value == null)")
            .addStatement("$T.writeNull(writer)", RuntimeTypes.JSON)
            .nextControlFlow("else")
            .addStatement("$L", types.write(type, CodeBlock.of("value")))
            .endControlFlow()
            .build())
        .build();
    return FieldSpec.builder(ParameterizedTypeName.get(RuntimeTypes.JSON_ADAPTER, listType), name,
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The 2xx body of {@code $L}: a JSON array.", operation.id())
        .initializer("$L", adapter)
        .build();
  }

  List<FieldSpec> constants(Operation operation) {
    TypeName result = wireType(operation);
    List<FieldSpec> fields = new ArrayList<>();
    CodeBlock.Builder definition = CodeBlock.builder();
    Operation.Body body = operation.success().body();
    if (body instanceof Operation.JsonBody json) {
      if (!(json.type() instanceof Type.Ref)) fields.add(arrayAdapter(operation, json.type()));
      definition.add("$T.builder($S, $L)", OPERATION, operation.id(), successAdapter(operation));
    } else if (body instanceof Operation.TextBody) {
      definition.add("$T.textBuilder($S)", OPERATION, operation.id());
    } else if (body instanceof Operation.Outcomes several) {
      // the runtime hands over the text; <id>Result picks and decodes the variant
      definition.add("$T.textBuilder($S)", OPERATION, operation.id());
      for (Operation.Outcome outcome : several.outcomes()) {
        if (outcome.body() instanceof Operation.JsonBody json && !(json.type() instanceof Type.Ref)) {
          fields.add(arrayAdapter(operation, json.type(), outcomeAdapter(operation, outcome)));
        }
      }
    } else {
      definition.add("$T.noContentBuilder($S)", OPERATION, operation.id());
    }
    definition.indent().indent();
    Set<String> requestIdModels = new LinkedHashSet<>();
    for (Map.Entry<Integer, String> error : operation.errors().entrySet()) {
      definition.add("\n.error($L, $T.INSTANCE)", error.getKey(), context.types().adapter(error.getValue()));
      if (context.api().schema(error.getValue()) instanceof Schema.RecordSchema model) {
        for (Property property : model.properties()) {
          if (property.requestId() && requestIdModels.add(error.getValue())) {
            definition.add("\n.requestId($T.class, $T::$N)", context.types().model(error.getValue()),
                context.types().model(error.getValue()), Names.member(property.name()));
          }
        }
      }
    }
    definition.add("\n.build()").unindent().unindent();
    fields.add(FieldSpec.builder(ParameterizedTypeName.get(OPERATION, result), constant(operation),
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(definition.build())
        .build());
    if (operation.waiting() != null) fields.add(poller(operation, result));
    return fields;
  }

  private FieldSpec poller(Operation operation, TypeName result) {
    Operation.Wait wait = operation.waiting();
    String status = Names.member(wait.status());
    CodeBlock.Builder definition = CodeBlock.builder()
        .add("$T.builder($S, $T.INSTANCE)", JOB_POLLER, operation.id(), context.types().adapter(successModel(operation)))
        .indent().indent()
        .add("\n.initialInterval($T.ofSeconds($L))", Duration.class, wait.intervalSeconds())
        .add("\n.status(job -> job.$N().value(), job -> job.$N().isTerminal(), job -> job.$N().isUnsuccessful())",
            status, status, status);
    if (!wait.errorPath().isEmpty()) {
      definition.add("\n.errorAt($L)", wait.errorPath().stream().map(e -> CodeBlock.of("$S", e)).collect(CodeBlock.joining(", ")));
    }
    definition.add("\n.build()").unindent().unindent();
    return FieldSpec.builder(ParameterizedTypeName.get(JOB_POLLER, result), constant(operation) + "_POLLER",
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(definition.build())
        .build();
  }

  /** A parameter as the client method declares it: boxed, {@code @Nullable} when optional. */
  private ParameterSpec parameter(Parameter p) {
    TypeName type = context.types().boxed(p.type());
    return ParameterSpec.builder(p.required() ? type : nullable(type), Names.member(p.name())).build();
  }

  /** Whether {@code p} is a query array with {@code explode: false}, sent as {@code ?w=a,b}. */
  static boolean joinedArray(Parameter p) {
    return p.type() instanceof Type.ListOf && p.in() == Operation.Location.QUERY && !p.explode();
  }

  /**
   * {@code a,b}: each value percent-encoded (a comma in a value too, so it cannot split it), joined by
   * literal commas; null when the array is.
   */
  private static CodeBlock joined(ParameterSpec array) {
    return CodeBlock.of("$N == null ? null : $N.stream().map(v -> $T.encode($T.valueOf(v), $T.UTF_8).replace(\"+\", \"%20\"))"
        + ".collect($T.joining(\",\"))", array, array, java.net.URLEncoder.class, String.class,
        java.nio.charset.StandardCharsets.class, java.util.stream.Collectors.class);
  }

  private static CodeBlock arguments(List<ParameterSpec> parameters) {
    return parameters.stream().map(p -> CodeBlock.of("$N", p)).collect(CodeBlock.joining(", "));
  }

  /** The client method's parameters: path and query parameters in spec order, then the request body. */
  List<ParameterSpec> parameters(Operation operation) {
    List<ParameterSpec> parameters = new ArrayList<>(operation.parameters().stream().map(this::parameter).toList());
    if (operation.requestBody() != null) {
      TypeName body = operation.requestBody().binary() ? RuntimeTypes.FILE_PART
          : operation.requestBody().anyValue() ? ClassName.OBJECT
          : context.types().model(operation.requestBody().schema());
      parameters.add(ParameterSpec.builder(body, REQUEST).build());
    }
    return parameters;
  }

  /** The name of the request-body parameter. */
  static final String REQUEST = "request";

  /** Null checks, the request's validation, then the service call: {@code LIST_JOBS, service.listJobs(…)}. */
  private CodeBlock prepare(Operation operation, List<ParameterSpec> parameters) {
    CodeBlock.Builder prepare = CodeBlock.builder();
    for (int i = 0; i < operation.parameters().size(); i++) {
      if (operation.parameters().get(i).required()) {
        String name = parameters.get(i).name();
        prepare.addStatement("$T.requireNonNull($N, $S)", Objects.class, name, name + " == null");
      }
    }
    if (ValidationRenderer.checksParameters(context, operation)) {
      CodeBlock checked = ValidationRenderer.checkedParameters(context, operation).stream()
          .map(p -> CodeBlock.of("$N", Names.member(p.name()))).collect(CodeBlock.joining(", "));
      prepare.addStatement("$T.$N($L)", ValidationRenderer.validationClass(context),
          ValidationRenderer.parametersCheck(operation), checked);
    }
    if (operation.requestBody() != null) {
      prepare.addStatement("$T.requireNonNull($N, $S)", Objects.class, REQUEST, REQUEST + " == null");
      if (operation.requestBody().anyValue()) {
        prepare.addStatement("$T.jsonBody($S, $N)", RuntimeTypes.REQUEST_CHECKS, operation.id(), REQUEST);
      } else if (!operation.requestBody().binary()) {
        prepare.addStatement("$T.check($S, $S, $N)", ValidationRenderer.validationClass(context), operation.id(), "$", REQUEST);
      }
    }
    return prepare.build();
  }

  /** Whether the operation checks anything before sending: its body or a parameter with a rule. */
  private boolean validates(Operation operation) {
    return checksBody(operation) || ValidationRenderer.checksParameters(context, operation);
  }

  /** Whether the request body is a record checked against the spec (a binary body is a file, sent as it is). */
  private static boolean checksBody(Operation operation) {
    return operation.requestBody() != null && !operation.requestBody().binary();
  }

  /** What {@link #validates} checks, for the javadoc: {@code limit} or {@code request}. */
  private String validated(Operation operation) {
    List<String> names = new ArrayList<>(ValidationRenderer.checkedParameters(context, operation).stream()
        .map(p -> "{@code " + Names.member(p.name()) + "}").toList());
    if (checksBody(operation)) names.add("{@code " + REQUEST + "}");
    return String.join(" or ", names);
  }

  /** The arguments of the service method: the parameters, the request body built from {@code request}. */
  private CodeBlock serviceArguments(Operation operation, List<ParameterSpec> parameters) {
    List<CodeBlock> arguments = new ArrayList<>();
    for (int i = 0; i < operation.parameters().size(); i++) {
      ParameterSpec spec = parameters.get(i);
      Parameter p = operation.parameters().get(i);
      arguments.add(joinedArray(p) ? joined(spec)
          : QueryValueRenderer.isQueryValue(context, p) ? QueryValueRenderer.queryValues(spec) : CodeBlock.of("$N", spec));
    }
    Operation.RequestBody body = operation.requestBody();
    if (body != null && body.binary()) {
      // the spec's media type is what the server accepts, whatever type the caller's part carries
      arguments.add(CodeBlock.of("$T.file($N.withContentType($S))", RuntimeTypes.REQUEST_BODIES, REQUEST, body.mediaType()));
    } else if (body != null && body.anyValue()) {
      arguments.add(CodeBlock.of("$T.jsonValue($N)", RuntimeTypes.REQUEST_BODIES, REQUEST));
    } else if (body != null && body.multipart()) {
      arguments.add(CodeBlock.of("$NBody($N)", operation.id(), REQUEST));
    } else if (body != null) {
      arguments.add(CodeBlock.of("$T.json($T.INSTANCE, $N)", RuntimeTypes.REQUEST_BODIES,
          context.types().adapter(body.schema()), REQUEST));
    }
    return CodeBlock.join(arguments, ", ");
  }

  List<MethodSpec> methods(Operation operation) {
    String id = operation.id();
    TypeName result = returnType(operation);
    List<ParameterSpec> parameters = parameters(operation);
    CodeBlock arguments = arguments(parameters);
    CodeBlock nullChecks = prepare(operation, parameters);
    CodeBlock call = CodeBlock.of("$N, service.$N($L)", constant(operation), id, serviceArguments(operation, parameters));
    CodeBlock requestThrows = !validates(operation) ? CodeBlock.of("")
        : CodeBlock.of("@throws $T if $L breaks a rule of the spec; nothing is sent\n",
            RuntimeTypes.REQUEST_VALIDATION_EXCEPTION, validated(operation));

    List<MethodSpec> methods = new ArrayList<>();
    MethodSpec.Builder plain = MethodSpec.methodBuilder(id)
        .addJavadoc(operationDoc(operation))
        .addModifiers(Modifier.PUBLIC)
        .addParameters(parameters);
    if (noContent(operation)) {
      plain.addStatement("$NWithResponse($L)", id, arguments);
    } else {
      plain.returns(result).addStatement("return $NWithResponse($L).body()", id, arguments);
    }
    methods.add(plain.build());
    CodeBlock execute = outcomes(operation) ? CodeBlock.of("$NResult(core.execute($L))", id, call)
        : CodeBlock.of("core.execute($L)", call);
    CodeBlock executeAsync = outcomes(operation)
        ? CodeBlock.of("core.executeAsync($L).thenApply(this::$NResult)", call, id)
        : CodeBlock.of("core.executeAsync($L)", call);
    CodeBlock executeAsyncBody = outcomes(operation)
        ? CodeBlock.of("core.executeAsync($L).thenApply(response -> $NResult(response).body())", call, id)
        : CodeBlock.of("core.executeAsyncBody($L)", call);
    methods.add(MethodSpec.methodBuilder(id + "WithResponse")
        .addJavadoc("""
            Like {@link #$L}, with the response's status and headers.

            @throws $T for a non-2xx response
            @throws $T when a 2xx body does not fit the spec
            @throws $T when no response arrives
            $L""", id, API_EXCEPTION, DECODE_EXCEPTION, TRANSPORT_EXCEPTION, requestThrows)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(API_RESPONSE, result))
        .addParameters(parameters)
        .addCode(nullChecks)
        .addStatement("return $L", execute)
        .build());
    methods.add(MethodSpec.methodBuilder(id + "Async")
        .addJavadoc("Like {@link #$L}, asynchronously; cancelling the future cancels the call.", id)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), result))
        .addParameters(parameters)
        .addCode(nullChecks)
        .addStatement("return $L", executeAsyncBody)
        .build());
    methods.add(MethodSpec.methodBuilder(id + "WithResponseAsync")
        .addJavadoc("Like {@link #$LWithResponse}, asynchronously; cancelling the future cancels the call.", id)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class),
            ParameterizedTypeName.get(API_RESPONSE, result)))
        .addParameters(parameters)
        .addCode(nullChecks)
        .addStatement("return $L", executeAsync)
        .build());
    if (operation.parameters().stream().anyMatch(p -> !p.required())) {
      List<ParameterSpec> required = new ArrayList<>();
      List<CodeBlock> requiredArguments = new ArrayList<>();
      for (int i = 0; i < parameters.size(); i++) {
        boolean isRequired = i >= operation.parameters().size() || operation.parameters().get(i).required();
        if (isRequired) required.add(parameters.get(i));
        requiredArguments.add(isRequired ? CodeBlock.of("$N", parameters.get(i)) : CodeBlock.of("null"));
      }
      MethodSpec.Builder shortForm = MethodSpec.methodBuilder(id)
          .addJavadoc("Like {@link #$L} with every optional parameter left out.", id)
          .addModifiers(Modifier.PUBLIC)
          .addParameters(required);
      if (noContent(operation)) {
        shortForm.addStatement("$N($L)", id, CodeBlock.join(requiredArguments, ", "));
      } else {
        shortForm.returns(result).addStatement("return $N($L)", id, CodeBlock.join(requiredArguments, ", "));
      }
      methods.add(shortForm.build());
      methods.add(MethodSpec.methodBuilder(id + "Async")
          .addJavadoc("Like {@link #$LAsync} with every optional parameter left out.", id)
          .addModifiers(Modifier.PUBLIC)
          .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), result))
          .addParameters(required)
          .addStatement("return $NAsync($L)", id, CodeBlock.join(requiredArguments, ", "))
          .build());
    }
    if (operation.requestBody() != null && operation.requestBody().multipart()) methods.add(multipartBody(operation));
    if (outcomes(operation)) methods.add(outcomeMethod(operation));
    if (outcomes(operation) && ((Operation.Outcomes) operation.success().body()).outcomes().stream()
        .anyMatch(o -> o.notReadySeconds() != null)) {
      methods.add(whenReady(operation, parameters, arguments));
    }
    methods.addAll(new ExtensionRenderer(context, this).methods(operation, parameters));
    return methods;
  }

  /** {@code <id>Body(request)}: the {@code multipart/form-data} body, one field per property set. */
  private MethodSpec multipartBody(Operation operation) {
    Schema.RecordSchema record = context.api().record(operation.requestBody().schema());
    CodeBlock.Builder body = CodeBlock.builder()
        .addStatement("$T.Multipart form = $T.multipart()", RuntimeTypes.REQUEST_BODIES, RuntimeTypes.REQUEST_BODIES);
    for (Property property : record.properties()) {
      String member = Names.member(property.name());
      CodeBlock value = CodeBlock.of("$N.$N()", REQUEST, member);
      CodeBlock add = property.type() instanceof Type.Binary
          ? CodeBlock.of("form.file($S, $L)", property.name(), value)
          : CodeBlock.of("form.field($S, $T.valueOf($L))", property.name(), String.class, value);
      if (RecordRenderer.javaNullable(property)) {
        body.addStatement("if ($L != null) $L", value, add);
      } else {
        body.addStatement("$L", add);
      }
    }
    body.beginControlFlow("for (var extra : $N.extras().unknownProperties().entrySet())", REQUEST)
        .addStatement("form.field(extra.getKey(), $T.formValue($S, extra.getKey(), extra.getValue()))",
            RuntimeTypes.REQUEST_CHECKS, operation.id())
        .endControlFlow()
        .addStatement("return form.build()");
    return MethodSpec.methodBuilder(operation.id() + "Body")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(RuntimeTypes.OKHTTP_REQUEST_BODY)
        .addParameter(context.types().model(record.name()), REQUEST)
        .addCode(body.build())
        .build();
  }

  private CodeBlock operationDoc(Operation operation) {
    List<String> lines = new ArrayList<>();
    if (!operation.summary().isBlank()) lines.add(Names.javadoc(operation.summary()));
    if (!operation.description().isBlank()) {
      if (!lines.isEmpty()) lines.add("");
      lines.add(Names.javadoc(operation.description()));
    }
    if (!lines.isEmpty()) lines.add("");
    lines.add("<p>{@code " + operation.method() + " " + Names.javadoc(operation.path()) + "}, operation {@code "
        + operation.id() + "}." + (operation.method() == Operation.HttpMethod.GET ? ""
        : " Never retried: the server may have acted on a request whose answer was lost."));
    lines.add("");
    for (Parameter p : operation.parameters()) {
      String in = p.in().name().toLowerCase(Locale.ROOT);
      lines.add("@param " + Names.member(p.name()) + " "
          + (p.description().isBlank() ? "" : Names.javadoc(p.description()) + " ")
          + "({@code " + Names.javadoc(p.name()) + "} in " + in + (p.required() ? "" : "; null to leave it out") + ")");
    }
    if (operation.requestBody() != null) {
      Operation.RequestBody body = operation.requestBody();
      String what = body.binary() ? "the file sent as the request body, streamed, as {@code " + body.mediaType() + "}"
          : body.anyValue() ? "the request body, any JSON value the spec leaves open (a {@code Map}, {@code List}, "
              + "{@code String}, {@code Number} or {@code Boolean}), checked to be JSON before it is sent"
          : "the request body ({@code " + body.mediaType() + "}), checked against the spec before it is sent";
      lines.add("@param " + REQUEST + " " + what + (body.required() ? "" : "; the spec lets a request leave the body "
          + "out, but this client always sends one"));
    }
    Operation.Body success = operation.success().body();
    if (success instanceof Operation.JsonBody) lines.add("@return the decoded response body");
    if (success instanceof Operation.TextBody) lines.add("@return the response body, text decoded in its charset");
    if (success instanceof Operation.Outcomes several) {
      lines.add("@return one of " + several.outcomes().stream()
          .map(o -> "{@link " + Names.type(operation.id()) + "Result." + o.schema() + "} (" + o.status() + ", {@code "
              + o.mediaType() + "})")
          .collect(Collectors.joining(", ")) + ", by the response's status and {@code Content-Type}");
    }
    String declared = operation.errors().entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
        .collect(Collectors.joining(", "));
    return CodeBlock.builder()
        .add("$L\n", String.join("\n", lines))
        .add("@throws $T for a non-2xx response; the spec declares $L\n", API_EXCEPTION, declared.isEmpty() ? "none" : declared)
        .add("@throws $T when a 2xx body does not fit the spec\n", DECODE_EXCEPTION)
        .add("@throws $T when no response arrives (connection, timeout)\n", TRANSPORT_EXCEPTION)
        .add(!validates(operation) ? CodeBlock.of("")
            : CodeBlock.of("@throws $T if $L breaks a rule of the spec (the exception names a parameter by its wire "
                + "name, a body's value by its {@code $$}-rooted JSON path); nothing is sent\n",
                RuntimeTypes.REQUEST_VALIDATION_EXCEPTION, validated(operation)))
        .build();
  }
}
