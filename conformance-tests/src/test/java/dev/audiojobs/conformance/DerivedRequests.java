package dev.audiojobs.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cases derived from the request schemas of a normalized spec, run by the same runner as every case:
 * for every schema a JSON request body reaches, a minimal and a maximal valid body must reach the wire
 * unchanged; and each rule the spec states (required, minimum/maximum, minLength/maxLength, pattern,
 * minItems/maxItems, a closed enum, the JSON type) is broken once, which the client must refuse at the
 * property's path before sending, while the value on the rule's edge is sent unchanged. An explicit
 * null where the spec says {@code nullable} and an unknown property on the body must reach the wire too.
 * The rules of path and query parameters are derived the same way, a refusal expected at the parameter's
 * wire name ({@code limit}, {@code kind}).
 */
final class DerivedRequests {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** One operation's JSON request body: the operation, its body schema and its success response. */
  record Target(SpecModel.Operation operation, String method, String path, String body, int status, String response) {}

  private final SpecModel spec;
  private final RequestInstances requests;
  private final Instances responses;
  private final List<DerivedCases.Derived> cases;
  private final Set<String> rules = new LinkedHashSet<>();

  DerivedRequests(SpecModel spec, Instances responses, List<DerivedCases.Derived> cases) {
    this.spec = spec;
    this.requests = new RequestInstances(spec);
    this.responses = responses;
    this.cases = cases;
  }

  /** Every operation of the spec with a JSON request body of a named schema. */
  static List<Target> targets(SpecModel spec) {
    List<Target> targets = new ArrayList<>();
    spec.spec.path("paths").fields().forEachRemaining(item -> item.getValue().fields().forEachRemaining(m -> {
      JsonNode op = m.getValue();
      String ref = op.path("requestBody").path("content").path("application/json").path("schema").path("$ref").asText("");
      if (ref.isEmpty()) return;
      SpecModel.Operation operation = spec.operations().stream()
          .filter(o -> o.id().equals(op.path("operationId").asText())).findFirst().orElseThrow();
      SpecModel.Response success = operation.success();
      if (success == null) throw new IllegalStateException(spec.vendor + ": " + operation.id() + " declares no 2xx JSON response");
      targets.add(new Target(operation, m.getKey().toUpperCase(java.util.Locale.ROOT), item.getKey(),
          ref.substring(SpecModel.SCHEMAS.length()), success.status(), success.schema()));
    }));
    return targets;
  }

  /** The minimal valid body of {@code op}, or null when it takes no JSON body (for response-side cases). */
  static ObjectNode minimalBody(SpecModel spec, SpecModel.Operation op) {
    for (Target t : targets(spec)) {
      if (t.operation().id().equals(op.id())) return new RequestInstances(spec).build(t.body(), t.body(), RequestInstances.Mode.MINIMAL).root();
    }
    return null;
  }

  /** What there is to exercise: request schemas, properties, and rules (refusals and edges), as coverage keys. */
  record Totals(Set<String> schemas, Set<String> properties, Set<String> rules, Set<String> enumValues) {}

  static Totals totals(SpecModel spec) {
    DerivedRequests probe = new DerivedRequests(spec, new Instances(spec, DerivedCases.SEED), new ArrayList<>());
    probe.generate();
    Set<String> schemas = new LinkedHashSet<>();
    Set<String> properties = new LinkedHashSet<>();
    Set<String> enums = new LinkedHashSet<>();
    for (Target t : targets(spec)) {
      for (String s : probe.requests.reachable(t.body())) {
        schemas.add(DerivedCases.key("schema", spec, s));
        if (spec.isEnum(s)) {
          for (String v : spec.enumValues(s)) enums.add(DerivedCases.key("enum", spec, s + "=" + v));
          enums.add(DerivedCases.key("enum", spec, s + "=" + Instances.UNKNOWN_ENUM));
        } else {
          for (String p : spec.properties(s).keySet()) properties.add(DerivedCases.key("property", spec, s + "." + p));
        }
      }
    }
    return new Totals(schemas, properties, probe.rules, enums);
  }

