package dev.audiojobs.client.internal;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What a union adapter looks at before it chooses a variant (the keys of an object, a discriminator's
 * value), and the one-pass protocol for readers that can be decoded again. For generated code; not API.
 *
 * <h2>The one-pass protocol</h2>
 *
 * <p>A union chosen by the keys of a property ({@code output} of a pyannoteAI job) needs every key of
 * that object before it knows which record to decode it into, and the keys are followed by nearly the
 * whole body. The exact rule therefore looks ahead over all of it ({@link #keysOf}), then decodes it:
 * two passes. A reader whose owner holds the whole document and can start again ({@link
 * JsonDocument}, which marks it with {@link #allowSinglePass}) lets the union instead guess from the
 * first rule key ({@link #firstKeyOf}, usually a few bytes away), decode once, and confirm the guess
 * with the rule applied to the decoded keys; a wrong guess throws {@link RetryExactly}, and the owner
 * decodes again without the mark, exactly.
 *
 * <p>Why it stays: there is no cheap exact rule in one pass. The variant decides the type of every value
 * in the selecting object, and the deciding key may come last; an exact single pass would hold every
 * value undecided (as generic maps and {@code BigDecimal}s, what an unknown property costs) and convert
 * it once the last key is seen. Decoding with the exact rule's look-ahead instead took, in one run of
 * {@code JobDecodeCpuTime} ({@code clientExact}; README, "Benchmarks"), 1.77 times as long for an
 * hour-long job, 1.69 for a two-minute job, 1.26 for a 1 KB job, and the same for a job without
 * output. A wrong guess (a key of an earlier rule after a key of a later one in the same object) costs
 * the second pass the exact rule always pays. The protocol lives here, in {@link JsonDocument#decode} (the one
 * owner that decodes again) and in the generator's {@code UnionAdapterRenderer}.
 */
public final class JsonLookAhead {
  private JsonLookAhead() {}

  /** The keys of the object held by {@code property} of the object {@code reader} is at, without consuming it. */
  public static Set<String> keysOf(JsonReader reader, String property) throws IOException {
    Set<String> keys = new HashSet<>();
    scanKeys(reader, property, key -> {
      keys.add(key);
      return false;
    });
    return keys;
  }

  /**
   * The keys of the object {@code reader} is at, without consuming it: for a union chosen by the object's own
   * keys ({@code x-audiojobs-select} without a {@code property}).
   */
  public static Set<String> ownKeys(JsonReader reader) throws IOException {
    Set<String> keys = new HashSet<>();
    scanKeys(reader, null, key -> {
      keys.add(key);
      return false;
    });
    return keys;
  }

  /**
   * The first key of the object held by {@code property} that is one of {@code keys}, without
   * consuming anything; null when there is none (no such property, not an object, no such key).
   * Values before it are skipped, so when the key comes early the look-ahead is short.
   */
  public static @Nullable String firstKeyOf(JsonReader reader, String property, Set<String> keys) throws IOException {
    String[] first = new String[1];
    scanKeys(reader, property, key -> {
      if (!keys.contains(key)) return false;
      first[0] = key;
      return true;
    });
    return first[0];
  }

  /**
   * Visits the keys of the object held by {@code property} (null: of the object itself), on a look-ahead, until
   * {@code stop} says so.
   * The look-ahead is lenient and stops quietly where the input fails: it only chooses an adapter, and
   * that adapter reads the same input strictly and reports any failure with its exact path (a
   * look-ahead's own path is not exact: Moshi does not count elements it skips).
   */
  private static void scanKeys(JsonReader reader, @Nullable String property, Predicate<String> stop) {
    JsonReader peek = reader.peekJson();
    peek.setLenient(true);
    try {
      peek.beginObject();
      if (property == null) {
        visitKeys(peek, stop);
        return;
      }
      while (peek.hasNext()) {
        if (peek.nextName().equals(property) && peek.peek() == JsonReader.Token.BEGIN_OBJECT) {
          peek.beginObject();
          visitKeys(peek, stop);
          return;
        }
        peek.skipValue();
      }
    } catch (IOException | RuntimeException e) {
      // the adapter chosen on what was seen fails at the same place, with the exact path
    }
  }

  /** Visits the keys of the object {@code peek} has just begun, skipping their values, until {@code stop} says so. */
  private static void visitKeys(JsonReader peek, Predicate<String> stop) throws IOException {
    while (peek.hasNext()) {
      if (stop.test(peek.nextName())) return;
      peek.skipValue();
    }
  }

  /**
   * The string value of {@code property} of the object {@code reader} is at, without consuming it; null
   * if absent, or when the input fails before it (leniently and quietly, as {@link #scanKeys} does).
   */
  public static @Nullable String stringProperty(JsonReader reader, String property) throws IOException {
    JsonReader peek = reader.peekJson();
    peek.setLenient(true);
    try {
      peek.beginObject();
      while (peek.hasNext()) {
        if (peek.nextName().equals(property) && peek.peek() == JsonReader.Token.STRING) {
          return peek.nextString();
        }
        peek.skipValue();
      }
    } catch (IOException | RuntimeException e) {
      // the adapter chosen without it fails at the same place, with the exact path
    }
    return null;
  }

  /** Marks {@code reader} as one its caller can decode again from the start; see {@link RetryExactly}. */
  static void allowSinglePass(JsonReader reader) {
    reader.setTag(SinglePass.class, SinglePass.INSTANCE);
  }

  /** Whether a union may decode from {@code reader} in one pass on a guess. */
  public static boolean singlePass(JsonReader reader) {
    return reader.tag(SinglePass.class) != null;
  }

  /** The tag {@link #allowSinglePass} sets. */
  static final class SinglePass {
    static final SinglePass INSTANCE = new SinglePass();

    private SinglePass() {}
  }

  /**
   * Thrown by a union adapter that decoded in one pass on a guess and found the guess wrong (or could
   * not decode on it), and by an unknown property's read that met a number Moshi refuses: the caller
   * must decode again from the start, without {@link #allowSinglePass}, which applies the spec's rule
   * exactly. Never reaches users.
   */
  public static final class RetryExactly extends IOException {
    private static final long serialVersionUID = 1L;

    public RetryExactly(@Nullable Throwable cause) {
      super("the single-pass guess did not hold; decode again exactly", cause);
    }
  }
}
