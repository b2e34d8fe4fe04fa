package io.paretoprune.optimizers.combine;

import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.seam.GradientCombiner;
import io.paretoprune.optimizers.CombinerProvider;
import java.util.Map;

/** {@code initial-loss}: every objective scaled by its value at the start, then held. */
public final class InitialLossCombinerProvider implements CombinerProvider {
  @Override
  public String name() {
    return "initial-loss";
  }

  @Override
  public String description() {
    return "c_i proportional to 1 / f_i over the first warmup steps, then held at the value for"
        + " the warm-up's mean values: the objectives scaled by their values at the start";
  }

  @Override
  public Map<String, String> settings() {
    return Map.of(
        "warmup",
        "steps whose mean objective values fix the weights, >= 1 (default "
            + InitialLossCombiner.DEFAULT_WARMUP
            + ")");
  }

  @Override
  public GradientCombiner create(PluginSettings settings, int objectives) {
    settings.requireOnly(this);
    return new InitialLossCombiner(
        settings.getInt("warmup", InitialLossCombiner.DEFAULT_WARMUP, 1, Integer.MAX_VALUE));
  }
}
