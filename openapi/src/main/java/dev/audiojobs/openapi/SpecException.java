package dev.audiojobs.openapi;

/**
 * A problem in a spec, an overlay or a normalized document: what is wrong and where.
 *
 * <p>The message always starts with the file (relative to the {@code openapi/} folder when known)
 * followed by the location inside it — a JSON path such as {@code $.actions[3].target} or a line and
 * column for malformed YAML — so that the build output points at the line to fix.
 */
public final class SpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String location;
  private final String problem;

  /**
   * @param file the file the problem is in, as a user would type it
   * @param location a JSON path ({@code $.paths['/v1/jobs']}) or {@code line N, column M}
   * @param problem what is wrong, and where useful what to do about it
   */
  public SpecException(String file, String location, String problem) {
    this(file, location, problem, null);
  }

  /** Like {@link #SpecException(String, String, String)}, keeping the underlying cause. */
  public SpecException(String file, String location, String problem, Throwable cause) {
    super(file + ": " + location + ": " + problem, cause);
    this.file = file;
    this.location = location;
    this.problem = problem;
  }

  /** The file the problem is in. */
  public String file() {
    return file;
  }

  /** The JSON path or line within {@link #file()}. */
  public String location() {
    return location;
  }

  /** What is wrong, without the file and location. */
  public String problem() {
    return problem;
  }
}
