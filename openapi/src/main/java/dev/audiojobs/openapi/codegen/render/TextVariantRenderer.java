package dev.audiojobs.openapi.codegen.render;

import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.JSON;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.audiojobs.openapi.codegen.model.Schema.TextSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * A union's text variant as a record of one {@code String value}, and its adapter, which reads and writes
 * a bare JSON string.
 */
final class TextVariantRenderer {
  private final Context context;

  TextVariantRenderer(Context context) {
    this.context = context;
  }

  TypeSpec render(TextSchema schema) {
    List<String> paragraphs = new ArrayList<>(Javadocs.description(schema.description()));
    String unions = context.unions().interfacesOf(schema.name()).stream().map(u -> "{@link " + u.simpleName() + "}")
        .collect(Collectors.joining(", "));
    paragraphs.add("The text variant of " + unions + ": the JSON string the server sent instead of an object, held as "
        + "received (any string, empty included); re-encoding writes the same string.");
    paragraphs.add(context.provenance(schema.name()));
    return TypeSpec.recordBuilder(context.types().model(schema.name()))
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("$L", Javadocs.of(paragraphs, List.of("@param value the text as received")))
        .addSuperinterfaces(context.unions().interfacesOf(schema.name()))
        .recordConstructor(MethodSpec.compactConstructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addParameter(ParameterSpec.builder(String.class, "value").build())
            .addStatement("$T.requireNonNull(value, $S)", Objects.class, "value == null")
            .build())
        .build();
  }

  TypeSpec renderAdapter(TextSchema schema) {
    ClassName model = context.types().model(schema.name());
    CodeBlock fromJson = CodeBlock.builder()
        .addStatement("return new $T($T.readString(reader))", model, JSON)
        .build();
    CodeBlock toJson = CodeBlock.builder()
        .beginControlFlow("if (value == null)")
        .addStatement("$T.writeNull(writer)", JSON)
        .nextControlFlow("else")
        .addStatement("$T.writeString(writer, value.value())", JSON)
        .endControlFlow()
        .build();
    return Adapters.adapter(context, schema.name())
        .addMethod(Adapters.fromJson(context, schema.name(), fromJson))
        .addMethod(Adapters.toJson(context, schema.name(), toJson))
        .build();
  }
}
