package dev.audiojobs.client.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.audiojobs.client.RequestValidationException;
import java.io.EOFException;
import java.io.IOException;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Decoding one whole JSON document, and what a failure says: every failure of Moshi's reader or of
 * an adapter becomes one {@link JsonPathException} with the path and a reason in this project's words
 * (never Moshi's advice to call {@code setLenient}). For generated code and the runtime; not API.
 *
 * <h2>Why a response is read through a peek</h2>
 *
 * <p>{@link #decode} reads a peek of the body's buffer, not the buffer itself: a {@code DecodeException}
 * carries the body as received, and a union's wrong guess ({@link JsonLookAhead}) decodes again from
 * the start. The peek shares the body's Okio segments, which Okio's pool then never takes back, so a
 * small response costs one 8 KB segment more than a reader that consumes its buffer. It stays: a union
 * looks ahead ({@code peekJson}) before choosing its variant, which shares the segment anyway, and the
 * way around the peek — a private copy of the bytes to consume — costs the size of the body in every
 * response, megabytes for an hour-long job, against 8 KB. The README's getJob benchmark puts the 8 KB
 * next to what one call on loopback allocates.
 */
public final class JsonDocument {
  private JsonDocument() {}

  /**
   * Decodes all of {@code json}, UTF-8 JSON text, with {@code adapter}, leaving {@code json}
   * unconsumed. One pass when it can ({@link JsonLookAhead}), two when a union's guess was wrong.
   *
   * @throws JsonPathException if {@code json} is empty, malformed or truncated, does not fit, is the
   *     literal {@code null}, or has content after the value; or if the adapter throws anything (a
   *     value conversion's runtime exception, a bug): never an unchecked exception
   */
  public static <V> V decode(JsonAdapter<V> adapter, Buffer json) throws JsonPathException {
    if (json.size() == 0) throw new JsonPathException("$", "empty body");
    JsonReader reader = JsonReader.of(json.peek());
    JsonLookAhead.allowSinglePass(reader);
    V value;
    try {
      try {
        value = adapter.fromJson(reader);
      } catch (JsonLookAhead.RetryExactly guessWasWrong) {
        reader = JsonReader.of(json.peek());
        value = adapter.fromJson(reader);
      }
    } catch (IOException | RuntimeException e) {
      throw failure(reader, e);
    }
    checkEnd(reader);
    if (value == null) throw new JsonPathException("$", "null where a value is required");
    return value;
  }

  /**
   * {@code adapter} as a direct caller gets it from {@code <Vendor>Json}: whatever it or the reader
   * throws becomes a {@link JsonPathException}, and a value read from the root of a strict reader must
   * be the whole document. A request record's adapter keeps throwing {@link RequestValidationException}
   * for a request that breaks the spec, as it documents. Writing is {@code adapter}'s.
   */
  public static <T> JsonAdapter<T> documented(JsonAdapter<T> adapter) {
    return new Documented<>(adapter);
  }

  private static final class Documented<T> extends JsonAdapter<T> {
    private final JsonAdapter<T> adapter;

    Documented(JsonAdapter<T> adapter) {
      this.adapter = adapter;
    }

    @Override
    public @Nullable T fromJson(JsonReader reader) throws IOException {
      boolean root = reader.getPath().equals("$");
      T value;
      try {
        value = adapter.fromJson(reader);
      } catch (JsonLookAhead.RetryExactly e) {
        throw e; // the owner of a single-pass reader decodes again; not the caller's failure
      } catch (RequestValidationException e) {
        throw e; // a request record's own documented failure (RequestChecks.invalid)
      } catch (IOException | RuntimeException e) {
        throw failure(reader, e);
      }
      // JsonAdapter.fromJson(String) would check this itself, with an unchecked exception.
      if (root && !reader.isLenient()) checkEnd(reader);
      return value;
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable T value) throws IOException {
      adapter.toJson(writer, value);
    }

    @Override
    public String toString() {
      return adapter + ".documented()";
    }
  }

  private static void checkEnd(JsonReader reader) throws JsonPathException {
    boolean trailing;
    try {
      trailing = reader.peek() != JsonReader.Token.END_DOCUMENT;
    } catch (IOException e) {
      trailing = true; // a strict reader refuses to even look at a second value
    }
    if (trailing) throw new JsonPathException(trimmed(reader.getPath()), "content after the JSON value");
  }

  /**
   * {@code e}, thrown while {@code reader} decoded, as a {@link JsonPathException}: the path where it
   * happened and what went wrong, in words for the caller.
   */
  static JsonPathException failure(JsonReader reader, Exception e) {
    if (e instanceof JsonPathException known) {
      String reason = withoutLenientAdvice(known.reason());
      String path = trimmed(known.path());
      return reason.equals(known.reason()) && path.equals(known.path()) ? known : withCause(path, reason, e);
    }
    return withCause(path(reader, e), reason(e), e);
  }

  private static JsonPathException withCause(String path, String reason, Exception cause) {
    JsonPathException e = new JsonPathException(path, reason);
    e.initCause(cause);
    return e;
  }

  /**
   * Where {@code e} happened: the path Moshi's message names when it names one, since the failure
   * may have come from a look-ahead reader (a union peeking at its discriminator) that is deeper
   * than {@code reader}, which would only say {@code $}; otherwise {@code reader}'s path.
   */
  private static String path(JsonReader reader, Exception e) {
    String message = e.getMessage();
    int at = pathSuffix(message);
    return trimmed(at >= 0 ? message.substring(message.indexOf('$', at)) : reader.getPath());
  }

  /**
   * Where Moshi's message ends in the path it failed at — {@code " at path $.x"}, or {@code " at
   * $.x"} after "Nesting too deep" — or -1.
   */
  private static int pathSuffix(@Nullable String message) {
    if (message == null) return -1;
    int at = message.lastIndexOf(" at path $");
    return at >= 0 ? at : message.lastIndexOf(" at $");
  }

  /** Moshi's path inside an object before its first name ends in "."; the object is the offending value then. */
  private static String trimmed(String path) {
    return path.length() > 1 && path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
  }

  private static String reason(Exception e) {
    String message = e.getMessage();
    if (message != null) {
      // Moshi ends its messages with " at path $.x"; the path is reported separately.
      int at = pathSuffix(message);
      if (at >= 0) message = message.substring(0, at);
    }
    if (e instanceof JsonEncodingException) {
      return message == null ? "malformed JSON" : withoutLenientAdvice("malformed JSON: " + message);
    }
    if (e instanceof EOFException) return "unexpected end of input";
    if (e instanceof JsonDataException) {
      if (message != null && message.startsWith("Nesting too deep")) return "nested deeper than 255 levels";
      return message == null ? "JSON does not fit the schema" : message;
    }
    String name = e.getClass().getSimpleName();
    return message == null || message.isEmpty() ? name : name + ": " + message;
  }

  /**
   * {@code reason} without Moshi's advice to call {@code setLenient(true)}, which is for whoever owns
   * the reader, not for our caller: "malformed JSON" instead.
   */
  private static String withoutLenientAdvice(String reason) {
    return reason.contains("Use JsonReader.setLenient") ? "malformed JSON" : reason;
  }
}
