package io.paretoprune.optimizers.provider;

import io.paretoprune.core.train.StepApplication;

/**
 * {@code smgd}: min-norm weights, SGD with momentum on the combined direction (the original SMGD).
 */
public final class SmgdProvider extends PresetProvider {
  public SmgdProvider() {
    super(
        "smgd",
        "stochastic multi-gradient: min-norm weights, SGD with momentum on the combined direction",
        "min-norm",
        "sgd",
        StepApplication.COMBINED);
  }
}
