package dev.audiojobs.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Builds valid instances of a response schema that reach a chosen schema, and knows where in the
 * instance it sits, so that mutations can be applied there and their JSON path predicted.
 *
 * <p>Ancestors are minimal (required properties only, plus the property that leads on); the focused
 * schema is built minimal or maximal. Union variants are reached by making the instance satisfy the
 * spec's own selection rule: the rule's first key in the selecting object, or a discriminator value
 * mapped to the variant; the fallback gets a value no rule selects. Values come from a seeded
 * {@link Random}, so the derived cases are the same on every run.
 */
final class Instances {
  static final String UNKNOWN_ENUM = "derived-unknown-value";
  static final String EXTRA = "x-derived-extra";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String[] DATE_TIMES = {
      "2024-01-01T00:00:00Z", "2024-02-20T12:00:00.5+05:30", "2023-12-31T23:59:59.123456789-08:00", "2024-06-01T08:30:00.000Z"};

  enum Mode { MINIMAL, MAXIMAL }

  /** One step of a route from a response schema: into a property, or into a union variant. */
  record Step(boolean variant, String name) {}

  /** A built instance and where the focused schema landed ({@code path}, {@code node}). */
  record Built(ObjectNode root, String path, JsonNode node, String rootVariant) {}

  private final SpecModel spec;
  private final Random random;

  Instances(SpecModel spec, long seed) {
    this.spec = spec;
    this.random = new Random(seed);
  }

  /** A shortest route from {@code from} to {@code target}, or null when there is none. */
  List<Step> route(String from, String target) {
    Map<String, List<Step>> routes = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    routes.put(from, List.of());
    queue.add(from);
    while (!queue.isEmpty()) {
      String name = queue.poll();
      List<Step> here = routes.get(name);
      if (name.equals(target)) return here;
      List<Step[]> next = new ArrayList<>();
      if (spec.isUnion(name)) {
        for (String v : spec.variants(name)) next.add(new Step[] {new Step(true, v)});
      } else if (spec.isObject(name)) {
        spec.properties(name).forEach((p, s) -> {
          if (SpecModel.referenced(s) != null) next.add(new Step[] {new Step(false, p)});
        });
      }
      for (Step[] step : next) {
        String to = step[0].variant() ? step[0].name() : SpecModel.referenced(spec.properties(name).get(step[0].name()));
        if (!routes.containsKey(to)) {
          List<Step> longer = new ArrayList<>(here);
          longer.add(step[0]);
          routes.put(to, longer);
          queue.add(to);
        }
      }
    }
    return null;
  }

  /** Builds an instance of {@code root} along {@code route}, the schema at its end in {@code mode}. */
  Built build(String root, List<Step> route, Mode mode) {
    Context context = new Context(new ArrayDeque<>(route), mode);
    JsonNode node = value(root, "$", context, route.isEmpty() ? mode : Mode.MINIMAL, null);
    return new Built((ObjectNode) node, context.path, context.node, context.rootVariant);
  }

  private static final class Context {
    final Deque<Step> route;
    final Mode focusMode;
    String path;
    JsonNode node;
    String rootVariant;

    Context(Deque<Step> route, Mode focusMode) {
      this.route = route;
      this.focusMode = focusMode;
    }
  }

  /**
   * A constraint a union puts on its variant: a key to include in an object property (or, with no
   * property, in the variant itself), or a value of the property.
   */
  private record Selection(String property, String key, String value) {}

