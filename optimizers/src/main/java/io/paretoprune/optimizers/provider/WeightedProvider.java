package io.paretoprune.optimizers.provider;

/**
 * {@code weighted}: fixed weights and a step rule chosen by {@code step}. The paper's baseline "SGD
 * + L1 (3e-4)" is {@code weighted} with {@code weights: [1, 3e-4]} and {@code step: sgd}.
 */
public final class WeightedProvider extends WeightedSumProvider {
  public WeightedProvider() {
    super("weighted", null, "weighted sum of the objectives with fixed weights, any step rule");
  }
}
