package dev.audiojobs.openapi.upstream;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Validates pact interactions, request and response, against an upstream spec with
 * swagger-request-validator: the bi-directional half of the contracts.
 */
final class PactReplay {
  /**
   * One validation error: which pact and interaction, where in the message, and why.
   *
   * @param leaves the innermost messages: why each branch of a oneOf failed (the finding itself when it has none)
   */
  record Finding(String pact, String interaction, String key, String pointer, String message, List<Leaf> leaves) {
    Finding {
      leaves = List.copyOf(leaves);
    }

    /** The keys of {@link #leaves}. */
    Set<String> leafKeys() {
      Set<String> keys = new TreeSet<>();
      leaves.forEach(l -> keys.add(l.key()));
      return keys;
    }

    @Override
    public String toString() {
      return pact + " \"" + interaction + "\" " + pointer + ": " + message + " [" + key + "]";
    }
  }

  private final OpenApiInteractionValidator validator;

  PactReplay(ObjectNode upstreamSpec) {
    this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(UpstreamTree.toJson(upstreamSpec)).build();
  }

  /** Every validation error of {@code interaction}; empty when it conforms. */
  List<Finding> validate(PactInteraction interaction) {
    SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(interaction.method()), interaction.path());
    interaction.query().forEach(request::withQueryParam);
    interaction.requestHeaders().forEach(request::withHeader);
    if (interaction.requestBody() != null) request.withBody(interaction.requestBody());
    SimpleResponse.Builder response = SimpleResponse.Builder.status(interaction.status());
    interaction.responseHeaders().forEach(response::withHeader);
    if (interaction.body() != null) response.withBody(interaction.body());
    ValidationReport report = validator.validate(request.build(), response.build());
    List<Finding> findings = new ArrayList<>();
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() != ValidationReport.Level.ERROR) continue;
      // A parameter's message carries the pointer "/" of its value: name the parameter instead.
      String parameter = m.getKey().startsWith("validation.request.parameter")
          ? m.getContext().flatMap(ValidationReport.MessageContext::getParameter)
              .map(p -> "request parameter " + p.getIn() + "." + p.getName()).orElse("request parameter")
          : null;
      String pointer = parameter != null ? parameter : m.getContext()
          .flatMap(ValidationReport.MessageContext::getPointers)
          .map(ValidationReport.MessageContext.Pointers::getInstance)
          .filter(p -> !p.isEmpty())
          .map(p -> (m.getKey().startsWith("validation.request") ? "request body " : "response body ") + p)
          .orElse(m.getKey().startsWith("validation.request") ? "request" : "response " + interaction.status());
      List<Leaf> leaves = new ArrayList<>();
      leaves(m, leaves);
      findings.add(new Finding(interaction.pact(), interaction.description(), m.getKey(), pointer, oneLine(m.getMessage()), leaves));
    }
    return findings;
  }

  /** One innermost validator message. */
  record Leaf(String key, String message) {}

  /** The innermost messages: why each branch of a oneOf failed. */
  private static void leaves(ValidationReport.Message m, List<Leaf> into) {
    if (m.getNestedMessages().isEmpty()) into.add(new Leaf(m.getKey(), oneLine(m.getMessage())));
    else m.getNestedMessages().forEach(n -> leaves(n, into));
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }

  /** Validates every interaction of {@code vendor} in {@code interactions}. */
  List<Finding> validateAll(String vendor, List<PactInteraction> interactions) {
    List<Finding> all = new ArrayList<>();
    for (PactInteraction i : interactions) if (i.vendor().equals(vendor)) all.addAll(validate(i));
    return all;
  }

}
