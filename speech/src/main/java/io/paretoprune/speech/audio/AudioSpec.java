package io.paretoprune.speech.audio;

/**
 * The audio format a corpus expects of every WAV: sample rate, bits per sample and channels.
 * DeepSpeech trains on 16 kHz 16-bit mono; a file in another format is a data error, not resampled
 * silently (resampling changes the features, and a corpus should say what it holds).
 */
public record AudioSpec(int sampleRate, int bitsPerSample, int channels) {
  /** DeepSpeech's format: 16 kHz, 16-bit, mono. */
  public static final AudioSpec DEEPSPEECH = new AudioSpec(16_000, 16, 1);

  public AudioSpec {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
    }
    if (bitsPerSample != 16) {
      throw new IllegalArgumentException(
          "only 16-bit PCM is read (as DeepSpeech), got " + bitsPerSample + " bits");
    }
    if (channels != 1) {
      throw new IllegalArgumentException(
          "only mono audio is read (as DeepSpeech), got " + channels + " channels");
    }
  }

  @Override
  public String toString() {
    return sampleRate + " Hz, " + bitsPerSample + "-bit, " + (channels == 1 ? "mono" : channels);
  }
}
