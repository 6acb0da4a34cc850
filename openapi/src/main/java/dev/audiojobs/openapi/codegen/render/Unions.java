package dev.audiojobs.openapi.codegen.render;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.audiojobs.openapi.codegen.model.Api;
import dev.audiojobs.openapi.codegen.model.Property;
import dev.audiojobs.openapi.codegen.model.Schema;
import dev.audiojobs.openapi.codegen.model.Schema.RecordSchema;
import dev.audiojobs.openapi.codegen.model.Schema.UnionSchema;
import dev.audiojobs.openapi.codegen.model.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a union's variants have in common: the accessors its sealed interface declares, the nested
 * interfaces for a property whose object type differs per variant ({@code Job.Output}), and the
 * interfaces each record therefore implements.
 */
final class Unions {
  /** An accessor of a union interface. */
  record Accessor(String description, TypeName type, String name) {}

  /** A nested interface of a union: what the variants' {@code property} objects share. */
  record Nested(ClassName name, String property, List<String> members, List<Accessor> accessors) {}

  private final Api api;
  private final JavaTypes types;
  private final Map<String, Set<ClassName>> interfaces = new LinkedHashMap<>();

  Unions(Api api, JavaTypes types) {
    this.api = api;
    this.types = types;
    for (Schema schema : api.schemas().values()) {
      if (!(schema instanceof UnionSchema union)) continue;
      ClassName unionName = types.model(union.name());
      for (String member : union.members()) interfaces.computeIfAbsent(member, k -> new LinkedHashSet<>()).add(unionName);
      for (Nested nested : nested(union)) {
        for (String member : nested.members()) {
          interfaces.computeIfAbsent(member, k -> new LinkedHashSet<>()).add(nested.name());
        }
      }
    }
  }

  /** The interfaces record {@code name} implements: its unions and their nested interfaces. */
  Set<ClassName> interfacesOf(String name) {
    return interfaces.getOrDefault(name, Set.of());
  }

  /** The union's text variant, the member a JSON string decodes as; empty when it has none. */
  Optional<String> text(UnionSchema union) {
    return union.members().stream().filter(m -> api.schema(m) instanceof Schema.TextSchema).findFirst();
  }

  /** The members that are records (the fallback among them): every member but the text variant. */
  List<String> records(UnionSchema union) {
    return union.members().stream().filter(m -> api.schema(m) instanceof RecordSchema).toList();
  }

  /**
   * The accessors of the union's interface: the properties every member has. A union with a text variant has
   * none (the text has no properties), so its interface declares nothing and the caller switches over it.
   */
  List<Accessor> accessors(UnionSchema union) {
    if (text(union).isPresent()) return List.of();
    return accessors(union.members(), union, true);
  }

  /** The nested interfaces of the union, one per common property whose object type differs per variant. */
  List<Nested> nested(UnionSchema union) {
    List<Nested> nested = new ArrayList<>();
    if (text(union).isPresent()) return nested;
    List<String> members = union.members();
    for (String property : commonProperties(members)) {
      List<String> refs = sameType(members, property) == null ? objectRefs(members, property) : null;
      if (refs == null) continue;
      nested.add(new Nested(types.model(union.name()).nestedClass(Names.type(property)), property,
          List.copyOf(new LinkedHashSet<>(refs)), accessors(refs, union, false)));
    }
    return nested;
  }

  /** The properties every record has, in the first record's order. */
  List<String> commonProperties(List<String> records) {
    List<String> common = new ArrayList<>(names(api.record(records.get(0))));
    for (String record : records) common.retainAll(names(api.record(record)));
    return common;
  }

  private static List<String> names(RecordSchema record) {
    return record.properties().stream().map(Property::name).toList();
  }

  private Property property(String record, String name) {
    return api.record(record).property(name).orElseThrow();
  }

  /** The Java type every record declares for {@code property}, or null when they differ. */
  private @Nullable TypeName sameType(List<String> records, String property) {
    TypeName seen = null;
    for (String record : records) {
      TypeName t = types.boxed(property(record, property).type());
      if (seen != null && !seen.equals(t)) return null;
      seen = t;
    }
    return seen;
  }

  /** The record schemas each record refers to for {@code property}, or null unless all are record refs. */
  private @Nullable List<String> objectRefs(List<String> records, String property) {
    List<String> refs = new ArrayList<>();
    for (String record : records) {
      if (!(property(record, property).type() instanceof Type.Ref ref)) return null;
      if (!(api.schema(ref.schema()) instanceof RecordSchema target) || target.properties().isEmpty()) return null;
      refs.add(ref.schema());
    }
    return refs;
  }

  private boolean optionalIn(String record, String name) {
    Property p = property(record, name);
    return !p.required() || p.nullable();
  }

  private List<Accessor> accessors(List<String> records, UnionSchema union, boolean topLevel) {
    List<Accessor> accessors = new ArrayList<>();
    for (String name : commonProperties(records)) {
      Property first = property(records.get(0), name);
      boolean anyOptional = records.stream().anyMatch(r -> optionalIn(r, name));
      if (sameType(records, name) != null) {
        boolean primitive = types.primitive(first.type());
        boolean allRequired = records.stream().noneMatch(r -> optionalIn(r, name));
        // int in one record and Integer in another cannot share one accessor.
        if (primitive && !allRequired && records.stream().anyMatch(r -> !optionalIn(r, name))) continue;
        TypeName type = anyOptional ? RuntimeTypes.nullable(types.optional(first.type())) : types.declared(first.type());
        accessors.add(new Accessor(first.description(), type, Names.member(name)));
      } else if (topLevel && objectRefs(records, name) != null) {
        ClassName nested = types.model(union.name()).nestedClass(Names.type(name));
        accessors.add(new Accessor(first.description(), anyOptional ? RuntimeTypes.nullable(nested) : nested,
            Names.member(name)));
      }
    }
    return accessors;
  }
}
