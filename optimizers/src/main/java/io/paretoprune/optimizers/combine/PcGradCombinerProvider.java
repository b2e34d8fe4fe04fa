package io.paretoprune.optimizers.combine;

import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.seam.GradientCombiner;
import io.paretoprune.optimizers.CombinerProvider;
import java.util.Map;

/** {@code pcgrad}: projecting conflicting gradients ({@link PcGradCombiner}), any k. */
public final class PcGradCombinerProvider implements CombinerProvider {
  @Override
  public String name() {
    return "pcgrad";
  }

  @Override
  public String description() {
    return "PCGrad (Yu et al. 2020): each gradient loses its conflicting components, d = their sum";
  }

  @Override
  public Map<String, String> settings() {
    return Map.of(
        "seed",
        "seed of the random order of projections (k > 2), a whole number (default "
            + PcGradCombiner.DEFAULT_SEED
            + ")");
  }

  @Override
  public GradientCombiner create(PluginSettings settings, int objectives) {
    settings.requireOnly(this);
    return new PcGradCombiner(seed(settings));
  }

  static long seed(PluginSettings settings) {
    if (!settings.has("seed")) {
      return PcGradCombiner.DEFAULT_SEED;
    }
    double d = settings.getDouble("seed", 0);
    if (d != Math.rint(d) || Math.abs(d) > 9.007199254740992E15) {
      throw new ConfigException(
          "seed", "expected a whole number below 2^53, got " + settings.asMap().get("seed"));
    }
    return (long) d;
  }
}
