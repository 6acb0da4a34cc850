package dev.audiojobs.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.audiojobs.client.FilePart;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Turns a case's {@code request} into the arguments of the client method: parameters by wire name in
 * the spec's order (an array parameter as a list), then the request model — {@code request.body} decoded
 * with the vendor's own adapter, for a binary body the {@link FilePart} of {@code request.file},
 * or for a {@code multipart/form-data} body built from {@code request.parts} with the model's builder as
 * a user would ({@code builder().file(FilePart.of(…)).language("English").build()}: a {@link FilePart}
 * for a file part, the text converted to the setter's type for a field).
 */
final class RequestArguments {
  private RequestArguments() {}

  /**
   * @throws Throwable what decoding the body threw (the client's request-validation exception for a
   *     body that breaks the spec), or a {@link ReflectiveOperationException} for a model that is missing
   */
  static Object[] of(String vendor, JsonNode request, List<VendorClients.Parameter> parameters,
      VendorClients.RequestBody body, Method method) throws Throwable {
    java.lang.reflect.Type[] types = method.getGenericParameterTypes();
    Object[] arguments = new Object[types.length];
    for (int i = 0; i < parameters.size(); i++) {
      JsonNode value = request.get(parameters.get(i).name());
      arguments[i] = value == null ? null : VendorClients.argument(value, types[i]);
    }
    if (body == null) return arguments;
    if (body.schema() == null && !VendorClients.isMultipart(body)) {
      // A binary body (application/octet-stream): the client method takes the file itself.
      arguments[parameters.size()] = request.has("file") ? filePart(request.get("file")) : null;
      return arguments;
    }
    Class<?> model = VendorClients.model(vendor, body.schema());
    if (VendorClients.isMultipart(body)) {
      arguments[parameters.size()] = request.has("parts") ? fromParts(model, request.get("parts")) : null;
      return arguments;
    }
    JsonNode json = request.get("body");
    arguments[parameters.size()] = json == null ? null : VendorClients.decode(vendor, model, json.toString());
    return arguments;
  }

  /** The multipart request model built from a case's parts with its builder, one setter per part. */
  private static Object fromParts(Class<?> model, JsonNode parts) throws Throwable {
    Object builder = model.getMethod("builder").invoke(null);
    for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = parts.fields(); it.hasNext(); ) {
      java.util.Map.Entry<String, JsonNode> part = it.next();
      Method setter = setter(builder.getClass(), member(part.getKey()));
      Object value;
      if (setter == null) {
        // A field the model does not type (lyrcs.ai's webhook_url in a multipart body): an additional
        // property, as a user would add it; the client then decides whether it may be sent.
        setter = builder.getClass().getMethod("putAdditionalProperty", String.class, Object.class);
        if (!part.getValue().isTextual()) {
          throw new IllegalArgumentException("request.parts." + part.getKey() + ": " + model.getSimpleName()
              + " has no file property " + part.getKey());
        }
        value = part.getValue().asText();
      } else {
        Class<?> type = setter.getParameterTypes()[0];
        value = type == FilePart.class ? filePart(part.getValue()) : VendorClients.argument(part.getValue(), type);
      }
      try {
        if (setter.getParameterCount() == 2) setter.invoke(builder, part.getKey(), value);
        else setter.invoke(builder, value);
      } catch (java.lang.reflect.InvocationTargetException e) {
        throw e.getCause();
      }
    }
    try {
      return builder.getClass().getMethod("build").invoke(builder);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause(); // a part missing that the schema requires: the client's refusal
    }
  }

  private static Method setter(Class<?> builder, String name) {
    for (Method m : builder.getMethods()) if (m.getName().equals(name) && m.getParameterCount() == 1) return m;
    return null;
  }

  /** The Java member name the generator gives a wire name: {@code webhook_url} → {@code webhookUrl}. */
  static String member(String wireName) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : wireName.toCharArray()) {
      if (!Character.isLetterOrDigit(c)) {
        upper = out.length() > 0;
        continue;
      }
      out.append(upper ? Character.toUpperCase(c) : out.length() == 0 ? Character.toLowerCase(c) : c);
      upper = false;
    }
    return out.toString();
  }

  /**
   * A case's file part: its bytes from {@code text} or {@code base64}, or {@code size} zero bytes as a
   * stream of that length; with its filename and content type.
   */
  static FilePart filePart(JsonNode part) {
    FilePart file = part.has("size")
        ? FilePart.of(new java.io.ByteArrayInputStream(RequestJudge.bytes(part)), part.get("size").asLong())
        : FilePart.of(RequestJudge.bytes(part));
    if (part.has("filename")) file = file.withFilename(part.get("filename").asText());
    if (part.has("contentType")) file = file.withContentType(part.get("contentType").asText());
    return file;
  }
}
