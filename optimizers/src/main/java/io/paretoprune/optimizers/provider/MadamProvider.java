package io.paretoprune.optimizers.provider;

import io.paretoprune.optimizers.step.StepKind;

/** {@code madam}: min-norm weights + Adam (lr 0.001, constant). */
public final class MadamProvider extends MinNormProvider {
  public MadamProvider() {
    super("madam", StepKind.ADAM, "min-norm weights of the objective gradients, Adam step");
  }
}
