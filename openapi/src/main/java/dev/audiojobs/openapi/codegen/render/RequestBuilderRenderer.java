package dev.audiojobs.openapi.codegen.render;

import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.EXTRAS;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.REQUEST_CHECKS;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.REQUEST_VALIDATION_EXCEPTION;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.nullable;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.audiojobs.openapi.codegen.model.Property;
import dev.audiojobs.openapi.codegen.model.Schema.RecordSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The builder of a request record ({@code DiarizeRequest.builder().url(…).numSpeakers(2).build()}), its
 * {@code toBuilder()}, and {@code putAdditionalProperty} for body properties the spec does not know.
 *
 * <p>Absent and explicit null stay apart where the spec says {@code nullable}: a nullable optional
 * property set to null is sent as JSON {@code null} (kept in {@code extras().explicitNulls()}), one never
 * set is left out. Any other optional property set to null is left out.
 */
final class RequestBuilderRenderer {
  private final Context context;

  RequestBuilderRenderer(Context context) {
    this.context = context;
  }

  /** Adds {@code builder()}, {@code toBuilder()} and the nested {@code Builder} to the record. */
  void addTo(TypeSpec.Builder record, RecordSchema schema) {
    JavaTypes types = context.types();
    ClassName model = types.model(schema.name());
    ClassName builder = model.nestedClass("Builder");
    TypeName objectMap = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), nullable(ClassName.OBJECT));
    TypeName stringSet = ParameterizedTypeName.get(Set.class, String.class);

    record.addMethod(MethodSpec.methodBuilder("builder")
        .addJavadoc("A builder without any property set.")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(builder)
        .addStatement("return new $T()", builder)
        .build());
    CodeBlock.Builder copy = CodeBlock.builder().addStatement("$T builder = new $T()", builder, builder);
    for (Property property : schema.properties()) {
      String member = Names.member(property.name());
      copy.addStatement("builder.$N = $N", member, member);
      if (property.required() && property.nullable()) copy.addStatement("builder.$N = true", has(member));
    }
    copy.addStatement("builder.explicitNulls.addAll(extras.explicitNulls())")
        .addStatement("builder.additionalProperties.putAll(extras.unknownProperties())")
        .addStatement("return builder");
    record.addMethod(MethodSpec.methodBuilder("toBuilder")
        .addJavadoc("A builder holding this value's properties, explicit nulls and additional properties.")
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addCode(copy.build())
        .build());

    TypeSpec.Builder type = TypeSpec.classBuilder(builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("""
            Builds a {@link $T}. Not thread-safe; {@link #build()} may be called more than once.

            <p>A property never set is left out of the request. Setting an optional property to null leaves it
            out too, except where the spec allows null ({@code nullable}): there null is sent as JSON {@code null}.
            """, model);
    List<String> known = new ArrayList<>();
    for (Property property : schema.properties()) {
      String member = Names.member(property.name());
      known.add(property.name());
      TypeName boxed = types.boxed(property.type());
      type.addField(FieldSpec.builder(nullable(boxed), member, Modifier.PRIVATE).build());
      if (property.required() && property.nullable()) type.addField(TypeName.BOOLEAN, has(member), Modifier.PRIVATE);
      type.addMethod(setter(builder, property, member, boxed));
    }
    type.addField(FieldSpec.builder(stringSet, "explicitNulls", Modifier.PRIVATE, Modifier.FINAL)
            .initializer("new $T<>()", LinkedHashSet.class).build())
        .addField(FieldSpec.builder(objectMap, "additionalProperties", Modifier.PRIVATE, Modifier.FINAL)
            .initializer("new $T<>()", LinkedHashMap.class).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("putAdditionalProperty")
            .addJavadoc("""
                Sends {@code name} with {@code value} besides the properties the spec knows, for a property this
                client does not know yet. Kept in {@code extras().unknownProperties()} and encoded after the
                known properties; null is sent as JSON {@code null}.

                @param value a JSON value: null, a {@code String}, {@code Number} or {@code Boolean}, or a
                    {@code List} or {@code Map<String, ?>} of such values
                @throws IllegalArgumentException if {@code name} is a property of {@link $T} (use its setter),
                    or {@code value} is not a JSON value
                """, model)
            .addModifiers(Modifier.PUBLIC)
            .returns(builder)
            .addParameter(String.class, "name")
            .addParameter(nullable(ClassName.OBJECT), "value")
            .addStatement("$T.requireNonNull(name, $S)", Objects.class, "name == null")
            .addStatement("if (KNOWN.contains(name)) throw new IllegalArgumentException($S + name + $S)",
                "", " is a property of " + schema.name() + "; use its setter")
            .addStatement("$T.jsonValue(name, value)", REQUEST_CHECKS)
            .addStatement("additionalProperties.put(name, value)")
            .addStatement("return this")
            .build())
        .addField(FieldSpec.builder(stringSet, "KNOWN", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.of($L)", Set.class, known.stream().map(k -> CodeBlock.of("$S", k)).collect(CodeBlock.joining(", ")))
            .build());

    CodeBlock.Builder build = CodeBlock.builder();
    List<CodeBlock> arguments = new ArrayList<>();
    for (Property property : schema.properties()) {
      String member = Names.member(property.name());
      String path = "$" + ValidationRenderer.segment(property.name());
      if (property.required() && property.nullable()) {
        build.addStatement("if (!$N) throw new $T($S, $S, $S)", has(member), REQUEST_VALIDATION_EXCEPTION, schema.name(),
            path, "required property missing");
      } else if (property.required()) {
        build.addStatement("if ($N == null) throw new $T($S, $S, $S)", member, REQUEST_VALIDATION_EXCEPTION, schema.name(),
            path, "required property missing");
      }
      arguments.add(CodeBlock.of("$N", member));
    }
    arguments.add(CodeBlock.of("$T.of(additionalProperties, explicitNulls)", EXTRAS));
    build.addStatement("return new $T($L)", model, CodeBlock.join(arguments, ", "));
    type.addMethod(MethodSpec.methodBuilder("build")
        .addJavadoc("""
            The request. Only required properties are checked here; the other rules of the spec are checked
            when the request is sent, so that one rejected request names every rule's path the same way.

            @throws $T if a required property was never set (the record's name as the operation)
            """, REQUEST_VALIDATION_EXCEPTION)
        .addModifiers(Modifier.PUBLIC)
        .returns(model)
        .addCode(build.build())
        .build());
    record.addType(type.build());
  }

  private static String has(String member) {
    return "has" + Names.type(member);
  }

  private MethodSpec setter(ClassName builder, Property property, String member, TypeName boxed) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(member)
        .addModifiers(Modifier.PUBLIC)
        .returns(builder);
    String description = property.description().isBlank() ? "" : Names.javadoc(property.description()) + "\n\n<p>";
    if (property.required() && !property.nullable()) {
      method.addJavadoc("$LRequired.\n\n@throws NullPointerException if {@code $L} is null\n", description, member)
          .addParameter(boxed, member)
          .addStatement("this.$N = $T.requireNonNull($N, $S)", member, Objects.class, member, member + " == null");
    } else if (property.required()) {
      method.addJavadoc("$LRequired; null is sent as JSON {@code null}.\n", description)
          .addParameter(nullable(boxed), member)
          .addStatement("this.$N = $N", member, member)
          .addStatement("this.$N = true", has(member));
    } else if (property.nullable()) {
      method.addJavadoc("$LOptional; null is sent as JSON {@code null}, while a property never set is left out.\n",
              description)
          .addParameter(nullable(boxed), member)
          .addStatement("this.$N = $N", member, member)
          .beginControlFlow("if ($N == null)", member)
          .addStatement("explicitNulls.add($S)", property.name())
          .nextControlFlow("else")
          .addStatement("explicitNulls.remove($S)", property.name())
          .endControlFlow();
    } else {
      method.addJavadoc("$LOptional; null leaves it out.\n", description)
          .addParameter(nullable(boxed), member)
          .addStatement("this.$N = $N", member, member);
    }
    return method.addStatement("return this").build();
  }
}
