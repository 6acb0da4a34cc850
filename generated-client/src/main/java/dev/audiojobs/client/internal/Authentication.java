package dev.audiojobs.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;
import retrofit2.Invocation;

/**
 * How a client sends its key, per operation, as the spec's security schemes declare: {@code Authorization:
 * Bearer <key>}, HTTP basic, or the key in a named header (after an optional prefix such as {@code
 * "Token "}) or query parameter. For generated code; not API.
 *
 * <p>The operation of a request is the Retrofit service method that made it (its name is the operation
 * id); a request no service method made gets the default scheme. The key is added by an application
 * interceptor, so the caller's interceptors see it, and taken away again by a network interceptor from a
 * request that a redirect sent to another scheme, host or port: OkHttp does that for {@code Authorization}
 * only, and would otherwise forward a key in another header or in the query.
 *
 * <p>Immutable.
 */
public final class Authentication {
  /** How one operation sends the key. */
  public sealed interface Scheme permits Bearer, Basic, Header, Query, None {}

  /** {@code Authorization: Bearer <key>}. */
  public record Bearer() implements Scheme {}

  /**
   * HTTP basic: the key is {@code user:password}, or, without a colon, the user with an empty password
   * (the convention of APIs that take an API key as the basic user).
   */
  public record Basic() implements Scheme {}

  /** The key in the header {@code name}, after {@code prefix} (empty for none). */
  public record Header(String name, String prefix) implements Scheme {
    public Header {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(prefix, "prefix == null");
      if (name.isBlank()) throw new IllegalArgumentException("a blank header name");
    }
  }

  /** The key as the query parameter {@code name}. */
  public record Query(String name) implements Scheme {
    public Query {
      Objects.requireNonNull(name, "name == null");
      if (name.isBlank()) throw new IllegalArgumentException("a blank query parameter name");
    }
  }

  /** No key: the operation is public. */
  public record None() implements Scheme {}

  private static final Authentication BEARER_EVERYWHERE = new Authentication(new Bearer(), Map.of());

  private final Scheme fallback;
  private final Map<String, Scheme> byOperation;

  private Authentication(Scheme fallback, Map<String, Scheme> byOperation) {
    this.fallback = fallback;
    this.byOperation = byOperation;
  }

  /** {@code Authorization: Bearer <key>} on every request: what every client sent before schemes were read. */
  public static Authentication bearerEverywhere() {
    return BEARER_EVERYWHERE;
  }

  /**
   * The scheme of each operation, by operation id (the service method's name); a request of no listed
   * operation carries no key.
   */
  public static Authentication byOperation(Map<String, Scheme> schemes) {
    return new Authentication(new None(), Map.copyOf(new LinkedHashMap<>(schemes)));
  }

  /** The scheme {@code request} is sent with. */
  Scheme schemeOf(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    Scheme scheme = invocation == null ? null : byOperation.get(invocation.method().getName());
    return scheme != null ? scheme : fallback;
  }

  /** Query parameters that carry the key in some operation: a log redacts them by name. */
  Set<String> secretQueryParameters() {
    Set<String> names = new TreeSet<>();
    byOperation.values().forEach(s -> {
      if (s instanceof Query query) names.add(query.name());
    });
    if (fallback instanceof Query query) names.add(query.name());
    return names;
  }

  /** Header names that carry the key in some operation, besides {@code Authorization}: a log redacts them by name. */
  Set<String> secretHeaders() {
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    byOperation.values().forEach(s -> {
      if (s instanceof Header header) names.add(header.name());
    });
    if (fallback instanceof Header header) names.add(header.name());
    return names;
  }

  /** The application interceptor that adds {@code key} as each request's scheme says. */
  Interceptor adding(String key) {
    return chain -> chain.proceed(with(chain.request(), key));
  }

  private Request with(Request request, String key) {
    Scheme scheme = schemeOf(request);
    if (scheme instanceof Bearer) {
      return request.newBuilder().header("Authorization", "Bearer " + key).build();
    }
    if (scheme instanceof Basic) {
      int colon = key.indexOf(':');
      String credentials = colon < 0 ? key + ":" : key;
      return request.newBuilder().header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))).build();
    }
    if (scheme instanceof Header header) {
      return request.newBuilder().header(header.name(), header.prefix() + key).build();
    }
    if (scheme instanceof Query query) {
      HttpUrl url = request.url().newBuilder().setQueryParameter(query.name(), key).build();
      return request.newBuilder().url(url).build();
    }
    return request;
  }

  /**
   * The network interceptor that removes the key from a request a redirect sent to another origin than the
   * call's (OkHttp removes {@code Authorization} itself).
   */
  Interceptor guardingRedirects() {
    return chain -> {
      Request request = chain.request();
      HttpUrl original = chain.call().request().url();
      if (sameOrigin(original, request.url())) return chain.proceed(request);
      Scheme scheme = schemeOf(request);
      @Nullable Request stripped = null;
      if (scheme instanceof Header header) stripped = request.newBuilder().removeHeader(header.name()).build();
      if (scheme instanceof Query query) {
        stripped = request.newBuilder().url(request.url().newBuilder().removeAllQueryParameters(query.name()).build()).build();
      }
      return chain.proceed(stripped != null ? stripped : request);
    };
  }

  private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }

  @Override
  public String toString() {
    return "Authentication{default=" + fallback + ", byOperation=" + byOperation + "}";
  }
}
