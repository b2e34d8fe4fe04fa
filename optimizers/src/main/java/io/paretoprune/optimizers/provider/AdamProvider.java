package io.paretoprune.optimizers.provider;

import io.paretoprune.optimizers.step.StepKind;

/** {@code adam}: Adam on the first objective, or on fixed {@code weights}. */
public final class AdamProvider extends WeightedSumProvider {
  public AdamProvider() {
    super(
        "adam",
        StepKind.ADAM,
        "Adam on the first objective (or a fixed weighted sum of the objectives)");
  }
}
