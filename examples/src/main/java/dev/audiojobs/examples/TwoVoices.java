package dev.audiojobs.examples;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The audio the main job uploads when given none: a 16 kHz mono 16-bit PCM WAV file in which two
 * tones (a low and a high "voice") take turns every two seconds. It is generated rather than shipped
 * so that the repository holds no binary; it is not speech, so the real pyannoteAI may find no speaker
 * in it (pass a recording instead), while the simulator reads only its duration.
 */
final class TwoVoices {
  static final int SAMPLE_RATE = 16_000;
  static final double SECONDS = 8.0;
  private static final double TURN_SECONDS = 2.0;
  private static final double[] VOICES_HZ = {180.0, 310.0};

  private TwoVoices() {}

  /** The whole file, header included ({@link #SECONDS} long). */
  static byte[] wav() {
    int samples = (int) (SECONDS * SAMPLE_RATE);
    int dataBytes = samples * 2;
    ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"));
    b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1) // PCM, mono
        .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16);
    b.put(ascii("data")).putInt(dataBytes);
    for (int i = 0; i < samples; i++) {
      double t = (double) i / SAMPLE_RATE;
      int turn = (int) (t / TURN_SECONDS);
      double inTurn = t - turn * TURN_SECONDS;
      // A short fade in and out of each turn, so that the turns do not click.
      double envelope = Math.min(1.0, Math.min(inTurn, TURN_SECONDS - inTurn) / 0.05);
      double sample = 0.3 * envelope * Math.sin(2 * Math.PI * VOICES_HZ[turn % 2] * t);
      b.putShort((short) Math.round(sample * Short.MAX_VALUE));
    }
    return b.array();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
