package dev.audiojobs.openapi.codegen.render;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

/** The classes generated code refers to: the audiojobs runtime, Moshi, OkHttp, Retrofit and JSpecify. */
final class RuntimeTypes {
  private static final String CLIENT = "dev.audiojobs.client";
  private static final String INTERNAL = "dev.audiojobs.client.internal";

  static final ClassName API_EXCEPTION = ClassName.get(CLIENT, "ApiException");
  static final ClassName API_RESPONSE = ClassName.get(CLIENT, "ApiResponse");
  static final ClassName AUTO_PAGER = ClassName.get(CLIENT, "AutoPager");
  static final ClassName CLIENT_OPTIONS = ClassName.get(CLIENT, "ClientOptions");
  static final ClassName DECODE_EXCEPTION = ClassName.get(CLIENT, "DecodeException");
  static final ClassName DOUBLE_LIST = ClassName.get(CLIENT, "DoubleList");
  static final ClassName EXTRAS = ClassName.get(CLIENT, "Extras");
  static final ClassName FILE_PART = ClassName.get(CLIENT, "FilePart");
  static final ClassName HTTP_LOG_LEVEL = ClassName.get(CLIENT, "HttpLogLevel");
  static final ClassName JOB_FAILED_EXCEPTION = ClassName.get(CLIENT, "JobFailedException");
  static final ClassName REQUEST_VALIDATION_EXCEPTION = ClassName.get(CLIENT, "RequestValidationException");
  static final ClassName RETRY_POLICY = ClassName.get(CLIENT, "RetryPolicy");
  static final ClassName SLEEPER = ClassName.get(CLIENT, "Sleeper");
  static final ClassName TRANSPORT_EXCEPTION = ClassName.get(CLIENT, "TransportException");
  static final ClassName WEBHOOK_VERIFICATION_EXCEPTION = ClassName.get(CLIENT, "WebhookVerificationException");
  static final ClassName WAIT_TIMEOUT_EXCEPTION = ClassName.get(CLIENT, "WaitTimeoutException");

  static final ClassName AUTHENTICATION = ClassName.get(INTERNAL, "Authentication");
  static final ClassName CURSOR_PAGER = ClassName.get(INTERNAL, "CursorPager");
  static final ClassName HTTP_CORE = ClassName.get(INTERNAL, "HttpCore");
  static final ClassName JOB_POLLER = ClassName.get(INTERNAL, "JobPoller");
  static final ClassName JSON = ClassName.get(INTERNAL, "Json");
  static final ClassName JSON_EXTRAS_BUILDER = JSON.nestedClass("ExtrasBuilder");
  static final ClassName JSON_RETRY_EXACTLY = JSON.nestedClass("RetryExactly");
  static final ClassName OFFSET_PAGER = ClassName.get(INTERNAL, "OffsetPager");
  static final ClassName OPERATION = ClassName.get(INTERNAL, "Operation");
  static final ClassName REQUEST_BODIES = ClassName.get(INTERNAL, "RequestBodies");
  static final ClassName REQUEST_CHECKS = ClassName.get(INTERNAL, "RequestChecks");
  static final ClassName WEBHOOK_SCHEME = ClassName.get(INTERNAL, "WebhookScheme");
  static final ClassName WEBHOOK_VERIFIER = ClassName.get(INTERNAL, "WebhookVerifier");
  static final ClassName JSON_PATH_EXCEPTION = ClassName.get(INTERNAL, "JsonPathException");

  static final ClassName JSON_ADAPTER = ClassName.get("com.squareup.moshi", "JsonAdapter");
  static final ClassName JSON_ADAPTER_FACTORY = JSON_ADAPTER.nestedClass("Factory");
  static final ClassName JSON_READER = ClassName.get("com.squareup.moshi", "JsonReader");
  static final ClassName JSON_READER_OPTIONS = JSON_READER.nestedClass("Options");
  static final ClassName JSON_READER_TOKEN = JSON_READER.nestedClass("Token");
  static final ClassName JSON_WRITER = ClassName.get("com.squareup.moshi", "JsonWriter");

  static final ClassName OKHTTP_INTERCEPTOR = ClassName.get("okhttp3", "Interceptor");
  static final ClassName OKHTTP_REQUEST_BODY = ClassName.get("okhttp3", "RequestBody");
  static final ClassName OKHTTP_RESPONSE_BODY = ClassName.get("okhttp3", "ResponseBody");
  static final ClassName RETROFIT_CALL = ClassName.get("retrofit2", "Call");

  static final ClassName NULLABLE = ClassName.get("org.jspecify.annotations", "Nullable");
  static final ClassName NULL_MARKED = ClassName.get("org.jspecify.annotations", "NullMarked");

  private RuntimeTypes() {}

  /** {@code type} annotated {@code @Nullable} (a type-use annotation: {@code Json.@Nullable ExtrasBuilder}). */
  static TypeName nullable(TypeName type) {
    return type.annotated(AnnotationSpec.builder(NULLABLE).build());
  }

  /** A Retrofit annotation, {@code retrofit2.http.<name>}. */
  static ClassName retrofit(String name) {
    return ClassName.get("retrofit2.http", name);
  }
}
