package dev.audiojobs.openapi.codegen.model;

/**
 * How an operation sends the client's key: the security scheme its {@code security} (or the spec's) names.
 * The client has one key; each operation sends it its own way.
 */
public sealed interface Auth {
  /** {@code type: http, scheme: bearer}: {@code Authorization: Bearer <key>}. */
  record Bearer() implements Auth {}

  /** {@code type: http, scheme: basic}: {@code Authorization: Basic base64(<key>)}, the key being {@code user[:password]}. */
  record Basic() implements Auth {}

  /**
   * {@code type: apiKey, in: header}: the key in the header {@code name}, after {@code prefix}
   * ({@code x-audiojobs-prefix}, such as {@code "Token "}; empty for none), since the spec cannot say one.
   */
  record HeaderKey(String name, String prefix) implements Auth {}

  /** {@code type: apiKey, in: query}: the key as the query parameter {@code name}. */
  record QueryKey(String name) implements Auth {}

  /** No security requirement (an empty {@code security}, or none declared): the operation is public. */
  record None() implements Auth {}
}
