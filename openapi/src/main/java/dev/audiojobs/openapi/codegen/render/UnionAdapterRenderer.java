package dev.audiojobs.openapi.codegen.render;

import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.JSON;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.JSON_LOOK_AHEAD;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.JSON_READER;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.JSON_READER_TOKEN;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.JSON_RETRY_EXACTLY;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.nullable;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.audiojobs.openapi.codegen.model.Property;
import dev.audiojobs.openapi.codegen.model.Schema;
import dev.audiojobs.openapi.codegen.model.Schema.RecordSchema;
import dev.audiojobs.openapi.codegen.model.Schema.UnionSchema;
import dev.audiojobs.openapi.codegen.model.Type;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The adapter of a union: a JSON string to the text variant's adapter when the union has one, an object by
 * the selection rule to its variant's adapter.
 */
final class UnionAdapterRenderer {
  private final Context context;

  UnionAdapterRenderer(Context context) {
    this.context = context;
  }

  TypeSpec render(UnionSchema schema) {
    JavaTypes types = context.types();
    Map<String, String> outputs = singlePassOutputs(schema);
    CodeBlock.Builder select = CodeBlock.builder();
    String text = context.unions().text(schema).orElse(null);
    if (text != null) {
      // A string is the text variant whatever the rule says: the rule reads an object's keys.
      select.addStatement("if (reader.peek() == $T.STRING) return $T.INSTANCE.fromJson(reader)", JSON_READER_TOKEN,
          types.adapter(text));
      select.addStatement("$T.expectObjectOrString(reader)", JSON);
    } else {
      select.addStatement("$T.expectObject(reader)", JSON);
    }
    if (outputs != null) select.addStatement("if ($T.singlePass(reader)) return guessed(reader)", JSON_LOOK_AHEAD);
    if (schema.rule() instanceof Schema.Discriminator discriminator) {
      select.addStatement("String tag = $T.stringProperty(reader, $S)", JSON_LOOK_AHEAD, discriminator.property());
      select.beginControlFlow("if (tag != null)").beginControlFlow("switch (tag)");
      for (Map.Entry<String, List<String>> e : UnionRenderer.byVariant(discriminator).entrySet()) {
        select.beginControlFlow("case $L ->", e.getValue().stream().map(v -> CodeBlock.of("$S", v)).collect(CodeBlock.joining(", ")));
        select.addStatement("return $T.INSTANCE.fromJson(reader)", types.adapter(e.getKey()));
        select.endControlFlow();
      }
      select.beginControlFlow("default ->")
          .add("// A value newer than this client: the fallback below keeps it.\n")
          .endControlFlow();
      select.endControlFlow().endControlFlow();
    } else {
      Schema.ByKeys byKeys = (Schema.ByKeys) schema.rule();
      if (byKeys.property().isEmpty()) {
        // no property: the rule reads the object's own keys
        select.addStatement("$T<String> keys = $T.ownKeys(reader)", Set.class, JSON_LOOK_AHEAD);
      } else {
        select.addStatement("$T<String> keys = $T.keysOf(reader, $S)", Set.class, JSON_LOOK_AHEAD, byKeys.property());
      }
      for (Schema.KeyRule r : byKeys.rules()) {
        select.beginControlFlow("if ($L)", r.keys().stream().map(k -> CodeBlock.of("keys.contains($S)", k))
            .collect(CodeBlock.joining(" || ")));
        select.addStatement("return $T.INSTANCE.fromJson(reader)", types.adapter(r.variant()));
        select.endControlFlow();
      }
    }
    select.addStatement("return $T.INSTANCE.fromJson(reader)", types.adapter(schema.fallback()));

    CodeBlock.Builder toJson = CodeBlock.builder();
    for (String member : schema.members()) {
      toJson.beginControlFlow("if (value instanceof $T variant)", types.model(member))
          .addStatement("$T.INSTANCE.toJson(writer, variant)", types.adapter(member))
          .addStatement("return")
          .endControlFlow();
    }
    toJson.addStatement("$T.writeNull(writer)", JSON);

    TypeSpec.Builder adapter = Adapters.adapter(context, schema.name())
        .addMethod(Adapters.fromJson(context, schema.name(), select.build()));
    if (outputs != null) addSinglePass(adapter, schema, (Schema.ByKeys) schema.rule(), outputs);
    if (schema.request()) adapter.addMethod(UnionSelection.variantOf(context, schema));
    return adapter.addMethod(Adapters.toJson(context, schema.name(), toJson.build())).build();
  }

