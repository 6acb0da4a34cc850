package dev.audiojobs.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** What a simulator reads from uploaded audio: the duration of a PCM WAV file, else a stand-in. */
final class AudioFacts {
  /** The duration assumed when the audio is not a WAV file the simulator can read, or is not uploaded. */
  static final double DEFAULT_SECONDS = 60.0;

  private AudioFacts() {}

  /** The duration in seconds of a RIFF/WAVE file ({@code data} bytes / byte rate), or {@link #DEFAULT_SECONDS}. */
  static double durationSeconds(byte[] audio) {
    if (audio.length < 44 || !ascii(audio, 0, "RIFF") || !ascii(audio, 8, "WAVE")) return DEFAULT_SECONDS;
    ByteBuffer b = ByteBuffer.wrap(audio).order(ByteOrder.LITTLE_ENDIAN);
    long byteRate = 0;
    int pos = 12;
    while (pos + 8 <= audio.length) {
      long size = b.getInt(pos + 4) & 0xFFFFFFFFL;
      if (ascii(audio, pos, "fmt ") && pos + 20 <= audio.length) byteRate = b.getInt(pos + 16) & 0xFFFFFFFFL; // after format, channels, sample rate
      if (ascii(audio, pos, "data")) {
        long available = Math.min(size, audio.length - pos - 8L);
        return byteRate > 0 && available > 0 ? (double) available / byteRate : DEFAULT_SECONDS;
      }
      pos += 8 + (int) Math.min(size + (size & 1), Integer.MAX_VALUE - pos - 8);
    }
    return DEFAULT_SECONDS;
  }

  private static boolean ascii(byte[] bytes, int at, String text) {
    for (int i = 0; i < text.length(); i++) if (bytes[at + i] != text.charAt(i)) return false;
    return true;
  }
}
