package dev.audiojobs.client;

/**
 * How much of each HTTP exchange the opt-in log ({@link ClientOptions.Builder#httpLog}) shows. The
 * {@code Authorization} header is always shown as {@code ██}, and the API key is masked wherever
 * else it would appear (a server echoing it in a body).
 */
public enum HttpLogLevel {
  /** Nothing. */
  NONE,
  /** One line per request and per response: method, URL, status, duration, body size. */
  BASIC,
  /** {@link #BASIC} plus the request and response headers. */
  HEADERS,
  /** {@link #HEADERS} plus the bodies. Bodies may hold personal data (transcripts); use with care. */
  BODY
}
