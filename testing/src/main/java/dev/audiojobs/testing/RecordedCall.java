package dev.audiojobs.testing;

/**
 * One request a simulator received and the status it answered with (-1 for {@link Fault#reset()}).
 * Headers are not kept, so that no API key is.
 *
 * @param method the HTTP method
 * @param target the path and query, as received
 * @param authorized whether an {@code Authorization} header was present
 * @param status the status answered, or -1 when the connection was closed instead
 */
public record RecordedCall(String method, String target, boolean authorized, int status) {}