  /**
   * Adds the cases to the list given at construction. The rules found are recorded as they are
   * derived; {@link #totals} counts them from the spec by the same walk, so a rule whose case fails or
   * is missing shows as not exercised.
   */
  void generate() {
    for (Target t : targets(spec)) {
      Set<String> reachable = requests.reachable(t.body());
      for (String s : reachable) {
        // enums are exercised where objects hold them, below; a union by its variants' own bodies
        if (spec.isEnum(s) || spec.isUnion(s) || spec.isScalar(s)) continue;
        RequestInstances.Built min = requests.build(t.body(), s, RequestInstances.Mode.MINIMAL);
        RequestInstances.Built max = requests.build(t.body(), s, RequestInstances.Mode.MAXIMAL);
        Set<String> minCovers = new LinkedHashSet<>(Set.of(DerivedCases.key("schema-min", spec, s)));
        Set<String> maxCovers = new LinkedHashSet<>(Set.of(DerivedCases.key("schema-max", spec, s)));
        for (String u : reachable) {
          if (spec.isUnion(u) && requests.sendable(u).contains(s)) {
            minCovers.add(DerivedCases.key("schema-min", spec, u));
            maxCovers.add(DerivedCases.key("schema-max", spec, u));
          }
        }
        sent(t, min.root(), s + " minimal reaches the wire unchanged", minCovers);
        for (String p : spec.properties(s).keySet()) maxCovers.add(DerivedCases.key("property-roundtrip", spec, s + "." + p));
        sent(t, max.root(), s + " maximal reaches the wire unchanged", maxCovers);
        for (Map.Entry<String, JsonNode> p : spec.properties(s).entrySet()) rulesOf(t, s, p.getKey(), p.getValue(), max);
      }
      // An unknown property passes through, unless the body's schema forbids any (additionalProperties:
      // false, AssemblyAI's TranscriptParams): then the spec says no such body is valid, and whether the
      // client refuses or sends one is not a rule the spec states.
      if (!spec.schema(t.body()).path("additionalProperties").isBoolean() || spec.schema(t.body()).get("additionalProperties").asBoolean()) {
        ObjectNode extra = requests.build(t.body(), t.body(), RequestInstances.Mode.MAXIMAL).root();
        extra.putObject(Instances.EXTRA).putArray("kept").add(1).add("two").addNull();
        sent(t, extra, t.body() + " with an unknown property " + Instances.EXTRA + " passes it through", Set.of(rule(t.body(), "", "passthrough")));
      }
    }
    for (SpecModel.Operation op : spec.operations()) parameterRules(op);
  }

  /** The path and query parameters of {@code op} as declared (a {@code $ref} resolved), path item's first. */
  static List<JsonNode> parameters(SpecModel spec, SpecModel.Operation op) {
    List<JsonNode> all = new ArrayList<>();
    spec.spec.path("paths").forEach(item -> item.forEach(candidate -> {
      if (candidate != op.node()) return;
      item.path("parameters").forEach(all::add);
      candidate.path("parameters").forEach(all::add);
    }));
    return all.stream().map(p -> p.has("$ref") ? spec.spec.at(p.get("$ref").asText().substring(1)) : p).toList();
  }

