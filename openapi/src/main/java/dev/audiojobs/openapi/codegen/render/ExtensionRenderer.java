package dev.audiojobs.openapi.codegen.render;

import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.API_EXCEPTION;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.AUTO_PAGER;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.DECODE_EXCEPTION;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.JOB_FAILED_EXCEPTION;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.OFFSET_PAGER;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.RETRY_POLICY;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.TRANSPORT_EXCEPTION;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.WAIT_TIMEOUT_EXCEPTION;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.nullable;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.audiojobs.openapi.codegen.model.Operation;
import dev.audiojobs.openapi.codegen.model.Operation.Parameter;
import dev.audiojobs.openapi.codegen.model.Property;
import dev.audiojobs.openapi.codegen.model.Schema;
import dev.audiojobs.openapi.codegen.model.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * The client methods the spec's {@code x-audiojobs-…} extensions ask for, next to an operation's own:
 * {@code waitFor…} ({@code -wait}), {@code …All} ({@code -paging}, offset or cursor), {@code …AndWait}
 * ({@code -then-wait}) and {@code upload} ({@code -upload}).
 */
final class ExtensionRenderer {
  private final Context context;
  private final OperationRenderer operations;

  ExtensionRenderer(Context context, OperationRenderer operations) {
    this.context = context;
    this.operations = operations;
  }

  /** The extension methods of {@code operation}, whose own methods take {@code parameters}. */
  List<MethodSpec> methods(Operation operation, List<ParameterSpec> parameters) {
    List<MethodSpec> methods = new ArrayList<>();
    if (operation.waiting() != null) methods.addAll(waitMethods(operation, returnType(operation), parameters.get(0)));
    if (operation.paging() instanceof Operation.OffsetPaging paging) {
      methods.addAll(offsetPagingMethods(operation, paging, parameters));
    }
    if (operation.paging() instanceof Operation.CursorPaging paging) {
      ClassName pageType = context.types().model(successModel(operation));
      methods.addAll(cursorPagingMethods(operation, paging.cursor(), paging.items(), paging.limit(), paging.item(), parameters,
          CodeBlock.of("$T::$N", pageType, Names.member(paging.nextCursor())),
          "<p>The first page is asked for without " + Javadocs.code(paging.cursor()) + ", each next one with the "
              + Javadocs.code(paging.nextCursor()) + " of the page before. The walk ends after a page whose "
              + Javadocs.code(paging.nextCursor()) + " is null, or an empty page."));
    }
    if (operation.paging() instanceof Operation.NextUrlPaging paging) {
      methods.addAll(nextUrlPagingMethods(operation, paging, parameters));
    }
    if (operation.paging() instanceof Operation.LastItemCursorPaging paging) {
      ClassName itemType = context.types().model(((Type.Ref) paging.item()).schema());
      CodeBlock items = itemsFunction(operation, paging.items());
      methods.addAll(cursorPagingMethods(operation, paging.cursor(), paging.items(), paging.limit(), paging.item(), parameters,
          CodeBlock.of("$T.afterLastItem($L, $T::$N)", RuntimeTypes.CURSOR_PAGER, items, itemType,
              Names.member(paging.itemCursor())),
          "<p>The first page is asked for without " + Javadocs.code(paging.cursor()) + ", each next one with the "
              + Javadocs.code(paging.itemCursor()) + " of the last item of the page before. The walk ends after an "
              + "empty page (so a walk makes one request more than there are pages with items), or a page whose last "
              + "item's " + Javadocs.code(paging.itemCursor()) + " was already used."));
    }
    if (operation.thenWait() != null) methods.addAll(thenWaitMethods(operation, parameters));
    if (operation.upload() != null) methods.add(uploadMethod(operation));
    return methods;
  }

  private TypeName returnType(Operation operation) {
    return operations.returnType(operation);
  }

  private String successModel(Operation operation) {
    return ((Type.Ref) ((Operation.JsonBody) operation.success().body()).type()).schema();
  }

  private static String constant(Operation operation) {
    return OperationRenderer.constant(operation);
  }

  private static CodeBlock arguments(List<ParameterSpec> parameters) {
    return parameters.stream().map(p -> CodeBlock.of("$N", p)).collect(CodeBlock.joining(", "));
  }

