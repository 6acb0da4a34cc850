package dev.audiojobs.openapi.codegen.render;

import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.EXTRAS;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.REQUEST_VALIDATION_EXCEPTION;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.nullable;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.audiojobs.openapi.codegen.model.Property;
import dev.audiojobs.openapi.codegen.model.Schema.RecordSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/** A record schema as a Java record: one component per property, then {@code Extras extras}. */
final class RecordRenderer {
  private final Context context;

  RecordRenderer(Context context) {
    this.context = context;
  }

  /** The Java type of the record component for {@code property}: {@code @Nullable} boxed unless required and non-null. */
  static TypeName componentType(JavaTypes types, Property property) {
    return javaNullable(property) ? nullable(types.optional(property.type())) : types.declared(property.type());
  }

  /** Whether the component may be null: the property may be absent or null. */
  static boolean javaNullable(Property property) {
    return !property.required() || property.nullable();
  }

  TypeSpec render(RecordSchema schema) {
    JavaTypes types = context.types();
    List<ParameterSpec> components = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    CodeBlock.Builder compact = CodeBlock.builder();
    for (Property property : schema.properties()) {
      String member = Names.member(property.name());
      components.add(ParameterSpec.builder(componentType(types, property), member).build());
      if (!property.description().isBlank()) {
        tags.add("@param " + member + " " + Names.javadoc(property.description()).replace("\n", " "));
      }
      if (types.copies(property.type())) {
        if (javaNullable(property)) {
          compact.addStatement("$N = $N == null ? null : $L", member, member,
              types.copy(property.type(), CodeBlock.of("$N", member)));
        } else {
          compact.addStatement("$N = $L", member,
              types.copy(property.type(), CodeBlock.of("$T.requireNonNull($N, $S)", Objects.class, member, member + " == null")));
        }
      } else if (!javaNullable(property) && !types.primitive(property.type())) {
        compact.addStatement("$T.requireNonNull($N, $S)", Objects.class, member, member + " == null");
      }
    }
    tags.add("@param extras properties this client does not know, and optional properties sent as explicit null;");
    tags.add("    re-encoding writes both back");
    List<ParameterSpec> shortParameters = List.copyOf(components);
    components.add(ParameterSpec.builder(EXTRAS, "extras").build());
    compact.addStatement("$T.requireNonNull(extras, $S)", Objects.class, "extras == null");

    List<String> paragraphs = new ArrayList<>(Javadocs.description(schema.description()));
    if (schema.request()) {
      paragraphs.add("A request: build one with {@link #builder()}. Before it is sent, the client checks it against "
          + "the spec (required properties, bounds, lengths, patterns, item counts, closed enums) and throws {@link "
          + REQUEST_VALIDATION_EXCEPTION.canonicalName() + "} with the JSON path of the first value the spec rejects; "
          + "nothing is sent then."
          + (schema.multipart() ? " It is sent as {@code multipart/form-data}: each property a field, files as file parts."
              : schema.received() ? " Responses carry it too: decoding one reads a response, so one that lacks a required"
                  + " property fails as a decoding error, the server's fault."
              : " Decoding one that lacks a required property, or has null for one, throws {@link "
                  + REQUEST_VALIDATION_EXCEPTION.canonicalName() + "} too, with the path rooted at the document."));
    }
    paragraphs.add(context.provenance(schema.name()));
    CodeBlock arguments = shortParameters.stream().map(p -> CodeBlock.of("$N", p)).collect(CodeBlock.joining(", "));
    TypeSpec.Builder record = TypeSpec.recordBuilder(context.types().model(schema.name()))
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("$L", Javadocs.of(paragraphs, tags))
        .addSuperinterfaces(context.unions().interfacesOf(schema.name()))
        .recordConstructor(MethodSpec.compactConstructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addParameters(components)
            .addCode(compact.build())
            .build())
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Creates a value without unknown properties or explicit nulls.")
            .addParameters(shortParameters)
            .addStatement(shortParameters.isEmpty() ? "this($T.empty())" : "this($L, $T.empty())",
                shortParameters.isEmpty() ? new Object[] {EXTRAS} : new Object[] {arguments, EXTRAS})
            .build());
    if (schema.request()) new RequestBuilderRenderer(context).addTo(record, schema);
    return record.build();
  }
}
