package dev.audiojobs.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class OperationTest {
  private static final JsonAdapter<String> STRING =
      new JsonAdapter<String>() {
        @Override
        public String fromJson(JsonReader reader) throws java.io.IOException {
          return reader.nextString();
        }

        @Override
        public void toJson(JsonWriter writer, @Nullable String value) {
          throw new UnsupportedOperationException();
        }
      };

  record RateLimited(String requestId) {}

  record NotFound(@Nullable String traceId) {}

  @Test
  void errorAdaptersAreFoundByExactStatus() {
    Operation<String> op = Operation.builder("getJob", STRING).error(404, STRING).build();

    assertThat(op.operationId()).isEqualTo("getJob");
    assertThat(op.success()).isSameAs(STRING);
    assertThat(op.error(404)).isSameAs(STRING);
    assertThat(op.error(400)).isNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {99, 200, 204, 299, 600})
  void statusesThatCannotCarryAnErrorAreRejected(int status) {
    assertThatThrownBy(() -> Operation.builder("getJob", STRING).error(status, STRING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("getJob: error status must be 1xx, 3xx, 4xx or 5xx: " + status);
  }

  @Test
  void aStatusDeclaredTwiceIsRejected() {
    Operation.Builder<String> builder = Operation.builder("getJob", STRING).error(404, STRING);

    assertThatThrownBy(() -> builder.error(404, STRING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("getJob: error status declared twice: 404");
  }

  @Test
  void theRequestIdComesFromTheFirstAccessorWhoseTypeFits() {
    Operation<String> op =
        Operation.builder("getJob", STRING)
            .requestId(RateLimited.class, RateLimited::requestId)
            .requestId(NotFound.class, NotFound::traceId)
            .requestId(Object.class, error -> "fallback")
            .build();

    assertThat(op.requestId(new RateLimited("r-1"))).isEqualTo("r-1");
    assertThat(op.requestId(new NotFound("t-1"))).isEqualTo("t-1");
    assertThat(op.requestId(new NotFound(null))).isNull();
    assertThat(op.requestId("something else")).isEqualTo("fallback");
    assertThat(op.requestId(null)).isNull();
  }

  @Test
  void aBlankOperationIdIsRejected() {
    assertThatThrownBy(() -> Operation.builder(" ", STRING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("operationId is blank");
  }
}