  /**
   * Each rule of a path or query parameter (minimum/maximum, minLength/maxLength, pattern, a closed enum)
   * broken once, which the client must refuse at the parameter's wire name before sending, while the
   * value on the rule's edge, and every value of an enum, reaches the wire as the spec's path and query.
   */
  private void parameterRules(SpecModel.Operation op) {
    List<JsonNode> parameters = parameters(spec, op);
    for (JsonNode parameter : parameters) {
      String name = parameter.get("name").asText();
      JsonNode schema = parameter.path("schema");
      String owner = op.id() + "(" + name + ")";
      boolean integer = schema.path("type").asText().equals("integer");
      if (schema.has("minimum")) {
        double m = schema.get("minimum").asDouble();
        parameterEdge(op, parameters, name, owner, "minimum", number(m, integer), number(integer ? m - 1 : m - 0.5, integer));
      }
      if (schema.has("maximum")) {
        double m = schema.get("maximum").asDouble();
        parameterEdge(op, parameters, name, owner, "maximum", number(m, integer), number(integer ? m + 1 : m + 0.5, integer));
      }
      String base = valid(parameter).asText();
      if (schema.has("maxLength")) {
        int n = schema.get("maxLength").asInt();
        parameterEdge(op, parameters, name, owner, "maxLength", JSON.textNode(ofLength(schema, base, n)),
            JSON.textNode(ofLength(schema, base, n + 1)));
      }
      if (schema.has("minLength") && schema.get("minLength").asInt() > 0) {
        int n = schema.get("minLength").asInt();
        parameterEdge(op, parameters, name, owner, "minLength", JSON.textNode(ofLength(schema, base, n)),
            JSON.textNode(ofLength(schema, base, n - 1)));
      }
      if (schema.has("pattern")) {
        String mismatch = "derived value, not matching";
        if (Pattern.compile(schema.get("pattern").asText()).matcher(mismatch).find()) {
          throw new IllegalStateException(spec.vendor + ": " + owner + ": the pattern matches \"" + mismatch + "\"; derive another mismatch");
        }
        parameterRefused(op, parameters, name, JSON.textNode(mismatch), owner + " not matching " + schema.get("pattern").asText(),
            rule(owner, "", "pattern"));
      }
      String ref = SpecModel.referenced(schema);
      if (ref != null && spec.isEnum(ref)) {
        for (String v : spec.enumValues(ref)) {
          parameterSent(op, parameters, name, JSON.textNode(v), owner + " = " + v + " is sent as is", rule(owner, "", "enum " + v));
        }
        // An open enum's unknown value is the client's choice (forward compatibility), not a rule of the
        // spec, which lists the values: only the closed enum's refusal is derived.
        if (spec.schema(ref).path("x-audiojobs-closed").asBoolean()) {
          parameterRefused(op, parameters, name, JSON.textNode(Instances.UNKNOWN_ENUM), owner + " outside the closed enum " + ref,
              rule(owner, "", "closed enum"));
        }
      }
    }
  }

  private void parameterEdge(SpecModel.Operation op, List<JsonNode> parameters, String name, String owner, String kind,
      JsonNode onEdge, JsonNode beyond) {
    parameterSent(op, parameters, name, onEdge, owner + " on its " + kind + " edge is sent as is", rule(owner, "", kind + "-edge"));
    parameterRefused(op, parameters, name, beyond, owner + " beyond its " + kind, rule(owner, "", kind));
  }

  /**
   * A query value as the judge reads it from the URL: the text, or an array's elements joined by commas
   * (one {@code words=a,b}, or {@code words=a&words=b} read back joined).
   */
  private static String wire(JsonNode value) {
    if (!value.isArray()) return value.asText();
    List<String> elements = new ArrayList<>();
    value.forEach(e -> elements.add(e.asText()));
    return String.join(",", elements);
  }

  /**
   * A valid value of a parameter: its example, an enum's first value, a number's minimum (or 1), an
   * array of one valid item (AssemblyAI's {@code words}), or {@code j1}.
   */
  private JsonNode valid(JsonNode parameter) {
    JsonNode schema = parameter.path("schema");
    if (schema.path("type").asText().equals("array")) {
      ObjectNode item = JSON.objectNode().put("name", parameter.path("name").asText() + "[0]");
      item.set("schema", schema.path("items"));
      return JSON.arrayNode().add(valid(item));
    }
    String ref = SpecModel.referenced(schema);
    if (ref != null && spec.isEnum(ref)) return JSON.textNode(spec.enumValues(ref).get(0));
    String type = schema.path("type").asText();
    if (type.equals("integer") || type.equals("number")) {
      return schema.has("minimum") ? number(schema.get("minimum").asDouble(), type.equals("integer")) : JSON.numberNode(1);
    }
    if (schema.path("example").isTextual()) return schema.get("example");
    if (parameter.path("example").isTextual()) return parameter.get("example");
    if (schema.has("pattern")) {
      throw new IllegalStateException(spec.vendor + ": parameter " + parameter.get("name").asText() + " has a pattern and no example");
    }
    return JSON.textNode(ofLength(schema, "j1", Math.max(2, schema.path("minLength").asInt(0))));
  }

