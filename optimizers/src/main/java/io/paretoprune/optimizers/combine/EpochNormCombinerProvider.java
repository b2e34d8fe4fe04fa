package io.paretoprune.optimizers.combine;

import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.seam.GradientCombiner;
import io.paretoprune.optimizers.CombinerProvider;
import java.util.Map;

/** {@code epoch-norm}: balancing weights from the previous window's mean gradient norms. */
public final class EpochNormCombinerProvider implements CombinerProvider {
  @Override
  public String name() {
    return "epoch-norm";
  }

  @Override
  public String description() {
    return "c_i proportional to 1 / ||g_i||: the first step's in the first window, then each"
        + " window's from the previous window's mean norms, held for the window (windows of"
        + " 'every' epochs)";
  }

  @Override
  public Map<String, String> settings() {
    return Map.of(
        "every", "epochs per window, >= 1 (default " + EpochNormCombiner.DEFAULT_EVERY + ")");
  }

  @Override
  public GradientCombiner create(PluginSettings settings, int objectives) {
    settings.requireOnly(this);
    return new EpochNormCombiner(
        settings.getInt("every", EpochNormCombiner.DEFAULT_EVERY, 1, Integer.MAX_VALUE));
  }
}
