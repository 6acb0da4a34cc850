package dev.audiojobs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// The test shown in README.md ("Testing against the simulators"); keep the two in step.
// region readme
@ExtendWith(SimulatorExtension.class)
final class ReadmeExampleTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void diarizesAnUploadedFile(PyannoteSimulator pyannote) throws Exception {
    // What the code under test does: ask for an upload URL, PUT the file there (no API key), diarize.
    JsonNode upload = post(pyannote, "/v1/media/input", "{\"url\":\"media://calls/1.wav\"}");
    http.send(HttpRequest.newBuilder(URI.create(upload.get("url").asText()))
        .PUT(BodyPublishers.ofByteArray(new byte[] {1, 2, 3})).build(), BodyHandlers.discarding());
    String jobId = post(pyannote, "/v1/diarize", "{\"url\":\"media://calls/1.wav\",\"numSpeakers\":2}").get("jobId").asText();

    pyannote.advance(Duration.ofSeconds(30)); // pending 2 s, running 10 s: succeeded

    JsonNode job = get(pyannote, "/v1/jobs/" + jobId);
    assertThat(job.get("status").asText()).isEqualTo("succeeded");
    assertThat(job.get("output").get("diarization").findValuesAsText("speaker")).contains("SPEAKER_00", "SPEAKER_01");
    // After the test, the extension fails it if any request or response broke the spec, then stops the server.
  }

  private JsonNode post(VendorSimulator sim, String path, String body) throws Exception {
    return json.readTree(http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
        .header("Authorization", "Bearer test-key").header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString()).body());
  }

  private JsonNode get(VendorSimulator sim, String path) throws Exception {
    return json.readTree(http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
        .header("Authorization", "Bearer test-key").build(), BodyHandlers.ofString()).body());
  }
}
// endregion readme
