package dev.audiojobs.client.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parses one JSON value from its text, strictly by RFC 8259, into the values {@link JsonUnknown#readValue}
 * produces; only for the rare unknown value that Moshi's strict reader refuses although it is valid.
 *
 * <p>Moshi 1.15 refuses a number whose integer digits, read so far, are a multiple of 2<sup>64</sup>
 * ({@code 1} followed by 64 zeros, {@code 184467440737095516160}): its overflow check wraps to 0 and
 * takes the next digit for one after a leading zero. {@link #parse} says whether such a number was
 * seen, so that the caller can tell this from input that is malformed anyway.
 */
final class StrictJsonText {
  /** As deep as Moshi's own reader goes. */
  private static final int MAX_DEPTH = 255;

  private final String text;
  private int pos;
  private boolean sawMoshiTrap;

  private StrictJsonText(String text) {
    this.text = text;
  }

  /** What {@link #parse} found: the value, and whether it holds a number Moshi refuses. */
  record Parsed(@Nullable Object value, boolean hasMoshiTrap) {}

  /** The value {@code text} holds, or null when it is not exactly one valid JSON value. */
  static @Nullable Parsed parse(String text) {
    StrictJsonText parser = new StrictJsonText(text);
    try {
      parser.skipWhitespace();
      Object value = parser.value(0);
      parser.skipWhitespace();
      return parser.pos == text.length() ? new Parsed(value, parser.sawMoshiTrap) : null;
    } catch (Malformed | IndexOutOfBoundsException e) {
      return null;
    }
  }

  /**
   * Whether Moshi's reader refuses {@code literal}, a valid JSON number: it accumulates the integer
   * digits negated in a {@code long}, and a digit that follows an accumulated 0 is a leading zero to it.
   */
  static boolean moshiRefuses(String literal) {
    int i = literal.startsWith("-") ? 1 : 0;
    long value = 0;
    boolean first = true;
    for (; i < literal.length() && Character.isDigit(literal.charAt(i)); i++) {
      int digit = literal.charAt(i) - '0';
      if (!first && value == 0) return true;
      value = first ? -digit : value * 10 - digit;
      first = false;
    }
    return false;
  }

  private @Nullable Object value(int depth) {
    char c = text.charAt(pos);
    switch (c) {
      case '{' -> {
        if (depth == MAX_DEPTH) throw new Malformed();
        pos++;
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (text.charAt(pos) == '}') {
          pos++;
          return map;
        }
        while (true) {
          skipWhitespace();
          if (text.charAt(pos) != '"') throw new Malformed();
          String name = string();
          skipWhitespace();
          expect(':');
          skipWhitespace();
          if (map.containsKey(name)) throw new Malformed(); // refused as JsonUnknown.readValue refuses it
          map.put(name, value(depth + 1));
          skipWhitespace();
          if (text.charAt(pos) == '}') {
            pos++;
            return map;
          }
          expect(',');
        }
      }
      case '[' -> {
        if (depth == MAX_DEPTH) throw new Malformed();
        pos++;
        List<@Nullable Object> list = new ArrayList<>();
        skipWhitespace();
        if (text.charAt(pos) == ']') {
          pos++;
          return list;
        }
        while (true) {
          skipWhitespace();
          list.add(value(depth + 1));
          skipWhitespace();
          if (text.charAt(pos) == ']') {
            pos++;
            return list;
          }
          expect(',');
        }
      }
      case '"' -> {
        return string();
      }
      case 't' -> {
        keyword("true");
        return Boolean.TRUE;
      }
      case 'f' -> {
        keyword("false");
        return Boolean.FALSE;
      }
      case 'n' -> {
        keyword("null");
        return null;
      }
      default -> {
        return number();
      }
    }
  }

  private String string() {
    pos++; // the opening quote
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = text.charAt(pos++);
      if (c == '"') return out.toString();
      if (c < 0x20) throw new Malformed();
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escaped = text.charAt(pos++);
      switch (escaped) {
        case '"', '\\', '/' -> out.append(escaped);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          int code = 0;
          for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos++), 16);
            if (digit < 0) throw new Malformed();
            code = code * 16 + digit;
          }
          out.append((char) code);
        }
        default -> throw new Malformed();
      }
    }
  }

  private Number number() {
    int start = pos;
    if (text.charAt(pos) == '-') pos++;
    if (text.charAt(pos) == '0') {
      pos++;
    } else {
      if (!isDigit(pos)) throw new Malformed();
      while (isDigit(pos)) pos++;
    }
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      if (!isDigit(pos)) throw new Malformed();
      while (isDigit(pos)) pos++;
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) pos++;
      if (!isDigit(pos)) throw new Malformed();
      while (isDigit(pos)) pos++;
    }
    String literal = text.substring(start, pos);
    if (moshiRefuses(literal)) sawMoshiTrap = true;
    return JsonNumbers.number(literal);
  }

  private boolean isDigit(int at) {
    return at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9';
  }

  private void keyword(String keyword) {
    if (!text.startsWith(keyword, pos)) throw new Malformed();
    pos += keyword.length();
  }

  private void expect(char c) {
    if (text.charAt(pos++) != c) throw new Malformed();
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
      pos++;
    }
  }

  /** Not valid JSON; {@link #parse} turns it into null. */
  private static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Malformed() {
      super(null, null, false, false);
    }
  }
}
