package dev.audiojobs.conformance.prism;

import com.squareup.moshi.JsonAdapter;
import dev.audiojobs.conformance.VendorClients;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.List;
import okhttp3.Interceptor;

/**
 * A vendor's generated client, built by {@link VendorClients} with the interceptor that sends Prism's
 * {@code Prefer} header, called by operation id; plus what the sweep needs beyond the case runner.
 */
final class VendorClient {
  static final String API_KEY = "prism-sweep-key";

  private final String vendor;
  private final Object client;
  private Spec spec;

  private VendorClient(String vendor, Object client) {
    this.vendor = vendor;
    this.client = client;
  }

  static VendorClient create(String vendor, String baseUrl, Interceptor interceptor) {
    try {
      return new VendorClient(vendor, VendorClients.client(vendor, baseUrl, API_KEY, interceptor));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build the " + vendor + " client", e);
    }
  }

  /** The method taking every parameter of {@code operationId}: the generator's full form. */
  Method method(String operationId, int parameterCount, String bodySchema) {
    try {
      return VendorClients.method(client, operationId, parameterCount, bodySchema == null ? null : model(bodySchema));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Calls and returns the decoded body, or throws what the client threw. */
  Object call(Method method, List<Object> arguments) throws Throwable {
    return VendorClients.invoke(method, client, arguments.toArray());
  }

  /** The vendor's normalized spec, the one the client is generated from (a project or a third-party one). */
  Spec spec() {
    if (spec == null) spec = Spec.read(VendorClients.specPath(vendor));
    return spec;
  }

  /** {@code json} decoded with the vendor's own adapter into the model of schema {@code name}, as a user would. */
  Object decode(String name, String json) throws Throwable {
    Class<?> type = model(name);
    if (type == null) throw new IllegalStateException("the " + vendor + " client has no model " + name);
    return VendorClients.decode(vendor, type, json);
  }

  /** The model class generated for schema {@code name}, or null when there is none. */
  Class<?> model(String name) {
    try {
      return Class.forName(packageName(vendor) + "." + name);
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  /**
   * Why {@code body} does not decode as {@code type} with the vendor's own adapters ({@code
   * PyannoteJson.adapter(type)}), with the JSON path; null when it does. The client keeps an error body
   * that does not decode as raw text without saying why; this says why.
   */
  String decodeProblem(Class<?> type, String body) {
    try {
      Class<?> json = Class.forName(packageName(vendor) + "." + prefix(vendor) + "Json");
      JsonAdapter<?> adapter = (JsonAdapter<?>) json.getMethod("adapter", Class.class).invoke(null, type);
      adapter.fromJson(body);
      return null;
    } catch (IOException | RuntimeException e) {
      return String.valueOf(e.getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String packageName(String vendor) {
    return "dev.audiojobs." + vendor;
  }

  private static String prefix(String vendor) {
    return VendorClients.prefix(vendor);
  }
}
