package dev.audiojobs.openapi.codegen.render;

import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.EXTRAS;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.audiojobs.openapi.codegen.model.Schema;
import dev.audiojobs.openapi.codegen.model.Schema.UnionSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * A union as a sealed interface over its variant records, with the accessors they share and javadoc
 * that states the selection rule where the type is used.
 */
final class UnionRenderer {
  private final Context context;

  UnionRenderer(Context context) {
    this.context = context;
  }

  TypeSpec render(UnionSchema schema) {
    JavaTypes types = context.types();
    List<String> paragraphs = new ArrayList<>(Javadocs.description(schema.description()));
    context.unions().text(schema).ifPresent(text -> paragraphs.add("A JSON string is a {@link " + text + "}, the text as "
        + "received. An object is one of the other variants, chosen as below. Any other JSON value (a number, an array, a "
        + "boolean, null) fails to decode: the spec allows none, and the fallback holds an object."));
    paragraphs.add(rule(schema));
    if (schema.request()) {
      paragraphs.add("A request sends one of " + schema.variants().stream().map(v -> "{@link " + v + "}")
          .collect(Collectors.joining(", ")) + ", checked as that variant before it is sent"
          + (schema.variants().contains(schema.fallback()) ? "" : "; never a {@link " + schema.fallback()
              + "}, which only holds what a response carried")
          + ". A value the rule above would read back as another variant is refused too: it would reach the server as"
          + " that other one.");
    }
    paragraphs.add(context.provenance(schema.name()));
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(types.model(schema.name()))
        .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
        .addJavadoc("$L", Javadocs.of(paragraphs, List.of()));
    for (String member : schema.members()) type.addPermittedSubclass(types.model(member));
    // A text variant has no properties, not even unknown ones: the interface then declares nothing.
    if (context.unions().text(schema).isEmpty()) addAccessors(type, context.unions().accessors(schema));
    for (Unions.Nested nested : context.unions().nested(schema)) {
      TypeSpec.Builder inner = TypeSpec.interfaceBuilder(nested.name())
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.SEALED)
          .addJavadoc("What every variant's {@code $L} has in common: one of $L.\n", Names.javadoc(nested.property()),
              nested.members().stream().map(r -> "{@link " + r + "}").collect(Collectors.joining(", ")));
      for (String member : nested.members()) inner.addPermittedSubclass(types.model(member));
      addAccessors(inner, nested.accessors());
      type.addType(inner.build());
    }
    return type.build();
  }

  private static void addAccessors(TypeSpec.Builder type, List<Unions.Accessor> accessors) {
    for (Unions.Accessor accessor : accessors) {
      MethodSpec.Builder method = MethodSpec.methodBuilder(accessor.name())
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .returns(accessor.type());
      if (!accessor.description().isBlank()) method.addJavadoc("$L\n", Names.javadoc(accessor.description()));
      type.addMethod(method.build());
    }
    type.addMethod(MethodSpec.methodBuilder("extras")
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addJavadoc("Properties this client does not know, and optional properties sent as explicit null.")
        .returns(EXTRAS)
        .build());
  }

  /** The selection rule, as an HTML list. */
  private String rule(UnionSchema schema) {
    StringBuilder rule = new StringBuilder();
    if (schema.rule() instanceof Schema.Discriminator discriminator) {
      rule.append("The variant is chosen by the value of ").append(Javadocs.code(discriminator.property()))
          .append(" (the spec's {@code discriminator}):\n<ul>\n");
      for (Map.Entry<String, List<String>> e : byVariant(discriminator).entrySet()) {
        rule.append("  <li>").append(e.getValue().stream().map(Javadocs::code).collect(Collectors.joining(" or ")))
            .append(" → {@link ").append(e.getKey()).append("};\n");
      }
      rule.append("  <li>any other value, or none → {@link ").append(schema.fallback())
          .append("}, which keeps what was received.\n</ul>");
    } else {
      Schema.ByKeys byKeys = (Schema.ByKeys) schema.rule();
      // An empty property is the object itself: the rule reads its own keys.
      boolean own = byKeys.property().isEmpty();
      rule.append("The spec's variants share their fields and have no discriminator, so the variant is chosen from ")
          .append(own ? "the object's own keys" : "the keys of " + Javadocs.code(byKeys.property()))
          .append(", in this order (rule {@code x-audiojobs-select} of {@code ")
          .append(context.specPath()).append("}):\n<ul>\n");
      for (Schema.KeyRule r : byKeys.rules()) {
        rule.append("  <li>").append(r.keys().stream().map(Javadocs::code).collect(Collectors.joining(" or ")))
            .append(" → {@link ").append(r.variant()).append("};\n");
      }
      rule.append(own ? "  <li>anything else" : "  <li>anything else, including no " + Javadocs.code(byKeys.property()))
          .append(" → {@link ")
          .append(schema.fallback()).append("}, which keeps what was received.\n</ul>");
    }
    return rule.toString();
  }

  /** The discriminator's tag values grouped by the variant they select, in spec order. */
  static Map<String, List<String>> byVariant(Schema.Discriminator discriminator) {
    Map<String, List<String>> byVariant = new LinkedHashMap<>();
    discriminator.mapping().forEach((tag, variant) -> byVariant.computeIfAbsent(variant, k -> new ArrayList<>()).add(tag));
    return byVariant;
  }
}