  /** The request: every required parameter valid, and {@code name} given {@code value}. */
  private ObjectNode parameterRequest(List<JsonNode> parameters, String name, JsonNode value) {
    ObjectNode request = JSON.objectNode();
    for (JsonNode p : parameters) {
      if (p.path("required").asBoolean()) request.set(p.get("name").asText(), valid(p));
    }
    request.set(name, value);
    return request;
  }

  private void parameterSent(SpecModel.Operation op, List<JsonNode> parameters, String name, JsonNode value, String description,
      String covers) {
    ObjectNode request = parameterRequest(parameters, name, value);
    SpecModel.Response answer = answer(op);
    ObjectNode json = parameterCase(op, request, answer, description);
    String[] where = where(op);
    String path = where[1];
    ObjectNode query = JSON.objectNode();
    for (JsonNode p : parameters) {
      String n = p.get("name").asText();
      if (!request.has(n)) continue;
      if (p.path("in").asText().equals("path")) path = path.replace("{" + n + "}", request.get(n).asText());
      else query.put(n, wire(request.get(n)));
    }
    ObjectNode expectRequest = json.putObject("expectRequest");
    expectRequest.put("method", where[0]).put("path", path).set("query", query);
    if (answer.status() / 100 != 2) json.putObject("expect").put("outcome", "http_error").put("status", answer.status());
    else if (spec.isText(answer.schema())) json.putObject("expect").put("outcome", "decoded").put("text", TEXT_ANSWER);
    else json.putObject("expect").put("outcome", "decoded").put("variant", answer.schema());
    add(json, Set.of(covers));
  }

  private void parameterRefused(SpecModel.Operation op, List<JsonNode> parameters, String name, JsonNode value, String description,
      String covers) {
    ObjectNode json = parameterCase(op, parameterRequest(parameters, name, value), answer(op),
        description + ": refused at " + name + " before sending");
    json.putObject("expect").put("outcome", "invalid_request").put("path", name);
    add(json, Set.of(covers));
  }

  private ObjectNode parameterCase(SpecModel.Operation op, ObjectNode request, SpecModel.Response answer, String description) {
    ObjectNode json = JSON.objectNode();
    json.put("description", description);
    json.put("source", "derived from " + VendorClients.specName(spec.vendor) + " (parameters)");
    json.put("operation", op.id());
    ObjectNode body = minimalBody(spec, op);
    if (body != null) request.set("body", body);
    json.set("request", request);
    ObjectNode response = json.putObject("response");
    response.put("status", answer.status());
    if (spec.isText(answer.schema())) {
      response.putObject("headers").put("Content-Type", answer.mediaType() + "; charset=utf-8");
      response.put("bodyText", TEXT_ANSWER);
    } else {
      response.set("body", responses.build(answer.schema(), List.of(), Instances.Mode.MINIMAL).root());
    }
    return json;
  }

  /** The text a parameter case of an operation answering with text is answered with. */
  private static final String TEXT_ANSWER = "derived text answer\n";

  /**
   * The response a parameter case is answered with: the first JSON object or text success (AssemblyAI's
   * subtitles), else the first JSON object error.
   */
  private SpecModel.Response answer(SpecModel.Operation op) {
    return op.responses().stream()
        .filter(r -> r.status() / 100 == 2 && !r.bodiless() && (spec.isObject(r.schema()) || spec.isText(r.schema()))).findFirst()
        .or(() -> op.responses().stream().filter(r -> !r.bodiless() && spec.isObject(r.schema())).findFirst())
        .orElseThrow(() -> new IllegalStateException(spec.vendor + ": " + op.id() + " declares no JSON object response"));
  }

  /** {@code [METHOD, /path/{template}]} of {@code op}. */
  private String[] where(SpecModel.Operation op) {
    String[] found = new String[2];
    spec.spec.path("paths").fields().forEachRemaining(item -> item.getValue().fields().forEachRemaining(m -> {
      if (m.getValue() == op.node()) {
        found[0] = m.getKey().toUpperCase(java.util.Locale.ROOT);
        found[1] = item.getKey();
      }
    }));
    return found;
  }

