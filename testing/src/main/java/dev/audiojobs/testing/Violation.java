package dev.audiojobs.testing;

/**
 * Something that should not have happened in an exchange with a simulator: a request the spec does not
 * allow, a request without an API key, an upload to a pre-signed URL that carried an Authorization
 * header, or a response or webhook of the simulator itself that its spec does not allow (a bug of this
 * library).
 *
 * @param kind what went wrong
 * @param method the request's HTTP method
 * @param target the request's path and query, as received
 * @param message the validator's messages (with the JSON path or parameter they concern), or the reason
 */
public record Violation(Kind kind, String method, String target, String message) {
  /** What went wrong. */
  public enum Kind {
    /** The request does not conform to the spec (the simulator answered 400, or 404 for an unknown path). */
    INVALID_REQUEST,
    /** The request carried no {@code Authorization: Bearer …} header. */
    MISSING_API_KEY,
    /** A PUT or GET to a pre-signed URL carried an Authorization header, which the storage rejects. */
    AUTHORIZATION_ON_PRESIGNED_URL,
    /** The simulator produced a response its spec does not allow; it answered 500 instead. */
    INVALID_RESPONSE,
    /** A webhook payload the simulator sent does not conform to the schema the spec gives it (a bug of this library). */
    INVALID_WEBHOOK
  }

  @Override
  public String toString() {
    return kind + " " + method + " " + target + ": " + message;
  }
}
