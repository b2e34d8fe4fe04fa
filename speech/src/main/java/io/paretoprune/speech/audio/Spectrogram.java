package io.paretoprune.speech.audio;

import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * Squared-magnitude spectrogram as TensorFlow's {@code audio_spectrogram(magnitude_squared=True)}:
 * a periodic Hann window over each whole window of samples (no padding at either end), zero-padded
 * to the next power of two and transformed by Commons Math's FFT, keeping the fft/2 + 1 bins.
 */
public final class Spectrogram {
  private final int window;
  private final int step;
  private final int fftLength;
  private final double[] hann;

  public Spectrogram(int windowSamples, int stepSamples) {
    this.window = windowSamples;
    this.step = stepSamples;
    this.fftLength = Integer.highestOneBit(windowSamples - 1) << 1;
    this.hann = new double[windowSamples];
    for (int i = 0; i < windowSamples; i++) {
      hann[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / windowSamples);
    }
  }

  /** Bins per frame: fft length / 2 + 1 (257 for a 512-sample window). */
  public int bins() {
    return fftLength / 2 + 1;
  }

  /** One row of {@link #bins()} squared magnitudes per whole window of {@code samples}. */
  public double[][] compute(float[] samples) {
    int frames = samples.length < window ? 0 : 1 + (samples.length - window) / step;
    double[][] out = new double[frames][bins()];
    double[][] ri = new double[2][fftLength];
    for (int t = 0; t < frames; t++) {
      java.util.Arrays.fill(ri[0], 0);
      java.util.Arrays.fill(ri[1], 0);
      int start = t * step;
      for (int i = 0; i < window; i++) {
        ri[0][i] = samples[start + i] * hann[i];
      }
      // In place on a real/imaginary pair: no Complex object per bin.
      FastFourierTransformer.transformInPlace(ri, DftNormalization.STANDARD, TransformType.FORWARD);
      for (int k = 0; k < bins(); k++) {
        out[t][k] = ri[0][k] * ri[0][k] + ri[1][k] * ri[1][k];
      }
    }
    return out;
  }
}
