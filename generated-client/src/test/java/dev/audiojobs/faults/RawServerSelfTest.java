package dev.audiojobs.faults;

import static dev.audiojobs.faults.RawServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fault suite's leak check can fail: a response body nobody closed holds its connection, which
 * the server then sees neither closed nor used again. Without this, "no connection held" after each
 * scenario could be a check that passes whatever the client does.
 */
@Timeout(20)
final class RawServerSelfTest {
  @Test
  void aBodyLeftOpenHoldsItsConnectionAndTheCheckSaysSo() throws Exception {
    try (RawServer server = new RawServer()) {
      server.enqueue(json(200, "{\"a\":1}")).enqueue(json(200, "{\"b\":2}"));
      OkHttpClient plain = new OkHttpClient();
      try {
        Response leaked = plain.newCall(new Request.Builder().url(server.url("/leak")).build()).execute();
        assertThat(leaked.code()).isEqualTo(200); // its body is neither read nor closed

        server.mark();
        try (Response next = plain.newCall(new Request.Builder().url(server.url("/next")).build()).execute()) {
          assertThat(next.body().string()).isEqualTo("{\"b\":2}");
        }

        assertThat(server.connections()).hasSize(2);
        assertThat(server.awaitReleased(Duration.ofMillis(300))).singleElement()
            .satisfies(held -> assertThat(held.id).isEqualTo(1));

        leaked.close();
        plain.connectionPool().evictAll(); // closes idle connections only: the leaked one is idle now
        // Closed, the body gives its connection back; the server sees it closed.
        assertThat(server.awaitReleased(Duration.ofSeconds(3))).isEmpty();
      } finally {
        plain.dispatcher().executorService().shutdown();
        plain.connectionPool().evictAll();
      }
    }
  }
}
