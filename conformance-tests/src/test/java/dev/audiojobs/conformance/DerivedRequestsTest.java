package dev.audiojobs.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.oas.OpenApi30;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The derived request cases are judged by another implementation before they judge the client: every
 * body a derived case expects to be sent validates against its operation's request schema in the
 * normalized spec (networknt, OpenAPI 3.0 dialect), and every body it expects to be refused does not.
 * A derivation that broke nothing, or broke the spec where it meant to stay inside, fails here.
 */
final class DerivedRequestsTest {
  @Test
  void sentBodiesAreValidAndRefusedBodiesAreNot() throws Exception {
    int sent = 0;
    int refused = 0;
    List<String> wrong = new ArrayList<>();
    for (String vendor : VendorClients.VENDORS) {
      SpecModel spec = new SpecModel(vendor, VendorClients.spec(vendor));
      List<DerivedCases.Derived> cases = new ArrayList<>();
      new DerivedRequests(spec, new Instances(spec, DerivedCases.SEED), cases).generate();
      String document = ConformanceCase.MAPPER.writeValueAsString(spec.spec);
      String name = "https://audiojobs.invalid/" + vendor + ".json";
      JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder
          .metaSchema(OpenApi30.getInstance())
          .defaultMetaSchemaIri(OpenApi30.getInstance().getIri())
          .schemaLoaders(loaders -> loaders.schemas(Map.of(name, document))));
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().nullableKeywordEnabled(true).build();
      for (DerivedCases.Derived d : cases) {
        DerivedRequests.Target target = DerivedRequests.targets(spec).stream()
            .filter(t -> t.operation().id().equals(d.json().get("operation").asText())).findFirst().orElseThrow();
        String pointer = "/paths/" + target.path().replace("~", "~0").replace("/", "~1") + "/"
            + target.method().toLowerCase(java.util.Locale.ROOT) + "/requestBody/content/application~1json/schema";
        JsonSchema schema = factory.getSchema(SchemaLocation.of(name + "#" + pointer), config);
        JsonNode body = d.json().get("request").get("body");
        boolean valid = schema.validate(body).isEmpty();
        boolean expectRefused = d.json().get("expect").get("outcome").asText().equals("invalid_request");
        if (expectRefused) refused++;
        else sent++;
        if (valid == expectRefused) {
          wrong.add(d.name() + " (" + d.json().get("description").asText() + "): the spec finds the body "
              + (valid ? "valid" : "invalid: " + schema.validate(body)));
        }
      }
    }
    System.out.println("derived requests: " + sent + " sent, " + refused + " refused, checked against the normalized specs");
    assertThat(sent).as("bodies derived to be sent").isPositive();
    assertThat(refused).as("bodies derived to be refused").isPositive();
    assertThat(wrong).isEmpty();
  }
}
