package dev.audiojobs.openapi.codegen.render;

import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.REQUEST_CHECKS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.audiojobs.openapi.codegen.model.Constraints;
import dev.audiojobs.openapi.codegen.model.Operation;
import dev.audiojobs.openapi.codegen.model.Property;
import dev.audiojobs.openapi.codegen.model.Schema;
import dev.audiojobs.openapi.codegen.model.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * The package-private {@code <Prefix>Validation}: one {@code check} per request record that throws
 * {@code RequestValidationException} at the first value the spec rejects, with its JSON path, and one
 * {@code <operationId>Parameters} per operation whose path or query parameters have rules, which throws
 * at the first parameter the spec rejects, its path being the parameter's wire name ({@code limit},
 * {@code kind}: never {@code $}-rooted, which is the body's). The client calls them before building a
 * request, so a rejected request is never sent.
 */
final class ValidationRenderer {
  private final Context context;
  private final List<FieldSpec> patterns = new ArrayList<>();

  ValidationRenderer(Context context) {
    this.context = context;
  }

  static ClassName validationClass(Context context) {
    return ClassName.get(context.api().vendor().packageName(), context.api().vendor().prefix() + "Validation");
  }

  /** Whether the spec has any request record or any parameter with a rule, and so a validation class. */
  static boolean needed(Context context) {
    return context.api().schemas().values().stream().anyMatch(s -> s instanceof Schema.RecordSchema r && r.request()
            || s instanceof Schema.UnionSchema u && u.request())
        || context.api().operations().stream().anyMatch(o -> checksParameters(context, o));
  }

  /** Whether {@code operation} has a parameter with a rule, and so a {@code <operationId>Parameters} check. */
  static boolean checksParameters(Context context, Operation operation) {
    ValidationRenderer probe = new ValidationRenderer(context);
    return operation.parameters().stream().anyMatch(p -> !probe.parameterChecks(p).isEmpty());
  }

  /** The name of the check of {@code operation}'s parameters: {@code listJobsParameters}. */
  static String parametersCheck(Operation operation) {
    return operation.id() + "Parameters";
  }

  /** The parameters {@link #parametersCheck} takes, in spec order: those with a rule. */
  static List<Operation.Parameter> checkedParameters(Context context, Operation operation) {
    ValidationRenderer probe = new ValidationRenderer(context);
    return operation.parameters().stream().filter(p -> !probe.parameterChecks(p).isEmpty()).toList();
  }

  TypeSpec render() {
    List<MethodSpec> checks = new ArrayList<>();
    for (Schema schema : context.api().schemas().values()) {
      if (schema instanceof Schema.RecordSchema record && record.request()) checks.add(check(record));
      if (schema instanceof Schema.UnionSchema union && union.request()) checks.add(check(union));
    }
    for (Operation operation : context.api().operations()) {
      if (checksParameters(context, operation)) checks.add(parametersMethod(operation));
    }
    return TypeSpec.classBuilder(validationClass(context))
        .addModifiers(Modifier.FINAL)
        .addJavadoc("""
            What the spec requires of each request record, checked before a request is sent: required
            properties, {@code minimum}/{@code maximum}, {@code minLength}/{@code maxLength}, {@code pattern},
            {@code minItems}/{@code maxItems} and closed enums ({@code x-audiojobs-closed}), as stated in
            {@code $L}; and the same rules of each operation's path and query parameters, refused at the
            parameter's wire name.
            """, context.specPath())
        .addFields(patterns)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethods(checks)
        .build();
  }

  private MethodSpec check(Schema.RecordSchema record) {
    CodeBlock.Builder body = CodeBlock.builder();
    for (var refused : record.refused().entrySet()) {
      // the vendor would ignore it silently; the spec says why (x-audiojobs-refused-properties)
      body.beginControlFlow("if (value.extras().unknownProperties().containsKey($S))", refused.getKey())
          .addStatement("throw new $T(operation, path + $S, $S)", RuntimeTypes.REQUEST_VALIDATION_EXCEPTION,
              segment(refused.getKey()), refused.getValue())
          .endControlFlow();
    }
    for (Property property : record.properties()) {
      String member = Names.member(property.name());
      CodeBlock value = CodeBlock.of("value.$N()", member);
      CodeBlock path = CodeBlock.of("path + $S", segment(property.name()));
      boolean mayBeNull = RecordRenderer.javaNullable(property);
      CodeBlock checks = valueChecks(property.type(), property.constraints(), value, path, 0);
      if (checks.isEmpty()) continue;
      if (mayBeNull) {
        body.beginControlFlow("if ($L != null)", value).add(checks).endControlFlow();
      } else {
        body.add(checks);
      }
    }
    return MethodSpec.methodBuilder("check")
        .addJavadoc("Throws at the first value of {@code value}, found at {@code path}, that {@link $T} does not allow.\n",
            context.types().model(record.name()))
        .addModifiers(Modifier.STATIC)
        .addParameter(String.class, "operation")
        .addParameter(String.class, "path")
        .addParameter(context.types().model(record.name()), "value")
        .addCode(body.build())
        .build();
  }

