package io.paretoprune.speech.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Writes small WAV files for the tests with the JDK's own writer. */
public final class WavFiles {
  private WavFiles() {}

  /** 16-bit mono at {@code rate}: samples in [-1, 1] scaled by 32767. */
  public static Path write(Path file, float[] samples, int rate) throws IOException {
    byte[] bytes = new byte[samples.length * 2];
    for (int i = 0; i < samples.length; i++) {
      int v = Math.round(Math.max(-1f, Math.min(1f, samples[i])) * 32767f);
      bytes[2 * i] = (byte) v;
      bytes[2 * i + 1] = (byte) (v >> 8);
    }
    return writeRaw(file, bytes, new AudioFormat(rate, 16, 1, true, false));
  }

  /** Raw frames in any PCM format the JDK can write. */
  public static Path writeRaw(Path file, byte[] frames, AudioFormat format) throws IOException {
    try (AudioInputStream in =
        new AudioInputStream(
            new ByteArrayInputStream(frames), format, frames.length / format.getFrameSize())) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
    }
    return file;
  }

  /** A sine of {@code seconds} at 16 kHz. */
  public static float[] tone(double seconds, double hz) {
    float[] s = new float[(int) Math.round(seconds * 16000)];
    for (int i = 0; i < s.length; i++) {
      s[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / 16000.0));
    }
    return s;
  }
}
