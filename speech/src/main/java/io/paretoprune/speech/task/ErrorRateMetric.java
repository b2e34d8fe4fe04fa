package io.paretoprune.speech.task;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.paretoprune.core.task.MetricAccumulator;
import io.paretoprune.core.task.TaskMetric;
import io.paretoprune.speech.metrics.ErrorRate;
import io.paretoprune.speech.metrics.TranscriptErrorRates;
import java.util.function.Function;

/**
 * Word or character error rate of greedy (best-path) CTC decoding against the transcripts: the
 * edits summed over a split over the reference words or characters summed (as DeepSpeech reports
 * them); lower is better, and insertions can take it above 1. The two rates of one task share a
 * {@link BatchErrorCounts}, so each batch is decoded once for both.
 */
final class ErrorRateMetric implements TaskMetric {
  private final String name;
  private final String label;
  private final Function<TranscriptErrorRates, ErrorRate> rate;
  private final BatchErrorCounts counts;

  private ErrorRateMetric(
      String name,
      String label,
      Function<TranscriptErrorRates, ErrorRate> rate,
      BatchErrorCounts counts) {
    this.name = name;
    this.label = label;
    this.rate = rate;
    this.counts = counts;
  }

  static ErrorRateMetric words(BatchErrorCounts counts) {
    return new ErrorRateMetric("wer", "word error rate", TranscriptErrorRates::words, counts);
  }

  static ErrorRateMetric characters(BatchErrorCounts counts) {
    return new ErrorRateMetric(
        "cer", "character error rate", TranscriptErrorRates::characters, counts);
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
    ErrorRate total = new ErrorRate();
    return new MetricAccumulator() {
      @Override
      public void add(NDArray outputs, NDArray labels, boolean stacked) {
        total.add(rate.apply(counts.of(outputs, labels)));
      }

      @Override
      public double[] values() {
        return new double[] {total.rate()};
      }

      @Override
      public void close() {}
    };
  }
}
