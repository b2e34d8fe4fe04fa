package io.paretoprune.pruning.rule;

import ai.djl.ndarray.NDArray;

/** Batchwise magnitude pruning: the smallest {@code |w|} go first. */
public final class MagnitudeRule extends RankRule {
  public MagnitudeRule(boolean global) {
    super(global);
  }

  @Override
  NDArray scores(NDArray weights) {
    return weights.abs();
  }
}
