package dev.audiojobs.conformance.pact;

import au.com.dius.pact.consumer.junit5.PactTestFor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails the test class when the pact it just wrote differs from the committed one, so that a change
 * to what the client relies on is reviewed.
 *
 * <p>Registered before {@code PactConsumerTestExt}: JUnit runs after-all callbacks in reverse order of
 * registration, so this runs once Pact has written {@code target/pacts/<consumer>-<provider>.json}.
 */
public final class CommittedPactCheck implements AfterAllCallback {
  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (context.getExecutionException().isPresent()) return; // Pact writes nothing for a failed class
    String provider = context.getRequiredTestClass().getAnnotation(PactTestFor.class).providerName();
    String name = Exchange.CONSUMER + "-" + provider + ".json";
    Path generated = Path.of(System.getProperty("pact.rootDir", "target/pacts")).resolve(name);
    Path committed = Path.of(System.getProperty("audiojobs.pacts.committed", "pacts")).resolve(name);
    String regenerate = "review the change, then regenerate the committed pact from the project root with: "
        + "./mvnw -B -q -pl conformance-tests -am verify; cp conformance-tests/target/pacts/" + name
        + " conformance-tests/pacts/";
    if (!Files.exists(generated)) throw new AssertionError("Pact wrote no " + generated);
    if (!Files.exists(committed)) throw new AssertionError("no committed pact conformance-tests/pacts/" + name + "; " + regenerate);
    PactComparison.difference(Files.readString(committed), Files.readString(generated)).ifPresent(d -> {
      throw new AssertionError("the pact the tests produce differs from conformance-tests/pacts/" + name + ": " + d
          + "\n" + regenerate);
    });
  }
}
