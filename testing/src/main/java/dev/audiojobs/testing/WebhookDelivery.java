package dev.audiojobs.testing;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One webhook a simulator sent, signed as the vendor signs it, and what the receiver answered.
 *
 * @param url where it was sent
 * @param headers the headers sent (signature and timestamp included), by name as sent
 * @param body the raw body, the exact bytes the signature covers, as UTF-8 text
 * @param status the receiver's HTTP status, or -1 when no response arrived
 * @param failure why no response arrived (connection refused, timeout), or null
 */
public record WebhookDelivery(String url, Map<String, String> headers, String body, int status, @Nullable String failure) {
  public WebhookDelivery {
    TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(headers);
    headers = java.util.Collections.unmodifiableMap(copy);
  }

  /** The header named {@code name}, in any case. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** Whether the receiver answered with a 2xx. */
  public boolean delivered() {
    return status >= 200 && status < 300;
  }
}
