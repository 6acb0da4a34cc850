package dev.audiojobs.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.audiojobs.client.FilePart;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Turns a case's {@code request} into the arguments of the client method: parameters by wire name in
 * the spec's order, then the body — {@code request.body} decoded with the vendor's own adapter for the
 * operation's request model (passed where the method takes that model), or {@code request.parts} as
 * one argument per property of the multipart schema, in the schema's order ({@link FilePart} for a
 * file part, the text for a field).
 */
final class RequestArguments {
  private RequestArguments() {}

  /**
   * @throws Throwable what decoding the body threw (the client's request-validation exception for a
   *     body that breaks the spec), or a {@link ReflectiveOperationException} for a model that is missing
   */
  static Object[] of(String vendor, JsonNode request, List<VendorClients.Parameter> parameters,
      VendorClients.RequestBody body, Method method) throws Throwable {
    Class<?>[] types = method.getParameterTypes();
    Object[] arguments = new Object[types.length];
    for (int i = 0; i < parameters.size(); i++) {
      JsonNode value = request.get(parameters.get(i).name());
      arguments[i] = value == null ? null : VendorClients.argument(value, types[i]);
    }
    if (body == null) return arguments;
    if (VendorClients.isMultipart(body)) {
      JsonNode parts = request.path("parts");
      for (int i = 0; i < body.properties().size(); i++) {
        JsonNode part = parts.get(body.properties().get(i));
        arguments[parameters.size() + i] = part == null ? null : part.isTextual() ? part.asText() : filePart(part);
      }
      return arguments;
    }
    Class<?> model = VendorClients.model(vendor, body.schema());
    int at = parameters.size();
    for (int i = parameters.size(); i < types.length; i++) if (types[i] == model) at = i;
    JsonNode json = request.get("body");
    arguments[at] = json == null ? null : VendorClients.decode(vendor, model, json.toString());
    return arguments;
  }

  /** A case's file part: its bytes from {@code text} or {@code base64}, with its filename and content type. */
  static FilePart filePart(JsonNode part) {
    FilePart file = FilePart.of(RequestJudge.bytes(part));
    if (part.has("filename")) file = file.withFilename(part.get("filename").asText());
    if (part.has("contentType")) file = file.withContentType(part.get("contentType").asText());
    return file;
  }
}