  /**
   * Each member's record type of the selecting property, or null when one is not a record with
   * properties (its keys could then not be confirmed) or the union has a discriminator.
   */
  private Map<String, String> singlePassOutputs(UnionSchema schema) {
    if (!(schema.rule() instanceof Schema.ByKeys byKeys)) return null;
    Map<String, String> outputs = new LinkedHashMap<>();
    for (String member : context.unions().records(schema)) {
      Property p = context.api().record(member).property(byKeys.property()).orElse(null);
      if (p == null || !(p.type() instanceof Type.Ref ref)) return null;
      if (!(context.api().schema(ref.schema()) instanceof RecordSchema output) || output.properties().isEmpty()) return null;
      outputs.put(member, ref.schema());
    }
    return outputs;
  }

  /**
   * The one-pass decoding of a union chosen by keys.
   *
   * <p>The exact rule needs every key of the selecting object, so it looks ahead over all of it and
   * then decodes it: two passes over what is, for a diarization job, nearly the whole body. When the
   * caller can decode again ({@code Json.singlePass}), the adapter instead guesses the variant from
   * the first rule key, decodes once, and confirms the guess with the rule applied to the decoded
   * value's own keys (typed properties, explicit nulls and unknown properties: all the keys it had).
   * A confirmed guess is exactly what the rule gives; otherwise it asks for the exact decoding. Why this
   * protocol rather than an exact rule in one pass, with measurements: {@code JsonLookAhead}'s javadoc.
   */
  private void addSinglePass(TypeSpec.Builder adapter, UnionSchema schema, Schema.ByKeys byKeys,
      Map<String, String> outputs) {
    JavaTypes types = context.types();
    ClassName union = types.model(schema.name());
    List<CodeBlock> allKeys = new ArrayList<>();
    byKeys.rules().forEach(r -> r.keys().forEach(k -> allKeys.add(CodeBlock.of("$S", k))));
    adapter.addField(FieldSpec.builder(ParameterizedTypeName.get(Set.class, String.class), "RULE_KEYS",
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.of($L)", Set.class, CodeBlock.join(allKeys, ", "))
        .build());

    CodeBlock.Builder guessed = CodeBlock.builder()
        .addStatement("String first = $T.firstKeyOf(reader, $S, RULE_KEYS)", JSON_LOOK_AHEAD, byKeys.property())
        .addStatement("$T value", union)
        .beginControlFlow("try");
    boolean firstRule = true;
    for (Schema.KeyRule r : byKeys.rules()) {
      CodeBlock test = r.keys().stream().map(k -> CodeBlock.of("$S.equals(first)", k)).collect(CodeBlock.joining(" || "));
      if (firstRule) guessed.beginControlFlow("if ($L)", test);
      else guessed.nextControlFlow("else if ($L)", test);
      guessed.addStatement("value = $T.INSTANCE.fromJson(reader)", types.adapter(r.variant()));
      firstRule = false;
    }
    if (firstRule) {
      guessed.addStatement("value = $T.INSTANCE.fromJson(reader)", types.adapter(schema.fallback()));
    } else {
      guessed.nextControlFlow("else")
          .addStatement("value = $T.INSTANCE.fromJson(reader)", types.adapter(schema.fallback()))
          .endControlFlow();
    }
    guessed.nextControlFlow("catch ($T | $T e)", IOException.class, RuntimeException.class)
        .addStatement("throw new $T(e)", JSON_RETRY_EXACTLY)
        .endControlFlow()
        .addStatement("String selected = \"\"");
    String member = Names.member(byKeys.property());
    for (String variant : context.unions().records(schema)) {
      guessed.addStatement("if (value instanceof $T v) selected = select$L(v.$N())", types.model(variant), variant, member);
    }
    guessed.addStatement("if (!selected.equals(value.getClass().getSimpleName())) throw new $T(null)", JSON_RETRY_EXACTLY)
        .addStatement("return value");
    adapter.addMethod(MethodSpec.methodBuilder("guessed")
        .addJavadoc("One pass on a guess from the first rule key of {@code $L}, confirmed by the decoded keys; see the\n"
            + "generator's UnionAdapterRenderer.addSinglePass.\n", Names.javadoc(byKeys.property()))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(union)
        .addParameter(JSON_READER, "reader")
        .addException(IOException.class)
        .addCode(guessed.build())
        .build());

    for (Map.Entry<String, String> e : outputs.entrySet()) {
      RecordSchema output = context.api().record(e.getValue());
      CodeBlock.Builder body = CodeBlock.builder()
          .addStatement("if (o == null) return $S", schema.fallback());
      for (Schema.KeyRule r : byKeys.rules()) {
        CodeBlock test = r.keys().stream().map(k -> UnionSelection.hasKey(types, output, CodeBlock.of("o"), k))
            .collect(CodeBlock.joining(" || "));
        body.addStatement("if ($L) return $S", test, r.variant());
      }
      body.addStatement("return $S", schema.fallback());
      adapter.addMethod(MethodSpec.methodBuilder("select" + e.getKey())
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(String.class)
          .addParameter(nullable(types.model(e.getValue())), "o")
          .addCode(body.build())
          .build());
    }
  }
}
