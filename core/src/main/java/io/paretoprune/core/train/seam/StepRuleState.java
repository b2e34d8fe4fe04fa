package io.paretoprune.core.train.seam;

import ai.djl.ndarray.NDArray;

/**
 * Access to the per-parameter state of a step rule (momentum, Adam's moments), so that a fixed
 * pruning mask can zero it and pruned weights cannot come back through it.
 */
public interface StepRuleState {
  /** Multiplies every state array of the parameter by {@code keep} (1 keep, 0 drop). */
  void mask(String parameterId, NDArray keep);

  /** A step rule without state. */
  StepRuleState NONE = (id, keep) -> {};
}
