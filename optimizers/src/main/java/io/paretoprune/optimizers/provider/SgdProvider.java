package io.paretoprune.optimizers.provider;

import io.paretoprune.optimizers.step.StepKind;

/** {@code sgd}: SGD with momentum on the first objective, or on fixed {@code weights}. */
public final class SgdProvider extends WeightedSumProvider {
  public SgdProvider() {
    super(
        "sgd",
        StepKind.SGD,
        "SGD with momentum on the first objective (or a fixed weighted sum of the objectives)");
  }
}
