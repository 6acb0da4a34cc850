package dev.audiojobs.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.ByteString;
import org.junit.jupiter.api.Test;

/**
 * The multipart comparison of {@link RequestJudge}, on bodies OkHttp itself writes: no vendor's
 * normalized spec has a multipart operation yet, so no case file can exercise it through a client.
 */
final class RequestJudgeTest {
  private static final byte[] WAV = {'R', 'I', 'F', 'F', 0, 1, 2, (byte) 0xff};

  private static MultipartBody body() {
    return new MultipartBody.Builder("b0undary").setType(MultipartBody.FORM)
        .addFormDataPart("language", "English")
        .addFormDataPart("file", "a.wav", RequestBody.create(WAV, MediaType.get("audio/wav")))
        .build();
  }

  private static List<String> judge(String expectedParts) throws Exception {
    MultipartBody body = body();
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    ByteString bytes = buffer.readByteString();
    JsonNode expected = ConformanceCase.MAPPER.readTree(expectedParts);
    List<String> problems = new ArrayList<>();
    RequestJudge.judgeParts(expected, String.valueOf(body.contentType()), bytes, problems);
    return problems;
  }

  @Test
  void theSamePartsPass() throws Exception {
    assertThat(judge("""
        {"language": "English", "file": {"base64": "UklGRgABAv8=", "filename": "a.wav", "contentType": "audio/wav"}}""")).isEmpty();
  }

  @Test
  void eachDifferenceIsNamed() throws Exception {
    assertThat(judge("""
        {"language": "english", "file": {"text": "RIFF", "filename": "b.wav", "contentType": "audio/mpeg"}, "review": "true"}"""))
        .containsExactlyInAnyOrder(
            "part language: expected 7 bytes (english) but received 7 bytes (English)",
            "part file: expected 4 bytes (RIFF) but received 8 bytes (RIFF\u0000\u0001\u0002\ufffd)",
            "part file: expected filename b.wav but was a.wav",
            "part file: expected content type audio/mpeg but was audio/wav",
            "expected parts [review] but the request has none by that name");
  }

  @Test
  void aPartTheCaseDoesNotExpectIsNamed() throws Exception {
    assertThat(judge("""
        {"file": {"base64": "UklGRgABAv8="}}""")).containsExactly("the request has parts [language] the case does not expect");
  }

  @Test
  void aBodyThatIsNotMultipartIsNamed() {
    List<String> problems = new ArrayList<>();
    RequestJudge.judgeParts(ConformanceCase.MAPPER.createObjectNode().put("a", "b"), "application/json", ByteString.encodeUtf8("{}"), problems);
    assertThat(problems).containsExactly("expected multipart/form-data parts but the request's content type was application/json");
  }
}
