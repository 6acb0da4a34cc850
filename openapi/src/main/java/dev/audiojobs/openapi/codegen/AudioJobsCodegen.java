package dev.audiojobs.openapi.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.audiojobs.openapi.codegen.model.Api;
import dev.audiojobs.openapi.codegen.model.SpecReader;
import dev.audiojobs.openapi.codegen.model.Vendor;
import dev.audiojobs.openapi.codegen.render.JavaSources;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.openapitools.codegen.languages.JavaClientCodegen;

/**
 * The audiojobs generator as openapi-generator runs it: one plugin execution per normalized spec,
 * {@code openapi/normalized/<vendor>.yaml}, from whose file name everything else derives (the
 * {@link Vendor}: package {@code dev.audiojobs.<vendor>}, class prefix, spec path in headers).
 *
 * <p>openapi-generator only hosts the run: its own model and templates are not used. The spec is read
 * again from {@code inputSpec} exactly as committed (so that no normalization of openapi-generator's
 * can change what it says) by {@link SpecReader}, and {@link JavaSources} writes the Java files under
 * {@code <output>/src/main/java}, which the plugin adds as a source root.
 */
public class AudioJobsCodegen extends JavaClientCodegen {
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
    // Nothing of openapi-generator's own output: every file comes from JavaSources.
    supportingFiles.clear();
    modelTemplateFiles.clear();
    apiTemplateFiles.clear();
    apiTestTemplateFiles.clear();
    apiDocTemplateFiles.clear();
    modelTestTemplateFiles.clear();
    modelDocTemplateFiles.clear();
  }

  @Override
  public void preprocessOpenAPI(OpenAPI openAPI) {
    super.preprocessOpenAPI(openAPI);
    Path specFile = Path.of(getInputSpec());
    JsonNode spec;
    try {
      spec = new YAMLMapper().readTree(specFile.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + specFile, e);
    }
    Api api = SpecReader.read(spec, Vendor.ofSpecFile(specFile));
    JavaSources.write(api, Path.of(getOutputDir(), sourceFolder.replace('/', File.separatorChar)));
  }
}
