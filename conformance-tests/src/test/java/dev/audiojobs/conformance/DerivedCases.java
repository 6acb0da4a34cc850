package dev.audiojobs.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cases derived from a normalized spec, in the same format as the hand-written ones and run by the
 * same runner: for every schema reachable from a response, a minimal and a maximal valid instance
 * (decoded and re-encoded unchanged, unknown properties included), each required property removed,
 * each property given a value of the wrong JSON type, every enum value and an unknown one, and every
 * declared error response; and the request-body cases of {@link DerivedRequests}. Each case names what
 * it exercises, for the coverage line.
 */
final class DerivedCases {
  /** A case and the coverage keys it exercises when it passes. */
  record Derived(ObjectNode json, String name, Set<String> covers) {}

  /** What there is to exercise in a spec, as coverage keys by kind. */
  record Totals(Set<String> schemas, Set<String> properties, Set<String> required, Set<String> enumValues,
      Set<String> responses) {}

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  static final long SEED = 20261122L;

  private final SpecModel spec;
  private final Instances instances;
  private final List<Derived> cases = new ArrayList<>();

  DerivedCases(SpecModel spec) {
    this.spec = spec;
    this.instances = new Instances(spec, SEED);
  }

  static Totals totals(SpecModel spec) {
    Set<String> schemas = new LinkedHashSet<>();
    Set<String> properties = new LinkedHashSet<>();
    Set<String> required = new LinkedHashSet<>();
    Set<String> enums = new LinkedHashSet<>();
    for (String s : spec.reachable()) {
      schemas.add(key("schema", spec, s));
      if (spec.isObject(s)) {
        for (String p : spec.properties(s).keySet()) properties.add(key("property", spec, s + "." + p));
        for (String r : spec.required(s)) required.add(key("required", spec, s + "." + r));
      }
      if (spec.isEnum(s)) {
        for (String v : spec.enumValues(s)) enums.add(key("enum", spec, s + "=" + v));
        enums.add(key("enum", spec, s + "=" + Instances.UNKNOWN_ENUM));
      }
    }
    Set<String> responses = new LinkedHashSet<>();
    for (SpecModel.Operation op : spec.operations()) {
      for (SpecModel.Response r : op.responses()) responses.add(key("response", spec, r.name(op.id())));
    }
    return new Totals(schemas, properties, required, enums, responses);
  }

  static String key(String kind, SpecModel spec, String what) {
    return kind + ":" + spec.vendor + ":" + what;
  }

  List<Derived> generate() {
    for (SpecModel.Operation op : spec.operations()) {
      for (SpecModel.Response response : op.responses()) {
        if (response.bodiless()) {
          forBodiless(op, response);
        } else if (spec.isText(response.schema())) {
          forText(op, response);
        } else if (spec.isArray(response.schema())) {
          forArray(op, response);
        } else {
          forResponse(op, response, response.schema(), null);
        }
      }
    }
    // Request bodies get their own instances, so that the response cases above stay as they were.
    new DerivedRequests(spec, new Instances(spec, SEED + 1), cases).generate();
    return cases;
  }

  /**
   * The case of a status the spec declares without a body (AssemblyAI's 503 and 504): answered with no
   * body, an error status must give the HTTP error with that status and no decoded error body, a success
   * status a call that returns.
   */
  private void forBodiless(SpecModel.Operation op, SpecModel.Response response) {
    ObjectNode answer = JSON.objectNode().put("status", response.status());
    ObjectNode expect;
    String description;
    if (isError(response.status())) {
      expect = JSON.objectNode().put("outcome", "http_error").put("status", response.status());
      expect.putNull("errorType");
      description = "HTTP " + response.status() + ", declared without a body, gives the HTTP error with no error body";
    } else {
      expect = JSON.objectNode().put("outcome", "decoded");
      description = "HTTP " + response.status() + ", declared without a body, returns";
    }
    add(op, answer, expect, description, Set.of(key("response", spec, response.name(op.id()))));
  }