  private JsonNode value(String name, String path, Context context, Mode mode, Selection selection) {
    JsonNode node;
    if (spec.isUnion(name)) {
      String variant = context.route.isEmpty() || !context.route.peek().variant()
          ? spec.variants(name).get(0)
          : context.route.poll().name();
      if (path.equals("$")) context.rootVariant = variant;
      Mode variantMode = context.route.isEmpty() && context.node == null ? context.focusMode : mode;
      node = value(variant, path, context, variantMode, selectionFor(name, variant));
      return node;
    }
    if (spec.isEnum(name)) {
      List<String> values = spec.enumValues(name);
      node = JSON.textNode(values.get(mode == Mode.MINIMAL ? 0 : random.nextInt(values.size())));
      focus(context, path, node);
      return node;
    }
    if (spec.isScalar(name)) {
      node = scalar(spec.schema(name));
      focus(context, path, node);
      return node;
    }
    if (spec.isArray(name)) {
      // a named array inside a body (AssemblyAI's WordSearchTimestamp, [start, end]): none, or two items
      ArrayNode array = JSON.arrayNode();
      focus(context, path, array);
      for (int i = 0; i < (mode == Mode.MAXIMAL ? 2 : 0); i++) {
        array.add(element(spec.schema(name).get("items"), path + "[" + i + "]", new Context(new ArrayDeque<>(), mode), mode));
      }
      return array;
    }
    ObjectNode object = JSON.objectNode();
    focus(context, path, object);
    Set<String> required = spec.required(name);
    Step next = context.route.isEmpty() ? null : context.route.peek();
    // A rule on the object's own keys (x-audiojobs-select without a property): the variant holds its key.
    String ownKey = selection != null && selection.property() == null ? selection.key() : null;
    for (Map.Entry<String, JsonNode> property : spec.properties(name).entrySet()) {
      String p = property.getKey();
      boolean onRoute = next != null && !next.variant() && next.name().equals(p);
      boolean selected = selection != null && (p.equals(selection.property()) || p.equals(ownKey));
      if (!required.contains(p) && mode == Mode.MINIMAL && !onRoute && !selected) continue;
      if (onRoute) context.route.poll();
      Mode childMode = onRoute && context.route.isEmpty() ? context.focusMode : (onRoute ? Mode.MINIMAL : mode);
      object.set(p, propertyValue(property.getValue(), path + "." + p, context, childMode, onRoute, selection, p));
    }
    if (mode == Mode.MAXIMAL) {
      ObjectNode extra = object.putObject(EXTRA);
      extra.putArray("kept").add(1).add("two").addNull().add(2.5);
    }
    return object;
  }

  private void focus(Context context, String path, JsonNode node) {
    if (context.route.isEmpty() && context.node == null) {
      context.path = path;
      context.node = node;
    }
  }

  private JsonNode propertyValue(JsonNode schema, String path, Context context, Mode mode, boolean onRoute,
      Selection selection, String property) {
    if (selection != null && property.equals(selection.property()) && selection.value() != null) {
      return JSON.textNode(selection.value());
    }
    if (schema.has("allOf") && schema.has("enum")) {
      // A narrowed enum: only the values the narrowing allows.
      JsonNode values = schema.get("enum");
      return JSON.textNode(values.get(mode == Mode.MINIMAL ? 0 : random.nextInt(values.size())).asText());
    }
    String ref = schema.has("$ref") ? SpecModel.refName(schema) : schema.has("allOf") ? SpecModel.refName(schema.get("allOf").get(0)) : null;
    if (ref != null) {
      JsonNode node = value(ref, path, context, mode, null);
      if (selection != null && property.equals(selection.property()) && selection.key() != null && node instanceof ObjectNode o
          && !o.has(selection.key())) {
        // The selecting object must hold the rule's key; build it as the variant's own schema does.
        JsonNode keySchema = spec.properties(ref).get(selection.key());
        o.set(selection.key(), propertyValue(keySchema, path + "." + selection.key(), context, Mode.MINIMAL, false, null, selection.key()));
      }
      return node;
    }
    String type = schema.path("type").asText();
    switch (type) {
      case "array" -> {
        ArrayNode array = JSON.arrayNode();
        int size = onRoute ? 1 : mode == Mode.MAXIMAL ? 2 : 0;
        for (int i = 0; i < size; i++) {
          array.add(i == 0 && onRoute ? element(schema.get("items"), path + "[0]", context, mode) : element(schema.get("items"), path + "[" + i + "]", new Context(new ArrayDeque<>(), mode), mode));
        }
        return array;
      }
      case "object" -> {
        ObjectNode map = JSON.objectNode();
        if (onRoute || mode == Mode.MAXIMAL) {
          map.set("key1", element(schema.get("additionalProperties"), path + ".key1", onRoute ? context : new Context(new ArrayDeque<>(), mode), mode));
        }
        return map;
      }
      default -> {
        return scalar(schema);
      }
    }
  }

