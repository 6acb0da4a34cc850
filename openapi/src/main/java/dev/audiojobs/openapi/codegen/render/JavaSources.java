package dev.audiojobs.openapi.codegen.render;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.audiojobs.openapi.codegen.model.Api;
import dev.audiojobs.openapi.codegen.model.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every Java source file of one vendor's generated client, rendered from its {@link Api}: per schema
 * the model and its adapter (a union's text variant too), then the client, the service, the JSON entry point and package-info.
 */
public final class JavaSources {
  private JavaSources() {}

  /**
   * The sources by path relative to a source root ({@code dev/audiojobs/pyannote/Job.java}), each
   * starting with the one-line header that names the spec.
   */
  public static Map<String, String> render(Api api) {
    Context context = Context.of(api);
    Map<String, String> files = new LinkedHashMap<>();
    for (Schema schema : api.schemas().values()) {
      if (schema instanceof Schema.RecordSchema record) {
        add(files, context, new RecordRenderer(context).render(record));
        if (hasAdapter(record)) add(files, context, new RecordAdapterRenderer(context).render(record));
      } else if (schema instanceof Schema.EnumSchema enumeration) {
        EnumRenderer renderer = new EnumRenderer(context);
        add(files, context, renderer.render(enumeration));
        add(files, context, renderer.renderAdapter(enumeration));
      } else if (schema instanceof Schema.UnionSchema union) {
        add(files, context, new UnionRenderer(context).render(union));
        add(files, context, new UnionAdapterRenderer(context).render(union));
      } else if (schema instanceof Schema.TextSchema text) {
        TextVariantRenderer renderer = new TextVariantRenderer(context);
        add(files, context, renderer.render(text));
        add(files, context, renderer.renderAdapter(text));
      } else if (schema instanceof Schema.QueryValueSchema value) {
        add(files, context, new QueryValueRenderer(context).render(value));
      }
    }
    for (dev.audiojobs.openapi.codegen.model.Operation operation : api.operations()) {
      if (operation.success().body() instanceof dev.audiojobs.openapi.codegen.model.Operation.Outcomes) {
        add(files, context, new OutcomeRenderer(context).render(operation));
      }
    }
    add(files, context, new ClientRenderer(context).render());
    add(files, context, new ServiceRenderer(context).render());
    add(files, context, new JsonRenderer(context).render());
    if (context.api().webhooks().isPresent()) add(files, context, new WebhooksRenderer(context).render());
    if (ValidationRenderer.needed(context)) add(files, context, new ValidationRenderer(context).render());
    files.put(directory(api) + "package-info.java", new PackageInfoRenderer(context).render());
    return files;
  }

  /**
   * Whether {@code schema} has a JSON adapter: everything but a multipart body, whose files are no JSON, and a
   * union query value, which is sent as query values only.
   */
  static boolean hasAdapter(Schema schema) {
    return !(schema instanceof Schema.RecordSchema record && record.multipart()) && !(schema instanceof Schema.QueryValueSchema);
  }

  /** Writes {@link #render}'s files under {@code sourceRoot}. */
  public static void write(Api api, Path sourceRoot) {
    try {
      for (Map.Entry<String, String> file : render(api).entrySet()) {
        Path path = sourceRoot.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write generated sources under " + sourceRoot, e);
    }
  }

  /** {@code // Generated from openapi/normalized/pyannote.yaml; do not edit.} */
  static String header(Context context) {
    return "// Generated from " + context.specPath() + "; do not edit.";
  }

  private static String directory(Api api) {
    return api.vendor().packageName().replace('.', '/') + "/";
  }

  private static void add(Map<String, String> files, Context context, TypeSpec type) {
    String packageName = context.api().vendor().packageName();
    JavaFile file = JavaFile.builder(packageName, type)
        .addFileComment("Generated from $L; do not edit.", context.specPath())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
    files.put(directory(context.api()) + type.name() + ".java", file.toString());
  }
}