  /**
   * The cases of a text body ({@code DownloadText}): an empty text and a multi-line one with non-ASCII
   * characters come back exactly, in the answer's variant named after the schema.
   */
  private void forText(SpecModel.Operation op, SpecModel.Response response) {
    String s = response.schema();
    String[] texts = {"", "[00:12.34]முதல் வரி\n[00:15.00]line two\n\n"};
    for (int i = 0; i < texts.length; i++) {
      ObjectNode answer = JSON.objectNode().put("status", response.status());
      answer.putObject("headers").put("Content-Type", response.mediaType() + "; charset=utf-8");
      answer.put("bodyText", texts[i]);
      ObjectNode expect = JSON.objectNode().put("outcome", "decoded");
      if (response.severalSuccess()) expect.put("variant", s);
      expect.put("text", texts[i]);
      add(op, answer, expect, s + (i == 0 ? " empty" : " with lines and non-ASCII text") + " comes back as the exact text",
          Set.of(key(i == 0 ? "schema-min" : "schema-max", spec, s), key("response", spec, response.name(op.id()))));
    }
  }

  /**
   * The cases of a top-level array ({@code WordTimings}, {@code LanguageNames}): empty, and an object
   * where the array belongs; for items of a named schema, every case of that schema inside the array at
   * {@code $[0]}; for scalar items, two of them, and one of the wrong JSON type.
   */
  private void forArray(SpecModel.Operation op, SpecModel.Response response) {
    String s = response.schema();
    Set<String> responseKey = Set.of(key("response", spec, response.name(op.id())));
    ObjectNode expect = JSON.objectNode().put("outcome", "decoded");
    if (response.severalSuccess()) expect.put("variant", s);
    add(op, jsonResponse(response.status(), JSON.arrayNode()), expect, s + " empty decodes as an empty list",
        union(Set.of(key("schema-min", spec, s)), responseKey));
    add(op, jsonResponse(response.status(), JSON.objectNode().put("not", "an array")),
        JSON.objectNode().put("outcome", "decode_error").put("path", "$"), s + " given an object fails at $", responseKey);
    JsonNode items = spec.schema(s).get("items");
    String item = SpecModel.referenced(spec.schema(s));
    if (item != null) {
      forResponse(op, response, item, s);
      return;
    }
    com.fasterxml.jackson.databind.node.ArrayNode two = JSON.arrayNode().add(instances.scalar(items)).add(instances.scalar(items));
    add(op, jsonResponse(response.status(), two), expect.deepCopy(), s + " of two items decodes and re-encodes unchanged",
        union(Set.of(key("schema-max", spec, s)), responseKey));
    JsonNode wrong = Instances.wrongType(spec, items);
    add(op, jsonResponse(response.status(), JSON.arrayNode().add(instances.scalar(items)).add(wrong)),
        JSON.objectNode().put("outcome", "decode_error").put("path", "$[1]"), s + " with an item " + wrong + " fails at $[1]", responseKey);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static ObjectNode jsonResponse(int status, JsonNode body) {
    ObjectNode response = JSON.objectNode().put("status", status);
    response.set("body", body);
    return response;
  }

  /**
   * The cases of one declared response. For an error response the same instances and mutations are
   * sent with its status: a valid body must come back as the typed error and re-encode unchanged; a
   * mutated one must leave the error undecoded ({@code errorType: null}) with the raw body kept.
   *
   * @param root the schema whose instances are built: the response's own, or its array's item schema
   * @param array the top-level array schema the instances are sent in, at {@code $[0]}; null for none
   */
  private void forResponse(SpecModel.Operation op, SpecModel.Response response, String root, String array) {
    int status = response.status();
    current = new Sent(response, array);
    Set<String> reachable = new LinkedHashSet<>();
    for (String s : spec.reachable()) if (instances.route(root, s) != null) reachable.add(s);
    for (String s : reachable) {
      List<Instances.Step> route = instances.route(root, s);
      if (spec.isEnum(s)) continue; // enums are exercised where objects hold them, below
      Instances.Built min = instances.build(root, route, Instances.Mode.MINIMAL);
      Instances.Built max = instances.build(root, route, Instances.Mode.MAXIMAL);
      Set<String> minCovers = Set.of(key("schema-min", spec, s), key("response", spec, response.name(op.id())));
      decoded(op, status, root, min, s + " minimal", minCovers);
      Set<String> maxCovers = new LinkedHashSet<>(List.of(key("schema-max", spec, s)));
      if (array != null && s.equals(root)) maxCovers.add(key("schema-max", spec, array));
      if (spec.isObject(s)) {
        for (String p : spec.properties(s).keySet()) maxCovers.add(key("property-roundtrip", spec, s + "." + p));
      }
      decoded(op, status, root, max, s + " maximal", maxCovers);
      if (!spec.isObject(s)) continue;
      for (String r : spec.required(s)) removeRequired(op, status, root, route, min, s, r);
      for (Map.Entry<String, JsonNode> p : spec.properties(s).entrySet()) wrongType(op, status, max, s, p.getKey(), p.getValue());
      for (Map.Entry<String, JsonNode> p : spec.properties(s).entrySet()) enumValues(op, status, root, route, s, p.getKey(), p.getValue());
    }
    current = null;
  }

  /**
   * How the instances of {@link #forResponse} are sent: the response they answer as, and the top-level
   * array schema they sit in ({@code $[0]}), or null.
   */
  private record Sent(SpecModel.Response response, String array) {}

  /** While {@link #forResponse} runs: how its bodies are sent. */
  private Sent current;

  private static boolean isError(int status) {
    return status / 100 != 2;
  }

  /** The expectation for a mutated body: the decode error at {@code path}, or an undecoded error body. */
  private static ObjectNode failsAt(int status, String path) {
    if (isError(status)) {
      ObjectNode expect = JSON.objectNode().put("outcome", "http_error").put("status", status);
      expect.putNull("errorType");
      return expect;
    }
    return JSON.objectNode().put("outcome", "decode_error").put("path", path);
  }

  private void decoded(SpecModel.Operation op, int status, String root, Instances.Built built, String what, Set<String> covers) {
    if (isError(status)) {
      ObjectNode expect = JSON.objectNode().put("outcome", "http_error").put("status", status).put("errorType", root);
      expect.set("errorJson", built.root());
      add(op, status, built.root(), expect, what + ": HTTP " + status + " gives the typed error " + root
          + ", re-encoded unchanged", covers);
      return;
    }
    ObjectNode expect = JSON.objectNode().put("outcome", "decoded");
    String variant = spec.isUnion(root) ? instances.select(root, built.root()) : root;
    expect.put("variant", variant);
    add(op, status, built.root(), expect, what + " decodes as " + variant + " and re-encodes unchanged", covers);
  }

  private void removeRequired(SpecModel.Operation op, int status, String root, List<Instances.Step> route, Instances.Built min,
      String s, String r) {
    ObjectNode body = min.root().deepCopy();
    ObjectNode target = (ObjectNode) at(body, min.path());
    target.remove(r);
    ObjectNode expect = JSON.objectNode();
    String description;
    String selected = spec.isUnion(root) ? instances.select(root, body) : null;
    String holder = unionHolding(root, route);
    String nested = holder == null || holder.equals(root) && route.size() == 1 ? null : instances.select(holder, target);
    if (nested != null && !nested.equals(s) && spec.required(nested).stream().allMatch(target::has)) {
      // A variant of a union inside the body (AssemblyAI's speech understanding task, selected by its own
      // keys): without the key its rule reads, the rule selects another variant, which takes the object.
      if (isError(status)) {
        expect.put("outcome", "http_error").put("status", status).put("errorType", root).set("errorJson", body);
      } else {
        expect.put("outcome", "decoded");
        if (spec.isUnion(root)) expect.put("variant", instances.select(root, body));
      }
      description = "without required " + s + "." + r + " the rule of " + holder + " selects " + nested + ", which takes it";
    } else if (selected != null && !selected.equals(min.rootVariant())) {
      // Removing it changes which variant the spec's rule selects: the outcome is the rule's.
      String missing = spec.required(selected).stream().filter(q -> !body.has(q)).findFirst().orElse(null);
      if (missing == null) {
        expect.put("outcome", "decoded").put("variant", selected);
        description = "without required " + s + "." + r + " the rule selects " + selected + ", which decodes it";
      } else {
        expect.put("outcome", "decode_error").put("path", "$." + missing);
        description = "without required " + s + "." + r + " the rule selects " + selected + ", which lacks " + missing;
      }
    } else {
      expect = failsAt(status, min.path() + "." + r);
      description = "without required " + s + "." + r + (isError(status)
          ? " the HTTP " + status + " error body stays undecoded"
          : " decoding fails at " + min.path() + "." + r);
    }
    add(op, status, body, expect, description, Set.of(key("required", spec, s + "." + r)));
  }

  /** The union whose variant the route ends in, when its last step is into a variant; else null. */
  private String unionHolding(String root, List<Instances.Step> route) {
    String current = root;
    String previous = null;
    for (Instances.Step step : route) {
      previous = current;
      current = step.variant() ? step.name() : SpecModel.referenced(spec.properties(current).get(step.name()));
    }
    return route.isEmpty() || !route.get(route.size() - 1).variant() ? null : previous;
  }

  private void wrongType(SpecModel.Operation op, int status, Instances.Built max, String s, String p, JsonNode schema) {
    ObjectNode body = max.root().deepCopy();
    ObjectNode target = (ObjectNode) at(body, max.path());
    JsonNode wrong = Instances.wrongType(spec, schema);
    target.set(p, wrong);
    ObjectNode expect = failsAt(status, max.path() + "." + p);
    add(op, status, body, expect, s + "." + p + " given " + wrong + (isError(status)
            ? " leaves the HTTP " + status + " error body undecoded"
            : " fails at " + max.path() + "." + p),
        Set.of(key("property-type", spec, s + "." + p)));
  }

  private void enumValues(SpecModel.Operation op, int status, String root, List<Instances.Step> route, String s, String p,
      JsonNode schema) {
    String ref = SpecModel.referenced(schema);
    if (ref == null || !spec.isEnum(ref)) return;
    // an array of enum values (AssemblyAI's redact_pii_policies): each value in an array of one
    boolean array = schema.has("items");
    Instances.Built max = instances.build(root, route, Instances.Mode.MAXIMAL);
    List<String> allowed = new ArrayList<>();
    String discriminated = array ? null : discriminatorOf(root, s, p);
    if (discriminated != null) {
      if (discriminated.isEmpty()) allowed.add(Instances.UNKNOWN_ENUM); // the fallback takes only unmapped values
      else allowed.addAll(mappedValues(root, s));
    } else if (schema.has("enum") && !array) {
      schema.get("enum").forEach(v -> allowed.add(v.asText()));
    } else {
      allowed.addAll(spec.enumValues(ref));
      allowed.add(Instances.UNKNOWN_ENUM);
    }
    for (String value : allowed) {
      ObjectNode body = max.root().deepCopy();
      ((ObjectNode) at(body, max.path())).set(p, array ? JSON.arrayNode().add(value) : JSON.textNode(value));
      if (isError(status)) {
        // An enum inside an error body (AssemblyAI's Error.status): the typed error, re-encoded unchanged.
        ObjectNode expect = JSON.objectNode().put("outcome", "http_error").put("status", status).put("errorType", root);
        expect.set("errorJson", body);
        add(op, status, body, expect, s + "." + p + " = \"" + value + "\": HTTP " + status + " gives the typed error " + root
            + ", re-encoded unchanged", Set.of(key("enum", spec, ref + "=" + value)));
        continue;
      }
      ObjectNode expect = JSON.objectNode().put("outcome", "decoded");
      if (spec.isUnion(root)) expect.put("variant", instances.select(root, body));
      add(op, status, body, expect, s + "." + p + " = \"" + value + "\" decodes and re-encodes unchanged",
          Set.of(key("enum", spec, ref + "=" + value)));
    }
  }

  /** For the discriminator property of a root union variant: "" for the fallback, else the variant; null otherwise. */
  private String discriminatorOf(String root, String variant, String property) {
    if (!spec.isUnion(root) || !spec.variants(root).contains(variant)) return null;
    JsonNode discriminator = spec.schema(root).get("discriminator");
    if (discriminator == null || !discriminator.path("propertyName").asText().equals(property)) return null;
    return variant.equals(spec.fallback(root)) ? "" : variant;
  }

  private List<String> mappedValues(String root, String variant) {
    List<String> values = new ArrayList<>();
    spec.schema(root).path("discriminator").path("mapping").fields().forEachRemaining(e -> {
      if (e.getValue().asText().equals(SpecModel.SCHEMAS + variant)) values.add(e.getKey());
    });
    return values;
  }

  /**
   * Adds a case of {@link #forResponse}, sent as {@link #current} says: inside a top-level array the
   * body is its item {@code $[0]}, expected paths move there, and the answer is the array's (the variant
   * of a several-bodies result is named after the array schema; a plain list has none).
   */
  private void add(SpecModel.Operation op, int status, ObjectNode body, ObjectNode expect, String description, Set<String> covers) {
    JsonNode sent = body;
    if (current != null && current.array() != null) {
      sent = JSON.arrayNode().add(body);
      if (expect.has("path")) expect.put("path", "$[0]" + expect.get("path").asText().substring(1));
      if (expect.has("variant")) {
        if (current.response().severalSuccess()) expect.put("variant", current.array());
        else expect.remove("variant");
      }
      description = current.array() + "[0]: " + description;
    }
    add(op, jsonResponse(status, sent), expect, description, covers);
  }

  private void add(SpecModel.Operation op, ObjectNode answer, ObjectNode expect, String description, Set<String> covers) {
    ObjectNode json = JSON.objectNode();
    json.put("description", description);
    json.put("source", "derived from " + VendorClients.specName(spec.vendor) + " (seed " + SEED + ")");
    json.put("operation", op.id());
    ObjectNode request = json.putObject("request");
    for (JsonNode parameter : op.node().path("parameters")) {
      if (!parameter.path("required").asBoolean()) continue;
      // a parameter of an enum takes its first value: a closed one refuses any other before sending
      JsonNode schema = parameter.path("schema");
      boolean array = schema.path("type").asText().equals("array");
      String ref = SpecModel.referenced(array ? schema.path("items") : schema);
      String value = ref != null && spec.isEnum(ref) ? spec.enumValues(ref).get(0) : "derived-id";
      // an array parameter (AssemblyAI's words) of one such value
      if (array) request.putArray(parameter.path("name").asText()).add(value);
      else request.put(parameter.path("name").asText(), value);
    }
    // A binary body (AssemblyAI's uploadFile, application/octet-stream) is a file: a few bytes.
    VendorClients.RequestBody binary = VendorClients.requestBody(spec.vendor, op.node());
    if (binary != null && binary.schema() == null && !VendorClients.isMultipart(binary)) {
      request.putObject("file").put("text", "derived bytes");
    }
    // A response can only be asked for with a request the client sends: the minimal valid body.
    ObjectNode requestBody = DerivedRequests.minimalBody(spec, op);
    if (requestBody != null) request.set("body", requestBody);
    json.set("response", answer);
    json.set("expect", expect);
    String name = spec.vendor + "/derived-" + (cases.size() + 1);
    cases.add(new Derived(json, name, covers));
  }

  /** The node at a {@code $.a.b[0].c} path this class produced. */
  static JsonNode at(JsonNode root, String path) {
    JsonNode node = root;
    for (String part : path.substring(1).split("(?=[.\\[])")) {
      if (part.isEmpty()) continue;
      if (part.startsWith(".")) node = node.get(part.substring(1));
      else node = node.get(Integer.parseInt(part.substring(1, part.length() - 1)));
    }
    return node;
  }

  /** The derived case in the runner's form. */
  ConformanceCase toCase(Derived d) {
    return new ConformanceCase(d.name(), spec.vendor, d.json().get("description").asText(), d.json().get("operation").asText(),
        d.json());
  }
}
