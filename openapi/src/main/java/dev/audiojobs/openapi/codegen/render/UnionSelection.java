package dev.audiojobs.openapi.codegen.render;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.audiojobs.openapi.codegen.model.Property;
import dev.audiojobs.openapi.codegen.model.Schema;
import dev.audiojobs.openapi.codegen.model.Schema.RecordSchema;
import dev.audiojobs.openapi.codegen.model.Schema.UnionSchema;
import dev.audiojobs.openapi.codegen.model.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * A union's selection rule applied to a value already built rather than to JSON: which keys the value
 * would have once encoded, and so which variant the rule reads it back as. The adapters use it to
 * confirm a guessed variant; the request checks, to refuse a variant the rule would read as another.
 */
final class UnionSelection {
  private UnionSelection() {}

  /**
   * Whether {@code record}'s value {@code value} has key {@code key} once encoded: a typed property
   * that is set or an explicit null, or an unknown property. A property held in a primitive is always
   * there.
   */
  static CodeBlock hasKey(JavaTypes types, RecordSchema record, CodeBlock value, String key) {
    Optional<Property> property = record.property(key);
    if (property.isEmpty()) return CodeBlock.of("$L.extras().unknownProperties().containsKey($S)", value, key);
    if (!RecordRenderer.javaNullable(property.get()) && types.primitive(property.get().type())) return CodeBlock.of("true");
    return CodeBlock.of("($L.$N() != null || $L.extras().isExplicitNull($S))", value, Names.member(key), value, key);
  }

  /**
   * {@code static String variantOf(<Union> value)}: the name of the variant (or the fallback) the rule
   * reads {@code value} back as once it is encoded, for a union a request sends.
   */
  static MethodSpec variantOf(Context context, UnionSchema union) {
    JavaTypes types = context.types();
    CodeBlock.Builder body = CodeBlock.builder();
    for (String member : union.members()) {
      if (context.api().schema(member) instanceof Schema.TextSchema) {
        // a string, which the union reads back as its text variant whatever the rule says
        body.addStatement("if (value instanceof $T) return $S", types.model(member), member);
        continue;
      }
      RecordSchema record = context.api().record(member);
      body.beginControlFlow("if (value instanceof $T v)", types.model(member));
      if (union.rule() instanceof Schema.Discriminator discriminator) {
        body.addStatement("String tag = $L", tag(context, record, discriminator.property()));
        body.addStatement("if (tag == null) return $S", union.fallback()).beginControlFlow("switch (tag)");
        for (Map.Entry<String, List<String>> e : UnionRenderer.byVariant(discriminator).entrySet()) {
          body.addStatement("case $L: return $S", e.getValue().stream().map(t -> CodeBlock.of("$S", t))
              .collect(CodeBlock.joining(", ")), e.getKey());
        }
        body.addStatement("default: return $S", union.fallback()).endControlFlow();
      } else {
        Schema.ByKeys byKeys = (Schema.ByKeys) union.rule();
        if (byKeys.property().isEmpty()) {
          addRules(body, types, union, byKeys, record, CodeBlock.of("v"));
        } else {
          Optional<Property> holder = record.property(byKeys.property());
          if (holder.isPresent() && holder.get().type() instanceof Type.Ref ref
              && context.api().schema(ref.schema()) instanceof RecordSchema object) {
            body.addStatement("$T o = v.$N()", RuntimeTypes.nullable(types.model(ref.schema())), Names.member(byKeys.property()));
            body.addStatement("if (o == null) return $S", union.fallback());
            addRules(body, types, union, byKeys, object, CodeBlock.of("o"));
          } else if (holder.isEmpty()) {
            body.addStatement("Object o = v.extras().unknownProperties().get($S)", byKeys.property());
            body.addStatement("if (!(o instanceof $T<?, ?> keys)) return $S", Map.class, union.fallback());
            for (Schema.KeyRule r : byKeys.rules()) {
              body.addStatement("if ($L) return $S", r.keys().stream().map(k -> CodeBlock.of("keys.containsKey($S)", k))
                  .collect(CodeBlock.joining(" || ")), r.variant());
            }
            body.addStatement("return $S", union.fallback());
          } else {
            // not an object: the rule finds no keys in it
            body.addStatement("return $S", union.fallback());
          }
        }
      }
      body.endControlFlow();
    }
    body.addStatement("throw new $T(value.getClass().getName())", AssertionError.class);
    return MethodSpec.methodBuilder("variantOf")
        .addJavadoc("The variant the union's rule reads {@code value} back as once encoded: its record's name, or the "
            + "fallback's.\n")
        .addModifiers(Modifier.STATIC)
        .returns(String.class)
        .addParameter(types.model(union.name()), "value")
        .addCode(body.build())
        .build();
  }

  private static void addRules(CodeBlock.Builder body, JavaTypes types, UnionSchema union, Schema.ByKeys byKeys,
      RecordSchema object, CodeBlock value) {
    for (Schema.KeyRule r : byKeys.rules()) {
      body.addStatement("if ($L) return $S", r.keys().stream().map(k -> hasKey(types, object, value, k))
          .collect(CodeBlock.joining(" || ")), r.variant());
    }
    body.addStatement("return $S", union.fallback());
  }

  /** The discriminator's value of variant {@code v} as a String expression, null when absent or not a string. */
  private static CodeBlock tag(Context context, RecordSchema record, String property) {
    Optional<Property> tag = record.property(property);
    if (tag.isEmpty()) {
      return CodeBlock.of("v.extras().unknownProperties().get($S) instanceof String s ? s : null", property);
    }
    Type type = tag.get().type();
    String member = Names.member(property);
    if (type.equals(Type.STRING)) return CodeBlock.of("v.$N()", member);
    if (type instanceof Type.Ref ref && context.api().schema(ref.schema()) instanceof Schema.EnumSchema) {
      return RecordRenderer.javaNullable(tag.get())
          ? CodeBlock.of("v.$N() == null ? null : v.$N().value()", member, member)
          : CodeBlock.of("v.$N().value()", member);
    }
    return CodeBlock.of("($T) null", TypeName.get(String.class));
  }
}
