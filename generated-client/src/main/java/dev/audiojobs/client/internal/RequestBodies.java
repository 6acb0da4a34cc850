package dev.audiojobs.client.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import dev.audiojobs.client.FilePart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * The bodies generated clients send: JSON encoded by a generated adapter, a file streamed as it
 * is sent, and {@code multipart/form-data}. For generated code; not API.
 *
 * <p>Only what OkHttp 4.12 and 5.x both have is used here (subclasses of {@link RequestBody},
 * {@link MultipartBody.Builder}, {@link MediaType#get}), since applications often hold both.
 */
public final class RequestBodies {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private RequestBodies() {}

  /**
   * {@code value} encoded by {@code adapter} as {@code application/json; charset=utf-8}. Encoded at
   * once, so the body can be sent again after a redirect and its length is known.
   *
   * @throws NullPointerException if an argument is null
   */
  public static <T> RequestBody json(JsonAdapter<T> adapter, T value) {
    Objects.requireNonNull(adapter, "adapter == null");
    Objects.requireNonNull(value, "value == null");
    return encoded(writer -> adapter.toJson(writer, value));
  }

  /**
   * {@code value}, a JSON value as {@code RequestChecks.jsonBody} accepts it (maps, lists, strings,
   * numbers, booleans, nulls inside), encoded as {@code application/json; charset=utf-8}: the body of an
   * operation whose spec allows any JSON value.
   */
  public static RequestBody jsonValue(Object value) {
    Objects.requireNonNull(value, "value == null");
    return encoded(writer -> JsonText.writeValue(writer, value));
  }

  /** What writes one JSON document. */
  private interface JsonWrite {
    void to(JsonWriter writer) throws IOException;
  }

  /** The document {@code write} writes, encoded at once as {@code application/json; charset=utf-8}. */
  private static RequestBody encoded(JsonWrite write) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      // An explicit null the caller set must reach the server; the adapters write no other nulls.
      writer.setSerializeNulls(true);
      write.to(writer);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e); // a Buffer does not throw
    }
    return RequestBody.create(buffer.readByteArray(), JSON);
  }

  /**
   * The content of {@code part}, streamed from its source each time the body is written, with its
   * content type and length.
   */
  public static RequestBody file(FilePart part) {
    Objects.requireNonNull(part, "part == null");
    MediaType type = MediaType.get(part.contentType());
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return type;
      }

      @Override
      public long contentLength() {
        return part.contentLength();
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        long expected = part.contentLength();
        try (InputStream in = part.open(); Source source = Okio.source(in)) {
          long written = 0;
          Buffer chunk = new Buffer();
          while (written < expected) {
            long read = source.read(chunk, Math.min(8192, expected - written));
            if (read == -1) {
              throw new IOException("the file part ended after " + written + " of its " + expected + " bytes");
            }
            sink.write(chunk, read);
            written += read;
          }
        } catch (IllegalStateException e) {
          throw new IOException(e.getMessage(), e); // an InputStream part sent twice
        }
      }
    };
  }

  /** A {@code multipart/form-data} body, built field by field in the order given. */
  public static Multipart multipart() {
    return new Multipart();
  }

  /** Collects the parts of a {@code multipart/form-data} body. Not thread-safe; use once. */
  public static final class Multipart {
    private final MultipartBody.Builder builder = new MultipartBody.Builder().setType(MultipartBody.FORM);
    private boolean empty = true;

    private Multipart() {}

    /** Adds a text field. */
    public Multipart field(String name, String value) {
      builder.addFormDataPart(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value == null"));
      empty = false;
      return this;
    }

    /** Adds a file part, streamed when sent; its file name is sent when it has one. */
    public Multipart file(String name, FilePart part) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(part, "part == null");
      builder.addFormDataPart(name, part.filename(), RequestBodies.file(part));
      empty = false;
      return this;
    }

    /**
     * Returns the body.
     *
     * @throws IllegalStateException if no part was added (OkHttp cannot send an empty multipart body)
     */
    public MultipartBody build() {
      if (empty) {
        throw new IllegalStateException("a multipart body needs at least one part");
      }
      return builder.build();
    }
  }
}
