package io.paretoprune.optimizers.combine;

import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.seam.GradientCombiner;
import io.paretoprune.optimizers.CombinerProvider;
import java.util.Map;

/** {@code min-norm-unit}: min-norm with every penalty's gradient scaled to unit length. */
public final class UnitPenaltyMinNormCombinerProvider implements CombinerProvider {
  @Override
  public String name() {
    return "min-norm-unit";
  }

  @Override
  public String description() {
    return "min-norm over the data loss's gradient and the other objectives' gradients scaled to"
        + " unit length, the weights applied to those scaled gradients (for f2 = L1:"
        + " c2/c1 ~ ||g1||^2 / sqrt(nonzeros) instead of SMGD's ||g1||^2 / nonzeros)";
  }

  @Override
  public Map<String, String> settings() {
    return Map.of();
  }

  @Override
  public GradientCombiner create(PluginSettings settings, int objectives) {
    settings.requireOnly(this);
    return new UnitPenaltyMinNormCombiner();
  }
}
