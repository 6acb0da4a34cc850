package dev.audiojobs.openapi.codegen.render;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;
import dev.audiojobs.openapi.codegen.model.Operation;
import dev.audiojobs.openapi.codegen.model.Type;
import javax.lang.model.element.Modifier;

/**
 * The result of an operation with several success bodies ({@link Operation.Outcomes}): a sealed
 * interface {@code <Operation>Result} with one record per body, named after its schema.
 */
final class OutcomeRenderer {
  private final Context context;

  OutcomeRenderer(Context context) {
    this.context = context;
  }

  /** {@code DownloadResult} for the operation {@code download}. */
  static ClassName resultClass(Context context, Operation operation) {
    return context.types().model(Names.type(operation.id()) + "Result");
  }

  /** The variant of {@code outcome}: {@code DownloadResult.WordTimings}. */
  static ClassName variantClass(Context context, Operation operation, Operation.Outcome outcome) {
    return resultClass(context, operation).nestedClass(outcome.schema());
  }

  /** The type a variant holds: the text, or the decoded JSON. */
  static com.palantir.javapoet.TypeName valueType(Context context, Operation.Outcome outcome) {
    if (outcome.body() instanceof Operation.JsonBody json) return context.types().boxed(json.type());
    return ClassName.get(String.class);
  }

  TypeSpec render(Operation operation) {
    ClassName result = resultClass(context, operation);
    Operation.Outcomes outcomes = (Operation.Outcomes) operation.success().body();
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(result)
        .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
        .addJavadoc("""
            What {@code $L} answers: one variant per success body the spec declares, picked by the response's
            status and {@code Content-Type}. Switch over it; a body the spec does not declare is a
            {@link $T}, never a guess. A variant of a status other than the first is an answer, not an
            exception: a caller who repeats the call until it changes must bound that wait itself.
            """, operation.id(), RuntimeTypes.DECODE_EXCEPTION);
    if (!operation.description().isBlank()) {
      type.addJavadoc("\n<p>From the spec: $L\n", Names.javadoc(operation.description()));
    }
    for (Operation.Outcome outcome : outcomes.outcomes()) {
      ClassName variant = variantClass(context, operation, outcome);
      type.addPermittedSubclass(variant);
      String what = outcome.body() instanceof Operation.TextBody ? "the text, decoded in its charset"
          : "the decoded JSON";
      type.addType(TypeSpec.recordBuilder(variant)
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .addJavadoc("HTTP $L, {@code $L}$L.\n\n@param value $L\n", outcome.status(), outcome.mediaType(),
              outcome.description().isBlank() ? "" : ": " + Names.javadoc(outcome.description()), what)
          .recordConstructor(com.palantir.javapoet.MethodSpec.compactConstructorBuilder()
              .addModifiers(Modifier.PUBLIC)
              .addParameter(valueType(context, outcome), "value")
              .addStatement("$T.requireNonNull(value, $S)", java.util.Objects.class, "value == null")
              .build())
          .addSuperinterface(result)
          .build());
    }
    return type.build();
  }

  /** Whether {@code type} is a JSON array without a generated adapter of its own. */
  static boolean needsArrayAdapter(Type type) {
    return !(type instanceof Type.Ref);
  }
}
