package io.paretoprune.optimizers.combine;

import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.seam.GradientCombiner;
import io.paretoprune.optimizers.CombinerProvider;
import java.util.Map;

/**
 * {@code aligned-mtl}: the gradients aligned to an orthogonal system ({@link AlignedMtlCombiner}).
 */
public final class AlignedMtlCombinerProvider implements CombinerProvider {
  @Override
  public String name() {
    return "aligned-mtl";
  }

  @Override
  public String description() {
    return "Aligned-MTL (Senushkin et al. 2023): the gradients replaced by the nearest orthogonal"
        + " system of equal norms sqrt(lambda_min), d = their sum";
  }

  @Override
  public Map<String, String> settings() {
    return Map.of();
  }

  @Override
  public GradientCombiner create(PluginSettings settings, int objectives) {
    settings.requireOnly(this);
    return new AlignedMtlCombiner();
  }
}
