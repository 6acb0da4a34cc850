package dev.audiojobs.openapi.codegen.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the generator does with each keyword of each kind of spec object: reads it (and refuses, where it
 * reads it, a value it cannot generate), ignores it for a stated reason (it cannot change what the client
 * sends or how it reads a reply), or refuses it. A keyword in neither list is refused as unknown, so that
 * nothing the spec says is dropped without a word.
 *
 * <p>Extensions: an {@code x-audiojobs-*} keyword is read only where {@link #READ} lists it (a misspelt
 * or misplaced one is refused); any other {@code x-*} belongs to another tool and is ignored.
 */
public final class Keywords {
  private Keywords() {}

  /** The kinds of spec object whose keywords are checked. */
  public enum Kind {
    ROOT, PATH_ITEM, OPERATION, PARAMETER, REQUEST_BODY, MEDIA_TYPE, RESPONSE, SCHEMA, SECURITY_SCHEME
  }

  private static final String ANNOTATION = "an annotation for people; the wire is the same with or without it";
  private static final String RESPONSE_ONLY_CONSTRAINT = "checked in a request, where the reader refuses it (the client "
      + "checks minimum, maximum, minLength, maxLength, pattern, minItems, maxItems); a response is decoded whatever "
      + "its constraints say";

  /** The keywords read, by kind. */
  static final Map<Kind, Set<String>> READ = Map.of(
      Kind.ROOT, Set.of("openapi", "info", "servers", "paths", "components", "security", "x-audiojobs-webhooks"),
      Kind.PATH_ITEM, Set.of("get", "put", "post", "delete", "patch", "parameters"),
      Kind.OPERATION, Set.of("operationId", "summary", "description", "parameters", "requestBody", "responses", "security",
          "x-audiojobs-wait", "x-audiojobs-paging", "x-audiojobs-upload", "x-audiojobs-then-wait"),
      Kind.PARAMETER, Set.of("name", "in", "required", "schema", "description", "style", "explode", "allowReserved",
          "$ref"),
      Kind.REQUEST_BODY, Set.of("content", "required", "$ref"),
      Kind.MEDIA_TYPE, Set.of("schema"),
      Kind.RESPONSE, Set.of("description", "content", "$ref", "x-audiojobs-not-ready"),
      Kind.SCHEMA, Set.of("$ref", "type", "properties", "required", "items", "additionalProperties", "enum", "oneOf",
          "discriminator", "allOf", "format", "nullable", "minimum", "maximum", "minLength", "maxLength", "pattern",
          "minItems", "maxItems", "description", "readOnly", "writeOnly",
          "x-audiojobs-closed", "x-audiojobs-enum-descriptions", "x-audiojobs-max-bytes", "x-audiojobs-max-bytes-instead",
          "x-audiojobs-refused-properties", "x-audiojobs-request-id", "x-audiojobs-select", "x-audiojobs-terminal",
          "x-audiojobs-unsuccessful"),
      Kind.SECURITY_SCHEME, Set.of("type", "scheme", "in", "name", "x-audiojobs-prefix"));