  private JsonNode element(JsonNode schema, String path, Context context, Mode mode) {
    if (schema.has("$ref")) return value(SpecModel.refName(schema), path, context, mode, null);
    return scalar(schema);
  }

  JsonNode scalar(JsonNode schema) {
    return switch (schema.path("type").asText()) {
      case "string" -> "date-time".equals(schema.path("format").asText())
          ? JSON.textNode(DATE_TIMES[random.nextInt(DATE_TIMES.length)])
          : JSON.textNode("text-" + Integer.toString(random.nextInt(1 << 20), 36));
      case "number" -> random.nextBoolean() ? JSON.numberNode(random.nextInt(1000)) : JSON.numberNode(random.nextInt(100000) / 100.0);
      case "integer" -> JSON.numberNode(random.nextInt(1000));
      case "boolean" -> JSON.booleanNode(random.nextBoolean());
      default -> throw new IllegalStateException(spec.vendor + ": no scalar for " + schema);
    };
  }

  /** What a union requires of {@code variant} so that its rule selects it. */
  private Selection selectionFor(String union, String variant) {
    JsonNode schema = spec.schema(union);
    JsonNode discriminator = schema.get("discriminator");
    if (discriminator != null) {
      String property = discriminator.path("propertyName").asText();
      for (var it = discriminator.path("mapping").fields(); it.hasNext(); ) {
        var e = it.next();
        if (e.getValue().asText().equals(SpecModel.SCHEMAS + variant)) return new Selection(property, null, e.getKey());
      }
      return new Selection(property, null, UNKNOWN_ENUM);
    }
    JsonNode select = schema.path("x-audiojobs-select");
    for (JsonNode rule : select.path("byKeys")) {
      if (rule.path("schema").asText().equals(SpecModel.SCHEMAS + variant)) {
        // no property: the rule reads the variant object's own keys (AssemblyAI's speech understanding tasks)
        return new Selection(select.path("property").asText(null), rule.path("keys").get(0).asText(), null);
      }
    }
    return null; // the fallback: nothing to add, and minimal objects hold no rule key
  }

  /** The variant the union's rule selects for {@code instance}. */
  String select(String union, JsonNode instance) {
    JsonNode schema = spec.schema(union);
    JsonNode discriminator = schema.get("discriminator");
    if (discriminator != null) {
      JsonNode value = instance.get(discriminator.path("propertyName").asText());
      JsonNode target = value != null && value.isTextual() ? discriminator.path("mapping").get(value.asText()) : null;
      return target == null ? spec.fallback(union) : target.asText().substring(SpecModel.SCHEMAS.length());
    }
    JsonNode select = schema.path("x-audiojobs-select");
    JsonNode object = select.has("property") ? instance.get(select.path("property").asText()) : instance;
    Set<String> keys = new LinkedHashSet<>();
    if (object != null && object.isObject()) object.fieldNames().forEachRemaining(keys::add);
    for (JsonNode rule : select.path("byKeys")) {
      for (JsonNode key : rule.path("keys")) {
        if (keys.contains(key.asText())) return rule.path("schema").asText().substring(SpecModel.SCHEMAS.length());
      }
    }
    return spec.fallback(union);
  }

  /** A value of the wrong JSON type for {@code schema}. */
  static JsonNode wrongType(SpecModel spec, JsonNode schema) {
    String ref = SpecModel.referenced(schema);
    String type = schema.path("type").asText();
    if (type.equals("array")) return JSON.objectNode().put("not", "an array");
    if (ref != null && !schema.has("items") && !schema.path("additionalProperties").isObject()) {
      if (spec.isScalar(ref)) return wrongType(spec, spec.schema(ref));
      if (spec.isArray(ref)) return JSON.objectNode().put("not", "an array");
      return spec.isEnum(ref) ? JSON.numberNode(7) : JSON.textNode("not an object");
    }
    if (type.equals("object")) return JSON.textNode("not an object");
    return switch (type) {
      case "string" -> JSON.numberNode(12345);
      case "number", "integer" -> JSON.textNode("12");
      case "boolean" -> JSON.textNode("true");
      default -> JSON.booleanNode(true);
    };
  }
}
