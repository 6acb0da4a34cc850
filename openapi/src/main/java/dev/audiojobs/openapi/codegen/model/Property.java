package dev.audiojobs.openapi.codegen.model;

/**
 * One property of a record schema.
 *
 * @param name the wire name
 * @param required whether the schema lists it in {@code required}
 * @param nullable whether {@code null} is a valid value ({@code nullable: true} here or on the schema it refers to)
 * @param description the spec's text, empty when there is none
 * @param requestId whether it carries the vendor's request id ({@code x-audiojobs-request-id})
 */
public record Property(String name, Type type, boolean required, boolean nullable, String description,
    Constraints constraints, boolean requestId) {}
