package io.paretoprune.speech.audio;

/**
 * TensorFlow's MFCC mel filterbank ({@code MfccMelFilterbank}), which DeepSpeech's features go
 * through: mel = 1127 ln(1 + f / 700); channel edges equally spaced in mel between the lower and
 * upper frequency; each spectrogram bin from {@code (int) (1.5 + lower / hzPerBin)} to {@code (int)
 * (upper / hzPerBin)} adds its magnitude (the square root of the squared-magnitude input) to the
 * two channels around it, split linearly in mel. Written out because Commons Math has no mel
 * filterbank, and TensorFlow's differs from the usual triangular one (no area normalisation, bins
 * on magnitude, not power).
 */
public final class MelFilterbank {
  private final int channels;
  private final int start;
  private final int end;
  private final int[] bandOf;
  private final double[] weight;

  public MelFilterbank(int bins, int sampleRate, int channels, double lowerHz, double upperHz) {
    this.channels = channels;
    double melLow = mel(lowerHz);
    double spacing = (mel(upperHz) - melLow) / (channels + 1);
    double[] centres = new double[channels + 1];
    for (int i = 0; i <= channels; i++) {
      centres[i] = melLow + spacing * (i + 1);
    }
    double hzPerBin = 0.5 * sampleRate / (bins - 1);
    this.start = (int) (1.5 + lowerHz / hzPerBin);
    this.end = (int) (upperHz / hzPerBin);
    this.bandOf = new int[bins];
    this.weight = new double[bins];
    int channel = 0;
    for (int i = 0; i < bins; i++) {
      double m = mel(i * hzPerBin);
      if (i < start || i > end) {
        bandOf[i] = -2;
        continue;
      }
      while (channel < channels && centres[channel] < m) {
        channel++;
      }
      int band = channel - 1;
      bandOf[i] = band;
      weight[i] =
          band >= 0
              ? (centres[band + 1] - m) / (centres[band + 1] - centres[band])
              : (centres[0] - m) / (centres[0] - melLow);
    }
  }

  static double mel(double hz) {
    return 1127.0 * Math.log1p(hz / 700.0);
  }

  /** The {@code channels} filterbank energies of one squared-magnitude spectrum. */
  public double[] apply(double[] squaredMagnitude) {
    double[] out = new double[channels];
    for (int i = start; i <= end; i++) {
      double magnitude = Math.sqrt(squaredMagnitude[i]);
      double weighted = magnitude * weight[i];
      int band = bandOf[i];
      if (band >= 0) {
        out[band] += weighted;
      }
      if (band + 1 < channels) {
        out[band + 1] += magnitude - weighted;
      }
    }
    return out;
  }
}
