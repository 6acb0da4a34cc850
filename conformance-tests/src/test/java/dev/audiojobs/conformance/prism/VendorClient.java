package dev.audiojobs.conformance.prism;

import com.squareup.moshi.JsonAdapter;
import dev.audiojobs.client.RetryPolicy;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import okhttp3.Interceptor;

/**
 * A vendor's generated client, as a user builds it ({@code PyannoteClient.builder()…build()}), called
 * by operation id. The conformance runner's VendorClients does the same for cases but is private to its
 * package and builds clients without an interceptor, which the sweep needs for Prism's {@code Prefer}
 * header; this class does only what the sweep needs beyond it.
 */
final class VendorClient {
  static final String API_KEY = "prism-sweep-key";

  private final String vendor;
  private final Object client;

  private VendorClient(String vendor, Object client) {
    this.vendor = vendor;
    this.client = client;
  }

  static VendorClient create(String vendor, String baseUrl, Interceptor interceptor) {
    try {
      Class<?> clientClass = Class.forName(packageName(vendor) + "." + prefix(vendor) + "Client");
      Object builder = clientClass.getMethod("builder").invoke(null);
      Class<?> b = builder.getClass();
      b.getMethod("apiKey", String.class).invoke(builder, API_KEY);
      b.getMethod("baseUrl", String.class).invoke(builder, baseUrl);
      b.getMethod("addInterceptor", Interceptor.class).invoke(builder, interceptor);
      // One request per call: a retried 429 or 503 would hide what Prism answered.
      b.getMethod("retryPolicy", RetryPolicy.class).invoke(builder, RetryPolicy.none());
      return new VendorClient(vendor, b.getMethod("build").invoke(builder));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build the " + vendor + " client", e);
    }
  }

  /** The method taking every parameter of {@code operationId}: the generator's full form. */
  Method method(String operationId, int parameterCount) {
    for (Method m : client.getClass().getMethods()) {
      if (m.getName().equals(operationId) && m.getParameterCount() == parameterCount) return m;
    }
    throw new IllegalStateException(client.getClass().getSimpleName() + " has no method " + operationId
        + " with " + parameterCount + " parameters");
  }

  /** Calls and returns the decoded body, or throws what the client threw. */
  Object call(Method method, List<Object> arguments) throws Throwable {
    try {
      return method.invoke(client, arguments.toArray());
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
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
    return vendor.substring(0, 1).toUpperCase(Locale.ROOT) + vendor.substring(1);
  }
}
