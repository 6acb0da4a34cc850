package dev.audiojobs.openapi.codegen.model;

import static dev.audiojobs.openapi.codegen.model.SpecNodes.escape;
import static dev.audiojobs.openapi.codegen.model.SpecNodes.fields;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/**
 * {@link SpecReader}'s part for security: the scheme each operation sends its key with. An operation's
 * {@code security} replaces the spec's; an empty list, or none anywhere, means no key. Of several
 * alternatives the first that names a scheme is used (any one satisfies the server); an alternative that
 * needs two schemes at once is refused, since the client has one key.
 */
final class SecurityReader {
  private final JsonNode spec;
  private final Vendor vendor;

  SecurityReader(JsonNode spec, Vendor vendor) {
    this.spec = spec;
    this.vendor = vendor;
  }

  private UnsupportedSpecException unsupported(String where, String what) {
    return new UnsupportedSpecException(vendor.specPath(), where, what);
  }

  /** The scheme of the operation at {@code where}. */
  Auth auth(JsonNode operation, String where) {
    boolean own = operation.has("security");
    JsonNode requirements = own ? operation.get("security") : spec.path("security");
    String at = own ? where + "/security" : "#/security";
    if (requirements.isMissingNode() || requirements.isEmpty()) return new Auth.None();
    if (!requirements.isArray()) throw unsupported(at, "a security that is not a list of requirements");
    for (int i = 0; i < requirements.size(); i++) {
      JsonNode requirement = requirements.get(i);
      if (requirement.isEmpty()) continue; // {}: anonymous allowed; a scheme further on is still sent
      if (requirement.size() > 1) {
        throw unsupported(at + "/" + i, "a requirement of several schemes at once (the client sends one key)");
      }
      Map.Entry<String, JsonNode> only = fields(requirement).iterator().next();
      return scheme(only.getKey(), at + "/" + i + "/" + escape(only.getKey()));
    }
    return new Auth.None();
  }

  private Auth scheme(String name, String requiredAt) {
    JsonNode scheme = spec.path("components").path("securitySchemes").get(name);
    if (scheme == null) throw unsupported(requiredAt, "a security scheme that components/securitySchemes does not declare");
    String at = "#/components/securitySchemes/" + escape(name);
    if (scheme.has("$ref")) throw unsupported(at + "/$ref", "a $ref to a security scheme; declare it inline");
    Keywords.check(scheme, Keywords.Kind.SECURITY_SCHEME, at, vendor.specPath());
    String type = scheme.path("type").asText("");
    String prefix = scheme.path("x-audiojobs-prefix").asText("");
    if (scheme.has("x-audiojobs-prefix") && !(type.equals("apiKey") && scheme.path("in").asText("").equals("header"))) {
      throw unsupported(at + "/x-audiojobs-prefix", "a prefix on a scheme other than an apiKey in a header");
    }
    switch (type) {
      case "http" -> {
        String http = scheme.path("scheme").asText("").toLowerCase(Locale.ROOT); // RFC 7235: case-insensitive
        if (http.equals("bearer")) return new Auth.Bearer();
        if (http.equals("basic")) return new Auth.Basic();
        throw unsupported(at + "/scheme", "the HTTP authentication scheme '" + scheme.path("scheme").asText("")
            + "' (bearer and basic are sent)");
      }
      case "apiKey" -> {
        String in = scheme.path("in").asText("");
        String parameter = scheme.path("name").asText("");
        if (parameter.isBlank()) throw unsupported(at + "/name", "an apiKey scheme without a name");
        if (in.equals("header")) return new Auth.HeaderKey(parameter, prefix);
        if (in.equals("query")) return new Auth.QueryKey(parameter);
        throw unsupported(at + "/in", "an apiKey in " + (in.isEmpty() ? "no location" : in)
            + " (header and query are sent)");
      }
      default -> throw unsupported(at + "/type", "the security scheme type '" + type
          + "' (http bearer or basic, and apiKey in a header or the query, are sent)");
    }
  }
}
