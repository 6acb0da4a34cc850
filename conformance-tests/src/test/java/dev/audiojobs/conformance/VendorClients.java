package dev.audiojobs.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.squareup.moshi.JsonAdapter;
import dev.audiojobs.client.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Interceptor;

/**
 * Calls any operation of any vendor's generated client by its operation id and wire parameter names,
 * the way a case names them. The parameter order is the spec's, which is the order the generator gives
 * the client method; the client is the public one a user has ({@code PyannoteClient.builder()…}).
 */
public final class VendorClients {
  /** Every vendor with a normalized spec ({@code openapi/normalized/<vendor>.yaml}), sorted. */
  public static final List<String> VENDORS = discoverVendors(specDirectory());
  /**
   * The vendors of the third-party fixture specs ({@code openapi/src/test/resources/thirdparty/normalized/
   * <vendor>.yaml}, issue 16), sorted: clients generated into this module's test sources only, run by the
   * same derived cases and sweep as {@link #VENDORS} but never one of them (no case files, no pacts, not
   * in the published client). Named here, not discovered: a fixture runs only once this module generates
   * its client (conformance-tests/pom.xml). Deepgram's client is generated and run in generated-client's
   * tests only: the derived cases do not yet make values for what only it has (properties of any JSON
   * value, union query values, unions with a text variant).
   */
  public static final List<String> THIRD_PARTY_VENDORS = thirdPartyVendors("assemblyai");
  static final String API_KEY = "conformance-key";

  /** Where each vendor's spec is: a vendor comes from one directory or the other, never both. */
  private static final Map<String, Path> SPEC_FILES = specFiles();
  private static final Map<String, JsonNode> SPECS = new ConcurrentHashMap<>();

  private VendorClients() {}

  private static Path specDirectory() {
    return Path.of(System.getProperty("conformance.specs", "../openapi/normalized"));
  }

  private static Path thirdPartyDirectory() {
    return Path.of(System.getProperty("conformance.thirdparty.specs", "../openapi/src/test/resources/thirdparty/normalized"));
  }

  /** {@code vendors}, each of which must have a fixture spec. */
  private static List<String> thirdPartyVendors(String... vendors) {
    List<String> fixtures = discoverVendors(thirdPartyDirectory());
    for (String vendor : vendors) {
      if (!fixtures.contains(vendor)) throw new IllegalStateException("no third-party fixture spec for " + vendor + " in " + fixtures);
    }
    return List.of(vendors);
  }

