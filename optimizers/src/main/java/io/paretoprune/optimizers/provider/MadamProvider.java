package io.paretoprune.optimizers.provider;

import io.paretoprune.core.train.StepApplication;

/**
 * {@code madam}: min-norm weights, Adam moments per objective, updates weighted after normalisation
 * (the original MAdam).
 */
public final class MadamProvider extends PresetProvider {
  public MadamProvider() {
    super(
        "madam",
        "min-norm weights; Adam with moments per objective, normalised updates weighted by c (original MAdam)",
        "min-norm",
        "adam",
        StepApplication.PER_OBJECTIVE);
  }
}