  /** The keywords ignored, by kind, each with the reason it cannot change the wire. */
  static final Map<Kind, Map<String, String>> IGNORED = Map.of(
      Kind.ROOT, ordered(
          "tags", "groups operations for documentation; the client has one method per operation whatever its tag",
          "externalDocs", ANNOTATION,
          "x-audiojobs-source", "provenance of the normalized spec; the normalizer's record, not the wire"),
      Kind.PATH_ITEM, ordered(
          "summary", ANNOTATION,
          "description", ANNOTATION,
          "x-audiojobs-source", "provenance of the normalized spec; the normalizer's record, not the wire"),
      Kind.OPERATION, ordered(
          "tags", "groups operations for documentation; the client has one method per operation whatever its tag",
          "externalDocs", ANNOTATION,
          "deprecated", ANNOTATION + " (the vendor still serves the operation)",
          // Decided for issue 16 (AssemblyAI declares one): ignored, not refused. A callback is a request the
          // vendor's server makes to a URL the caller gave; this client never sends or receives it, and the URL
          // itself is an ordinary request property, which is generated. Receiving and verifying such calls is
          // declared with x-audiojobs-webhooks, which the generator reads.
          "callbacks", "describes requests the vendor makes to a URL the caller gives (a property of the request, "
              + "which is generated); the client never sends or receives them. Declare a signed webhook the "
              + "receiver verifies with x-audiojobs-webhooks",
          "x-audiojobs-source", "provenance of the normalized spec; the normalizer's record, not the wire"),
      Kind.PARAMETER, ordered(
          "deprecated", ANNOTATION,
          "example", ANNOTATION,
          "examples", ANNOTATION,
          "allowEmptyValue", "lets the server accept name= with no value; the client sends a parameter only with the "
              + "caller's value",
          "x-audiojobs-source", "provenance of the normalized spec; the normalizer's record, not the wire"),
      Kind.REQUEST_BODY, ordered(
          "description", ANNOTATION + " (the body's record carries the schema's description)",
          "x-audiojobs-source", "provenance of the normalized spec; the normalizer's record, not the wire"),
      Kind.MEDIA_TYPE, ordered(
          "example", ANNOTATION,
          "examples", ANNOTATION,
          "x-audiojobs-source", "provenance of the normalized spec; the normalizer's record, not the wire"),
      Kind.RESPONSE, ordered(
          "headers", "documents headers of the reply; the typed result is the body, and ApiException keeps every "
              + "header of an error",
          "links", "describes follow-up calls, which the client's own methods make",
          "x-audiojobs-source", "provenance of the normalized spec; the normalizer's record, not the wire"),
      Kind.SCHEMA, ordered(
          "title", ANNOTATION,
          "example", ANNOTATION,
          "examples", ANNOTATION,
          "deprecated", ANNOTATION,
          "externalDocs", ANNOTATION,
          "$comment", ANNOTATION,
          "xml", "shapes XML bodies only; every body the client reads or sends is JSON or multipart",
          "default", "the value the server assumes when none is sent; the client sends only what the caller sets "
              + "(a limit parameter's default is read as the page size of offset paging)",
          "exclusiveMinimum", RESPONSE_ONLY_CONSTRAINT,
          "exclusiveMaximum", RESPONSE_ONLY_CONSTRAINT,
          "multipleOf", RESPONSE_ONLY_CONSTRAINT,
          "uniqueItems", RESPONSE_ONLY_CONSTRAINT,
          "minProperties", RESPONSE_ONLY_CONSTRAINT,
          "maxProperties", RESPONSE_ONLY_CONSTRAINT,
          "x-audiojobs-source", "provenance of the normalized spec; the normalizer's record, not the wire",
          "x-audiojobs-named-from", "where the normalizer found an inline schema it named; its record, not the wire"),
      Kind.SECURITY_SCHEME, ordered(
          "description", ANNOTATION,
          "bearerFormat", "documents the token's format; the client sends the key it is given",
          "x-audiojobs-source", "provenance of the normalized spec; the normalizer's record, not the wire"));

