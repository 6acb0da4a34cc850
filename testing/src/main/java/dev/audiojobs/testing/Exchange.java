package dev.audiojobs.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/** A request as a simulator handles it: method, path, query, headers (lower-case names) and body. */
final class Exchange {
  final String method;
  /** The path as sent (percent-encoded), starting with the vendor's base path. */
  final String path;
  /** The path and query, for messages and the request log. */
  final String target;
  /** The path's decoded segments. */
  final List<String> segments;
  final Map<String, List<String>> query;
  final Map<String, List<String>> headers;
  final byte[] body;

  private Exchange(String method, HttpUrl url, Map<String, List<String>> headers, byte[] body) {
    this.method = method;
    this.path = url.encodedPath();
    this.target = url.encodedQuery() == null ? path : path + "?" + url.encodedQuery();
    this.segments = url.pathSegments();
    Map<String, List<String>> q = new LinkedHashMap<>();
    for (String name : url.queryParameterNames()) q.put(name, url.queryParameterValues(name).stream().map(v -> v == null ? "" : v).toList());
    this.query = q;
    this.headers = headers;
    this.body = body;
  }

  static Exchange of(RecordedRequest request) {
    String method = request.getMethod() == null ? "GET" : request.getMethod();
    byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
    return new Exchange(method, request.getUrl(), request.getHeaders().toMultimap(), body);
  }

  @Nullable String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  @Nullable String queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The bearer token, or null when there is no well-formed {@code Authorization: Bearer <token>}. */
  @Nullable String bearerToken() {
    String value = header("authorization");
    if (value == null || !value.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
    String token = value.substring(7).trim();
    return token.isEmpty() ? null : token;
  }

  String contentType() {
    String value = header("content-type");
    return value == null ? "" : value;
  }
}
