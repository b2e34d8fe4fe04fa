package io.paretoprune.optimizers.combine;

import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.seam.GradientCombiner;
import io.paretoprune.optimizers.CombinerProvider;
import java.util.Map;

/** {@code initial-norm}: weights balancing the gradients' norms at the start, then held. */
public final class InitialNormCombinerProvider implements CombinerProvider {
  @Override
  public String name() {
    return "initial-norm";
  }

  @Override
  public String description() {
    return "c_i proportional to 1 / ||g_i|| over the first warmup steps, then held at the value"
        + " for the warm-up's mean norms: a weighted sum chosen by the gradients at the start";
  }

  @Override
  public Map<String, String> settings() {
    return Map.of(
        "warmup",
        "steps whose mean gradient norms fix the weights, >= 1 (default "
            + InitialNormCombiner.DEFAULT_WARMUP
            + ")");
  }

  @Override
  public GradientCombiner create(PluginSettings settings, int objectives) {
    settings.requireOnly(this);
    return new InitialNormCombiner(
        settings.getInt("warmup", InitialNormCombiner.DEFAULT_WARMUP, 1, Integer.MAX_VALUE));
  }
}
