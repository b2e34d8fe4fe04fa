package io.paretoprune.speech.audio;

/**
 * How audio becomes features, with DeepSpeech 0.9's values as {@link #DEEPSPEECH}: 32 ms Hann
 * windows every 20 ms, 26 MFCC coefficients from 40 mel channels between 20 Hz and half the sample
 * rate (DeepSpeech passes {@code upper_frequency_limit = audio_sample_rate / 2}; the 20 Hz floor
 * and the 40 channels are TensorFlow's {@code mfcc} defaults, which DeepSpeech does not override),
 * and 9 frames of context on each side.
 *
 * @param audio the format every WAV must have
 * @param windowMs analysis window length in milliseconds
 * @param stepMs hop between windows in milliseconds
 * @param coefficients MFCC coefficients kept per frame
 * @param melChannels mel filterbank channels
 * @param lowerHz lowest filterbank frequency
 * @param upperHz highest filterbank frequency (at most half the sample rate)
 * @param contextFrames frames of context on each side of a frame in the model's input
 * @param normalization what is done to the coefficients after the MFCC
 */
public record FeatureSettings(
    AudioSpec audio,
    int windowMs,
    int stepMs,
    int coefficients,
    int melChannels,
    double lowerHz,
    double upperHz,
    int contextFrames,
    FeatureNormalization normalization) {

  /** DeepSpeech 0.9's features: 26 x (1 + 2 x 9) = 494 inputs per time step, not normalised. */
  public static final FeatureSettings DEEPSPEECH =
      new FeatureSettings(
          AudioSpec.DEEPSPEECH, 32, 20, 26, 40, 20, 8000, 9, FeatureNormalization.NONE);

  public FeatureSettings {
    if (windowMs <= 0 || stepMs <= 0) {
      throw new IllegalArgumentException("window and step must be positive milliseconds");
    }
    if (windowSamples(audio, windowMs) < 2) {
      throw new IllegalArgumentException(
          "a window of " + windowMs + " ms has fewer than 2 samples");
    }
    if (melChannels < 1 || coefficients < 1 || coefficients > melChannels) {
      throw new IllegalArgumentException(
          "need 1 <= coefficients <= mel channels, got " + coefficients + " and " + melChannels);
    }
    if (lowerHz < 0 || upperHz <= lowerHz || upperHz > audio.sampleRate() / 2.0) {
      throw new IllegalArgumentException(
          "need 0 <= lowerHz < upperHz <= sample rate / 2, got " + lowerHz + " and " + upperHz);
    }
    if (contextFrames < 0) {
      throw new IllegalArgumentException("context frames must be >= 0, got " + contextFrames);
    }
  }

  public FeatureSettings withNormalization(FeatureNormalization n) {
    return new FeatureSettings(
        audio, windowMs, stepMs, coefficients, melChannels, lowerHz, upperHz, contextFrames, n);
  }

  public FeatureSettings withContextFrames(int frames) {
    return new FeatureSettings(
        audio,
        windowMs,
        stepMs,
        coefficients,
        melChannels,
        lowerHz,
        upperHz,
        frames,
        normalization);
  }

  /** Samples per window (512 at 16 kHz and 32 ms). */
  public int windowSamples() {
    return windowSamples(audio, windowMs);
  }

  /** Samples per hop (320 at 16 kHz and 20 ms). */
  public int stepSamples() {
    return audio.sampleRate() * stepMs / 1000;
  }

  /** Values per time step of the model's input: coefficients x (1 + 2 x context). */
  public int inputWidth() {
    return coefficients * (1 + 2 * contextFrames);
  }

  /**
   * Feature frames of {@code samples} audio samples: only whole windows, as TensorFlow's
   * spectrogram (no padding at the end), so audio shorter than a window has none.
   */
  public int frames(long samples) {
    int w = windowSamples();
    return samples < w ? 0 : (int) (1 + (samples - w) / stepSamples());
  }

  private static int windowSamples(AudioSpec audio, int ms) {
    return audio.sampleRate() * ms / 1000;
  }
}
