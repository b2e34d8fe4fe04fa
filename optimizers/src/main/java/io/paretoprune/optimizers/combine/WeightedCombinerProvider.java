package io.paretoprune.optimizers.combine;

import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.seam.GradientCombiner;
import io.paretoprune.optimizers.CombinerProvider;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code weighted}: fixed weights {@code weights: [c1, c2, ...]} at every step (scalarization,
 * {@link WeightedSumCombiner}).
 */
public final class WeightedCombinerProvider implements CombinerProvider {
  @Override
  public String name() {
    return "weighted";
  }

  @Override
  public String description() {
    return "fixed weights: plain training on the weighted sum of the objectives";
  }

  @Override
  public Map<String, String> settings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("weights", "one weight >= 0 per objective, e.g. [1, 3e-4] (required)");
    m.put("normalize", "divide the weights by their sum, true | false (default false)");
    return m;
  }

  @Override
  public GradientCombiner create(PluginSettings settings, int objectives) {
    double[] weights = settings.getDoubles("weights", null);
    if (weights == null) {
      throw new ConfigException(
          "weights", "is required: one weight >= 0 per objective, e.g. [1, 3e-4]");
    }
    if (weights.length != objectives) {
      throw new ConfigException(
          "weights",
          "has "
              + weights.length
              + " entr"
              + (weights.length == 1 ? "y" : "ies")
              + " but the problem has "
              + objectives
              + " objective"
              + (objectives == 1 ? "" : "s"));
    }
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!Double.isFinite(weights[i]) || weights[i] < 0) {
        throw new ConfigException(
            "weights[" + i + "]", "must be a finite number >= 0, got " + weights[i]);
      }
      sum += weights[i];
    }
    if (!(sum > 0)) {
      throw new ConfigException("weights", "at least one weight must be positive");
    }
    return new WeightedSumCombiner(weights, settings.getBoolean("normalize", false));
  }
}
