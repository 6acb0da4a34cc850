package dev.audiojobs.openapi.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.audiojobs.openapi.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The recorded cases where a committed pact interaction cannot validate against a vendor's upstream
 * spec because the upstream is wrong about reality, each next to the overlay that works around it:
 * {@code openapi/overlays/<vendor>/exceptions/upstream-pacts.yaml}. (A subfolder, because the
 * Normalizer applies every {@code *.yaml} directly in {@code overlays/<vendor>/} as an overlay.)
 *
 * <pre>
 * exceptions:
 *   - key: validation.response.status.unknown        # the validator's message key
 *     interactions: ["a request for a job that does not exist"]
 *     overlay: openapi/overlays/pyannote/10-operations.yaml
 *     reason: upstream declares no 404; ...
 * </pre>
 */
record UpstreamExceptions(String file, List<Entry> entries) {
  static final String LOCATION = "exceptions/upstream-pacts.yaml";

  /** One recorded exception. */
  record Entry(String key, List<String> interactions, String overlay, String reason) {
    Entry {
      interactions = List.copyOf(interactions);
    }

    boolean covers(PactReplay.Finding finding) {
      return key.equals(finding.key()) && interactions.contains(finding.interaction());
    }
  }

  UpstreamExceptions {
    entries = List.copyOf(entries);
  }

  /** The exceptions of {@code vendor} under {@code openapiDir}; none when the file does not exist. */
  static UpstreamExceptions read(Path openapiDir, String vendor) {
    Path file = openapiDir.resolve("overlays").resolve(vendor).resolve(LOCATION);
    String display = "openapi/overlays/" + vendor + "/" + LOCATION;
    if (!Files.exists(file)) return new UpstreamExceptions(display, List.of());
    JsonNode root;
    try {
      root = UpstreamTree.YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new SpecException(display, "$", "not valid YAML: " + e.getMessage(), e);
    }
    List<Entry> entries = new ArrayList<>();
    int index = 0;
    for (JsonNode e : root.path("exceptions")) {
      String at = "$.exceptions[" + index++ + "]";
      for (String required : List.of("key", "interactions", "overlay", "reason")) {
        if (!e.hasNonNull(required)) throw new SpecException(display, at, "missing " + required + "; every exception states all four");
      }
      List<String> interactions = new ArrayList<>();
      e.get("interactions").forEach(i -> interactions.add(i.asText()));
      if (!Files.exists(openapiDir.getParent() == null ? Path.of(e.get("overlay").asText())
          : openapiDir.toAbsolutePath().getParent().resolve(e.get("overlay").asText()))) {
        throw new SpecException(display, at + ".overlay", e.get("overlay").asText() + " does not exist; name the overlay that works around it");
      }
      entries.add(new Entry(e.get("key").asText(), interactions, e.get("overlay").asText(), e.get("reason").asText()));
    }
    return new UpstreamExceptions(display, entries);
  }

  /** The entry that covers {@code finding}, or null. */
  Entry covering(PactReplay.Finding finding) {
    for (Entry e : entries) if (e.covers(finding)) return e;
    return null;
  }
}
