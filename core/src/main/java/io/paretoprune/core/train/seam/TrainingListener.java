package io.paretoprune.core.train.seam;

import io.paretoprune.core.train.result.EpochMetrics;
import io.paretoprune.core.train.result.StepRecord;

/** Observes training; experiments record with it, progress bars draw with it. */
public interface TrainingListener {
  /** After every step, with the weights the multi-objective rule chose. */
  default void onStep(StepRecord record) {}

  /** After every epoch's evaluation. */
  default void onEpoch(EpochMetrics metrics) {}
}
