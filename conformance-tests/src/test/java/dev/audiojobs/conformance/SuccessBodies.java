package dev.audiojobs.conformance;

import java.lang.reflect.RecordComponent;

/**
 * The body inside the answer of an operation with several success bodies. The generator answers such
 * an operation (lyrcs.ai's {@code download}: LRC or SRT text, the words as JSON, or 202 "not ready")
 * with a sealed interface whose variants are records of one component, {@code value}, the body; a case
 * names the variant ({@code DownloadText}) and states the body ({@code text} or {@code json}).
 */
final class SuccessBodies {
  private SuccessBodies() {}

  /** {@code answer.value()} when {@code answer} is such a variant, else {@code answer} itself (null included). */
  static Object body(Object answer) throws ReflectiveOperationException {
    if (answer == null) return null;
    Class<?> type = answer.getClass();
    Class<?> outer = type.getEnclosingClass();
    RecordComponent[] components = type.getRecordComponents();
    boolean variant = type.isRecord() && outer != null && outer.isSealed() && outer.isAssignableFrom(type)
        && components.length == 1 && components[0].getName().equals("value");
    return variant ? components[0].getAccessor().invoke(answer) : answer;
  }
}
