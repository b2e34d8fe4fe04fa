package io.paretoprune.optimizers.provider;

import io.paretoprune.optimizers.step.StepKind;

/** {@code rmsprop}: RMSProp on the first objective, or on fixed {@code weights}. */
public final class RmspropProvider extends WeightedSumProvider {
  public RmspropProvider() {
    super(
        "rmsprop",
        StepKind.RMSPROP,
        "RMSProp on the first objective (or a fixed weighted sum of the objectives)");
  }
}
