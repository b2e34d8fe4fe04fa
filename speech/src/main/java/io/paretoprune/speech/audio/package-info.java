/**
 * Audio for speech models: 16-bit PCM WAV through {@code javax.sound.sampled}, and DeepSpeech's
 * MFCC features (TensorFlow's {@code audio_spectrogram} and {@code mfcc} ops as DeepSpeech 0.9
 * calls them) with Commons Math's FFT, plus the context windows DeepSpeech feeds its first layer.
 */
package io.paretoprune.speech.audio;
