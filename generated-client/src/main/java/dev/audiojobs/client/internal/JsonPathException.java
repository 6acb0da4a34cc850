package dev.audiojobs.client.internal;

import java.io.IOException;

/**
 * A JSON value that does not fit the schema, with the JSON path of the offending value.
 *
 * <p>An {@code IOException}, like Moshi's own {@code JsonEncodingException}, so that it passes through
 * {@code JsonAdapter.fromJson}. Thrown by generated adapters and {@link Json}; the client turns it into a
 * {@link dev.audiojobs.client.DecodeException}. For a missing property the path is the one the
 * property would have had ({@code $.output.diarization[1].speaker}).
 */
public final class JsonPathException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String reason;

  public JsonPathException(String path, String reason) {
    super(reason + " at " + path);
    this.path = path;
    this.reason = reason;
  }

  /** The {@code $}-rooted JSON path of the offending value. */
  public String path() {
    return path;
  }

  /** What is wrong, without the path. */
  public String reason() {
    return reason;
  }
}
