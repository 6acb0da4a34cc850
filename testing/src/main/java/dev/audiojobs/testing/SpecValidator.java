package dev.audiojobs.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Validates exchanges against one vendor's normalized spec (the copy packaged in this jar) with
 * swagger-request-validator. Authentication is checked by the simulator itself, so that a missing key
 * gets the vendor's own answer; the validator's security checks are therefore off.
 */
final class SpecValidator {
  /** Validator message keys that do not apply to simulator-made error answers (a 5xx no spec declares). */
  static final String UNKNOWN_STATUS = "validation.response.status.unknown";
  static final String PATH_MISSING = "validation.request.path.missing";
  static final String OPERATION_NOT_ALLOWED = "validation.request.operation.notAllowed";

  private final String specResource;
  private final OpenApiInteractionValidator validator;
  private final OpenAPI api;
  private final SchemaValidator schemas;
  private final String basePath;

  /** Parsed once per vendor and shared: parsing costs about half a second, and validation keeps no state. */
  private static final java.util.concurrent.ConcurrentMap<String, SpecValidator> BY_VENDOR = new java.util.concurrent.ConcurrentHashMap<>();

  static SpecValidator forVendor(String vendor) {
    return BY_VENDOR.computeIfAbsent(vendor, SpecValidator::new);
  }

  SpecValidator(String vendor) {
    this.specResource = "dev/audiojobs/testing/specs/" + vendor + ".yaml";
    String text = read(specResource);
    this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(text)
        .withLevelResolver(LevelResolver.create()
            .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
            // The validator treats every schema as additionalProperties: false; OpenAPI (and our specs,
            // which never say false) allow them, and the clients send them on purpose for documented
            // fields the spec has no type for (Daily's transcript redact, endpointing, extra). Responses,
            // the simulator's own, stay strict.
            .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
            .build())
        .build();
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    this.api = new OpenAPIV3Parser().readContents(text, null, options).getOpenAPI();
    this.schemas = new SchemaValidator(api, new MessageResolver());
    this.basePath = URI.create(api.getServers().get(0).getUrl()).getPath().replaceAll("/$", "");
  }

  /** Where the spec comes from, for messages. */
  String specResource() {
    return specResource;
  }

  /** The validator's errors for {@code request}, each as {@code key: where: message}; empty when it conforms. */
  List<Finding> validateRequest(String method, String path, Map<String, List<String>> query,
      Map<String, List<String>> headers, byte[] body) {
    SimpleRequest.Builder r = new SimpleRequest.Builder(Request.Method.valueOf(method), path);
    query.forEach((name, values) -> r.withQueryParam(name, values));
    headers.forEach((name, values) -> r.withHeader(name, values));
    if (body.length > 0) r.withBody(body);
    return findings(validator.validateRequest(r.build()), "request");
  }

  /** The validator's errors for a response to {@code method path}. */
  List<Finding> validateResponse(String method, String path, int status, Map<String, String> headers, byte[] body) {
    SimpleResponse.Builder r = SimpleResponse.Builder.status(status);
    headers.forEach(r::withHeader);
    if (body.length > 0) r.withBody(body);
    List<Finding> found = findings(validator.validateResponse(path, Request.Method.valueOf(method), r.build()), "response");
    Schema<?> union = selectingUnion(method, path, status);
    if (union == null || body.length == 0) return found;
    // A oneOf with an x-audiojobs-select rule is validated as the project reads it: the variant the rule
    // selects, or its fallback (e.g. a pending pyannoteAI job, which has no output and so matches none of
    // the oneOf's variants). The validator's own oneOf verdict is replaced by that variant's.
    List<Finding> out = new ArrayList<>();
    for (Finding f : found) {
      boolean atRoot = f.where().equals("response") || f.where().equals("response body /");
      // swagger-request-validator 2.46.1 cannot process lyrcs.ai's discriminator ("must be defined as a
      // string property": the variants' status is an enum with allOf JobStatus, no type), so its verdict
      // on the union is dropped too, and the variant the discriminator maps to is validated instead.
      boolean unionVerdict = f.key().endsWith(".oneOf") || f.key().contains("discriminator")
          || (f.key().endsWith(".processingError") && f.message().contains("discriminator"));
      if (!(atRoot && unionVerdict)) out.add(f);
    }
    String variant = select(union, new String(body, StandardCharsets.UTF_8));
    Schema<?> ref = new Schema<>().$ref("#/components/schemas/" + variant);
    for (Finding f : findings(schemas.validate(new String(body, StandardCharsets.UTF_8), ref, "response.body"), "response")) {
      out.add(new Finding(f.key(), f.where(), "as " + variant + " (x-audiojobs-select): " + f.message()));
    }
    return out;
  }

