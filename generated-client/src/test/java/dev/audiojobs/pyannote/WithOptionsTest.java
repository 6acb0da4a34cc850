package dev.audiojobs.pyannote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Interceptor;
import org.junit.jupiter.api.Test;

final class WithOptionsTest {
  @StartStop final MockWebServer server = new MockWebServer();

  /** What OkHttp was told for a call, captured where it applies (no real waiting needed). */
  private final AtomicReference<String> timeouts = new AtomicReference<>();
  private final Interceptor capture = chain -> {
    timeouts.set("connect=" + chain.connectTimeoutMillis() + " read=" + chain.readTimeoutMillis()
        + " call=" + TimeUnit.NANOSECONDS.toMillis(chain.call().timeout().timeoutNanos()));
    return chain.proceed(chain.request());
  };

  private PyannoteClient client() {
    return PyannoteClient.builder().apiKey("sk_opts_1").baseUrl(server.url("/").toString())
        .retryPolicy(RetryPolicy.none()).addInterceptor(capture).build();
  }

  private void enqueueJob() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"jobId\":\"j\",\"status\":\"running\"}").build());
  }

  @Test
  void theDefaultTimeoutsAreTenSecondsToConnectAMinuteToReadAndNoCallLimit() {
    enqueueJob();

    client().getJob("j");

    assertThat(timeouts.get()).isEqualTo("connect=10000 read=60000 call=0");
  }

  @Test
  void withOptionsChangesTimeoutsForOneCallAndLeavesTheClientAsItWas() {
    enqueueJob();
    enqueueJob();
    PyannoteClient client = client();

    PyannoteClient derived = client.withOptions(o -> o.connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofMinutes(5)).callTimeout(Duration.ofMinutes(10)));
    derived.getJob("j");
    String changed = timeouts.get();
    client.getJob("j");

    // OkHttp's own call timeout stays 0: it would bound each attempt, while the client's bounds the
    // whole call with its retries (HostileServerTest.aCallTimeoutBoundsTheWholeCallRetriesIncluded).
    assertThat(changed).isEqualTo("connect=2000 read=300000 call=0");
    assertThat(derived.options().callTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(timeouts.get()).isEqualTo("connect=10000 read=60000 call=0");
    assertThat(client.options().readTimeout()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void aDerivedClientSharesTheConnectionPool() throws Exception {
    enqueueJob();
    enqueueJob();
    PyannoteClient client = client();

    client.getJob("j");
    client.withOptions(o -> o.readTimeout(Duration.ofSeconds(5))).getJob("j");

    int first = server.takeRequest().getConnectionIndex();
    assertThat(server.takeRequest().getConnectionIndex()).isEqualTo(first);
  }

  @Test
  void aDerivedClientCanChangeTheRetryPolicy() {
    PyannoteClient client = client();

    PyannoteClient patient = client.withOptions(o -> o.retryPolicy(RetryPolicy.defaults()));

    assertThat(patient.options().retryPolicy()).isEqualTo(RetryPolicy.defaults());
    assertThat(client.options().retryPolicy()).isEqualTo(RetryPolicy.none());
  }
}
