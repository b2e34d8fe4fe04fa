package io.paretoprune.speech.audio;

/**
 * Decoded mono audio: samples scaled to [-1, 1) as TensorFlow's {@code decode_wav} scales 16-bit
 * PCM (divided by 32768), and the sample rate they were recorded at.
 */
public record PcmAudio(float[] samples, int sampleRate) {
  public double seconds() {
    return samples.length / (double) sampleRate;
  }
}