  // ---------------------------------------------------------------- waiting

  /** {@code waitFor…}: polls the operation until the job's status is terminal. */
  private List<MethodSpec> waitMethods(Operation operation, TypeName result, ParameterSpec job) {
    Operation.Wait wait = operation.waiting();
    String id = operation.id();
    String method = waitMethodName(operation);
    Schema.EnumSchema statusEnum = (Schema.EnumSchema) context.api().schema(wait.statusEnum());
    String terminal = statusEnum.terminal().stream().map(Javadocs::code).collect(Collectors.joining(", "));
    String unsuccessful = statusEnum.unsuccessful().stream().map(Javadocs::code).collect(Collectors.joining(" or "));
    String errorText = wait.errorPath().isEmpty() ? "none" : Javadocs.code(String.join(".", wait.errorPath()));
    String poller = constant(operation) + "_POLLER";
    CodeBlock doc = CodeBlock.builder()
        .add("$L\n", String.join("\n",
            "Polls {@link #" + id + "} until the job's " + Javadocs.code(wait.status()) + " is terminal ("
                + terminal + ") or {@code timeout} has passed, and returns the job.",
            "",
            "<p>The first poll is at once; the next after " + wait.intervalSeconds() + " s ("
                + Names.javadoc(wait.intervalSource()) + "), each pause",
            "then 1.5 times the last, at most 60 s. A poll response with {@code Retry-After} is not polled again",
            "sooner. The first terminal status seen ends the wait, even if the job would flip back later. Each"))
        .add("poll is a call of {@link #$L}, retried as the client's {@link $T} says; a poll that\n", id, RETRY_POLICY)
        .add("$L\n", String.join("\n",
            "still fails ends the wait with its exception. From {@code x-audiojobs-wait} in {@code " + context.specPath() + "}.",
            "",
            "@param " + job.name() + " the id of the job",
            "@param timeout how long to wait at most; zero polls once. When the next pause would pass it, the last",
            "    poll is made at the deadline.",
            "@return the job, in a terminal status that is not unsuccessful"))
        .add("@throws $T if the job ends $L; it carries the job and the vendor's error text ($L)\n",
            JOB_FAILED_EXCEPTION, unsuccessful.isEmpty() ? "unsuccessful" : unsuccessful, errorText)
        .add("@throws $T if the job is not terminal in time; it carries the last job seen\n", WAIT_TIMEOUT_EXCEPTION)
        .add("@throws InterruptedException if the thread is interrupted; the wait stops at once\n")
        .add("@throws $T for a poll answered with a non-2xx status (after retries)\n", API_EXCEPTION)
        .add("@throws $T when a poll's body does not fit the spec\n", DECODE_EXCEPTION)
        .add("@throws $T when a poll gets no response (after retries)\n", TRANSPORT_EXCEPTION)
        .add("@throws IllegalArgumentException if {@code timeout} is negative\n")
        .build();
    CodeBlock nullCheck = CodeBlock.builder()
        .addStatement("$T.requireNonNull($N, $S)", Objects.class, job, job.name() + " == null").build();
    return List.of(
        MethodSpec.methodBuilder(method)
            .addJavadoc(doc)
            .addModifiers(Modifier.PUBLIC)
            .returns(result)
            .addParameter(job)
            .addParameter(Duration.class, "timeout")
            .addException(InterruptedException.class)
            .addCode(nullCheck)
            .addStatement("return $N.await(core.options(), $N, timeout, this::$NWithResponse)", poller, job, id)
            .build(),
        MethodSpec.methodBuilder(method + "Async")
            .addJavadoc("""
                Like {@link #$L}, without blocking a thread while it waits. The future completes with
                the job, or exceptionally with what {@link #$L} would throw. Cancelling it cancels the
                poll in flight or the pause before the next; nothing more is sent.

                @throws IllegalArgumentException if {@code timeout} is negative
                """, method, method)
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), result))
            .addParameter(job)
            .addParameter(Duration.class, "timeout")
            .addCode(nullCheck)
            .addStatement("return $N.awaitAsync(core.options(), $N, timeout, this::$NWithResponseAsync)", poller, job, id)
            .build());
  }

  // ---------------------------------------------------------------- paging

  /** {@code …All} for offset paging: every item, page by page. */
  private List<MethodSpec> offsetPagingMethods(Operation operation, Operation.OffsetPaging paging,
      List<ParameterSpec> parameters) {
    String id = operation.id();
    Schema.RecordSchema page = context.api().record(successModel(operation));
    Property items = page.property(paging.items()).orElseThrow();
    Property total = page.property(paging.total()).orElseThrow();
    ClassName pageType = context.types().model(page.name());
    CodeBlock itemsFunction = items.required() && !items.nullable()
        ? CodeBlock.of("$T::$N", pageType, Names.member(items.name()))
        : CodeBlock.of("page -> page.$N() == null ? $T.of() : page.$N()", Names.member(items.name()), List.class,
            Names.member(items.name()));
    CodeBlock totalFunction = total.required() && !total.nullable()
        ? CodeBlock.of("page -> (long) page.$N()", Names.member(total.name()))
        : CodeBlock.of("page -> page.$N() == null ? null : page.$N().longValue()", Names.member(total.name()),
            Names.member(total.name()));

    List<ParameterSpec> kept = new ArrayList<>();
    List<CodeBlock> callArguments = new ArrayList<>();
    List<ParameterSpec> keptRequired = new ArrayList<>();
    List<CodeBlock> requiredArguments = new ArrayList<>();
    ParameterSpec limit = null;
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = operation.parameters().get(i);
      ParameterSpec spec = parameters.get(i);
      if (p.name().equals(paging.offset())) {
        callArguments.add(CodeBlock.of("pageOffset"));
        continue;
      }
      if (p.name().equals(paging.limit())) limit = spec;
      kept.add(spec);
      callArguments.add(p.name().equals(paging.limit()) ? CodeBlock.of("pageLimit") : CodeBlock.of("$N", spec));
      if (p.required()) keptRequired.add(spec);
      requiredArguments.add(p.required() ? CodeBlock.of("$N", spec) : CodeBlock.of("null"));
    }
    List<String> doc = new ArrayList<>(List.of(
        "Every item of {@link #" + id + "}, fetched page by page as the result is iterated or streamed; nothing",
        "is fetched before the first item is asked for.",
        "",
        "<p>Pages are asked for with " + Javadocs.code(paging.limit()) + " items at " + Javadocs.code(paging.offset())
            + " 0, then at the number of items received so far.",
        "The walk ends after an empty page, a page shorter than asked for, or once the items received reach the",
        Javadocs.code(paging.total()) + " of the latest page (a total that shrank between pages ends it early, without error). No page is",
        "fetched twice in one walk; a page that fails throws its exception from the iterator, after the items",
        "before it. From {@code x-audiojobs-paging} in {@code " + context.specPath() + "}.",
        "",
        "@param " + limit.name() + " the page size; null for the spec's default, " + paging.defaultLimit()));
    for (ParameterSpec p : kept) {
      if (p != limit) doc.add("@param " + p.name() + " as for {@link #" + id + "}");
    }
    doc.add("@throws IllegalArgumentException if {@code " + limit.name() + "} is below 1");
    TypeName pager = ParameterizedTypeName.get(AUTO_PAGER, context.types().boxed(paging.item()));
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(MethodSpec.methodBuilder(id + "All")
        .addJavadoc("$L", String.join("\n", doc) + "\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(pager)
        .addParameters(kept)
        .addCode(CodeBlock.builder()
            .add("return $T.create(\n", OFFSET_PAGER).indent().indent()
            .add("$N == null ? $L : $N,\n", limit, paging.defaultLimit(), limit)
            .add("(pageLimit, pageOffset) -> $N($L),\n", id, CodeBlock.join(callArguments, ", "))
            .add("$L,\n", itemsFunction)
            .add("$L);\n", totalFunction)
            .unindent().unindent()
            .build())
        .build());
    if (kept.stream().anyMatch(p -> !keptRequired.contains(p))) {
      methods.add(MethodSpec.methodBuilder(id + "All")
          .addJavadoc("Like {@link #$LAll} with every optional parameter left out: every item, default page size.", id)
          .addModifiers(Modifier.PUBLIC)
          .returns(pager)
          .addParameters(keptRequired)
          .addStatement("return $NAll($L)", id, CodeBlock.join(requiredArguments, ", "))
          .build());
    }
    return methods;
  }

  /**
   * {@code …All} for paging by a next-page URL: the cursor is the URL, which the first page is fetched
   * without; each next page is fetched from it with GET, after {@code HttpCore.nextPageUrl} checked that it
   * stays at the vendor.
   */
  private List<MethodSpec> nextUrlPagingMethods(Operation operation, Operation.NextUrlPaging paging,
      List<ParameterSpec> parameters) {
    String id = operation.id();
    ClassName pageType = context.types().model(successModel(operation));
    List<CodeBlock> arguments = new ArrayList<>();
    for (ParameterSpec p : parameters) arguments.add(CodeBlock.of("$N", p));
    List<MethodSpec> methods = new ArrayList<>(cursorPagingMethods(operation, null, paging.items(), paging.limit(),
        paging.item(), parameters, CodeBlock.of("$T::$N", pageType, Names.member(paging.nextUrl())),
        "<p>The first page is asked for as by {@link #" + id + "}, each next one with GET at the "
            + Javadocs.code(paging.nextUrl()) + " of the page before (resolved against the base URL; one that leads "
            + "to another scheme, host or port throws IllegalStateException from the iterator, and the key is not "
            + "sent there). The walk ends after a page whose " + Javadocs.code(paging.nextUrl())
            + " is null, or an empty page.",
        CodeBlock.of("url -> url == null ? $N($L) : $N(url)", id, CodeBlock.join(arguments, ", "), id + "NextPage")));
    methods.add(MethodSpec.methodBuilder(id + "NextPage")
        .addModifiers(Modifier.PRIVATE)
        .returns(pageType)
        .addParameter(String.class, "url")
        .addStatement("return core.execute($N, service.$N(core.nextPageUrl($S, url))).body()",
            OperationRenderer.constant(operation), ServiceRenderer.nextPageMethod(operation), id)
        .build());
    return methods;
  }

  /** The function from a page of {@code operation} to its items, none for an absent or null array. */
  private CodeBlock itemsFunction(Operation operation, String itemsProperty) {
    Schema.RecordSchema page = context.api().record(successModel(operation));
    Property items = page.property(itemsProperty).orElseThrow();
    ClassName pageType = context.types().model(page.name());
    return items.required() && !items.nullable()
        ? CodeBlock.of("$T::$N", pageType, Names.member(items.name()))
        : CodeBlock.of("page -> page.$N() == null ? $T.of() : page.$N()", Names.member(items.name()), List.class,
            Names.member(items.name()));
  }

  /**
   * {@code …All} for cursor paging: every item, page by page, each next page asked for with the cursor
   * {@code nextCursor} takes from the page before.
   */
  private List<MethodSpec> cursorPagingMethods(Operation operation, @Nullable String cursor, String itemsProperty,
      @Nullable String limit, Type item, List<ParameterSpec> parameters, CodeBlock nextCursor, String how) {
    return cursorPagingMethods(operation, cursor, itemsProperty, limit, item, parameters, nextCursor, how, null);
  }

  /** Like the method above; {@code fetch}, when given, is the page function of the cursor (else the operation with it). */
  private List<MethodSpec> cursorPagingMethods(Operation operation, @Nullable String cursor, String itemsProperty,
      @Nullable String limit, Type item, List<ParameterSpec> parameters, CodeBlock nextCursor, String how,
      @Nullable CodeBlock fetch) {
    String id = operation.id();
    CodeBlock itemsFunction = itemsFunction(operation, itemsProperty);
    List<ParameterSpec> kept = new ArrayList<>();
    List<CodeBlock> callArguments = new ArrayList<>();
    List<ParameterSpec> keptRequired = new ArrayList<>();
    List<CodeBlock> requiredArguments = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      boolean isParameter = i < operation.parameters().size();
      ParameterSpec spec = parameters.get(i);
      if (isParameter && cursor != null && operation.parameters().get(i).name().equals(cursor)) {
        callArguments.add(CodeBlock.of("cursor"));
        continue;
      }
      boolean required = !isParameter || operation.parameters().get(i).required();
      kept.add(spec);
      callArguments.add(CodeBlock.of("$N", spec));
      if (required) keptRequired.add(spec);
      requiredArguments.add(required ? CodeBlock.of("$N", spec) : CodeBlock.of("null"));
    }
    List<String> doc = new ArrayList<>(List.of(
        "Every item of {@link #" + id + "}, fetched page by page as the result is iterated or streamed; nothing",
        "is fetched before the first item is asked for.",
        "",
        how + " No page is fetched twice in one walk; a "
            + "page that fails throws its exception from the iterator, after the items before it. From {@code "
            + "x-audiojobs-paging} in {@code " + context.specPath() + "}.",
        ""));
    for (ParameterSpec p : kept) {
      boolean isLimit = limit != null && Names.member(limit).equals(p.name());
      doc.add("@param " + p.name() + (isLimit ? " the page size; null for the server's default" : " as for {@link #" + id + "}"));
    }
    TypeName pager = ParameterizedTypeName.get(AUTO_PAGER, context.types().boxed(item));
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(MethodSpec.methodBuilder(id + "All")
        .addJavadoc("$L", String.join("\n", doc) + "\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(pager)
        .addParameters(kept)
        .addCode(CodeBlock.builder()
            .add("return $T.create(\n", RuntimeTypes.CURSOR_PAGER).indent().indent()
            .add("$L,\n", fetch != null ? fetch : CodeBlock.of("cursor -> $N($L)", id, CodeBlock.join(callArguments, ", ")))
            .add("$L,\n", itemsFunction)
            .add("$L);\n", nextCursor)
            .unindent().unindent()
            .build())
        .build());
    if (kept.size() != keptRequired.size()) {
      methods.add(MethodSpec.methodBuilder(id + "All")
          .addJavadoc("Like {@link #$LAll} with every optional parameter left out: every item, default page size.", id)
          .addModifiers(Modifier.PUBLIC)
          .returns(pager)
          .addParameters(keptRequired)
          .addStatement("return $NAll($L)", id, CodeBlock.join(requiredArguments, ", "))
          .build());
    }
    return methods;
  }

  // ---------------------------------------------------------------- submit, then wait

  /** {@code <id>AndWait}: submits once, then waits for the job with the waiting operation. */
  private List<MethodSpec> thenWaitMethods(Operation operation, List<ParameterSpec> parameters) {
    Operation.ThenWait then = operation.thenWait();
    Operation waited = context.api().operation(then.operation()).orElseThrow();
    String waitMethod = waitMethodName(waited);
    TypeName job = returnType(waited);
    String id = operation.id();
    String jobId = Names.member(then.jobIdProperty());
    CodeBlock arguments = arguments(parameters);
    CodeBlock doc = CodeBlock.builder()
        .add("Starts a job with {@link #$L} (sent once, never retried), then waits for it with {@link #$L}:\n", id, waitMethod)
        .add("the usual form of {@code $L(…)} followed by {@code $L(created.$L(), timeout)}. From {@code\n", id, waitMethod, jobId)
        .add("x-audiojobs-then-wait} in {@code $L}.\n\n", context.specPath())
        .add("$L", parameters.stream().map(p -> "@param " + p.name() + " as for {@link #" + id + "}\n").collect(Collectors.joining()))
        .add("@param timeout how long to wait once the job is created, as for {@link #$L}\n", waitMethod)
        .add("@return the job, in a terminal status that is not unsuccessful\n")
        .add("@throws $T if {@code request} breaks a rule of the spec; nothing is sent\n", RuntimeTypes.REQUEST_VALIDATION_EXCEPTION)
        .add("@throws $T if the job ends unsuccessful\n", JOB_FAILED_EXCEPTION)
        .add("@throws $T if the job is not terminal in time; the job keeps running\n", WAIT_TIMEOUT_EXCEPTION)
        .add("@throws InterruptedException if the thread is interrupted while waiting\n")
        .add("@throws $T for a non-2xx answer to the submission or a poll\n", API_EXCEPTION)
        .add("@throws $T when a body does not fit the spec\n", DECODE_EXCEPTION)
        .add("@throws $T when the submission or a poll gets no response\n", TRANSPORT_EXCEPTION)
        .build();
    return List.of(
        MethodSpec.methodBuilder(id + "AndWait")
            .addJavadoc(doc)
            .addModifiers(Modifier.PUBLIC)
            .returns(job)
            .addParameters(parameters)
            .addParameter(Duration.class, "timeout")
            .addException(InterruptedException.class)
            .addStatement("$T.requireNonNull(timeout, $S)", Objects.class, "timeout == null")
            .addStatement("return $N($N($L).$N(), timeout)", waitMethod, id, arguments, jobId)
            .build(),
        MethodSpec.methodBuilder(id + "AndWaitAsync")
            .addJavadoc("""
                Like {@link #$LAndWait}, without blocking a thread. The future completes with the job, or
                exceptionally with what {@link #$LAndWait} would throw. Cancelling it before the job is
                created leaves the submission to complete; afterwards it stops the wait.

                @throws $T if {@code request} breaks a rule of the spec; nothing is sent
                """, id, id, RuntimeTypes.REQUEST_VALIDATION_EXCEPTION)
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), job))
            .addParameters(parameters)
            .addParameter(Duration.class, "timeout")
            .addStatement("$T.requireNonNull(timeout, $S)", Objects.class, "timeout == null")
            .addStatement("return $NAsync($L).thenCompose(created -> $NAsync(created.$N(), timeout))", id, arguments,
                waitMethod, jobId)
            .build());
  }

  static String waitMethodName(Operation operation) {
    String id = operation.id();
    return "waitFor" + Names.type(id.startsWith("get") && id.length() > 3 ? id.substring(3) : id);
  }

  // ---------------------------------------------------------------- upload

  /** {@code upload(key, file)}: checks the size, asks for the pre-signed URL, then PUTs the file there. */
  private MethodSpec uploadMethod(Operation operation) {
    Operation.Upload upload = operation.upload();
    Schema.RecordSchema request = context.api().record(operation.requestBody().schema());
    Property key = request.properties().stream().filter(Property::required).findFirst().orElseThrow();
    String name = Names.member(key.name());
    ClassName requestType = context.types().model(request.name());
    CodeBlock doc = CodeBlock.builder()
        .add("Uploads {@code file}: asks {@link #$L} for a pre-signed URL for {@code $L}, then PUTs the file's\n",
            operation.id(), name)
        .add("bytes there, without the API key (the URL carries its own credentials) and without retries. From\n")
        .add("{@code x-audiojobs-upload} in {@code $L}.\n\n", context.specPath())
        .add("@param $N $L\n", name, key.description().isBlank() ? "the " + Javadocs.code(key.name()) + " of {@link "
            + request.name() + "}" : Names.javadoc(key.description()).replace("\n", " "))
        .add("@param file the content; at most $L bytes\n", upload.maxBytes())
        .add("@throws $T if the file is larger than $L bytes, or {@code $L} breaks a rule of the spec; nothing is sent\n",
            RuntimeTypes.REQUEST_VALIDATION_EXCEPTION, upload.maxBytes(), name)
        .add("@throws $T for a non-2xx answer, from the API or from the storage\n", API_EXCEPTION)
        .add("@throws $T when the URL's response does not fit the spec\n", DECODE_EXCEPTION)
        .add("@throws $T when no response arrives, or the file cannot be read while sending\n", TRANSPORT_EXCEPTION)
        .build();
    ClassName fileParts = RuntimeTypes.FILE_PART;
    return MethodSpec.methodBuilder("upload")
        .addJavadoc(doc)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(String.class, name)
        .addParameter(fileParts, "file")
        .addStatement("$T.requireNonNull($N, $S)", Objects.class, name, name + " == null")
        .addStatement("$T.requireNonNull(file, $S)", Objects.class, "file == null")
        .addStatement("$T.maxBytes($S, file, $LL)", RuntimeTypes.REQUEST_CHECKS, "upload", upload.maxBytes())
        .addStatement("$T target = $N($T.builder().$N($N).build())", returnType(operation), operation.id(), requestType, name, name)
        .addStatement("core.upload($S, target.$N(), file)", "upload", Names.member(upload.urlProperty()))
        .build();
  }
}
