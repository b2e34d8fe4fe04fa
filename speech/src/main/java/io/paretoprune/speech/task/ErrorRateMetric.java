package io.paretoprune.speech.task;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.paretoprune.core.task.MetricAccumulator;
import io.paretoprune.core.task.TaskMetric;
import io.paretoprune.speech.ctc.Alphabet;
import io.paretoprune.speech.ctc.GreedyCtcDecoder;
import io.paretoprune.speech.metrics.TranscriptErrorRates;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Word or character error rate of greedy (best-path) CTC decoding against the transcripts: the
 * edits summed over a split over the reference words or characters summed (as DeepSpeech reports
 * them); lower is better, and insertions can take it above 1.
 */
final class ErrorRateMetric implements TaskMetric {
  private final String name;
  private final String label;
  private final ToDoubleFunction<TranscriptErrorRates> rate;

  private ErrorRateMetric(String name, String label, ToDoubleFunction<TranscriptErrorRates> rate) {
    this.name = name;
    this.label = label;
    this.rate = rate;
  }

  static ErrorRateMetric words() {
    return new ErrorRateMetric("wer", "word error rate", TranscriptErrorRates::wer);
  }

  static ErrorRateMetric characters() {
    return new ErrorRateMetric("cer", "character error rate", TranscriptErrorRates::cer);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public boolean higherIsBetter() {
    return false;
  }

  @Override
  public double min() {
    return 0;
  }

  @Override
  public double max() {
    return Double.POSITIVE_INFINITY;
  }

  @Override
  public MetricAccumulator start(NDManager manager, int runs) {
    if (runs != 1) {
      throw new IllegalArgumentException("speech runs train alone (CTC has no per-run form)");
    }
    Alphabet alphabet = Alphabet.deepSpeechEnglish();
    GreedyCtcDecoder decoder = new GreedyCtcDecoder(alphabet);
    TranscriptErrorRates rates = new TranscriptErrorRates();
    return new MetricAccumulator() {
      @Override
      public void add(NDArray outputs, NDArray labels, boolean stacked) {
        SpeechLabels.Decoded d = SpeechLabels.decode(labels);
        List<String> references = new ArrayList<>();
        for (int[] l : d.labels()) {
          references.add(alphabet.decode(l));
        }
        rates.addAll(references, decoder.decode(outputs, d.frames()));
      }

      @Override
      public double[] values() {
        return new double[] {rates.utterances() == 0 ? Double.NaN : rate.applyAsDouble(rates)};
      }

      @Override
      public void close() {}
    };
  }
}
