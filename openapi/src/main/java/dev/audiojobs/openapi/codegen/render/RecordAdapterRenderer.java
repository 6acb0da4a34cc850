package dev.audiojobs.openapi.codegen.render;

import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.JSON;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.JSON_EXTRAS_BUILDER;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.JSON_TEXT;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.JSON_UNKNOWN;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.JSON_WRITER;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.JSON_READER_OPTIONS;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.JSON_READER_TOKEN;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.nullable;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.audiojobs.openapi.codegen.model.Property;
import dev.audiojobs.openapi.codegen.model.Schema.RecordSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The streaming adapter of a record: one pass over the object, a local per property, the exact JSON
 * path of a missing or mistyped property, unknown properties and explicit nulls kept in {@code Extras},
 * a property sent twice refused (a bit per known property, a look-up for unknown ones).
 */
final class RecordAdapterRenderer {
  /** Names the adapter's own code uses; a property with one of them gets a local with a suffix. */
  private static final Set<String> LOCAL_CLASHES = Set.of("reader", "writer", "value", "extras", "seen", "name", "NAMES", "INSTANCE");

  private final Context context;

  RecordAdapterRenderer(Context context) {
    this.context = context;
  }

  /**
   * The exception for a value that does not fit: as decoded ({@code JsonPathException}), or, for a record
   * only sent, as the invalid request it is.
   */
  private static CodeBlock invalid(RecordSchema schema, CodeBlock jsonPathException) {
    return schema.decodesAsRequest()
        ? CodeBlock.of("$T.invalid($S, $L)", RuntimeTypes.REQUEST_CHECKS, schema.name(), jsonPathException)
        : jsonPathException;
  }

  /**
   * A request record's decoding, with any value that does not fit (a string where the spec says number,
   * a malformed nested value) reported as the invalid request it is, like a missing required property.
   */
  private static CodeBlock asInvalidRequest(RecordSchema schema, CodeBlock fromJson) {
    return CodeBlock.builder()
        .beginControlFlow("try")
        .add(fromJson)
        .nextControlFlow("catch ($T e)", RuntimeTypes.JSON_PATH_EXCEPTION)
        .addStatement("throw $T.invalid($S, e)", RuntimeTypes.REQUEST_CHECKS, schema.name())
        .endControlFlow()
        .build();
  }

