package dev.audiojobs.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiojobs.client.ClientOptions;
import dev.audiojobs.client.HttpLogLevel;
import dev.audiojobs.client.RetryPolicy;
import dev.audiojobs.pyannote.PyannoteClient;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Proxy, TLS, the caller's own OkHttpClient and the User-Agent: what ClientOptions asks of the transport. */
final class TransportOptionsTest {
  private static final String KEY = "sk_transport_secret_77aa";
  private static final String JOB = "{\"jobId\":\"j1\",\"status\":\"running\"}";

  @StartStop final MockWebServer server = new MockWebServer();

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
  }

  private ClientOptions.Builder options() {
    return ClientOptions.builder().apiKey(KEY).baseUrl(server.url("/").toString()).retryPolicy(RetryPolicy.none());
  }

  @Test
  void everyRequestNamesAudiojobsAndItsVersionAsUserAgent() throws InterruptedException {
    server.enqueue(json(JOB));

    PyannoteClient.builder().apiKey(KEY).baseUrl(server.url("/").toString()).build().getJob("j1");

    String userAgent = server.takeRequest().getHeaders().get("User-Agent");
    assertThat(userAgent).isEqualTo(ClientOptions.builder().apiKey(KEY).build().userAgent());
    // The build filters the version in (generated-client/pom.xml): never the fallback.
    assertThat(userAgent).matches("audiojobs-java/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void aCallersInterceptorMaySetItsOwnUserAgent() throws InterruptedException {
    server.enqueue(json(JOB));

    PyannoteClient.builder().apiKey(KEY).baseUrl(server.url("/").toString())
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("User-Agent", "my-app/2").build()))
        .build().getJob("j1");

    assertThat(server.takeRequest().getHeaders().get("User-Agent")).isEqualTo("my-app/2");
  }

  @Test
  void requestsGoThroughTheProxyWhichGetsItsCredentialsAfterA407() throws InterruptedException {
    server.enqueue(new MockResponse.Builder().code(407).addHeader("Proxy-Authenticate", "Basic realm=\"corp\"").build());
    server.enqueue(json(JOB));
    List<String> log = new CopyOnWriteArrayList<>();
    // The vendor's host is never reached: the proxy (the mock server) answers for it.
    PyannoteClient client = PyannoteClient.builder().apiKey(KEY).baseUrl("http://127.0.0.1:9/")
        .retryPolicy(RetryPolicy.none()).httpLog(HttpLogLevel.HEADERS, log::add).build()
        .withOptions(o -> o.proxy(server.getProxyAddress()).proxyCredentials("alice", "s3cr3t-proxy-password"));

    client.getJob("j1");

    RecordedRequest challenged = server.takeRequest();
    RecordedRequest answered = server.takeRequest();
    assertThat(challenged.getHeaders().get("Proxy-Authorization")).isNull();
    assertThat(answered.getHeaders().get("Proxy-Authorization")).isEqualTo(Credentials.basic("alice", "s3cr3t-proxy-password"));
    assertThat(answered.getUrl().toString()).isEqualTo("http://127.0.0.1:9/v1/jobs/j1");
    assertThat(log).contains("Proxy-Authorization: ██");
    assertThat(log).noneSatisfy(l -> assertThat(l).contains(Credentials.basic("alice", "s3cr3t-proxy-password")));
    assertThat(client.options().toString()).doesNotContain("s3cr3t-proxy-password");
  }

  @Test
  void refusedProxyCredentialsAreNotSentAgainAndAgain() {
    server.enqueue(new MockResponse.Builder().code(407).addHeader("Proxy-Authenticate", "Basic realm=\"corp\"").build());
    server.enqueue(new MockResponse.Builder().code(407).addHeader("Proxy-Authenticate", "Basic realm=\"corp\"").build());
    server.enqueue(json(JOB));
    PyannoteClient client = PyannoteClient.builder().apiKey(KEY).baseUrl("http://127.0.0.1:9/").retryPolicy(RetryPolicy.none()).build()
        .withOptions(o -> o.proxy(server.getProxyAddress()).proxyCredentials("alice", "wrong"));

    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> client.getJob("j1"));

    assertThat(thrown).isInstanceOf(dev.audiojobs.client.ApiException.class).hasMessageContaining("407");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void tlsSettingsAndTheHostnameVerifierReachTheOkHttpClient() throws Exception {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    X509TrustManager trustManager = (X509TrustManager) factory.getTrustManagers()[0];
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new javax.net.ssl.TrustManager[] {trustManager}, null);
    javax.net.ssl.SSLSocketFactory socketFactory = context.getSocketFactory();
    HostnameVerifier verifier = (host, session) -> host.equals("api.example.com");
    Proxy proxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.example.com", 3128));

    ClientAssembly assembly = ClientAssembly.create(
        options().tls(socketFactory, trustManager).hostnameVerifier(verifier).proxy(proxy).build(), "https://api.example.com/");

    assertThat(assembly.api.sslSocketFactory()).isSameAs(socketFactory);
    assertThat(assembly.api.x509TrustManager()).isSameAs(trustManager);
    assertThat(assembly.api.hostnameVerifier()).isSameAs(verifier);
    assertThat(assembly.api.proxy()).isEqualTo(proxy);
    // Pre-signed uploads go through the same proxy and TLS settings, without the key.
    assertThat(assembly.anonymous.proxy()).isEqualTo(proxy);
    assertThat(assembly.anonymous.sslSocketFactory()).isSameAs(socketFactory);
  }

  @Test
  void aDerivedClientSharesThePoolButNotASettingTakenAway() {
    Proxy proxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.example.com", 3128));
    ClientOptions withProxy = options().proxy(proxy).proxyCredentials("alice", "pw").build();
    ClientAssembly original = ClientAssembly.create(withProxy, "https://api.example.com/");

    ClientAssembly derived = original.derive(withProxy.toBuilder().proxy(null).proxyAuthenticator(null).build(), "https://api.example.com/");

    assertThat(derived.api.connectionPool()).isSameAs(original.api.connectionPool());
    assertThat(derived.api.dispatcher()).isSameAs(original.api.dispatcher());
    assertThat(derived.api.proxy()).isNull();
    assertThat(derived.api.proxyAuthenticator()).isNotEqualTo(withProxy.proxyAuthenticator());
    assertThat(derived.api.interceptors()).hasSameSizeAs(original.api.interceptors()); // not added twice
  }

  @Test
  void aCallersOkHttpClientIsSharedWithItsInterceptorsAndLeftOpen() throws InterruptedException {
    server.enqueue(json(JOB));
    server.enqueue(json(JOB));
    ConnectionPool pool = new ConnectionPool();
    OkHttpClient shared = new OkHttpClient.Builder().connectionPool(pool)
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("X-Tenant", "t1").build()))
        .build();

    ClientAssembly assembly = ClientAssembly.create(options().httpClient(shared).build(), "https://api.example.com/");
    assertThat(assembly.api.connectionPool()).isSameAs(pool);
    assertThat(assembly.api.dispatcher()).isSameAs(shared.dispatcher());
    assertThat(assembly.api.retryOnConnectionFailure()).isFalse();
    assertThat(shared.retryOnConnectionFailure()).isTrue(); // the caller's own client is unchanged
    assembly.close();
    assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();

    PyannoteClient client = PyannoteClient.builder().apiKey(KEY).baseUrl(server.url("/").toString()).build()
        .withOptions(o -> o.httpClient(shared));
    client.getJob("j1");
    client.withOptions(o -> o.readTimeout(java.time.Duration.ofSeconds(5))).getJob("j1");

    assertThat(server.takeRequest().getHeaders().get("X-Tenant")).isEqualTo("t1");
    RecordedRequest derived = server.takeRequest();
    assertThat(derived.getHeaders().get("X-Tenant")).isEqualTo("t1");
    assertThat(derived.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
  }
}
