package dev.audiojobs.client.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one gate through which text a server sent reaches an exception, an accessor or a log: an
 * error or undecodable body, a header value, a decode error's path, a transport failure's message,
 * a log line. It masks the API key wherever it appears, in three forms:
 *
 * <ul>
 *   <li>as is;
 *   <li>JSON-escaped, any of its characters written as {@code \}{@code uXXXX} (either case of hex
 *       digits) or, for {@code /}, as {@code \/}: a server that echoes the key inside a JSON string
 *       may escape it ({@code sk\}{@code u005f…});
 *   <li>percent-encoded, any of its ASCII characters written as {@code %XX}: a key sent as a query
 *       parameter appears so in a URL.
 * </ul>
 *
 * <p>A key shorter than {@value #MIN_KEY_LENGTH} characters is not masked: no vendor issues one,
 * and masking a test key such as {@code "k"} would corrupt every text it occurs in ({@code okhttp}
 * would become {@code o██http}). The {@code Authorization} header is redacted by name regardless.
 */
final class Secrets {
  static final String MASK = "██";
  static final int MIN_KEY_LENGTH = 8;

  private final String key;

  Secrets(String key) {
    this.key = key;
  }

  /** {@code text} with every occurrence of the key, in either form, replaced by {@link #MASK}. */
  String mask(String text) {
    return mask(text, key);
  }

  /** Every value of {@code headers} masked; names are kept (a header name is not echoed input). */
  Map<String, List<String>> mask(Map<String, List<String>> headers) {
    Map<String, List<String>> masked = new LinkedHashMap<>();
    headers.forEach((name, values) -> {
      List<String> copy = new ArrayList<>(values.size());
      values.forEach(v -> copy.add(mask(v)));
      masked.put(name, copy);
    });
    return masked;
  }

  /**
   * {@code failure} itself when its message does not contain the key; otherwise an {@link
   * IOException} whose message is the masked {@code "<class name>: <message>"} and whose stack trace
   * is the original's (a malformed status line that echoes the key, say). The original is dropped:
   * its message would give the key away through {@code getCause()}.
   */
  IOException mask(IOException failure) {
    String message = failure.getMessage();
    if (message == null || mask(message).equals(message)) {
      return failure;
    }
    IOException masked = new IOException(failure.getClass().getName() + ": " + mask(message));
    masked.setStackTrace(failure.getStackTrace());
    return masked;
  }

  /** Like {@link #mask(IOException)}, for what a JSON reader or adapter threw. */
  Throwable maskCause(Throwable failure) {
    if (failure instanceof IOException io) {
      return mask(io);
    }
    String message = failure.getMessage();
    if (message == null || mask(message).equals(message)) {
      return failure;
    }
    MaskedFailure masked = new MaskedFailure(failure.getClass().getName() + ": " + mask(message));
    masked.setStackTrace(failure.getStackTrace());
    return masked;
  }

  /** What a failure whose message gave the key away becomes. */
  static final class MaskedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MaskedFailure(String message) {
      super(message);
    }
  }

  /** {@code text} with every occurrence of {@code key}, in either form, replaced by {@link #MASK}. */
  static String mask(String text, String key) {
    if (key.length() < MIN_KEY_LENGTH || text.length() < key.length()) {
      return text;
    }
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i <= text.length() - key.length(); ) {
      int end = matchAt(text, i, key);
      if (end < 0) {
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, i).append(MASK);
      copied = end;
      i = end;
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /** The end of the key's occurrence starting at {@code start}, or -1 when none starts there. */
  private static int matchAt(String text, int start, String key) {
    int at = start;
    for (int k = 0; k < key.length(); k++) {
      char wanted = key.charAt(k);
      if (at < text.length() && text.charAt(at) == wanted) {
        at++;
      } else if (at + 3 <= text.length() && text.charAt(at) == '%' && wanted < 0x80 && hex(text, at + 1, 2) == wanted) {
        at += 3; // percent-encoded, as in a URL's query (a key sent as a query parameter)
      } else if (at + 1 < text.length() && text.charAt(at) == '\\') {
        char next = text.charAt(at + 1);
        if (next == 'u' && at + 6 <= text.length() && hex(text, at + 2, 4) == wanted) {
          at += 6;
        } else if (next == '/' && wanted == '/') {
          at += 2;
        } else {
          return -1;
        }
      } else {
        return -1;
      }
    }
    return at;
  }

  private static int hex(String text, int from, int digits) {
    int value = 0;
    for (int i = from; i < from + digits; i++) {
      int digit = Character.digit(text.charAt(i), 16);
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }
}