  /** The vendor tokens of the directory's {@code *.yaml} files: a new spec is a new vendor everywhere. */
  private static List<String> discoverVendors(Path directory) {
    List<String> vendors = new ArrayList<>();
    try (java.nio.file.DirectoryStream<Path> specs = java.nio.file.Files.newDirectoryStream(directory, "*.yaml")) {
      for (Path spec : specs) {
        String name = spec.getFileName().toString();
        vendors.add(name.substring(0, name.length() - ".yaml".length()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the normalized specs in " + directory, e);
    }
    if (vendors.isEmpty()) throw new IllegalStateException("no normalized spec (*.yaml) in " + directory);
    java.util.Collections.sort(vendors);
    return List.copyOf(vendors);
  }

  private static Map<String, Path> specFiles() {
    Map<String, Path> files = new java.util.LinkedHashMap<>();
    for (String vendor : VENDORS) files.put(vendor, specDirectory().resolve(vendor + ".yaml"));
    for (String vendor : THIRD_PARTY_VENDORS) {
      Path file = thirdPartyDirectory().resolve(vendor + ".yaml");
      Path other = files.putIfAbsent(vendor, file);
      if (other != null) {
        throw new IllegalStateException("vendor " + vendor + " has a spec in " + other + " and in " + file + "; a token names one vendor");
      }
    }
    return Map.copyOf(files);
  }

  /** The spec file of {@code vendor}. */
  private static Path specFile(String vendor) {
    Path file = SPEC_FILES.get(vendor);
    if (file == null) {
      throw new IllegalArgumentException("no spec for vendor " + vendor + " in " + specDirectory() + " or " + thirdPartyDirectory());
    }
    return file;
  }

  /** The spec file of {@code vendor}, in whichever directory holds it (the Prism sweep serves it). */
  public static Path specPath(String vendor) {
    return specFile(vendor);
  }

  /**
   * The spec file of {@code vendor} relative to the project root, as messages and case sources name it
   * ({@code openapi/normalized/pyannote.yaml}).
   */
  static String specName(String vendor) {
    Path root = Path.of(System.getProperty("audiojobs.root", "..")).toAbsolutePath().normalize();
    return root.relativize(specFile(vendor).toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  /** The normalized spec of {@code vendor}, from whichever directory holds it. */
  static JsonNode spec(String vendor) {
    return SPECS.computeIfAbsent(vendor, v -> {
      try {
        return new YAMLMapper().readTree(specFile(v).toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  public static String prefix(String vendor) {
    return vendor.substring(0, 1).toUpperCase(Locale.ROOT) + vendor.substring(1);
  }

  /** The path of the vendor's default base URL ({@code /api/v1} for lyrcs), which local servers mimic. */
  static String basePath(String vendor) {
    String url = spec(vendor).path("servers").path(0).path("url").asText();
    String path = java.net.URI.create(url).getPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  /** One parameter of an operation, in spec order. */
  record Parameter(String name, String in, boolean required) {}

  /** The operation with id {@code operationId}, or null when the vendor's spec has none. */
  static JsonNode operation(String vendor, String operationId) {
    for (Iterator<JsonNode> paths = spec(vendor).path("paths").elements(); paths.hasNext(); ) {
      for (Iterator<JsonNode> ops = paths.next().elements(); ops.hasNext(); ) {
        JsonNode op = ops.next();
        if (operationId.equals(op.path("operationId").asText(null))) return op;
      }
    }
    return null;
  }

  /**
   * The operation's request body: its media type (the first the spec lists) and the name of its
   * schema under {@code #/components/schemas/}, or null when the operation takes no body.
   */
  record RequestBody(String mediaType, String schema, List<String> properties) {}

  static RequestBody requestBody(String vendor, JsonNode operation) {
    return requestBody(vendor, operation, false);
  }

  /**
   * Like {@link #requestBody(String, JsonNode)}, for an operation whose body comes in two media types
   * (lyrcs.ai's {@code transcribe}: JSON or {@code multipart/form-data}): the {@code multipart/form-data}
   * one when {@code multipart} and the operation has it, else the {@code application/json} one, else the
   * first the spec lists.
   */
  static RequestBody requestBody(String vendor, JsonNode operation, boolean multipart) {
    JsonNode content = operation.path("requestBody").path("content");
    if (!content.fields().hasNext()) return null;
    Map.Entry<String, JsonNode> chosen = content.fields().next();
    String preferred = multipart && content.has("multipart/form-data") ? "multipart/form-data" : "application/json";
    if (content.has(preferred)) chosen = Map.entry(preferred, content.get(preferred));
    String ref = chosen.getValue().path("schema").path("$ref").asText("");
    String schema = ref.startsWith(SpecModel.SCHEMAS) ? ref.substring(SpecModel.SCHEMAS.length()) : null;
    List<String> properties = new ArrayList<>();
    if (schema != null) spec(vendor).path("components").path("schemas").path(schema).path("properties").fieldNames().forEachRemaining(properties::add);
    return new RequestBody(chosen.getKey(), schema, properties);
  }

  /**
   * How many Java parameters the client method of {@code operation} takes: one per spec parameter in
   * spec order, then the request model when it takes a body (JSON or {@code multipart/form-data}).
   */
  static int arity(List<Parameter> parameters, RequestBody body) {
    return parameters.size() + (body == null ? 0 : 1);
  }

  static boolean isMultipart(RequestBody body) {
    return body.mediaType().equals("multipart/form-data");
  }

  /** The model class the generator makes for schema {@code name} of {@code vendor}. */
  static Class<?> model(String vendor, String name) throws ClassNotFoundException {
    return Class.forName("dev.audiojobs." + vendor + "." + name);
  }

  /**
   * Decodes {@code json} with the vendor's own adapter for {@code type}, as a user reading a request
   * from JSON would; a body that breaks the spec may throw the client's request-validation exception.
   */
  public static Object decode(String vendor, Class<?> type, String json) throws Throwable {
    Class<?> jsonClass = Class.forName("dev.audiojobs." + vendor + "." + prefix(vendor) + "Json");
    JsonAdapter<?> adapter;
    try {
      adapter = (JsonAdapter<?>) jsonClass.getMethod("adapter", Class.class).invoke(null, type);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    return adapter.fromJson(json);
  }

  static List<Parameter> parameters(JsonNode operation) {
    List<Parameter> parameters = new ArrayList<>();
    operation.path("parameters").forEach(p ->
        parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(), p.path("required").asBoolean())));
    return parameters;
  }

  /**
   * Builds the vendor's client, as a user does ({@code PyannoteClient.builder()…build()}), against
   * {@code baseUrl} with {@code apiKey}, retries off and the given OkHttp interceptors.
   */
  public static Object client(String vendor, String baseUrl, String apiKey, Interceptor... interceptors)
      throws ReflectiveOperationException {
    Class<?> clientClass = Class.forName("dev.audiojobs." + vendor + "." + prefix(vendor) + "Client");
    Object builder = clientClass.getMethod("builder").invoke(null);
    Class<?> type = builder.getClass();
    type.getMethod("apiKey", String.class).invoke(builder, apiKey);
    type.getMethod("baseUrl", String.class).invoke(builder, baseUrl);
    // Retries off: a case states one exchange, and a retried 429 or 503 would ask the server again.
    type.getMethod("retryPolicy", RetryPolicy.class).invoke(builder, RetryPolicy.none());
    for (Interceptor interceptor : interceptors) type.getMethod("addInterceptor", Interceptor.class).invoke(builder, interceptor);
    return type.getMethod("build").invoke(builder);
  }

  /** Builds the vendor's client against {@code baseUrl} with the conformance key. */
  static Object client(String vendor, String baseUrl) throws ReflectiveOperationException {
    return client(vendor, baseUrl, API_KEY);
  }

  /** The client method taking every parameter of the operation. */
  public static Method method(Object client, String operationId, int parameterCount) throws NoSuchMethodException {
    return method(client, operationId, parameterCount, null);
  }

  /**
   * Like {@link #method(Object, String, int)}, for an operation whose body is a {@code bodyType}: an
   * operation with a body in two media types has one overload per request record (lyrcs.ai's
   * {@code transcribe}), of the same arity.
   */
  public static Method method(Object client, String operationId, int parameterCount, Class<?> bodyType)
      throws NoSuchMethodException {
    for (Method m : client.getClass().getMethods()) {
      if (m.getName().equals(operationId) && m.getParameterCount() == parameterCount
          && (bodyType == null || m.getParameterTypes()[parameterCount - 1].isAssignableFrom(bodyType))) {
        return m;
      }
    }
    throw new NoSuchMethodException(client.getClass().getSimpleName() + "." + operationId + " with " + parameterCount
        + " parameters" + (bodyType == null ? "" : ", the last a " + bodyType.getSimpleName()));
  }

  /**
   * Converts a case's request value to the Java parameter type: text for strings, numbers for
   * integers, {@code of(text)} for the generated open enums; with a generic type, a list of them.
   */
  static Object argument(JsonNode value, java.lang.reflect.Type type) throws ReflectiveOperationException {
    if (type instanceof java.lang.reflect.ParameterizedType list && list.getRawType() == List.class) {
      // An array parameter (AssemblyAI's words): a list of the converted elements; one value is a list of one.
      java.lang.reflect.Type element = list.getActualTypeArguments()[0];
      List<Object> elements = new ArrayList<>();
      if (value.isArray()) {
        for (JsonNode e : value) elements.add(argument(e, element));
      } else {
        elements.add(argument(value, element));
      }
      return List.copyOf(elements);
    }
    return argument(value, (Class<?>) type);
  }

  static Object argument(JsonNode value, Class<?> type) throws ReflectiveOperationException {
    if (type == String.class) return value.asText();
    if (type == Integer.class || type == int.class) return value.isNumber() ? value.intValue() : Integer.valueOf(value.asText());
    if (type == Long.class || type == long.class) return value.isNumber() ? value.longValue() : Long.valueOf(value.asText());
    if (type == Double.class || type == double.class) return value.isNumber() ? value.doubleValue() : Double.valueOf(value.asText());
    if (type == Boolean.class || type == boolean.class) return value.isBoolean() ? value.booleanValue() : Boolean.valueOf(value.asText());
    return type.getMethod("of", String.class).invoke(null, value.asText());
  }

  /** Invokes and returns the value, rethrowing what the client threw. */
  public static Object invoke(Method method, Object client, Object[] arguments) throws Throwable {
    try {
      return method.invoke(client, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /**
   * Re-encodes a model with the vendor's own adapters ({@code PyannoteJson.adapter(type)}). A top-level
   * array (lyrcs.ai's {@code listLanguages}, the words of {@code download}) is a {@link List}: each
   * element is encoded by the adapter of its own class, a string as a JSON string.
   */
  static String encode(String vendor, Class<?> type, Object value) throws ReflectiveOperationException {
    if (value instanceof List<?> list) {
      StringBuilder out = new StringBuilder("[");
      for (Object element : list) {
        if (out.length() > 1) out.append(',');
        if (element == null) out.append("null");
        else if (element instanceof String text) out.append(com.fasterxml.jackson.databind.node.TextNode.valueOf(text));
        else out.append(encode(vendor, element.getClass(), element));
      }
      return out.append(']').toString();
    }
    Class<?> json = Class.forName("dev.audiojobs." + vendor + "." + prefix(vendor) + "Json");
    @SuppressWarnings("unchecked") // adapter(type) returns the adapter of exactly that class
    JsonAdapter<Object> adapter = (JsonAdapter<Object>) json.getMethod("adapter", Class.class).invoke(null, type);
    return adapter.toJson(value);
  }
}