  /**
   * A union a request sends: never the fallback (unless it is a variant too), checked as the variant it
   * is, and refused when the union's rule would read it back as another variant.
   */
  private MethodSpec check(Schema.UnionSchema union) {
    JavaTypes types = context.types();
    CodeBlock.Builder body = CodeBlock.builder();
    String variants = String.join(", ", union.variants());
    if (!union.variants().contains(union.fallback())) {
      body.beginControlFlow("if (value instanceof $T)", types.model(union.fallback()))
          .addStatement("$T.variant(operation, path, $S, null, $S)", REQUEST_CHECKS, union.fallback(), variants)
          .endControlFlow();
    }
    for (String variant : union.variants()) {
      body.addStatement("if (value instanceof $T v) check(operation, path, v)", types.model(variant));
    }
    body.addStatement("$T.variant(operation, path, value.getClass().getSimpleName(), $T.variantOf(value), $S)",
        REQUEST_CHECKS, types.adapter(union.name()), variants);
    return MethodSpec.methodBuilder("check")
        .addJavadoc("Throws at the first value of {@code value}, found at {@code path}, that {@link $T} does not allow.\n",
            types.model(union.name()))
        .addModifiers(Modifier.STATIC)
        .addParameter(String.class, "operation")
        .addParameter(String.class, "path")
        .addParameter(types.model(union.name()), "value")
        .addCode(body.build())
        .build();
  }

