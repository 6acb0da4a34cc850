package dev.audiojobs.openapi.codegen.render;

import java.util.Locale;
import java.util.Set;

/** Java names for wire names: {@code job_id} → {@code jobId}, {@code succeeded} → {@code SUCCEEDED}. */
final class Names {
  private static final Set<String> RESERVED = Set.of(
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
      "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
      "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
      "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
      "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "record",
      "var", "yield", "sealed", "permits",
      // Record component names that would clash with the generated members every model has.
      "extras", "hashCode", "toString", "equals", "getClass");

  private Names() {}

  /** A lower-camel-case Java identifier for a property or parameter wire name. */
  static String member(String wireName) {
    String camel = camel(wireName, false);
    return RESERVED.contains(camel) ? camel + "_" : camel;
  }

  /** An upper-camel-case type name: {@code output} → {@code Output}. */
  static String type(String wireName) {
    return camel(wireName, true);
  }

  /** An enum constant name: {@code succeeded} → {@code SUCCEEDED}, {@code soap-notes} → {@code SOAP_NOTES}. */
  static String constant(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(value.charAt(i - 1))) out.append('_');
        out.append(Character.toUpperCase(c));
      } else if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
        out.append('_');
      }
    }
    String name = out.toString().replaceAll("_+$", "");
    if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) name = "V_" + name;
    return name.toUpperCase(Locale.ROOT);
  }

  private static String camel(String wireName, boolean upperFirst) {
    StringBuilder out = new StringBuilder();
    boolean upper = upperFirst;
    for (int i = 0; i < wireName.length(); i++) {
      char c = wireName.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        upper = out.length() > 0 || upperFirst;
        continue;
      }
      if (out.length() == 0) {
        out.append(upperFirst ? Character.toUpperCase(c) : Character.toLowerCase(c));
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
      }
      upper = false;
    }
    if (out.length() == 0 || !Character.isJavaIdentifierStart(out.charAt(0))) out.insert(0, upperFirst ? "V" : "v");
    return out.toString();
  }

  /** Escapes spec text for javadoc: HTML specials, the comment terminator and a leading {@code @}. */
  static String javadoc(String text) {
    return text.strip()
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("*/", "*&#47;")
        .replace("@", "&#64;");
  }

  /** Escapes text for a Java string literal. */
  static String literal(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    return out.append('"').toString();
  }
}
