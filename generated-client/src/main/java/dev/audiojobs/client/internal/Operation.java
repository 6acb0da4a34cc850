package dev.audiojobs.client.internal;

import com.squareup.moshi.JsonAdapter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What the runtime needs to know about one operation of a spec: its id, how to decode its success
 * body (JSON through a generated adapter, text, or no body at all), the error models it declares
 * per status, and where its error bodies carry a request id. For generated code; not API.
 *
 * <p>Immutable and meant to be built once per operation, in a static field.
 *
 * @param <T> the type of the success body
 */
public final class Operation<T> {
  /** How a 2xx body becomes the result. */
  public enum Success {
    /** JSON, decoded with {@link #success()}; an empty body does not decode. */
    JSON,
    /** Text in the charset of its {@code Content-Type}, UTF-8 when it names none; empty is "". */
    TEXT,
    /** No body is expected; whatever arrives is discarded and the result is null. */
    NONE
  }

  private final String operationId;
  private final Success kind;
  private final @Nullable JsonAdapter<T> success;
  private final Map<Integer, JsonAdapter<?>> errors;
  private final List<RequestIdReader<?>> requestIdReaders;

  private Operation(Builder<T> builder) {
    this.operationId = builder.operationId;
    this.kind = builder.kind;
    this.success = builder.success;
    this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(builder.errors));
    this.requestIdReaders = List.copyOf(builder.requestIdReaders);
  }

  /**
   * Returns a builder for the operation {@code operationId} whose 2xx body {@code success} decodes.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code operationId} is blank
   */
  public static <T> Builder<T> builder(String operationId, JsonAdapter<T> success) {
    return new Builder<>(operationId, Success.JSON, success);
  }

  /**
   * Returns a builder for the operation {@code operationId} whose 2xx body is text ({@code
   * text/plain}, an LRC or SRT file), returned as received.
   *
   * @throws NullPointerException if {@code operationId} is null
   * @throws IllegalArgumentException if {@code operationId} is blank
   */
  public static Builder<String> textBuilder(String operationId) {
    return new Builder<>(operationId, Success.TEXT, null);
  }

  /**
   * Returns a builder for the operation {@code operationId} whose 2xx response has no body (a
   * {@code 204}); its result is an {@code ApiResponse<Void>} with a null body.
   *
   * @throws NullPointerException if {@code operationId} is null
   * @throws IllegalArgumentException if {@code operationId} is blank
   */
  public static Builder<Void> noContentBuilder(String operationId) {
    return new Builder<>(operationId, Success.NONE, null);
  }

  /** The OpenAPI operation id, such as {@code getJob}. */
  public String operationId() {
    return operationId;
  }

  /** How a 2xx body becomes the result. */
  public Success successKind() {
    return kind;
  }

  /**
   * Decodes a 2xx JSON body.
   *
   * @throws IllegalStateException if the success is not {@link Success#JSON}
   */
  public JsonAdapter<T> success() {
    if (success == null) {
      throw new IllegalStateException(operationId + ": the success body is not JSON but " + kind);
    }
    return success;
  }

  /** Decodes the error body of {@code status}, or null when the spec declares none for it. */
  public @Nullable JsonAdapter<?> error(int status) {
    return errors.get(status);
  }

  /**
   * Returns the request id carried by a decoded error body: the first registered accessor whose
   * type {@code error} is an instance of decides. Null when {@code error} is null, no accessor fits,
   * or the accessor returns null.
   */
  public @Nullable String requestId(@Nullable Object error) {
    if (error == null) {
      return null;
    }
    for (RequestIdReader<?> reader : requestIdReaders) {
      if (reader.type.isInstance(error)) {
        return reader.read(error);
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "Operation{" + operationId + ", errors=" + errors.keySet() + "}";
  }

  /** Collects what the runtime needs about one operation. */
  public static final class Builder<T> {
    private final String operationId;
    private final Success kind;
    private final @Nullable JsonAdapter<T> success;
    private final Map<Integer, JsonAdapter<?>> errors = new LinkedHashMap<>();
    private final List<RequestIdReader<?>> requestIdReaders = new ArrayList<>();

    private Builder(String operationId, Success kind, @Nullable JsonAdapter<T> success) {
      Objects.requireNonNull(operationId, "operationId == null");
      if (operationId.isBlank()) {
        throw new IllegalArgumentException("operationId is blank");
      }
      this.operationId = operationId;
      this.kind = kind;
      this.success = kind == Success.JSON ? Objects.requireNonNull(success, "success == null") : null;
    }

    /**
     * Declares the error model of the non-2xx {@code status}: its body is decoded with {@code
     * adapter}, and the result is {@link dev.audiojobs.client.ApiException#error()}.
     *
     * @throws IllegalArgumentException if {@code status} is not between 100 and 599, is a 2xx
     *     status, or was declared already
     */
    public Builder<T> error(int status, JsonAdapter<?> adapter) {
      Objects.requireNonNull(adapter, "adapter == null");
      if (status < 100 || status > 599 || (status >= 200 && status < 300)) {
        throw new IllegalArgumentException(
            operationId + ": error status must be 1xx, 3xx, 4xx or 5xx: " + status);
      }
      if (errors.putIfAbsent(status, adapter) != null) {
        throw new IllegalArgumentException(operationId + ": error status declared twice: " + status);
      }
      return this;
    }

    /**
     * Declares how to read a request id out of a decoded error body of {@code errorType}, used when
     * the response has no {@code X-Request-Id} header. Several may be declared; the first whose type
     * fits is used.
     */
    public <E> Builder<T> requestId(Class<E> errorType, Function<E, @Nullable String> accessor) {
      requestIdReaders.add(
          new RequestIdReader<>(
              Objects.requireNonNull(errorType, "errorType == null"),
              Objects.requireNonNull(accessor, "accessor == null")));
      return this;
    }

    /** Returns the operation. */
    public Operation<T> build() {
      return new Operation<>(this);
    }
  }

  private static final class RequestIdReader<E> {
    final Class<E> type;
    final Function<E, @Nullable String> accessor;

    RequestIdReader(Class<E> type, Function<E, @Nullable String> accessor) {
      this.type = type;
      this.accessor = accessor;
    }

    @Nullable String read(Object error) {
      return accessor.apply(type.cast(error));
    }
  }
}
