package io.paretoprune.speech.corpus;

import io.paretoprune.speech.audio.ContextWindows;
import io.paretoprune.speech.ctc.Alphabet;
import java.nio.file.Path;

/**
 * One utterance as a model sees it: its MFCC frames ([T][coefficients], normalised as the settings
 * said), its transcript's labels ({@link Alphabet}), the transcript and the WAV it came from. The
 * context windows of DeepSpeech's input are made on demand ({@link #inputs(int)}, or by {@link
 * SpeechBatch} straight into the batch): kept expanded they would take 19 times the memory.
 */
public record Utterance(float[][] mfcc, int[] labels, String transcript, Path wav) {
  /** Feature frames T. */
  public int frames() {
    return mfcc.length;
  }

  /** [T][coefficients x (2 context + 1)]: each frame with its context, zero beyond the edges. */
  public float[][] inputs(int context) {
    return ContextWindows.expand(mfcc, context);
  }
}
