package dev.audiojobs.openapi.codegen.render;

import java.util.ArrayList;
import java.util.List;

/** Javadoc text from spec text: escaped paragraphs and block tags, laid out as the Java conventions want. */
final class Javadocs {
  private Javadocs() {}

  /**
   * Paragraphs separated by blank lines, each after the first opened with {@code <p>} unless it starts
   * with a block element, then the block tags after a blank line. Paragraphs and tags are javadoc
   * already (escape spec text with {@link Names#javadoc} first).
   */
  static String of(List<String> paragraphs, List<String> tags) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : paragraphs) {
      if (!lines.isEmpty()) {
        lines.add("");
        if (!paragraph.startsWith("<")) paragraph = "<p>" + paragraph;
      }
      lines.add(paragraph);
    }
    if (!tags.isEmpty()) {
      if (!lines.isEmpty()) lines.add("");
      lines.addAll(tags);
    }
    return String.join("\n", lines) + "\n";
  }

  /** The spec's {@code text} escaped as one paragraph, or no paragraph when it is blank. */
  static List<String> description(String text) {
    return text.isBlank() ? List.of() : List.of(Names.javadoc(text));
  }

  /** {@code {@code text}}, escaped. */
  static String code(String text) {
    return "{@code " + Names.javadoc(text) + "}";
  }
}
