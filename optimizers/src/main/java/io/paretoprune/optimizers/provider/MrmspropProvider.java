package io.paretoprune.optimizers.provider;

import io.paretoprune.core.train.StepApplication;

/**
 * {@code mrmsprop}: min-norm weights, RMSProp accumulators per objective (the original MRMSProp).
 */
public final class MrmspropProvider extends PresetProvider {
  public MrmspropProvider() {
    super(
        "mrmsprop",
        "min-norm weights; RMSProp with one accumulator per objective, updates weighted by c (original MRMSProp)",
        "min-norm",
        "rmsprop",
        StepApplication.PER_OBJECTIVE);
  }
}