  /**
   * {@code <operationId>Parameters(…)}: the rules of the operation's parameters, each refused at its wire
   * name; an optional parameter left out (null) is not checked, a required one is never null here.
   */
  private MethodSpec parametersMethod(Operation operation) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(parametersCheck(operation))
        .addJavadoc("Throws at the first parameter of {@code $L} that the spec does not allow, named as on the wire.\n",
            operation.id())
        .addModifiers(Modifier.STATIC)
        .addStatement("$T operation = $S", String.class, operation.id());
    for (Operation.Parameter parameter : checkedParameters(context, operation)) {
      String name = Names.member(parameter.name());
      TypeName type = context.types().boxed(parameter.type());
      method.addParameter(parameter.required() ? type : RuntimeTypes.nullable(type), name);
      CodeBlock checks = parameterChecks(parameter);
      if (parameter.required()) {
        method.addCode(checks);
      } else {
        method.beginControlFlow("if ($N != null)", name).addCode(checks).endControlFlow();
      }
    }
    return method.build();
  }

  /**
   * The checks of one parameter's non-null value, at its wire name; empty when the spec states no rule.
   * A string path parameter is also never empty, whatever the spec states: it is one path segment, and
   * {@code /jobs/} addresses another resource than the job the caller named.
   */
  private CodeBlock parameterChecks(Operation.Parameter parameter) {
    CodeBlock value = CodeBlock.of("$N", Names.member(parameter.name()));
    CodeBlock path = CodeBlock.of("$S", parameter.name());
    CodeBlock.Builder checks = CodeBlock.builder();
    Integer minLength = parameter.constraints().minLength();
    if (parameter.in() == Operation.Location.PATH && parameter.type().equals(Type.STRING)
        && (minLength == null || minLength == 0)) {
      checks.beginControlFlow("if ($L.isEmpty())", value)
          .addStatement("throw new $T(operation, $L, $S)", RuntimeTypes.REQUEST_VALIDATION_EXCEPTION, path,
              "must not be empty: an empty path segment would address another resource")
          .endControlFlow();
    }
    return checks.add(valueChecks(parameter.type(), parameter.constraints(), value, path, 0)).build();
  }

  /** The checks of one non-null value of {@code type}; {@code depth} names loop variables of nested arrays. */
  private CodeBlock valueChecks(Type type, Constraints constraints, CodeBlock value, CodeBlock path, int depth) {
    CodeBlock.Builder out = CodeBlock.builder();
    if (type instanceof Type.Scalar scalar) {
      boolean integral = scalar.kind() == Type.Kind.INT || scalar.kind() == Type.Kind.LONG;
      if (constraints.minimum() != null) {
        out.addStatement("$T.atLeast(operation, $L, $L, $L)", REQUEST_CHECKS, path, value, bound(constraints.minimum(), integral));
      }
      if (constraints.maximum() != null) {
        out.addStatement("$T.atMost(operation, $L, $L, $L)", REQUEST_CHECKS, path, value, bound(constraints.maximum(), integral));
      }
      if (constraints.minLength() != null) {
        out.addStatement("$T.minLength(operation, $L, $L, $L)", REQUEST_CHECKS, path, value, constraints.minLength());
      }
      if (constraints.maxLength() != null) {
        out.addStatement("$T.maxLength(operation, $L, $L, $L)", REQUEST_CHECKS, path, value, constraints.maxLength());
      }
      if (constraints.pattern() != null) {
        String field = "PATTERN_" + patterns.size();
        patterns.add(FieldSpec.builder(Pattern.class, field, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.compile($S)", Pattern.class, constraints.pattern())
            .build());
        out.addStatement("$T.pattern(operation, $L, $L, $N)", REQUEST_CHECKS, path, value, field);
      }
    } else if (type instanceof Type.Binary && constraints.maxBytes() != null) {
      out.beginControlFlow("if ($L.contentLength() > $LL)", value, constraints.maxBytes())
          .addStatement("throw new $T(operation, $L, $S + $L.contentLength() + $S)", RuntimeTypes.REQUEST_VALIDATION_EXCEPTION,
              path, "the file has ", value, " bytes; at most " + constraints.maxBytes() + " are accepted"
                  + (constraints.instead() == null ? "" : "; send " + constraints.instead() + " instead"))
          .endControlFlow();
    } else if (type instanceof Type.DoubleList) {
      sizeChecks(out, constraints, value, path);
    } else if (type instanceof Type.ListOf list) {
      sizeChecks(out, constraints, value, path);
      String index = "i" + depth;
      CodeBlock element = CodeBlock.of("$L.get($N)", value, index);
      CodeBlock elementPath = CodeBlock.of("$L + \"[\" + $N + \"]\"", path, index);
      CodeBlock inner = valueChecks(list.element(), Constraints.NONE, element, elementPath, depth + 1);
      out.beginControlFlow("for (int $N = 0; $N < $L.size(); $N++)", index, index, value, index)
          .addStatement("$T.notNull(operation, $L, $L)", REQUEST_CHECKS, elementPath, element)
          .add(inner)
          .endControlFlow();
    } else if (type instanceof Type.MapOf map) {
      String entry = "e" + depth;
      CodeBlock entryValue = CodeBlock.of("$N.getValue()", entry);
      CodeBlock entryPath = CodeBlock.of("$L + \".\" + $N.getKey()", path, entry);
      CodeBlock inner = valueChecks(map.value(), Constraints.NONE, entryValue, entryPath, depth + 1);
      if (!inner.isEmpty()) {
        out.beginControlFlow("for (var $N : $L.entrySet())", entry, value)
            .addStatement("$T.notNull(operation, $L, $L)", REQUEST_CHECKS, entryPath, entryValue)
            .add(inner)
            .endControlFlow();
      }
    } else if (type instanceof Type.Ref ref) {
      Schema schema = context.api().schema(ref.schema());
      if (schema instanceof Schema.EnumSchema enumeration && enumeration.closed()) {
        out.addStatement("$T.known(operation, $L, $L.known().isPresent(), $S)", REQUEST_CHECKS, path, value,
            String.join(", ", enumeration.values()));
      } else if (schema instanceof Schema.RecordSchema || schema instanceof Schema.UnionSchema) {
        out.addStatement("check(operation, $L, $L)", path, value);
      }
    }
    return out.build();
  }

  private static void sizeChecks(CodeBlock.Builder out, Constraints constraints, CodeBlock value, CodeBlock path) {
    if (constraints.minItems() != null) {
      out.addStatement("$T.minItems(operation, $L, $L.size(), $L)", REQUEST_CHECKS, path, value, constraints.minItems());
    }
    if (constraints.maxItems() != null) {
      out.addStatement("$T.maxItems(operation, $L, $L.size(), $L)", REQUEST_CHECKS, path, value, constraints.maxItems());
    }
  }

  /** A bound as a Java literal: {@code 1L} compared as integers when both sides are, else {@code 1.5}. */
  private static String bound(BigDecimal bound, boolean integralValue) {
    if (integralValue && bound.stripTrailingZeros().scale() <= 0) return bound.toBigIntegerExact() + "L";
    return bound.toPlainString() + (bound.scale() <= 0 ? ".0" : "");
  }

  /** The JSON path segment of a property: {@code .numSpeakers}, or {@code ['a.b']} for a name that needs quoting. */
  static String segment(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + name : "['" + name.replace("'", "\\'") + "']";
  }
}
