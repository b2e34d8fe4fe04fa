package io.paretoprune.speech.audio;

/**
 * DeepSpeech 0.9's MFCC ({@code audio_to_features} in {@code util/feeding.py}: TensorFlow's {@code
 * audio_spectrogram} then {@code mfcc}): the {@link Spectrogram}, the {@link MelFilterbank}, the
 * natural log with energies floored at 1e-12, and TensorFlow's DCT-II, {@code c_k = sqrt(2/N) sum_n
 * x_n cos(pi k (n + 1/2) / N)} over the N mel channels, keeping the first coefficients.
 *
 * <p>The DCT is a small matrix product (40 x 26 at DeepSpeech's settings): Commons Math's
 * FastCosineTransformer is a DCT-I on 2^k + 1 points, not this transform.
 */
public final class Mfcc {
  /** TensorFlow's {@code kFilterbankFloor}. */
  static final double FLOOR = 1e-12;

  private final FeatureSettings settings;
  private final Spectrogram spectrogram;
  private final MelFilterbank filterbank;
  private final double[][] dct;

  public Mfcc(FeatureSettings settings) {
    this.settings = settings;
    this.spectrogram = new Spectrogram(settings.windowSamples(), settings.stepSamples());
    this.filterbank =
        new MelFilterbank(
            spectrogram.bins(),
            settings.audio().sampleRate(),
            settings.melChannels(),
            settings.lowerHz(),
            settings.upperHz());
    int n = settings.melChannels();
    this.dct = new double[settings.coefficients()][n];
    double norm = Math.sqrt(2.0 / n);
    for (int k = 0; k < settings.coefficients(); k++) {
      for (int j = 0; j < n; j++) {
        dct[k][j] = norm * Math.cos(Math.PI / n * (j + 0.5) * k);
      }
    }
  }

  /** [frames][coefficients] for the samples, normalised as the settings say. */
  public float[][] compute(float[] samples) {
    double[][] power = spectrogram.compute(samples);
    float[][] out = new float[power.length][settings.coefficients()];
    for (int t = 0; t < power.length; t++) {
      double[] mel = filterbank.apply(power[t]);
      for (int j = 0; j < mel.length; j++) {
        mel[j] = Math.log(Math.max(mel[j], FLOOR));
      }
      for (int k = 0; k < dct.length; k++) {
        double s = 0;
        for (int j = 0; j < mel.length; j++) {
          s += dct[k][j] * mel[j];
        }
        out[t][k] = (float) s;
      }
    }
    if (settings.normalization() == FeatureNormalization.PER_UTTERANCE) {
      standardise(out);
    }
    return out;
  }

  /** Each column to mean 0 and (population) deviation 1; a constant column to 0. */
  static void standardise(float[][] frames) {
    if (frames.length == 0) {
      return;
    }
    for (int k = 0; k < frames[0].length; k++) {
      double mean = 0;
      for (float[] f : frames) {
        mean += f[k];
      }
      mean /= frames.length;
      double var = 0;
      for (float[] f : frames) {
        var += (f[k] - mean) * (f[k] - mean);
      }
      double sd = Math.sqrt(var / frames.length);
      for (float[] f : frames) {
        f[k] = sd > 0 ? (float) ((f[k] - mean) / sd) : 0f;
      }
    }
  }
}
