package dev.audiojobs.openapi.codegen.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.audiojobs.openapi.codegen.model.Schema.EnumSchema;
import dev.audiojobs.openapi.codegen.model.Schema.RecordSchema;
import dev.audiojobs.openapi.codegen.model.Schema.UnionSchema;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@link SpecReader}'s pass over the request side: which records a request sends (reachable from a
 * request body), and what sending them needs.
 */
final class RequestRecords {
  private static final String SCHEMAS = "#/components/schemas/";

  private final Map<String, Schema> models;
  private final Map<String, Map<String, SchemaReader.Located>> declared;
  private final String specPath;

  /**
   * @param models every schema as read, updated in place with the request records
   * @param declared where each record's properties are declared (allOf members merged), for the keywords the
   *     model does not keep
   */
  RequestRecords(Map<String, Schema> models, Map<String, Map<String, SchemaReader.Located>> declared, String specPath) {
    this.models = models;
    this.declared = declared;
    this.specPath = specPath;
  }

  private UnsupportedSpecException unsupported(String where, String what) {
    return new UnsupportedSpecException(specPath, where, what);
  }

  private static String escape(String segment) {
    return SpecReader.escape(segment);
  }

  /**
   * Marks every record and union reachable from a request body as sent, and every record reachable from
   * a response as received, and checks what sending one needs: every constraint is one the client
   * checks, no readOnly property is sent, and files appear only as fields of a multipart body. A union
   * reaches its variants, not its fallback: a request never sends what the client does not know.
   */
  void mark(List<Operation> operations) {
    Map<String, String> sent = new LinkedHashMap<>(); // schema -> pointer of the first body that sends it
    Set<String> multipart = new LinkedHashSet<>();
    Set<String> received = new LinkedHashSet<>();
    for (Operation operation : operations) {
      for (Operation.RequestBody body : operation.requestBodies()) {
        if (body.binary() || body.anyValue()) continue; // a file or any JSON value, no record
        if (body.multipart()) multipart.add(body.schema());
        reach(new Type.Ref(body.schema()), sent, operation.pointer() + "/requestBody");
      }
      if (operation.success().body() instanceof Operation.JsonBody json) reachReceived(json.type(), received);
      if (operation.success().body() instanceof Operation.Outcomes outcomes) {
        for (Operation.Outcome outcome : outcomes.outcomes()) {
          if (outcome.body() instanceof Operation.JsonBody json) reachReceived(json.type(), received);
        }
      }
      operation.errors().values().forEach(e -> reachReceived(new Type.Ref(e), received));
      operation.parameters().forEach(p -> reachReceived(p.type(), received));
    }
    for (Map.Entry<String, String> e : sent.entrySet()) {
      Schema schema = models.get(e.getKey());
      String pointer = SCHEMAS + e.getKey();
      if (schema instanceof UnionSchema union) {
        for (String variant : union.variants()) {
          if (models.get(variant) instanceof Schema.TextSchema) {
            throw unsupported(pointer, "a union with a text variant (" + variant + ") in a request (sent from "
                + e.getValue() + "): the client checks a union it sends as one of its records");
          }
        }
        models.put(e.getKey(), new UnionSchema(union.name(), union.description(), union.variants(), union.fallback(),
            union.rule(), true));
        continue;
      }
      if (!(schema instanceof RecordSchema record)) continue;
      boolean isMultipart = multipart.contains(e.getKey());
      for (Property property : record.properties()) {
        SchemaReader.Located where = declared.get(e.getKey()).get(property.name());
        String at = where.at();
        checkRequestConstraints(where.node(), at);
        if (where.node().path("readOnly").asBoolean(false)) {
          throw unsupported(at + "/readOnly", "a readOnly property in a request record (the client would send what "
              + "the server only returns); give the request its own schema");
        }
        if (isMultipart && !(property.type() instanceof Type.Scalar || property.type() instanceof Type.Binary
            || property.type() instanceof Type.Ref ref && models.get(ref.schema()) instanceof EnumSchema)) {
          throw unsupported(at, "a multipart field that is not a scalar, an enum or a file");
        }
        if (!isMultipart && property.type() instanceof Type.Binary) {
          throw unsupported(at, "a file (format: binary) outside a multipart/form-data body");
        }
      }
      models.put(e.getKey(), new RecordSchema(record.name(), record.description(), record.properties(), true, isMultipart,
          received.contains(e.getKey()), record.refused()));
    }
    for (String name : received) {
      if (models.get(name) instanceof RecordSchema record) {
        models.put(name, new RecordSchema(record.name(), record.description(), record.properties(), record.request(),
            record.multipart(), true, record.refused()));
        for (Property property : record.properties()) {
          SchemaReader.Located where = declared.get(name).get(property.name());
          if (where.node().path("writeOnly").asBoolean(false) && property.required()) {
            throw unsupported(where.at() + "/writeOnly", "a required writeOnly property in a response record (the "
                + "server never returns it, so every response would fail to decode)");
          }
          if (property.type() instanceof Type.Binary) {
            throw unsupported(SCHEMAS + name + "/properties/" + escape(property.name()), "a file (format: binary) in a response");
          }
        }
      }
    }
    for (String name : multipart) {
      if (models.get(name) instanceof UnionSchema) throw unsupported(SCHEMAS + name, "a multipart/form-data body that is a oneOf");
      if (sent.keySet().stream().filter(s -> !s.equals(name)).anyMatch(s -> refersTo(s, name))) {
        throw unsupported(SCHEMAS + name, "a multipart body record that is also part of another request");
      }
    }
  }

