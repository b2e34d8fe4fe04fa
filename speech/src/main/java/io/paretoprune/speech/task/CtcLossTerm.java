package io.paretoprune.speech.task;

import ai.djl.ndarray.NDArray;
import io.paretoprune.core.objective.LossTerm;
import io.paretoprune.speech.ctc.Alphabet;
import io.paretoprune.speech.ctc.CtcLoss;

/**
 * {@code loss: ctc}: DeepSpeech's CTC loss (blank after the alphabet, the mean over the batch of
 * each utterance's negative log-likelihood) on a speech data set's labels ({@link SpeechLabels}).
 */
public final class CtcLossTerm implements LossTerm {
  private final CtcLoss ctc = CtcLoss.deepSpeech(Alphabet.deepSpeechEnglish());

  @Override
  public String name() {
    return "ctc";
  }

  @Override
  public String description() {
    return "connectionist temporal classification of a transcript (DeepSpeech's), for speech";
  }

  @Override
  public NDArray evaluate(NDArray logits, NDArray labels) {
    SpeechLabels.Decoded d = SpeechLabels.decode(labels);
    return ctc.evaluate(logits, d.frames(), d.labels());
  }
}
