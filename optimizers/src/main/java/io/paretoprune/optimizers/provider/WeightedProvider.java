package io.paretoprune.optimizers.provider;

/**
 * {@code weighted}: scalarization, fixed weights {@code weights: [c1, c2, ...]} with the step rule
 * chosen by {@code step}; the step rule runs on the weighted sum, as single-objective training with
 * penalty factors does (the paper's SGD + L1 and Adam + L1 baselines).
 */
public final class WeightedProvider extends PresetProvider {
  public WeightedProvider() {
    super(
        "weighted",
        "fixed weights (scalarization) with the step rule chosen by step",
        "weighted",
        null,
        null);
  }
}