  TypeSpec render(RecordSchema schema) {
    JavaTypes types = context.types();
    TypeName model = types.model(schema.name());
    CodeBlock.Builder locals = CodeBlock.builder();
    CodeBlock.Builder cases = CodeBlock.builder();
    CodeBlock.Builder checks = CodeBlock.builder();
    CodeBlock.Builder writes = CodeBlock.builder();
    List<CodeBlock> arguments = new ArrayList<>();
    List<CodeBlock> names = new ArrayList<>();
    int index = 0;
    for (Property property : schema.properties()) {
      String member = Names.member(property.name());
      String local = LOCAL_CLASHES.contains(member) ? member + "Value" : member;
      String wire = property.name();
      boolean javaNullable = RecordRenderer.javaNullable(property);
      boolean primitive = !javaNullable && types.primitive(property.type());
      boolean needsFlag = property.required() && (primitive || property.nullable());
      String has = "has" + Names.type(member);
      names.add(CodeBlock.of("$S", wire));
      arguments.add(CodeBlock.of("$N", local));

      if (primitive) {
        locals.addStatement("$T $N = $L", types.declared(property.type()), local,
            types.declared(property.type()).equals(TypeName.BOOLEAN) ? "false" : "0");
      } else {
        locals.addStatement("$T $N = null", nullable(types.boxed(property.type())), local);
      }
      if (needsFlag) locals.addStatement("boolean $N = false", has);

      cases.beginControlFlow("case $L ->", index++);
      cases.beginControlFlow("if (reader.peek() == $T.NULL)", JSON_READER_TOKEN);
      if (property.required() && !property.nullable()) {
        cases.addStatement("throw $L", invalid(schema, CodeBlock.of("$T.unexpectedNull(reader)", JSON)));
      } else if (property.required()) {
        cases.addStatement("reader.nextNull()");
        cases.addStatement("$N = true", has);
      } else {
        cases.addStatement("reader.nextNull()");
        cases.addStatement("extras = $T.explicitNull(extras, $S)", JSON_UNKNOWN, wire);
      }
      cases.nextControlFlow("else");
      cases.addStatement("$N = $L", local, types.read(property.type()));
      if (needsFlag) cases.addStatement("$N = true", has);
      cases.endControlFlow();
      cases.endControlFlow();

      CodeBlock missing = invalid(schema, CodeBlock.of("$T.missing(reader, extras, $S)", JSON_UNKNOWN, wire));
      if (needsFlag) {
        checks.addStatement("if (!$N) throw $L", has, missing);
      } else if (property.required()) {
        checks.addStatement("if ($N == null) throw $L", local, missing);
      }

      CodeBlock access = CodeBlock.of("value.$N()", member);
      CodeBlock write = types.write(property.type(), access);
      if (property.required() && !property.nullable()) {
        writes.addStatement("writer.name($S)", wire);
        writes.addStatement("$L", write);
      } else if (property.required()) {
        writes.addStatement("writer.name($S)", wire);
        writes.beginControlFlow("if ($L == null)", access);
        writes.addStatement("$T.writeNull(writer)", JSON);
        writes.nextControlFlow("else");
        writes.addStatement("$L", write);
        writes.endControlFlow();
      } else {
        writes.beginControlFlow("if ($L != null)", access);
        writes.addStatement("writer.name($S)", wire);
        writes.addStatement("$L", write);
        writes.nextControlFlow("else if (value.extras().isExplicitNull($S))", wire);
        writes.addStatement("writer.name($S)", wire);
        writes.addStatement("$T.writeNull(writer)", JSON);
        writes.endControlFlow();
      }
    }
    arguments.add(CodeBlock.of("$T.extras(extras)", JSON_UNKNOWN));

    // Which known names were read, to refuse one sent twice: a long's bits, or an array past 64.
    boolean fewNames = index <= 64;
    CodeBlock fromJson = CodeBlock.builder()
        .addStatement("$T.beginObject(reader)", JSON)
        .add(locals.build())
        .addStatement("$T extras = null", nullable(JSON_EXTRAS_BUILDER))
        .addStatement(fewNames ? CodeBlock.of("long seen = 0") : CodeBlock.of("boolean[] seen = new boolean[$L]", index))
        .beginControlFlow("while (reader.hasNext())")
        .addStatement("int name = reader.selectName(NAMES)")
        .addStatement(fewNames ? CodeBlock.of("if (name >= 0) seen = $T.once(reader, seen, name)", JSON)
            : CodeBlock.of("if (name >= 0) $T.once(reader, seen, name)", JSON))
        .beginControlFlow("switch (name)")
        .add(cases.build())
        .addStatement("default -> extras = $T.readUnknown(reader, extras)", JSON_UNKNOWN)
        .endControlFlow()
        .endControlFlow()
        .add(checks.build())
        .addStatement("reader.endObject()")
        .addStatement("return new $T($L)", model, CodeBlock.join(arguments, ", "))
        .build();
    CodeBlock toJson = CodeBlock.builder()
        .beginControlFlow("if (value == null)")
        .addStatement("$T.writeNull(writer)", JSON)
        .addStatement("return")
        .endControlFlow()
        .addStatement("$T.writeObject(writer, value, value.extras(), $T::writeProperties)", JSON_TEXT,
            types.adapter(schema.name()))
        .build();
    MethodSpec writeProperties = MethodSpec.methodBuilder("writeProperties")
        .addJavadoc("The properties between the braces, the unknown ones last.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(JSON_WRITER, "writer")
        .addParameter(model, "value")
        .addException(IOException.class)
        .addCode(writes.build())
        .addStatement("$T.writeExtras(writer, value.extras())", JSON_TEXT)
        .build();
    TypeSpec.Builder adapter = Adapters.adapter(context, schema.name());
    if (schema.decodesAsRequest()) {
      adapter.addJavadoc("""

          <p>{@link $T} is a request record: decoding one that lacks a required property, or has null for
          one, throws {@link $T} (its name as the operation, the path rooted at the document), the
          exception a call with such a request throws, rather than a decoding error.
          """, types.model(schema.name()), RuntimeTypes.REQUEST_VALIDATION_EXCEPTION);
    }
    return adapter
        .addField(FieldSpec.builder(JSON_READER_OPTIONS, "NAMES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.of($L)", JSON_READER_OPTIONS, CodeBlock.join(names, ", "))
            .build())
        .addMethod(Adapters.fromJson(context, schema.name(), schema.decodesAsRequest() ? asInvalidRequest(schema, fromJson) : fromJson))
        .addMethod(Adapters.toJson(context, schema.name(), toJson))
        .addMethod(writeProperties)
        .build();
  }
}
