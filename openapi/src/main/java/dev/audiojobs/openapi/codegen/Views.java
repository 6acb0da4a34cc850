package dev.audiojobs.openapi.codegen;

import java.util.List;

/**
 * What the templates render. Code fragments are computed here, in Java, where they can be tested;
 * the templates only lay them out. Records are read by JMustache through their accessors.
 */
final class Views {
  private Views() {}

  /** One vendor: its client, service, JSON entry point and operations. */
  record Vendor(String vendor, String packageName, String header, String clientClass, String serviceClass,
      String jsonClass, String defaultBaseUrl, String title, List<Operation> operations, List<String> adapted) {
    public String defaultBaseUrlLiteral() {
      return Names.literal(defaultBaseUrl);
    }

    public boolean hasWait() {
      return operations.stream().anyMatch(o -> o.waiting() != null);
    }

    public boolean hasPaging() {
      return operations.stream().anyMatch(o -> o.paging() != null);
    }
  }

  /**
   * One operation.
   *
   * @param doc javadoc lines without {@code @return}/{@code @throws} (each line starts with {@code " * "})
   * @param params every parameter, in spec order
   * @param requiredOnly the arguments passed by the overload without optional parameters, or null
   */
  record Operation(String id, String constant, String httpMethod, String path, String returnType, String doc,
      String throwsDoc, String nullChecks, List<Param> params, String signature, String arguments, String requiredSignature,
      String requiredArguments, boolean hasOptional, String serviceSignature, String definition, Wait waiting,
      Paging paging) {
    public String pathLiteral() {
      return Names.literal(path);
    }
  }

  /**
   * The {@code waitFor…} methods of an operation with {@code x-audiojobs-wait}.
   *
   * @param constant the static field holding the {@code JobPoller}, built by {@code definition}
   * @param doc the javadoc of the synchronous method, indented
   * @param operation the id of the polled operation, whose {@code …WithResponse} form is called
   */
  record Wait(String method, String constant, String definition, String signature, String argument,
      String nullChecks, String doc, String operation, String returnType) {}

  /**
   * The {@code …All} method of an operation with {@code x-audiojobs-paging}.
   *
   * @param body the method body, indented for it
   */
  record Paging(String method, String itemType, String signature, String body, String doc, boolean hasOptional,
      String requiredSignature, String requiredArguments) {}

  record Param(String wire, String name, String type, String serviceDeclaration, boolean required) {}

  /** One model file: exactly one of record, enumeration and union is set. */
  record Model(String name, String header, String packageName, List<String> imports, List<String> adapterImports,
      String javadoc, Record record, Enumeration enumeration, Union union) {
    public boolean isRecord() {
      return record != null;
    }

    public boolean isEnumeration() {
      return enumeration != null;
    }

    public boolean isUnion() {
      return union != null;
    }
  }

  record Record(String implementsClause, List<Property> properties, String components, String shortParameters,
      String shortArguments, String names) {

    public boolean hasCompactBody() {
      return properties.stream().anyMatch(p -> !p.compact().isEmpty());
    }

    /** The compact constructor's statements, indented for its body. */
    public String compactStatements() {
      return block(properties.stream().map(Property::compact).filter(s -> !s.isEmpty()).toList(), 4);
    }

    /** The adapter's local variables, one per property. */
    public String locals() {
      return block(properties.stream().map(Property::local).toList(), 4);
    }

    /** The adapter's {@code case} arms, one per property. */
    public String readCases() {
      return block(properties.stream().map(p -> "case " + p.index() + " -> {\n" + indent(p.readCase(), 2) + "\n}").toList(), 8);
    }

    /** The checks for missing required properties. */
    public String checks() {
      return block(properties.stream().map(Property::check).filter(s -> !s.isEmpty()).toList(), 4);
    }

    /** The statements writing every property. */
    public String writes() {
      return block(properties.stream().map(Property::write).toList(), 4);
    }

    /** The canonical constructor's arguments after decoding. */
    public String constructorArguments() {
      List<String> arguments = new java.util.ArrayList<>(properties.stream().map(Property::constructorArgument).toList());
      arguments.add("Json.extras(extras)");
      return String.join(", ", arguments);
    }

    public boolean hasProperties() {
      return !properties.isEmpty();
    }
  }

  /** Joins statements, each indented by {@code spaces}, one per line. */
  static String block(List<String> statements, int spaces) {
    return statements.stream().map(s -> indent(s, spaces)).collect(java.util.stream.Collectors.joining("\n"));
  }

  static String indent(String text, int spaces) {
    String pad = " ".repeat(spaces);
    return java.util.Arrays.stream(text.split("\n", -1)).map(l -> l.isEmpty() ? l : pad + l)
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  /**
   * One property of a record.
   *
   * @param readCase the body of its {@code case} in the adapter's name switch
   * @param check the statement run after the object ends (missing required property), or empty
   * @param write the statements writing it
   * @param compact the statement in the compact constructor (null check or immutable copy), or empty
   */
  record Property(int index, String local, String readCase, String check, String write, String compact,
      String constructorArgument) {}

  record Enumeration(List<Constant> constants, String terminal, String unsuccessful) {
    public boolean hasTerminal() {
      return !terminal.isEmpty();
    }

    public boolean hasUnsuccessful() {
      return !unsuccessful.isEmpty();
    }
  }

  record Constant(String owner, String name, String value, String javadoc) {}

  /**
   * A union.
   *
   * @param select the exact selection: the body of {@code fromJson} after the object check
   * @param singlePass the members that decode in one pass on a guess, or empty when the union has none
   */
  record Union(String permits, List<Accessor> accessors, List<Nested> nested, String select, String singlePass,
      List<String> variants) {
    /** The body of the adapter's {@code fromJson} after the object check, indented for it. */
    public String selectCode() {
      return indent(select, 4);
    }

    public boolean hasSinglePass() {
      return !singlePass.isEmpty();
    }

    public String singlePassCode() {
      return indent(singlePass, 2);
    }
  }

  record Accessor(String javadoc, String type, String name) {}

  record Nested(String name, String javadoc, String permits, List<Accessor> accessors) {}
}
