package dev.audiojobs.openapi.codegen.render;

import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.JSON_ADAPTER;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.JSON_READER;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.JSON_WRITER;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.nullable;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import javax.lang.model.element.Modifier;

/** The shape every generated adapter shares: a package-private singleton with {@code fromJson} and {@code toJson}. */
final class Adapters {
  private Adapters() {}

  /** {@code final class XJsonAdapter extends JsonAdapter<X>} with its {@code INSTANCE} and private constructor. */
  static TypeSpec.Builder adapter(Context context, String schema) {
    ClassName adapter = context.types().adapter(schema);
    return TypeSpec.classBuilder(adapter)
        .addModifiers(Modifier.FINAL)
        .addJavadoc("Streaming JSON adapter for {@link $L}; reports the JSON path of any value that does not fit.", schema)
        .superclass(ParameterizedTypeName.get(JSON_ADAPTER, context.types().model(schema)))
        .addField(FieldSpec.builder(adapter, "INSTANCE", Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T()", adapter)
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
  }

  static MethodSpec fromJson(Context context, String schema, CodeBlock body) {
    return MethodSpec.methodBuilder("fromJson")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(context.types().model(schema))
        .addParameter(JSON_READER, "reader")
        .addException(IOException.class)
        .addCode(body)
        .build();
  }

  static MethodSpec toJson(Context context, String schema, CodeBlock body) {
    return MethodSpec.methodBuilder("toJson")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(JSON_WRITER, "writer")
        .addParameter(nullable(context.types().model(schema)), "value")
        .addException(IOException.class)
        .addCode(body)
        .build();
  }
}
