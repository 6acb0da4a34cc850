package dev.audiojobs.openapi.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.SupportingFile;
import org.openapitools.codegen.languages.JavaClientCodegen;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.ModelsMap;

/**
 * openapi-generator's Java generator (library {@code retrofit2}) narrowed to what audiojobs generates:
 * records, open enums and sealed unions with streaming Moshi adapters, one package-private Retrofit
 * service and one client class per vendor.
 *
 * <p>The base generator still walks the spec and writes the files; everything a file contains comes
 * from {@link SpecViews}, built from the normalized spec exactly as committed (read again from
 * {@code inputSpec}, so that no normalization of openapi-generator's can change what it says).
 *
 * <p>Additional properties: {@code vendor} ({@code pyannote}), {@code clientPrefix} ({@code Pyannote})
 * and {@code specPath}, the spec's path as the generated headers name it.
 */
public class AudioJobsCodegen extends JavaClientCodegen {
  private SpecViews views;

  public AudioJobsCodegen() {
    setLibrary(RETROFIT_2);
  }

  @Override
  public String getName() {
    return "audiojobs-java";
  }

  @Override
  public boolean getUseInlineModelResolver() {
    // The normalized spec names every schema (the lint checks it); nothing must be re-shaped.
    return false;
  }

  @Override
  public void processOpts() {
    super.processOpts();
    supportingFiles.clear();
    modelTemplateFiles.clear();
    modelTemplateFiles.put("model.mustache", ".java");
    modelTemplateFiles.put("adapter.mustache", "JsonAdapter.java");
    apiTemplateFiles.clear();
    apiTestTemplateFiles.clear();
    apiDocTemplateFiles.clear();
    modelTestTemplateFiles.clear();
    modelDocTemplateFiles.clear();

    String prefix = required("clientPrefix");
    String folder = (sourceFolder + File.separator + modelPackage.replace('.', File.separatorChar));
    supportingFiles.add(new SupportingFile("client.mustache", folder, prefix + "Client.java"));
    supportingFiles.add(new SupportingFile("service.mustache", folder, prefix + "Service.java"));
    supportingFiles.add(new SupportingFile("json.mustache", folder, prefix + "Json.java"));
    supportingFiles.add(new SupportingFile("package-info.mustache", folder, "package-info.java"));
  }

  @Override
  public void preprocessOpenAPI(OpenAPI openAPI) {
    super.preprocessOpenAPI(openAPI);
    JsonNode spec;
    try {
      spec = new YAMLMapper().readTree(Path.of(getInputSpec()).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + getInputSpec(), e);
    }
    views = new SpecViews(spec, required("vendor"), modelPackage, required("specPath"));
    additionalProperties.put("aj", views.vendor(required("clientPrefix")));
  }

  @Override
  public Map<String, ModelsMap> postProcessAllModels(Map<String, ModelsMap> objs) {
    Map<String, ModelsMap> result = super.postProcessAllModels(objs);
    for (ModelsMap models : result.values()) {
      for (ModelMap map : models.getModels()) {
        CodegenModel model = map.getModel();
        Views.Model view = views.models().get(model.name);
        if (view == null || !view.name().equals(model.classname)) {
          throw new IllegalStateException("schema " + model.name + " became class " + model.classname
              + "; audiojobs needs schema names that are Java class names");
        }
        model.vendorExtensions.put("aj", view);
      }
    }
    if (result.size() != views.models().size()) {
      throw new IllegalStateException("openapi-generator produced " + result.size() + " models for "
          + views.models().size() + " schemas: " + result.keySet());
    }
    return result;
  }

  private String required(String property) {
    Object value = additionalProperties.get(property);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException("additional property " + property + " is required (plugin <additionalProperties>)");
    }
    return value.toString();
  }
}
