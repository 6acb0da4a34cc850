package dev.audiojobs.client.internal;

/**
 * The one gate through which text a server sent (an error body, a log line) reaches an exception or
 * a log: it masks the API key.
 */
final class Secrets {
  static final String MASK = "██";

  private Secrets() {}

  /** {@code text} with every occurrence of {@code key} replaced by {@link #MASK}. */
  static String mask(String text, String key) {
    return key.isEmpty() ? text : text.replace(key, MASK);
  }
}
