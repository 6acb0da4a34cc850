package dev.audiojobs.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The content of a file to send — an upload to a pre-signed URL, or a file part of a {@code
 * multipart/form-data} request — streamed when it is sent, never read into memory as a whole.
 *
 * <p>Immutable: {@link #withFilename} and {@link #withContentType} return new instances. The
 * content type defaults to {@code application/octet-stream}; the file name to the {@link Path}'s
 * last element, or none for a stream or an array.
 *
 * <ul>
 *   <li>{@link #of(Path)}: read from the file each time it is sent; its length is taken when the
 *       part is created, and a file that changed length by the time it is sent fails the call.
 *   <li>{@link #of(InputStream, long)}: read once. A second send (say, the same part in two
 *       calls) fails with {@link IllegalStateException}; the stream is closed after it was sent or
 *       the send failed. A stream that ends before {@code contentLength} bytes fails the call.
 *   <li>{@link #of(byte[])}: not copied, so that a large array is not held twice; do not change it
 *       until the call has returned.
 * </ul>
 */
public final class FilePart {
  private static final String OCTET_STREAM = "application/octet-stream";

  private final Source source;
  private final long contentLength;
  private final @Nullable String filename;
  private final String contentType;

  private FilePart(Source source, long contentLength, @Nullable String filename, String contentType) {
    this.source = source;
    this.contentLength = contentLength;
    this.filename = filename;
    this.contentType = contentType;
  }

  /**
   * The content of {@code file}, named after its last path element.
   *
   * @throws NullPointerException if {@code file} is null
   * @throws IllegalArgumentException if {@code file} is not a readable regular file
   */
  public static FilePart of(Path file) {
    Objects.requireNonNull(file, "file == null");
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalArgumentException("not a readable regular file: " + file);
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the size of " + file + ": " + e.getMessage(), e);
    }
    Path name = file.getFileName();
    return new FilePart(() -> Files.newInputStream(file), size, name == null ? null : name.toString(), OCTET_STREAM);
  }

  /**
   * The next {@code contentLength} bytes of {@code stream}, sent once.
   *
   * @throws NullPointerException if {@code stream} is null
   * @throws IllegalArgumentException if {@code contentLength} is negative
   */
  public static FilePart of(InputStream stream, long contentLength) {
    Objects.requireNonNull(stream, "stream == null");
    if (contentLength < 0) {
      throw new IllegalArgumentException("contentLength < 0: " + contentLength);
    }
    AtomicBoolean opened = new AtomicBoolean();
    return new FilePart(
        () -> {
          if (opened.getAndSet(true)) {
            throw new IllegalStateException("an InputStream file part can be sent only once");
          }
          return stream;
        },
        contentLength,
        null,
        OCTET_STREAM);
  }

  /**
   * The bytes of {@code content}, which is not copied.
   *
   * @throws NullPointerException if {@code content} is null
   */
  public static FilePart of(byte[] content) {
    Objects.requireNonNull(content, "content == null");
    return new FilePart(() -> new java.io.ByteArrayInputStream(content), content.length, null, OCTET_STREAM);
  }

  /**
   * This content with the file name a multipart request sends ({@code filename=…}).
   *
   * @throws NullPointerException if {@code filename} is null
   */
  public FilePart withFilename(String filename) {
    return new FilePart(source, contentLength, Objects.requireNonNull(filename, "filename == null"), contentType);
  }

  /**
   * This content with the media type it is sent as, such as {@code audio/wav}.
   *
   * @throws NullPointerException if {@code contentType} is null
   * @throws IllegalArgumentException if {@code contentType} is blank
   */
  public FilePart withContentType(String contentType) {
    Objects.requireNonNull(contentType, "contentType == null");
    if (contentType.isBlank()) {
      throw new IllegalArgumentException("contentType is blank");
    }
    return new FilePart(source, contentLength, filename, contentType);
  }

  /** How many bytes are sent. */
  public long contentLength() {
    return contentLength;
  }

  /** The file name sent with a multipart file part, or null when none was given. */
  public @Nullable String filename() {
    return filename;
  }

  /** The media type the content is sent as; {@code application/octet-stream} unless set. */
  public String contentType() {
    return contentType;
  }

  /**
   * Opens the content for reading, from its first byte; the caller closes the stream.
   *
   * @throws IOException if the file cannot be opened
   * @throws IllegalStateException for a part made from an {@link InputStream} that was opened before
   */
  public InputStream open() throws IOException {
    return source.open();
  }

  @Override
  public String toString() {
    return "FilePart{" + (filename == null ? "" : filename + ", ") + contentLength + " bytes, " + contentType + "}";
  }

  private interface Source {
    InputStream open() throws IOException;
  }
}
