package dev.audiojobs.openapi.codegen.render;

import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.JSON;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.nullable;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.audiojobs.openapi.codegen.model.Schema.EnumSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * A string enum as an open enum class (constants, a {@code Known} enum for switches, {@code of} that
 * never throws) and its adapter.
 */
final class EnumRenderer {
  private final Context context;

  EnumRenderer(Context context) {
    this.context = context;
  }

  TypeSpec render(EnumSchema schema) {
    ClassName name = context.types().model(schema.name());
    ClassName known = name.nestedClass("Known");
    TypeSpec.Builder type = TypeSpec.classBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
    List<String> paragraphs = new ArrayList<>(Javadocs.description(schema.description()));
    paragraphs.add("An open enum: a value newer than this client decodes, keeps its text and re-encodes unchanged; "
        + "{@link #known()} is empty for it. Compare with {@code equals} or switch on {@link #known()}.");
    paragraphs.add(context.provenance(schema.name()));
    type.addJavadoc("$L", Javadocs.of(paragraphs, List.of()));

    TypeSpec.Builder knownEnum = TypeSpec.enumBuilder("Known").addModifiers(Modifier.PUBLIC)
        .addJavadoc("The values this client knows, for a {@code switch}.");
    CodeBlock.Builder of = CodeBlock.builder()
        .addStatement("$T.requireNonNull(value, $S)", Objects.class, "value == null")
        .add("return switch (value) {\n").indent();
    for (String value : schema.values()) {
      String constant = Names.constant(value);
      FieldSpec.Builder field = FieldSpec.builder(name, constant, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .initializer("new $T($S, $T.$N)", name, value, known, constant);
      String text = schema.valueDescriptions().getOrDefault(value, "");
      if (!text.isBlank()) field.addJavadoc("$L\n", Names.javadoc(text));
      type.addField(field.build());
      knownEnum.addEnumConstant(constant);
      of.add("case $S -> $N;\n", value, constant);
    }
    of.add("default -> new $T(value, null);\n", name).unindent().add("};\n");

    type.addType(knownEnum.build())
        .addField(String.class, "value", Modifier.PRIVATE, Modifier.FINAL)
        .addField(nullable(known), "known", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(String.class, "value")
            .addParameter(nullable(known), "known")
            .addStatement("this.value = value")
            .addStatement("this.known = known")
            .build())
        .addMethod(MethodSpec.methodBuilder("of")
            .addJavadoc("Returns the constant for {@code value}, or an instance holding a value newer than this client.\n"
                + "Never throws for a non-null value; values are compared exactly, case included.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(name)
            .addParameter(String.class, "value")
            .addCode(of.build())
            .build())
        .addMethod(MethodSpec.methodBuilder("value")
            .addJavadoc("The value exactly as sent on the wire.")
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return value")
            .build())
        .addMethod(MethodSpec.methodBuilder("known")
            .addJavadoc("The known constant, or empty when the server sent a value newer than this client.")
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), known))
            .addStatement("return $T.ofNullable(known)", Optional.class)
            .build());
    if (!schema.terminal().isEmpty()) {
      type.addMethod(predicate("isTerminal", schema.terminal(),
          "Whether a job in this status will not change any more. From the spec's\n"
              + "{@code x-audiojobs-terminal}; false for a value newer than this client.\n"));
    }
    if (!schema.unsuccessful().isEmpty()) {
      type.addMethod(predicate("isUnsuccessful", schema.unsuccessful(),
          "Whether a job in this status ended without a result. From the spec's\n"
              + "{@code x-audiojobs-unsuccessful}; false for a value newer than this client.\n"));
    }
    return type
        .addMethod(MethodSpec.methodBuilder("equals")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(TypeName.BOOLEAN)
            .addParameter(nullable(ClassName.OBJECT), "other")
            .addStatement("return other instanceof $T that && value.equals(that.value)", name)
            .build())
        .addMethod(MethodSpec.methodBuilder("hashCode")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(TypeName.INT)
            .addStatement("return value.hashCode()")
            .build())
        .addMethod(MethodSpec.methodBuilder("toString")
            .addJavadoc("The wire value, so that the type also works as a query parameter.")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return value")
            .build())
        .build();
  }

  private static MethodSpec predicate(String method, List<String> values, String javadoc) {
    CodeBlock cases = values.stream().map(v -> CodeBlock.of("$S", v)).collect(CodeBlock.joining(", "));
    return MethodSpec.methodBuilder(method)
        .addJavadoc("$L", javadoc)
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.BOOLEAN)
        .addCode(CodeBlock.builder()
            .add("return switch (value) {\n").indent()
            .add("case $L -> true;\n", cases)
            .add("default -> false;\n")
            .unindent().add("};\n")
            .build())
        .build();
  }

  /** The enum's adapter: a string on the wire, any value kept. */
  TypeSpec renderAdapter(EnumSchema schema) {
    ClassName name = context.types().model(schema.name());
    return Adapters.adapter(context, schema.name())
        .addMethod(Adapters.fromJson(context, schema.name(),
            CodeBlock.of("return $T.of($T.readString(reader));\n", name, JSON)))
        .addMethod(Adapters.toJson(context, schema.name(), CodeBlock.builder()
            .beginControlFlow("if (value == null)")
            .addStatement("$T.writeNull(writer)", JSON)
            .nextControlFlow("else")
            .addStatement("writer.value(value.value())")
            .endControlFlow()
            .build()))
        .build();
  }
}
