package io.paretoprune.speech.audio;

/**
 * What is done to the MFCC coefficients of an utterance before they reach the model. DeepSpeech 0.9
 * feeds TensorFlow's MFCC unchanged ({@link #NONE}); its releases up to 0.4 whitened each
 * utterance's features, which {@link #PER_UTTERANCE} does per coefficient (cepstral mean and
 * variance normalisation).
 */
public enum FeatureNormalization {
  /** The coefficients as computed (DeepSpeech 0.9). */
  NONE,
  /** Each coefficient minus its mean over the utterance's frames, divided by its deviation. */
  PER_UTTERANCE
}
