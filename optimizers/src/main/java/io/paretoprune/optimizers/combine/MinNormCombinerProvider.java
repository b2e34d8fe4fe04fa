package io.paretoprune.optimizers.combine;

import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.seam.GradientCombiner;
import io.paretoprune.optimizers.CombinerProvider;
import java.util.Map;

/**
 * {@code min-norm}: the stochastic multi-gradient rule ({@link MinNormCombiner}), any k, with
 * MGDA's optional gradient normalisation ({@link GradientNormalization}).
 */
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
    return Map.of(
        "normalize",
        "scale each gradient before the min-norm search, weights then applied to the raw"
            + " gradients (MGDA's code): none | l2 | loss | loss+ (default none)");
  }

  @Override
  public GradientCombiner create(PluginSettings settings, int objectives) {
    settings.requireOnly(this);
    String id = settings.getChoice("normalize", "none", GradientNormalization.ids());
    return new MinNormCombiner(GradientNormalization.byId(id));
  }
}
