package dev.audiojobs.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives each test method fresh simulators as parameters, and after the test
 * fails it if any exchange violated the spec ({@link VendorSimulator#assertNoViolations()}), then
 * closes them.
 *
 * <pre>{@code
 * @ExtendWith(SimulatorExtension.class)
 * final class MyTest {
 *   @Test void diarizes(PyannoteSimulator pyannote, DailySimulator daily) { … }
 * }
 *
 * final class MyOtherTest {
 *   @RegisterExtension
 *   static final SimulatorExtension sims = SimulatorExtension.withOptions(SimulatorOptions.defaults().withApiKey("sk_test"));
 *   @Test void rejectsAWrongKey(LyrcsSimulator lyrcs) { … }
 * }
 * }</pre>
 *
 * <p>Parameters of type {@link PyannoteSimulator}, {@link DailySimulator} and {@link LyrcsSimulator}
 * are resolved, one simulator per type and test (two parameters of one type get the same one). A test
 * that sends a bad request on purpose takes the violations it expects with {@link
 * VendorSimulator#takeViolations()}, so that they do not fail it.
 */
public final class SimulatorExtension implements ParameterResolver, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SimulatorExtension.class);

  private final SimulatorOptions options;

  /** With {@link SimulatorOptions#defaults()}; the constructor {@code @ExtendWith} calls. */
  public SimulatorExtension() {
    this(SimulatorOptions.defaults());
  }

  private SimulatorExtension(SimulatorOptions options) {
    this.options = options;
  }

  /** An extension whose simulators start with {@code options}, for {@code @RegisterExtension}. */
  public static SimulatorExtension withOptions(SimulatorOptions options) {
    return new SimulatorExtension(Objects.requireNonNull(options, "options == null"));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == PyannoteSimulator.class || type == DailySimulator.class || type == LyrcsSimulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    Started started = context.getStore(NAMESPACE).getOrComputeIfAbsent(Started.class, k -> new Started(), Started.class);
    for (VendorSimulator s : started.simulators) if (s.getClass() == type) return s;
    VendorSimulator s = type == PyannoteSimulator.class ? PyannoteSimulator.start(options)
        : type == DailySimulator.class ? DailySimulator.start(options)
        : LyrcsSimulator.start(options);
    started.simulators.add(s);
    return s;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Started started = context.getStore(NAMESPACE).remove(Started.class, Started.class);
    if (started == null) return;
    AssertionError failure = null;
    for (VendorSimulator s : started.simulators) {
      try {
        s.assertNoViolations();
      } catch (AssertionError e) {
        if (failure == null) failure = e;
        else failure.addSuppressed(e);
      } finally {
        s.close();
      }
    }
    if (failure != null) throw failure;
  }

  /** The simulators one test started. */
  private static final class Started {
    final List<VendorSimulator> simulators = new ArrayList<>();
  }
}
