package io.paretoprune.optimizers.combine;

import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.GradientCombiner;
import io.paretoprune.optimizers.CombinerProvider;
import java.util.Map;

/** {@code min-norm}: the stochastic multi-gradient rule ({@link MinNormCombiner}), any k. */
public final class MinNormCombinerProvider implements CombinerProvider {
  @Override
  public String name() {
    return "min-norm";
  }

  @Override
  public String description() {
    return "SMGD's rule: the minimum-norm point of the convex hull of the objective gradients";
  }

  @Override
  public Map<String, String> settings() {
    return Map.of();
  }

  @Override
  public GradientCombiner create(PluginSettings settings, int objectives) {
    return new MinNormCombiner();
  }
}
