package io.paretoprune.speech.task;

import ai.djl.ndarray.NDArray;
import io.paretoprune.speech.ctc.Alphabet;
import io.paretoprune.speech.ctc.GreedyCtcDecoder;
import io.paretoprune.speech.metrics.TranscriptErrorRates;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The word and character edits of the last batch scored, shared by the WER and CER accumulators of
 * one {@link SpeechRecognition#metrics()} list: the trainer hands every accumulator the same
 * outputs and labels arrays in turn, so the second rate finds the batch already copied to the host
 * and decoded. The cache is keyed by the identity of those two arrays (held weakly, so a batch's
 * arrays are never kept alive by it): a new batch is new arrays.
 */
final class BatchErrorCounts {
  /** Scores one batch: its labels ({@link SpeechLabels}) against its decoded outputs. */
  interface Scorer {
    TranscriptErrorRates score(NDArray outputs, NDArray labels);
  }

  private final Scorer scorer;
  private WeakReference<NDArray> lastOutputs = new WeakReference<>(null);
  private WeakReference<NDArray> lastLabels = new WeakReference<>(null);
  private TranscriptErrorRates last;

  BatchErrorCounts(Scorer scorer) {
    this.scorer = scorer;
  }

  /** Greedy (best-path) decoding with DeepSpeech's English alphabet. */
  static BatchErrorCounts greedy() {
    return new BatchErrorCounts(greedyScorer());
  }

  /** One host copy of the labels and of the outputs, greedy decoding, the edits counted. */
  static Scorer greedyScorer() {
    Alphabet alphabet = Alphabet.deepSpeechEnglish();
    GreedyCtcDecoder decoder = new GreedyCtcDecoder(alphabet);
    return (outputs, labels) -> {
      SpeechLabels.Decoded d = SpeechLabels.decode(labels);
      List<String> references = new ArrayList<>(d.labels().length);
      for (int[] l : d.labels()) {
        references.add(alphabet.decode(l));
      }
      TranscriptErrorRates batch = new TranscriptErrorRates();
      batch.addAll(references, decoder.decode(outputs, d.frames()));
      return batch;
    };
  }

  /** This batch's counts, scored once however many accumulators ask. */
  synchronized TranscriptErrorRates of(NDArray outputs, NDArray labels) {
    if (last == null || lastOutputs.get() != outputs || lastLabels.get() != labels) {
      last = scorer.score(outputs, labels);
      lastOutputs = new WeakReference<>(outputs);
      lastLabels = new WeakReference<>(labels);
    }
    return last;
  }
}
