package io.paretoprune.optimizers.combine;

import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.seam.GradientCombiner;
import io.paretoprune.optimizers.CombinerProvider;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code cagrad}: conflict-averse gradient descent ({@link CaGradCombiner}), any k. */
public final class CaGradCombinerProvider implements CombinerProvider {
  @Override
  public String name() {
    return "cagrad";
  }

  @Override
  public String description() {
    return "CAGrad (Liu et al. 2021): the best worst-case improvement within c ||g0|| of the mean"
        + " gradient g0";
  }

  @Override
  public Map<String, String> settings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(
        "c",
        "radius of the ball around the mean gradient, relative to its norm, >= 0 (default "
            + CaGradCombiner.DEFAULT_C
            + "; 0 is the mean gradient; the paper's guarantee needs c < 1)");
    m.put(
        "max_iterations",
        "cap on the evaluations of the weight search (Brent's method), 1 to 10000 (default "
            + CaGradCombiner.DEFAULT_MAX_ITERATIONS
            + ")");
    return m;
  }

  @Override
  public GradientCombiner create(PluginSettings settings, int objectives) {
    settings.requireOnly(this);
    double c = settings.getDouble("c", CaGradCombiner.DEFAULT_C, 0, 1e6);
    int iterations =
        settings.getInt("max_iterations", CaGradCombiner.DEFAULT_MAX_ITERATIONS, 1, 10000);
    return new CaGradCombiner(c, iterations);
  }
}
