package io.paretoprune.optimizers.provider;

import io.paretoprune.optimizers.step.StepKind;

/** {@code smgd}: min-norm weights + SGD with momentum 0.9 and inverse-time decay (lr 0.01). */
public final class SmgdProvider extends MinNormProvider {
  public SmgdProvider() {
    super(
        "smgd",
        StepKind.SGD,
        "stochastic multi-gradient: min-norm weights of the objective gradients, SGD with"
            + " momentum");
  }
}