  private void rulesOf(Target t, String s, String p, JsonNode schema, RequestInstances.Built max) {
    String at = max.path() + "." + p;
    JsonNode wrong = Instances.wrongType(spec, schema);
    refused(t, with(max, p, wrong), at, s + "." + p + " given " + wrong, DerivedCases.key("property-type", spec, s + "." + p));
    if (spec.required(s).contains(p)) {
      ObjectNode body = max.root().deepCopy();
      ObjectNode target = (ObjectNode) DerivedCases.at(body, max.path());
      target.remove(p);
      // A variant of a union (AssemblyAI's speech understanding request) without the key its rule reads
      // is no longer that variant: the rule selects another, which a request refuses as a whole, at the union.
      String reselected = requests.reachable(t.body()).stream()
          .filter(u -> spec.isUnion(u) && requests.sendable(u).contains(s))
          .map(u -> responses.select(u, target)).filter(v -> !v.equals(s)).findFirst().orElse(null);
      if (reselected == null) {
        refused(t, body, at, "without required " + s + "." + p, rule(s, p, "required"));
      } else {
        refused(t, body, max.path(), "without required " + s + "." + p + " the union's rule selects " + reselected,
            rule(s, p, "required"));
      }
    }
    if (schema.path("nullable").asBoolean()) {
      sent(t, with(max, p, JSON.nullNode()), s + "." + p + " explicitly null (nullable) is sent as null", Set.of(rule(s, p, "nullable")));
    }
    String type = schema.path("type").asText();
    boolean integer = type.equals("integer");
    if (schema.has("minimum")) {
      double m = schema.get("minimum").asDouble();
      edge(t, max, s, p, at, "minimum", number(m, integer), number(integer ? m - 1 : m - 0.5, integer));
    }
    if (schema.has("maximum")) {
      double m = schema.get("maximum").asDouble();
      edge(t, max, s, p, at, "maximum", number(m, integer), number(integer ? m + 1 : m + 0.5, integer));
    }
    String current = DerivedCases.at(max.root(), at).isTextual() ? DerivedCases.at(max.root(), at).asText() : "";
    if (schema.has("maxLength")) {
      int n = schema.get("maxLength").asInt();
      edge(t, max, s, p, at, "maxLength", JSON.textNode(ofLength(schema, current, n)), JSON.textNode(ofLength(schema, current, n + 1)));
    }
    if (schema.has("minLength") && schema.get("minLength").asInt() > 0) {
      int n = schema.get("minLength").asInt();
      edge(t, max, s, p, at, "minLength", JSON.textNode(ofLength(schema, current, n)), JSON.textNode(ofLength(schema, current, n - 1)));
    }
    if (schema.has("pattern")) {
      String mismatch = "derived value, not matching";
      if (Pattern.compile(schema.get("pattern").asText()).matcher(mismatch).find()) {
        throw new IllegalStateException(spec.vendor + ": " + s + "." + p + ": the pattern matches \"" + mismatch + "\"; derive another mismatch");
      }
      refused(t, with(max, p, JSON.textNode(mismatch)), at, s + "." + p + " not matching " + schema.get("pattern").asText(), rule(s, p, "pattern"));
    }
    if (type.equals("array")) {
      JsonNode element = DerivedCases.at(max.root(), at).get(0);
      if (schema.has("minItems") && schema.get("minItems").asInt() > 0) {
        int n = schema.get("minItems").asInt();
        edge(t, max, s, p, at, "minItems", array(element, n), array(element, n - 1));
      }
      if (schema.has("maxItems")) {
        int n = schema.get("maxItems").asInt();
        edge(t, max, s, p, at, "maxItems", array(element, n), array(element, n + 1));
      }
    }
    String ref = SpecModel.referenced(schema);
    if (ref != null && spec.isEnum(ref)) {
      // an array of enum values (AssemblyAI's redact_pii_policies): each value sent as an array of one
      boolean array = schema.has("items");
      java.util.function.Function<String, JsonNode> holding = v -> array ? JSON.arrayNode().add(v) : JSON.textNode(v);
      for (String v : spec.enumValues(ref)) {
        sent(t, with(max, p, holding.apply(v)), s + "." + p + " = " + holding.apply(v) + " is sent as is",
            Set.of(DerivedCases.key("enum", spec, ref + "=" + v)));
      }
      String unknownKey = DerivedCases.key("enum", spec, ref + "=" + Instances.UNKNOWN_ENUM);
      ObjectNode unknown = with(max, p, holding.apply(Instances.UNKNOWN_ENUM));
      if (spec.schema(ref).path("x-audiojobs-closed").asBoolean()) {
        refused(t, unknown, array ? at + "[0]" : at, s + "." + p + " outside the closed enum " + ref, unknownKey);
      } else {
        sent(t, unknown, s + "." + p + " = an unknown value of the open enum " + ref + " is sent as is", Set.of(unknownKey));
      }
    }
  }

