package dev.audiojobs.openapi.codegen.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One operation of the spec.
 *
 * @param id the {@code operationId}, which names the client's methods
 * @param path the path template as in the spec ({@code /v1/jobs/{jobId}})
 * @param summary the spec's text, empty when there is none
 * @param description the spec's text, empty when there is none
 * @param parameters path and query parameters, in spec order
 * @param requestBody the body the client sends, or null for none; the first of {@code requestBodies}
 * @param requestBodies every media type the spec lets a request use, each its own record, in spec order
 * @param success the 2xx response the client decodes
 * @param errors the JSON schema declared for each non-2xx status, by status
 * @param waiting {@code x-audiojobs-wait}, or null
 * @param paging {@code x-audiojobs-paging}, or null
 * @param upload {@code x-audiojobs-upload}, or null
 * @param thenWait {@code x-audiojobs-then-wait}, or null
 * @param pointer the JSON pointer of the operation ({@code #/paths/~1v1~1jobs/get})
 * @param auth how the operation sends the key (its security scheme)
 */
public record Operation(String id, HttpMethod method, String path, String summary, String description,
    List<Parameter> parameters, @Nullable RequestBody requestBody, List<RequestBody> requestBodies, Response success, Map<Integer, String> errors,
    @Nullable Wait waiting, @Nullable Paging paging, @Nullable Upload upload, @Nullable ThenWait thenWait, String pointer,
    Auth auth) {

  /** The methods the generator supports. */
  public enum HttpMethod {
    GET, PUT, POST, DELETE, PATCH
  }

  /** Where a parameter goes. */
  public enum Location {
    PATH, QUERY
  }

  /**
   * A path or query parameter.
   *
   * @param name the wire name
   * @param description the spec's text, empty when there is none
   * @param type a scalar or enum, or (in a query) an array of scalars
   * @param defaultValue the schema's {@code default} as text, or null
   * @param explode for an array in a query (style {@code form}): true sends {@code ?w=a&w=b} (OpenAPI's
   *     default), false {@code ?w=a,b}; meaningless for a scalar, which is its value alone either way
   */
  public record Parameter(String name, Location in, boolean required, Type type, String description,
      Constraints constraints, @Nullable String defaultValue, boolean explode) {}

  /**
   * This operation as seen by one of its request bodies: the client gets one method per media type,
   * overloaded by the body's record.
   */
  public Operation withRequestBody(RequestBody body) {
    return new Operation(id, method, path, summary, description, parameters, body, requestBodies, success, errors,
        waiting, paging, upload, thenWait, pointer, auth);
  }

  /** The parameter named {@code wireName}. */
  public Optional<Parameter> parameter(String wireName) {
    return parameters.stream().filter(p -> p.name().equals(wireName)).findFirst();
  }

  /**
   * A request body.
   *
   * @param mediaType {@code application/json}, {@code multipart/form-data}, or the concrete media type of a
   *     binary body ({@code application/octet-stream}, {@code audio/wav}…)
   * @param schema the named schema of the body (a record); empty for a binary body
   * @param required whether the spec marks the body required
   */
  public record RequestBody(String mediaType, String schema, boolean required) {
    public static final String JSON = "application/json";
    public static final String MULTIPART = "multipart/form-data";

    public boolean multipart() {
      return mediaType.equals(MULTIPART);
    }

    /** Whether the body is a file sent as it is ({@code type: string, format: binary}), not JSON or a form. */
    public boolean binary() {
      return !mediaType.equals(JSON) && !multipart();
    }

    /**
     * Whether the body is any JSON value: the spec gives its schema no keyword but annotations (Fern's
     * "Any type"), so the caller passes a {@code Map}, {@code List} or scalar, checked to be JSON.
     */
    public boolean anyValue() {
      return mediaType.equals(JSON) && schema.isEmpty();
    }
  }

  /**
   * The 2xx response the client decodes.
   *
   * @param status the status the spec declares (200, 201, 202, 204)
   */
  public record Response(int status, Body body) {}

  /** What a success response carries. */
  public sealed interface Body {}

  /** A JSON document of {@code type}. */
  public record JsonBody(Type type) implements Body {}

  /** Text of any {@code text/*} type ({@code text/plain}, {@code text/html}, {@code text/vtt}…), decoded in its charset. */
  public record TextBody() implements Body {}

  /** No body (204). */
  public record NoBody() implements Body {}

  /**
   * Several possible success bodies: more than one 2xx status, or more than one media type for one;
   * the client picks one by the response's status and {@code Content-Type}.
   *
   * @param outcomes in spec order; each names its schema, which names its variant of the result
   */
  public record Outcomes(List<Outcome> outcomes) implements Body {}

  /**
   * One possible success body.
   *
   * @param status the 2xx status
   * @param mediaType {@code application/json} or a {@code text/*} type
   * @param schema the named schema of the body (a model, or an alias of a string or an array)
   * @param body how it decodes ({@link JsonBody} or {@link TextBody})
   * @param description the response's text, empty when there is none
   * @param notReadySeconds {@code x-audiojobs-not-ready.intervalSeconds}: this outcome means "not yet", and
   *     a bounded wait repeats the call this often; null when it means an answer
   */
  public record Outcome(int status, String mediaType, String schema, Body body, String description,
      @Nullable Integer notReadySeconds) {}

  /**
   * {@code x-audiojobs-wait}: poll this operation until the job's status is terminal.
   *
   * @param status the property of the job holding its status
   * @param statusEnum the enum schema of that property, which has {@code x-audiojobs-terminal}
   * @param errorPath the path of the vendor's error text in the job's JSON, or empty
   * @param intervalSeconds the vendor's polling interval
   * @param intervalSource where the interval comes from
   */
  public record Wait(String status, String statusEnum, List<String> errorPath, int intervalSeconds,
      String intervalSource) {}

  /** {@code x-audiojobs-paging}. */
  public sealed interface Paging {
    /** The property of the success record holding the page's items. */
    String items();

    /** The type of one item. */
    Type item();
  }

  /**
   * Offset paging: {@code limit} and {@code offset} are optional integer query parameters, {@code total}
   * the integer count in the success record.
   *
   * @param defaultLimit the limit parameter's {@code default}, the page size when the caller gives none
   */
  public record OffsetPaging(String limit, String offset, String items, String total, int defaultLimit, Type item)
      implements Paging {}

  /**
   * Cursor paging: {@code cursor} is an optional string query parameter, {@code nextCursor} the success
   * record's property holding the next page's cursor (null on the last page).
   *
   * @param limit the page-size parameter, or null when the operation has none
   */
  public record CursorPaging(String cursor, String nextCursor, String items, @Nullable String limit, Type item)
      implements Paging {}

  /**
   * Cursor paging where the next page's cursor is a property of the page's last item (Stripe-style
   * {@code starting_after=<last id>}): {@code cursor} is an optional string query parameter, {@code itemCursor}
   * a required string property of the items' record. An empty page is the last.
   *
   * @param limit the page-size parameter, or null when the operation has none
   */
  /**
   * Paging by a next-page URL: {@code nextUrl} is the success record's string property holding the URL of
   * the next page (null, absent or empty on the last one), fetched with GET as it is, from the vendor's own
   * origin only.
   *
   * @param limit the page-size parameter of the first request, or null when the operation has none
   */
  public record NextUrlPaging(String nextUrl, String items, @Nullable String limit, Type item) implements Paging {}

  /**
   * Cursor paging where the next page's cursor is a property of the page's last item (Stripe-style
   * {@code starting_after=<last id>}): see {@link LastItemCursorPaging}.
   */
  public record LastItemCursorPaging(String cursor, String itemCursor, String items, @Nullable String limit, Type item)
      implements Paging {}

  /**
   * {@code x-audiojobs-upload}: this operation returns a pre-signed URL the client then PUTs a file to.
   *
   * @param maxBytes the largest file the vendor accepts
   * @param urlProperty the property of the success record holding the URL
   */
  public record Upload(long maxBytes, String urlProperty) {}

  /**
   * {@code x-audiojobs-then-wait}: this operation starts a job, which {@code operation}'s wait then polls.
   *
   * @param operation the id of the operation with {@code x-audiojobs-wait}
   * @param jobIdProperty the property of this operation's success record holding the job id
   */
  public record ThenWait(String operation, String jobIdProperty) {}
}
