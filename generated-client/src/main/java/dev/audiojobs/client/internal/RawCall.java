package dev.audiojobs.client.internal;

import java.io.IOException;
import okhttp3.Request;
import okhttp3.ResponseBody;
import okio.Timeout;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * An OkHttp call seen as a Retrofit {@code Call<ResponseBody>}, so that a request built by hand (an
 * upload to a pre-signed URL, which no service interface describes) runs through the same {@link
 * RetryingCall} and {@link ResponseReader} as every generated operation.
 */
final class RawCall implements Call<ResponseBody> {
  private final okhttp3.Call call;

  RawCall(okhttp3.Call call) {
    this.call = call;
  }

  @Override
  public Response<ResponseBody> execute() throws IOException {
    return adapt(call.execute());
  }

  @Override
  public void enqueue(Callback<ResponseBody> callback) {
    call.enqueue(
        new okhttp3.Callback() {
          @Override
          public void onResponse(okhttp3.Call c, okhttp3.Response response) {
            callback.onResponse(RawCall.this, adapt(response));
          }

          @Override
          public void onFailure(okhttp3.Call c, IOException e) {
            callback.onFailure(RawCall.this, e);
          }
        });
  }

  // As Retrofit does: a 204 or 205 has no body; an error keeps its body for the exception.
  private static Response<ResponseBody> adapt(okhttp3.Response response) {
    ResponseBody body = response.body();
    if (!response.isSuccessful()) {
      return Response.error(body, response);
    }
    if (response.code() == 204 || response.code() == 205) {
      body.close();
      return Response.success(null, response);
    }
    return Response.success(body, response);
  }

  @Override
  public boolean isExecuted() {
    return call.isExecuted();
  }

  @Override
  public void cancel() {
    call.cancel();
  }

  @Override
  public boolean isCanceled() {
    return call.isCanceled();
  }

  @Override
  public Call<ResponseBody> clone() {
    return new RawCall(call.clone());
  }

  @Override
  public Request request() {
    return call.request();
  }

  @Override
  public Timeout timeout() {
    return call.timeout();
  }
}
