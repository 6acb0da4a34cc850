package dev.audiojobs.client.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * A failure to read the body of a response whose status line and headers did arrive, such as a
 * {@code Content-Encoding: gzip} body that is not gzip. Told apart from a failure before any
 * response, because only a dropped connection may pass by itself: {@link #mayPassByItself()}.
 */
final class BodyReadFailure extends IOException {
  private static final long serialVersionUID = 1L;

  private final boolean connectionDropped;

  private BodyReadFailure(int code, IOException cause) {
    super("the body of an HTTP " + code + " response could not be read: " + cause, cause);
    this.connectionDropped = cause instanceof SocketException || cause instanceof InterruptedIOException;
  }

  /** True when the connection dropped (reset, timeout) while reading; false for a malformed body. */
  boolean mayPassByItself() {
    return connectionDropped;
  }

  /**
   * An application interceptor (it must see the body after OkHttp decompressed it) that turns a
   * failure reading the body into a {@link BodyReadFailure}.
   */
  static Interceptor tagger() {
    return chain -> {
      okhttp3.Response response = chain.proceed(chain.request());
      ResponseBody body = response.body();
      if (body == null) {
        return response;
      }
      int code = response.code();
      MediaType type = body.contentType();
      long length = body.contentLength();
      BufferedSource tagged = Okio.buffer(new ForwardingSource(body.source()) {
        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
          try {
            return super.read(sink, byteCount);
          } catch (BodyReadFailure e) {
            throw e;
          } catch (IOException e) {
            throw new BodyReadFailure(code, e);
          }
        }
      });
      return response.newBuilder().body(ResponseBody.create(tagged, type, length)).build();
    };
  }
}
