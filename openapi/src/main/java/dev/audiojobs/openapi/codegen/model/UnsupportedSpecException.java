package dev.audiojobs.openapi.codegen.model;

/**
 * A construct of the spec the generator does not support. The message names the spec file and the
 * JSON pointer of the construct ({@code openapi/normalized/x.yaml: #/paths/~1v1~1jobs/patch: the
 * generator does not support …}), so the fix starts where the problem is.
 */
public final class UnsupportedSpecException extends IllegalStateException {
  private final String pointer;

  UnsupportedSpecException(String specPath, String pointer, String what) {
    super(specPath + ": " + pointer + ": the generator does not support " + what);
    this.pointer = pointer;
  }

  /** The JSON pointer of the refused construct, as a URI fragment ({@code #/components/schemas/Job}). */
  public String pointer() {
    return pointer;
  }
}
