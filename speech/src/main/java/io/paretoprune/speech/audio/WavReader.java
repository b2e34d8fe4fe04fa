package io.paretoprune.speech.audio;

import io.paretoprune.core.data.DatasetFormatException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Reads a WAV file with the JDK's {@code javax.sound.sampled} and checks it against the corpus's
 * {@link AudioSpec}. Every problem is a {@link DatasetFormatException} whose message is "file:
 * reason" on one line.
 */
public final class WavReader {
  private WavReader() {}

  /** The header only: format and frame count, without decoding the samples. */
  public record Header(AudioFormat format, long frames) {}

  /** Reads the header and checks encoding, rate, bits and channels against {@code spec}. */
  public static Header header(Path wav, AudioSpec spec) {
    try (AudioInputStream in = open(wav)) {
      Header h = new Header(in.getFormat(), in.getFrameLength());
      check(wav, h.format(), spec);
      return h;
    } catch (IOException e) {
      throw new DatasetFormatException(wav, "cannot read: " + e.getMessage());
    }
  }

  /** Decodes the whole file after the checks of {@link #header}. */
  public static PcmAudio read(Path wav, AudioSpec spec) {
    try (AudioInputStream in = open(wav)) {
      check(wav, in.getFormat(), spec);
      long declared = in.getFrameLength();
      byte[] bytes = in.readAllBytes();
      if (bytes.length % 2 != 0) {
        throw new DatasetFormatException(wav, "corrupt WAV: odd number of data bytes");
      }
      if (declared != AudioSystem.NOT_SPECIFIED && declared != bytes.length / 2) {
        throw new DatasetFormatException(
            wav,
            "corrupt WAV: the header declares "
                + declared
                + " samples, the file holds "
                + bytes.length / 2
                + " (truncated?)");
      }
      boolean bigEndian = in.getFormat().isBigEndian();
      float[] samples = new float[bytes.length / 2];
      for (int i = 0; i < samples.length; i++) {
        int lo = bytes[2 * i + (bigEndian ? 1 : 0)] & 0xff;
        int hi = bytes[2 * i + (bigEndian ? 0 : 1)];
        samples[i] = (short) ((hi << 8) | lo) / 32768f;
      }
      return new PcmAudio(samples, Math.round(in.getFormat().getSampleRate()));
    } catch (IOException e) {
      throw new DatasetFormatException(wav, "cannot read: " + e.getMessage());
    }
  }

  private static AudioInputStream open(Path wav) throws IOException {
    if (!Files.isRegularFile(wav)) {
      throw new DatasetFormatException(wav, "missing WAV file");
    }
    InputStream raw = new BufferedInputStream(Files.newInputStream(wav));
    try {
      return AudioSystem.getAudioInputStream(raw);
    } catch (UnsupportedAudioFileException e) {
      raw.close();
      throw new DatasetFormatException(wav, "corrupt or not a WAV file: " + e.getMessage());
    } catch (IOException e) {
      raw.close();
      throw new DatasetFormatException(wav, "corrupt WAV: " + e.getMessage());
    }
  }

  private static void check(Path wav, AudioFormat f, AudioSpec spec) {
    if (!AudioFormat.Encoding.PCM_SIGNED.equals(f.getEncoding())) {
      throw new DatasetFormatException(
          wav, "encoding " + f.getEncoding() + ", the corpus expects signed PCM (" + spec + ")");
    }
    if (Math.round(f.getSampleRate()) != spec.sampleRate()) {
      throw new DatasetFormatException(
          wav, "sample rate " + Math.round(f.getSampleRate()) + " Hz, the corpus expects " + spec);
    }
    if (f.getSampleSizeInBits() != spec.bitsPerSample()) {
      throw new DatasetFormatException(
          wav, f.getSampleSizeInBits() + "-bit samples, the corpus expects " + spec);
    }
    if (f.getChannels() != spec.channels()) {
      throw new DatasetFormatException(
          wav, f.getChannels() + " channels, the corpus expects " + spec);
    }
  }
}
