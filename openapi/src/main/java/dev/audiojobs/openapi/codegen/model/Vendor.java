package dev.audiojobs.openapi.codegen.model;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One vendor, named by its token ({@code pyannote}); everything else about where its spec lives and
 * what its generated code is called derives from the token.
 *
 * @param token lower-case letters and digits, starting with a letter: a spec file name, a package name
 *     segment and a case folder at once
 */
public record Vendor(String token) {
  private static final Pattern TOKEN = Pattern.compile("[a-z][a-z0-9]*");

  public Vendor {
    Objects.requireNonNull(token, "token == null");
    if (!TOKEN.matcher(token).matches()) {
      throw new IllegalArgumentException("a vendor token is lower-case letters and digits, starting with a letter: " + token);
    }
  }

  /**
   * The vendor of a normalized spec file, {@code openapi/normalized/<token>.yaml}.
   *
   * @throws IllegalArgumentException when the file name is not {@code <token>.yaml}
   */
  public static Vendor ofSpecFile(java.nio.file.Path specFile) {
    String name = specFile.getFileName().toString();
    if (!name.endsWith(".yaml")) throw new IllegalArgumentException("a normalized spec is <vendor>.yaml: " + specFile);
    return new Vendor(name.substring(0, name.length() - ".yaml".length()));
  }

  /** The prefix of the generated entry points: {@code pyannote} → {@code Pyannote} ({@code PyannoteClient}). */
  public String prefix() {
    return token.substring(0, 1).toUpperCase(Locale.ROOT) + token.substring(1);
  }

  /** The package of the generated client and models: {@code dev.audiojobs.pyannote}. */
  public String packageName() {
    return "dev.audiojobs." + token;
  }

  /** The spec's path from the repository root, as generated headers and javadoc name it. */
  public String specPath() {
    return "openapi/normalized/" + token + ".yaml";
  }
}
