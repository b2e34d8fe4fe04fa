package io.paretoprune.core.train.result;

import java.util.List;

/**
 * How a training run ended.
 *
 * @param status {@code COMPLETED} or {@code DIVERGED}
 * @param epochs metrics of every finished epoch
 * @param divergedAtEpoch the epoch in which a NaN or Inf appeared, 0 when none did
 * @param message what diverged, empty when completed
 */
public record TrainingResult(
    Status status, List<EpochMetrics> epochs, int divergedAtEpoch, String message) {
  public enum Status {
    COMPLETED,
    DIVERGED
  }

  public EpochMetrics last() {
    return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
  }
}