  /**
   * The errors of {@code json} as an instance of the component schema {@code name} (a union by its
   * selection rule), e.g. a webhook payload that the vendor documents as a job.
   */
  List<Finding> validateComponent(String name, String json) {
    Schema<?> schema = api.getComponents().getSchemas().get(name);
    if (schema == null) throw new IllegalArgumentException("no schema " + name + " in " + specResource);
    String variant = schema.getExtensions() != null && schema.getExtensions().containsKey("x-audiojobs-select") ? select(schema, json) : name;
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings(schemas.validate(json, new Schema<>().$ref("#/components/schemas/" + variant), "webhook.body"), "webhook")) {
      out.add(new Finding(f.key(), f.where(), "as " + variant + ": " + f.message()));
    }
    return out;
  }

  /** The response schema of {@code method path} for {@code status} when it is a union with a selection rule, else null. */
  private @Nullable Schema<?> selectingUnion(String method, String path, int status) {
    if (!path.startsWith(basePath)) return null;
    String relative = path.substring(basePath.length());
    for (Map.Entry<String, PathItem> e : api.getPaths().entrySet()) {
      if (!relative.matches(e.getKey().replaceAll("\\{[^/}]+}", "[^/]+"))) continue;
      Operation op = e.getValue().readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
      ApiResponse response = op == null || op.getResponses() == null ? null : op.getResponses().get(Integer.toString(status));
      if (response == null || response.getContent() == null || response.getContent().get("application/json") == null) return null;
      String ref = response.getContent().get("application/json").getSchema().get$ref();
      if (ref == null) return null;
      Schema<?> schema = api.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
      return schema != null && schema.getExtensions() != null && schema.getExtensions().containsKey("x-audiojobs-select") ? schema : null;
    }
    return null;
  }

  /** The component name the union's rule selects for {@code json}: by the keys of a property, by the discriminator, or the fallback. */
  @SuppressWarnings("unchecked") // the extension is YAML: maps and lists of strings, as the lint checks
  private static String select(Schema<?> union, String json) {
    Map<String, Object> rule = (Map<String, Object>) union.getExtensions().get("x-audiojobs-select");
    ObjectNode body = Json.parseObject(json.getBytes(StandardCharsets.UTF_8));
    String chosen = (String) rule.get("fallback");
    if (body != null && rule.get("byKeys") != null) {
      JsonNode property = body.get((String) rule.get("property"));
      for (Map<String, Object> entry : (List<Map<String, Object>>) rule.get("byKeys")) {
        if (property != null && property.isObject() && ((List<String>) entry.get("keys")).stream().anyMatch(property::has)) {
          chosen = (String) entry.get("schema");
          break;
        }
      }
    } else if (body != null && union.getDiscriminator() != null) {
      JsonNode value = body.get(union.getDiscriminator().getPropertyName());
      Map<String, String> mapping = union.getDiscriminator().getMapping();
      if (value != null && mapping != null && mapping.containsKey(value.asText())) chosen = mapping.get(value.asText());
    }
    return chosen.substring(chosen.lastIndexOf('/') + 1);
  }

  /** One error of the validator: its message key, where it is (a JSON pointer or a parameter), and why. */
  record Finding(String key, String where, String message) {
    @Override
    public String toString() {
      return where + ": " + message + " [" + key + "]";
    }
  }

  private static List<Finding> findings(ValidationReport report, String side) {
    List<Finding> out = new ArrayList<>();
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() != ValidationReport.Level.ERROR) continue;
      String where = m.getContext()
          .flatMap(ValidationReport.MessageContext::getPointers)
          .map(ValidationReport.MessageContext.Pointers::getInstance)
          .filter(p -> !p.isEmpty())
          .map(p -> side + " body " + p)
          .orElse(side);
      out.add(new Finding(m.getKey(), where, m.getMessage().replaceAll("\\s+", " ").trim()));
    }
    return out;
  }

  private static String read(String resource) {
    try (InputStream in = SpecValidator.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource + " (the build copies openapi/normalized/ into the jar)");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
