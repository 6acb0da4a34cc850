package dev.audiojobs.openapi.codegen.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.audiojobs.openapi.codegen.model.SpecNodes.fields;

/**
 * Reads a normalized spec into an {@link Api}: the one place that interprets the spec.
 *
 * <p>Only what the normalized spec states is read. Union selection rules come from the spec's
 * {@code discriminator} and {@code x-audiojobs-select}; terminal statuses from
 * {@code x-audiojobs-terminal}; nothing here knows a vendor. A construct the generator does not
 * support (an inline enum, a header parameter, a {@code HEAD}) is an {@link UnsupportedSpecException}
 * naming its JSON pointer, never a silent guess.
 */
public final class SpecReader {
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  private final JsonNode spec;
  private final Vendor vendor;
  private final SchemaReader types;
  private final ExtensionReader extensions;
  private final OperationReader operations;

  private SpecReader(JsonNode spec, Vendor vendor) {
    this.spec = spec;
    this.vendor = vendor;
    this.types = new SchemaReader(spec, vendor);
    this.extensions = new ExtensionReader(spec, types, vendor);
    this.operations = new OperationReader(spec, types, extensions, vendor);
  }

  /**
   * Reads {@code spec}, the normalized spec of {@code vendor}.
   *
   * @throws UnsupportedSpecException for the first construct the generator does not support
   */
  public static Api read(JsonNode spec, Vendor vendor) {
    return new SpecReader(spec, vendor).api();
  }

  private Api api() {
    types.readModels();
    Keywords.check(spec, Keywords.Kind.ROOT, "#", vendor.specPath());
    String version = spec.path("openapi").asText("");
    if (!version.matches("3\\.[01]\\.\\d+")) throw unsupported("#/openapi", "OpenAPI version '" + version + "' (3.0.x or 3.1.x)");
    String server = spec.path("servers").path(0).path("url").asText("");
    if (server.isEmpty()) throw unsupported("#/servers", "a spec without a server URL");
    if (server.contains("{")) {
      throw unsupported("#/servers/0/url", "a server URL with variables; the client's base URL is one URL (an option)");
    }
    String title = spec.path("info").path("title").asText(vendor.token());
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : fields(spec.path("paths"))) {
      for (Map.Entry<String, JsonNode> entry : fields(path.getValue())) {
        String where = "#/paths/" + escape(path.getKey()) + "/" + entry.getKey();
        if (METHODS.contains(entry.getKey()) && !List.of("get", "put", "post", "delete", "patch").contains(entry.getKey())) {
          throw unsupported(where, "the HTTP method " + entry.getKey().toUpperCase(Locale.ROOT));
        }
      }
      Keywords.check(path.getValue(), Keywords.Kind.PATH_ITEM, "#/paths/" + escape(path.getKey()), vendor.specPath());
      for (String method : List.of("get", "put", "post", "delete", "patch")) {
        JsonNode operation = path.getValue().get(method);
        if (operation != null) operations.add(this.operations.operation(path.getKey(), method, operation, path.getValue()));
      }
    }
    new RequestRecords(types.models, types.declared, vendor.specPath()).mark(operations);
    Api api = new Api(vendor, title, server, List.copyOf(operations), Collections.unmodifiableSortedMap(types.models),
        Optional.ofNullable(extensions.webhooks()));
    for (Operation operation : operations) {
      if (operation.thenWait() != null) extensions.checkThenWait(api, operation);
    }
    return api;
  }

  private UnsupportedSpecException unsupported(String where, String what) {
    return new UnsupportedSpecException(vendor.specPath(), where, what);
  }

  /** A JSON pointer segment: {@code /v1/jobs} → {@code ~1v1~1jobs}. */
  static String escape(String segment) {
    return SpecNodes.escape(segment);
  }
}