  /** The value on a rule's edge is sent unchanged; one step beyond it is refused at {@code at}. */
  private void edge(Target t, RequestInstances.Built max, String s, String p, String at, String kind, JsonNode onEdge, JsonNode beyond) {
    sent(t, with(max, p, onEdge), s + "." + p + " on its " + kind + " edge is sent unchanged", Set.of(rule(s, p, kind + "-edge")));
    refused(t, with(max, p, beyond), at, s + "." + p + " beyond its " + kind, rule(s, p, kind));
  }

  private String rule(String s, String p, String kind) {
    String key = DerivedCases.key("request-rule", spec, s + (p.isEmpty() ? "" : "." + p) + " " + kind);
    rules.add(key);
    return key;
  }

  private static JsonNode number(double value, boolean integer) {
    return integer ? JSON.numberNode((long) value) : value == Math.rint(value) ? JSON.numberNode((long) value) : JSON.numberNode(value);
  }

  private static ArrayNode array(JsonNode element, int size) {
    ArrayNode array = JSON.arrayNode();
    for (int i = 0; i < size; i++) array.add(element.deepCopy());
    return array;
  }

  /** {@code base} padded or cut to {@code length}, still matching the property's pattern when it has one. */
  private String ofLength(JsonNode schema, String base, int length) {
    Pattern pattern = schema.has("pattern") ? Pattern.compile(schema.get("pattern").asText()) : null;
    for (char pad : new char[] {'a', 'x', '0', '-'}) {
      StringBuilder text = new StringBuilder(base.length() > length ? base.substring(0, length) : base);
      while (text.length() < length) text.append(pad);
      if (pattern == null || length == 0 || pattern.matcher(text).find()) return text.toString();
    }
    throw new IllegalStateException(spec.vendor + ": cannot make a value of length " + length + " matching " + schema.get("pattern"));
  }

  private static ObjectNode with(RequestInstances.Built max, String p, JsonNode value) {
    ObjectNode body = max.root().deepCopy();
    ((ObjectNode) DerivedCases.at(body, max.path())).set(p, value);
    return body;
  }

  private void sent(Target t, ObjectNode body, String description, Set<String> covers) {
    ObjectNode json = base(t, body, description + ", and " + t.response() + " decodes");
    ObjectNode expectRequest = json.putObject("expectRequest");
    expectRequest.put("method", t.method()).put("path", t.path()).put("contentType", "application/json");
    json.putObject("expect").put("outcome", "decoded").put("variant", t.response());
    add(json, covers);
  }

  private void refused(Target t, ObjectNode body, String at, String description, String covers) {
    ObjectNode json = base(t, body, description + ": refused at " + at + " before sending");
    json.putObject("expect").put("outcome", "invalid_request").put("path", at);
    add(json, Set.of(covers));
  }

  private ObjectNode base(Target t, ObjectNode body, String description) {
    ObjectNode json = JSON.objectNode();
    json.put("description", description);
    json.put("source", "derived from " + VendorClients.specName(spec.vendor) + " (request schemas)");
    json.put("operation", t.operation().id());
    json.putObject("request").set("body", body);
    ObjectNode response = json.putObject("response");
    response.put("status", t.status());
    response.set("body", responses.build(t.response(), List.of(), Instances.Mode.MINIMAL).root());
    return json;
  }

  private void add(ObjectNode json, Set<String> covers) {
    cases.add(new DerivedCases.Derived(json, spec.vendor + "/derived-request-" + (cases.size() + 1), covers));
  }
}