  /** Keywords refused with a reason more useful than "unknown", by kind. */
  static final Map<Kind, Map<String, String>> REFUSED = Map.of(
      Kind.ROOT, ordered(
          "webhooks", "OpenAPI 3.1 webhooks; describe incoming webhooks with x-audiojobs-webhooks",
          "jsonSchemaDialect", "a JSON Schema dialect other than OpenAPI's"),
      Kind.PATH_ITEM, ordered(
          "servers", "a server per path; the client has one base URL",
          "$ref", "a $ref to a path item; put the operations inline",
          "head", "the HTTP method HEAD", "options", "the HTTP method OPTIONS",
          "trace", "the HTTP method TRACE"),
      Kind.OPERATION, ordered(
          "servers", "a server per operation; the client has one base URL"),
      Kind.PARAMETER, ordered(
          "content", "a parameter serialized by media type; give it a schema"),
      Kind.MEDIA_TYPE, ordered(
          "encoding", "per-part encodings of a form; each part is sent with the type its schema gives"),
      Kind.SCHEMA, ordered(
          "anyOf", "anyOf: a value may match several schemas at once, which no one Java type says; use oneOf with a "
              + "discriminator or x-audiojobs-select",
          "not", "not: a type that excludes a schema has no Java type",
          "const", "const (OpenAPI 3.1); the normalizer turns it into a one-value enum",
          "prefixItems", "prefixItems (tuples) have no Java type",
          "patternProperties", "patternProperties: properties named by a pattern would be dropped by a record",
          "dependentRequired", "dependentRequired: the client checks required properties one by one",
          "dependentSchemas", "dependentSchemas: a schema that depends on a property's presence has no Java type",
          "if", "if/then/else: a conditional schema has no Java type",
          "then", "if/then/else: a conditional schema has no Java type",
          "else", "if/then/else: a conditional schema has no Java type",
          "unevaluatedProperties", "unevaluatedProperties: the properties it governs would be dropped by a record",
          "unevaluatedItems", "unevaluatedItems has no Java type",
          "contains", "contains: a check on some element, which the client does not make",
          "minContains", "minContains: a check on some elements, which the client does not make",
          "maxContains", "maxContains: a check on some elements, which the client does not make",
          "propertyNames", "propertyNames: a check on map keys, which the client does not make",
          "contentMediaType", "contentMediaType: a string holding another document",
          "contentEncoding", "contentEncoding: a string holding encoded bytes",
          "contentSchema", "contentSchema: a string holding another document",
          "$id", "$id: schemas are named in components/schemas",
          "$schema", "$schema: a JSON Schema dialect other than OpenAPI's",
          "$anchor", "$anchor: schemas are referred to by components/schemas/<name>",
          "$dynamicAnchor", "$dynamicAnchor: dynamic references",
          "$dynamicRef", "$dynamicRef: dynamic references",
          "$defs", "$defs: schemas are named in components/schemas",
          "$vocabulary", "$vocabulary: a JSON Schema dialect other than OpenAPI's"),
      Kind.SECURITY_SCHEME, ordered(
          "flows", "OAuth 2 flows; the client sends a key it is given",
          "openIdConnectUrl", "OpenID Connect; the client sends a key it is given"));

  /**
   * Refuses the first keyword of {@code node}, an object of kind {@code kind} at {@code at}, that the
   * generator neither reads nor ignores for a stated reason.
   */
  static void check(JsonNode node, Kind kind, String at, String specPath) {
    if (!node.isObject()) return;
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String keyword = names.next();
      if (READ.get(kind).contains(keyword) || IGNORED.get(kind).containsKey(keyword)) continue;
      if (keyword.startsWith("x-") && !keyword.startsWith("x-audiojobs-")) continue; // another tool's extension
      String reason = REFUSED.get(kind).get(keyword);
      String name = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
      throw new UnsupportedSpecException(specPath, at + "/" + SpecNodes.escape(keyword), reason != null ? reason
          : "the " + name + " keyword '" + keyword + "' (neither read nor known to be safe to ignore)");
    }
  }

  /** Why {@code keyword} of {@code kind} is ignored, or null when it is not. */
  public static String whyIgnored(Kind kind, String keyword) {
    if (keyword.startsWith("x-") && !keyword.startsWith("x-audiojobs-")) {
      return "another tool's extension; the generator reads only x-audiojobs-*";
    }
    return IGNORED.get(kind).get(keyword);
  }

  /** Whether the generator reads {@code keyword} of {@code kind}. */
  public static boolean isRead(Kind kind, String keyword) {
    return READ.get(kind).contains(keyword);
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) map.put(pairs[i], pairs[i + 1]);
    return java.util.Collections.unmodifiableMap(map);
  }
}
