package io.paretoprune.optimizers.provider;

import io.paretoprune.optimizers.step.StepKind;

/** {@code mrmsprop}: min-norm weights + RMSProp (lr 0.0001, a tenth of the usual, constant). */
public final class MrmspropProvider extends MinNormProvider {
  public MrmspropProvider() {
    super(
        "mrmsprop", StepKind.RMSPROP, "min-norm weights of the objective gradients, RMSProp step");
  }
}
