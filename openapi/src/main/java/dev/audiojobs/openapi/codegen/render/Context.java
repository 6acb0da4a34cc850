package dev.audiojobs.openapi.codegen.render;

import dev.audiojobs.openapi.codegen.model.Api;

/**
 * What every renderer of one spec shares: the model, its Java types and union analysis.
 *
 * @param api the spec's model
 */
record Context(Api api, JavaTypes types, Unions unions) {
  static Context of(Api api) {
    JavaTypes types = new JavaTypes(api.vendor().packageName());
    return new Context(api, types, new Unions(api, types));
  }

  /** The spec's path, as generated headers and javadoc name it. */
  String specPath() {
    return api.vendor().specPath();
  }

  /** The provenance line of a model's javadoc: {@code Schema {@code #/components/schemas/Job} of {@code …}.}. */
  String provenance(String schema) {
    return "Schema {@code #/components/schemas/" + schema + "} of {@code " + specPath() + "}.";
  }
}
