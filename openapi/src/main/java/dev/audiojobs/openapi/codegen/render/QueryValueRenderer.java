package dev.audiojobs.openapi.codegen.render;

import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.nullable;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.audiojobs.openapi.codegen.model.Operation;
import dev.audiojobs.openapi.codegen.model.Schema;
import dev.audiojobs.openapi.codegen.model.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * A union query value ({@link Schema.QueryValueSchema}) as a final class with one {@code of} factory per member
 * that turns the member into the query values it is sent as: a scalar or an enum is one value (its text, an
 * enum's wire value), a list one value per element ({@code ?name=a&name=b}). The factories refuse what no query
 * can carry (a null; an empty list, which would send nothing, as if the parameter were left out) with an
 * {@link IllegalArgumentException} naming the element, so nothing is sent for it.
 */
final class QueryValueRenderer {
  private static final ClassName LIST = ClassName.get(List.class);
  private static final TypeName STRINGS = ParameterizedTypeName.get(LIST, ClassName.get(String.class));

  private final Context context;

  QueryValueRenderer(Context context) {
    this.context = context;
  }

  /** Whether {@code p} is a query parameter whose schema is a union query value. */
  static boolean isQueryValue(Context context, Operation.Parameter p) {
    return p.type() instanceof Type.Ref ref && context.api().schema(ref.schema()) instanceof Schema.QueryValueSchema;
  }

  /** What the client passes to the service for the union query value {@code parameter}: its values, or null. */
  static CodeBlock queryValues(ParameterSpec parameter) {
    return CodeBlock.of("$N == null ? null : $N.queryValues()", parameter, parameter);
  }

  /** The service's type of a union query value: the list of its query values. */
  static TypeName serviceType() {
    return STRINGS;
  }

  TypeSpec render(Schema.QueryValueSchema schema) {
    ClassName name = context.types().model(schema.name());
    List<String> paragraphs = new ArrayList<>(Javadocs.description(schema.description()));
    List<String> kinds = schema.members().stream().map(this::kind).toList();
    paragraphs.add("A query parameter that is one of: " + String.join("; ", kinds) + ". Make one with the {@code of} "
        + "method of its member; it is sent as that member's query values (a list as {@code ?name=a&name=b}).");
    paragraphs.add(context.provenance(schema.name()));
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("$L", Javadocs.of(paragraphs, List.of()))
        .addField(STRINGS, "queryValues", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(STRINGS, "queryValues")
            .addStatement("this.queryValues = queryValues")
            .build());
    for (Type member : schema.members()) type.addMethod(factory(name, member));
    return type
        .addMethod(MethodSpec.methodBuilder("queryValues")
            .addJavadoc("The query values this is sent as, in order; never empty.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(STRINGS)
            .addStatement("return queryValues")
            .build())
        .addMethod(MethodSpec.methodBuilder("equals")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(TypeName.BOOLEAN)
            .addParameter(nullable(ClassName.OBJECT), "other")
            .addStatement("return other instanceof $T that && queryValues.equals(that.queryValues)", name)
            .build())
        .addMethod(MethodSpec.methodBuilder("hashCode")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(TypeName.INT)
            .addStatement("return queryValues.hashCode()")
            .build())
        .addMethod(MethodSpec.methodBuilder("toString")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return $S + queryValues", schema.name())
            .build())
        .build();
  }

  private MethodSpec factory(ClassName name, Type member) {
    MethodSpec.Builder of = MethodSpec.methodBuilder("of").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(name);
    TypeName declared = context.types().declared(member);
    if (member instanceof Type.ListOf) {
      of.addJavadoc("The list {@code values}, sent as one query value per element.\n\n"
              + "@throws IllegalArgumentException if {@code values} is empty (it would send nothing) or holds a null\n")
          .addParameter(declared, "values")
          .addStatement("$T.requireNonNull(values, $S)", Objects.class, "values == null")
          .beginControlFlow("if (values.isEmpty())")
          .addStatement("throw new $T($S)", IllegalArgumentException.class,
              "an empty list sends no query value; leave the parameter out (null) instead")
          .endControlFlow()
          .addStatement("$T<String> wire = new $T<>(values.size())", List.class, ArrayList.class)
          .beginControlFlow("for (int i = 0; i < values.size(); i++)")
          .beginControlFlow("if (values.get(i) == null)")
          .addStatement("throw new $T($S + i + $S)", IllegalArgumentException.class, "values[", "] is null")
          .endControlFlow()
          .addStatement("wire.add($T.valueOf(values.get(i)))", String.class)
          .endControlFlow()
          .addStatement("return new $T($T.copyOf(wire))", name, List.class);
    } else {
      of.addJavadoc("The " + kind(member) + " {@code value}, sent as one query value.\n")
          .addParameter(declared, "value");
      if (!declared.isPrimitive()) of.addStatement("$T.requireNonNull(value, $S)", Objects.class, "value == null");
      of.addStatement("return new $T($T.of($T.valueOf(value)))", name, List.class, String.class);
    }
    return of.build();
  }

  private String kind(Type member) {
    if (member instanceof Type.ListOf list) return "a list of " + kind(list.element());
    if (member instanceof Type.Ref ref) return "{@link " + ref.schema() + "}";
    return "{@code " + context.types().declared(member) + "}";
  }
}
