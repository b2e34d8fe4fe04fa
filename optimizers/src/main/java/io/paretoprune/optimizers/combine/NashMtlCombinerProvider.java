package io.paretoprune.optimizers.combine;

import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.seam.GradientCombiner;
import io.paretoprune.optimizers.CombinerProvider;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code nashmtl}: Nash bargaining weights ({@link NashMtlCombiner}), any k. */
public final class NashMtlCombinerProvider implements CombinerProvider {
  @Override
  public String name() {
    return "nashmtl";
  }

  @Override
  public String description() {
    return "Nash-MTL (Navon et al. 2022): weights alpha > 0 with alpha_i (G alpha)_i = 1";
  }

  @Override
  public Map<String, String> settings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(
        "max_iterations",
        "cap on Newton steps for the weights, 1 to 1000 (default "
            + NashMtlCombiner.DEFAULT_MAX_ITERATIONS
            + ")");
    m.put(
        "update_weights_every",
        "recompute the weights every n steps and keep them in between, n >= 1 (default 1)");
    m.put(
        "max_norm",
        "clip the combined gradient to this norm through the weights, >= 0, 0 = off (default "
            + NashMtlCombiner.DEFAULT_MAX_NORM
            + " as the reference code)");
    return m;
  }

  @Override
  public GradientCombiner create(PluginSettings settings, int objectives) {
    settings.requireOnly(this);
    int iterations =
        settings.getInt("max_iterations", NashMtlCombiner.DEFAULT_MAX_ITERATIONS, 1, 1000);
    int every = settings.getInt("update_weights_every", 1, 1, Integer.MAX_VALUE);
    double maxNorm =
        settings.getDouble("max_norm", NashMtlCombiner.DEFAULT_MAX_NORM, 0, Double.MAX_VALUE);
    return new NashMtlCombiner(iterations, every, maxNorm);
  }
}