  private boolean refersTo(String from, String to) {
    if (!(models.get(from) instanceof RecordSchema record)) return false;
    for (Property property : record.properties()) {
      Type t = property.type();
      while (t instanceof Type.ListOf || t instanceof Type.MapOf) {
        t = t instanceof Type.ListOf l ? l.element() : ((Type.MapOf) t).value();
      }
      if (t instanceof Type.Ref ref && ref.schema().equals(to)) return true;
    }
    return false;
  }

  private void reach(Type type, Map<String, String> seen, String from) {
    if (type instanceof Type.ListOf list) {
      reach(list.element(), seen, from);
    } else if (type instanceof Type.MapOf map) {
      reach(map.value(), seen, from);
    } else if (type instanceof Type.Ref ref && seen.putIfAbsent(ref.schema(), from) == null) {
      Schema schema = models.get(ref.schema());
      if (schema instanceof RecordSchema record) record.properties().forEach(p -> reach(p.type(), seen, from));
      if (schema instanceof UnionSchema union) union.variants().forEach(v -> reach(new Type.Ref(v), seen, from));
    }
  }

  private void reachReceived(Type type, Set<String> seen) {
    if (type instanceof Type.ListOf list) {
      reachReceived(list.element(), seen);
    } else if (type instanceof Type.MapOf map) {
      reachReceived(map.value(), seen);
    } else if (type instanceof Type.Ref ref && seen.add(ref.schema())) {
      Schema schema = models.get(ref.schema());
      if (schema instanceof RecordSchema record) record.properties().forEach(p -> reachReceived(p.type(), seen));
      if (schema instanceof UnionSchema union) union.members().forEach(m -> reachReceived(new Type.Ref(m), seen));
    }
  }

  /** Refuses constraints on a request property the client would not check, rather than sending what the server refuses. */
  private void checkRequestConstraints(JsonNode property, String at) {
    // format is an annotation (the client checks none but those that make a type: date-time, binary).
    for (String keyword : List.of("exclusiveMinimum", "exclusiveMaximum", "multipleOf", "uniqueItems", "minProperties",
        "maxProperties")) {
      if (property.has(keyword) && !property.get(keyword).asText().equals("false")) {
        throw unsupported(at + "/" + keyword, keyword + " in a request (the client checks minimum, maximum, "
            + "minLength, maxLength, pattern, minItems, maxItems and closed enums)");
      }
    }
    if (property.has("pattern")) {
      try {
        Pattern.compile(property.get("pattern").asText());
      } catch (java.util.regex.PatternSyntaxException e) {
        throw unsupported(at + "/pattern", "a pattern Java cannot compile: " + e.getDescription());
      }
    }
    for (String nested : List.of("items", "additionalProperties")) {
      JsonNode inner = property.path(nested);
      if (!inner.isObject() || inner.has("$ref")) continue;
      for (String keyword : List.of("minimum", "maximum", "minLength", "maxLength", "pattern", "minItems", "maxItems")) {
        if (inner.has(keyword)) {
          throw unsupported(at + "/" + nested + "/" + keyword, "a constraint on the " + nested + " of a request property");
        }
      }
    }
  }
}
