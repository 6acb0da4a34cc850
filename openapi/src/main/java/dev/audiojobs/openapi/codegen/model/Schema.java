package dev.audiojobs.openapi.codegen.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A named schema of {@code components/schemas}: what becomes one model class. */
public sealed interface Schema {
  /** The schema's name, which is also its Java class name. */
  String name();

  /** The spec's text, empty when there is none. */
  String description();

  /**
   * An object with named properties: a record.
   *
   * @param request whether the record is sent: a request body, or reachable from one. A request record
   *     gets a builder and is checked against the spec before it is sent; decoding one that lacks a
   *     required property fails as an invalid request.
   * @param multipart whether the record is a {@code multipart/form-data} body: its properties are the
   *     form's fields, files among them
   * @param received whether a response carries it (an error body, a success body, or reachable from
   *     one). A record both sent and received keeps its builder and its checks before sending, and
   *     decodes as a response: what lacks a required property is the server's fault, not the caller's.
   * @param refused additional properties a request may not carry, each with the reason
   *     ({@code x-audiojobs-refused-properties}: the vendor would ignore them silently)
   */
  record RecordSchema(String name, String description, List<Property> properties, boolean request, boolean multipart,
      boolean received, Map<String, String> refused) implements Schema {
    /**
     * Whether decoding one checks a request rather than reads a response: a record only sent, whose
     * missing required property is the caller's mistake ({@code RequestValidationException}).
     */
    public boolean decodesAsRequest() {
      return request && !received;
    }

    /** The property named {@code wireName}. */
    public Optional<Property> property(String wireName) {
      return properties.stream().filter(p -> p.name().equals(wireName)).findFirst();
    }
  }

  /**
   * A string enum, generated open: values newer than the client decode.
   *
   * @param valueDescriptions text per value ({@code x-audiojobs-enum-descriptions})
   * @param terminal the values after which a job does not change ({@code x-audiojobs-terminal}); may be empty
   * @param unsuccessful the terminal values that mean no result ({@code x-audiojobs-unsuccessful}); may be empty
   * @param closed whether a request may only send the listed values ({@code x-audiojobs-closed}); decoding
   *     stays open either way
   */
  record EnumSchema(String name, String description, List<String> values, Map<String, String> valueDescriptions,
      List<String> terminal, List<String> unsuccessful, boolean closed) implements Schema {}

  /**
   * A {@code oneOf} of records, and perhaps one text variant, with the rule that picks one. A JSON string is
   * the text variant; the rule picks among the records for an object.
   *
   * @param variants the {@code oneOf} members in spec order: records, and at most one {@link TextSchema}
   * @param fallback the record for anything the rule does not match ({@code x-audiojobs-select.fallback})
   * @param request whether a request sends it (a request body, or reachable from one). A union sent is
   *     one of its variants, never the fallback (which holds what the client does not know, and the spec's
   *     {@code oneOf} does not allow), valid as that variant, and read back by the rule as that variant.
   */
  record UnionSchema(String name, String description, List<String> variants, String fallback, Rule rule,
      boolean request) implements Schema {
    /** The variants, the fallback last: everything the union permits. */
    public List<String> members() {
      List<String> members = new java.util.ArrayList<>(variants);
      if (!members.contains(fallback)) members.add(fallback);
      return List.copyOf(members);
    }
  }

  /**
   * A named {@code type: string} schema that a union lists as a member: its text variant (Deepgram's
   * {@code ErrorResponseTextError}, an error sent as a JSON string rather than an object). It becomes a
   * record holding the string, so that the union stays a sealed type of records; decoding the union picks
   * it when the JSON value is a string. Everywhere else (a property, a parameter) a reference to the schema
   * is the plain {@code String} it names.
   */
  record TextSchema(String name, String description) implements Schema {}

  /**
   * A {@code oneOf} of scalars, enums and lists of them that only query parameters send (Deepgram's
   * {@code detect_language}: a boolean, or a list of languages). The caller picks the member with a factory
   * method; the value is sent as the member's query values ({@code ?name=a&name=b} for a list); nothing
   * decodes one, so no rule chooses a member.
   *
   * @param members the members' types in spec order: scalars, open enums ({@link Type.Ref}) and lists of
   *     them; no two of one Java type, at most one list
   */
  record QueryValueSchema(String name, String description, List<Type> members) implements Schema {}

  /** How a union picks its variant. */
  sealed interface Rule {}

  /**
   * The spec's {@code discriminator}.
   *
   * @param mapping tag value to variant, in spec order
   */
  record Discriminator(String property, Map<String, String> mapping) implements Rule {}

  /**
   * {@code x-audiojobs-select}: the first rule one of whose keys the object {@code property} has wins.
   */
  record ByKeys(String property, List<KeyRule> rules) implements Rule {}

  /** One rule of {@link ByKeys}: any of {@code keys} selects {@code variant}. */
  record KeyRule(List<String> keys, String variant) {}
}
