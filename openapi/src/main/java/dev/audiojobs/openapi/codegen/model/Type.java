package dev.audiojobs.openapi.codegen.model;

/** The type of a property, parameter or body, as the spec states it. */
public sealed interface Type {
  /** A JSON scalar. */
  record Scalar(Kind kind) implements Type {}

  /** The scalars the generator maps. */
  enum Kind {
    STRING, DATE_TIME, DOUBLE, INT, LONG, BOOLEAN
  }

  /** A file sent as a part of a {@code multipart/form-data} body ({@code type: string, format: binary}). */
  record Binary() implements Type {}

  /** An array of numbers, held without boxing each element (a confidence array has a sample every 20 ms). */
  record DoubleList() implements Type {}

  /** An array of {@code element}. */
  record ListOf(Type element) implements Type {}

  /** An object with typed {@code additionalProperties} and no named ones. */
  record MapOf(Type value) implements Type {}

  /**
   * Any JSON value: a property whose schema has no keyword but annotations ({@code provider: {description: …}}).
   * Held as the runtime's untyped value (a map, a list, a string, a number, a boolean), null for JSON null,
   * which "any value" includes; only a record property has this type.
   */
  record JsonValue() implements Type {}

  /** A named schema of {@code components/schemas}: a record, an enum or a union. */
  record Ref(String schema) implements Type {}

  Type STRING = new Scalar(Kind.STRING);
}
