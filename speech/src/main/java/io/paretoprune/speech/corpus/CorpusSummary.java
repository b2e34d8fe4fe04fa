package io.paretoprune.speech.corpus;

import java.nio.file.Path;

/** What {@link SpeechCorpus#check} found in a valid manifest. */
public record CorpusSummary(
    Path manifest, int utterances, double seconds, int maxFrames, int maxLabels) {
  @Override
  public String toString() {
    return String.format(
        "%s: %d utterances, %.1f s of audio, at most %d frames and %d labels",
        manifest, utterances, seconds, maxFrames, maxLabels);
  }
}
