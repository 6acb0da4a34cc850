package dev.audiojobs.openapi.codegen.render;

import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.JSON_ADAPTER;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.JSON_ADAPTER_FACTORY;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.Set;
import javax.lang.model.element.Modifier;

/** The vendor's public JSON entry point: a Moshi factory and {@code adapter(Class)} for every model. */
final class JsonRenderer {
  private final Context context;

  JsonRenderer(Context context) {
    this.context = context;
  }

  TypeSpec render() {
    String packageName = context.api().vendor().packageName();
    ClassName json = ClassName.get(packageName, context.api().vendor().prefix() + "Json");
    CodeBlock.Builder factory = CodeBlock.builder()
        .add("(type, annotations, moshi) -> {\n").indent()
        .addStatement("if (!annotations.isEmpty()) return null");
    for (String schema : context.api().schemas().keySet()) {
      if (!JavaSources.hasAdapter(context.api().schema(schema))) continue;
      factory.addStatement("if (type == $T.class) return $T.documented($T.INSTANCE)", context.types().model(schema),
          RuntimeTypes.JSON_DOCUMENT, context.types().adapter(schema));
    }
    factory.addStatement("return null").unindent().add("}");
    TypeVariableName t = TypeVariableName.get("T");
    return TypeSpec.classBuilder(json)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("""
            The streaming JSON adapters of this vendor's models: decoding through them loses nothing (unknown
            properties and enum values are kept) and reports the JSON path of any value that does not fit.

            <p>{@code fromJson} throws one exception for any input that does not decode — malformed or
            truncated JSON, a value of the wrong type, a required property missing, a property sent twice,
            nesting deeper than 255 levels, content after the value when the reader started at the root of
            its document: {@link $T}, an {@code IOException} whose {@code path()} is the
            {@code $$}-rooted JSON path of the offending value and whose {@code reason()} says what is wrong.
            No other exception escapes it, except that a request record's adapter throws {@link $T} for a
            request that breaks the spec, as its javadoc says. {@code toJson} writes JSON that decodes to an equal value:
            unknown properties in arrival order, lone UTF-16 surrogates escaped as received.
            """, RuntimeTypes.JSON_PATH_EXCEPTION, RuntimeTypes.REQUEST_VALIDATION_EXCEPTION)
        .addField(FieldSpec.builder(JSON_ADAPTER_FACTORY, "FACTORY", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("A Moshi factory for every model of this package, to add to your own {@code Moshi.Builder}.")
            .initializer(factory.build())
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("adapter")
            .addJavadoc("""
                The adapter for {@code type}.

                @throws IllegalArgumentException when {@code type} is not a model of this package
                """)
            .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                .addMember("value", "$S", "unchecked")
                .build())
            .addComment("FACTORY returns the adapter of exactly the requested class")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addTypeVariable(t)
            .returns(ParameterizedTypeName.get(JSON_ADAPTER, t))
            .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), t), "type")
            .addStatement("$T adapter = FACTORY.create(type, $T.of(), null)",
                ParameterizedTypeName.get(JSON_ADAPTER, WildcardTypeName.subtypeOf(Object.class)), Set.class)
            .addStatement("if (adapter == null) throw new IllegalArgumentException($S + type.getName())",
                "not a model of " + packageName + ": ")
            .addStatement("return ($T) adapter", ParameterizedTypeName.get(JSON_ADAPTER, t))
            .build())
        .build();
  }
}
