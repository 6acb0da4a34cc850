package dev.audiojobs.openapi.codegen.model;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What the generator knows of one normalized spec: the vendor, its operations and its named schemas.
 * Data only; {@link SpecReader} builds it and refuses what it cannot represent.
 *
 * @param title the spec's {@code info.title}
 * @param defaultBaseUrl the first of the spec's {@code servers}
 * @param operations in spec order: paths as listed, then get, put, post, delete
 * @param schemas by name, sorted
 * @param webhooks the spec's {@code x-audiojobs-webhooks}, when its vendor sends webhooks
 */
public record Api(Vendor vendor, String title, String defaultBaseUrl, List<Operation> operations,
    SortedMap<String, Schema> schemas, Optional<Webhooks> webhooks) {

  /** The schema named {@code name}; the reader has checked that every reference resolves. */
  public Schema schema(String name) {
    Schema schema = schemas.get(name);
    if (schema == null) throw new IllegalArgumentException("no schema " + name);
    return schema;
  }

  /** The record schema named {@code name}. */
  public Schema.RecordSchema record(String name) {
    if (schema(name) instanceof Schema.RecordSchema record) return record;
    throw new IllegalArgumentException(name + " is not a record schema");
  }

  /** The operation with id {@code id}. */
  public Optional<Operation> operation(String id) {
    return operations.stream().filter(o -> o.id().equals(id)).findFirst();
  }
}
