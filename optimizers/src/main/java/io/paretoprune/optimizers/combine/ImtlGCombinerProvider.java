package io.paretoprune.optimizers.combine;

import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.seam.GradientCombiner;
import io.paretoprune.optimizers.CombinerProvider;
import java.util.Map;

/** {@code imtlg}: impartial multi-task learning, gradient part ({@link ImtlGCombiner}), any k. */
public final class ImtlGCombinerProvider implements CombinerProvider {
  @Override
  public String name() {
    return "imtlg";
  }

  @Override
  public String description() {
    return "IMTL-G (Liu et al. 2021): d with equal projections on every unit gradient, weights"
        + " summing to 1 (negative ones possible for k >= 3)";
  }

  @Override
  public Map<String, String> settings() {
    return Map.of();
  }

  @Override
  public GradientCombiner create(PluginSettings settings, int objectives) {
    settings.requireOnly(this);
    return new ImtlGCombiner();
  }
}
