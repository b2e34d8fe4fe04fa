package io.paretoprune.example;

import ai.djl.ndarray.NDArray;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.seam.StepHook;
import io.paretoprune.pruning.Mask;
import io.paretoprune.pruning.PruningProvider;
import io.paretoprune.pruning.PruningSchedule;
import io.paretoprune.pruning.PruningSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pruning rule written outside the framework, to show the seam: {@code relative-threshold} prunes
 * every selected weight with {@code |w| <= fraction * max|w|} of its own parameter, after every
 * step. Unlike the paper's absolute {@code tau} it does not depend on the scale of the weights. The
 * shared keys ({@code on}, {@code regrowth}) come from {@link PruningSettings}, not parsed here.
 *
 * <p>A plug-in is this class plus one line in {@code
 * META-INF/services/io.paretoprune.pruning.PruningProvider}.
 */
public final class RelativeThresholdProvider implements PruningProvider {
  static final String FRACTION = "fraction";

  @Override
  public String name() {
    return "relative-threshold";
  }

  @Override
  public String description() {
    return "example plug-in: prunes |w| <= fraction * max|w| of each parameter after every step";
  }

  @Override
  public Map<String, String> settings() {
    Map<String, String> m = PruningSettings.common();
    m.put(FRACTION, "share of the parameter's largest |w| at or below which weights go, in [0, 1)");
    return m;
  }

  @Override
  public StepHook create(PluginSettings settings) {
    settings.requireOnly(this);
    double fraction = settings.getDouble(FRACTION, 0.05);
    if (!(fraction >= 0 && fraction < 1)) {
      throw new ConfigException(FRACTION, "must be in [0, 1), got " + fraction);
    }
    return PruningSettings.hook(
        (targets, prior, context) -> {
          List<String> names = new ArrayList<>();
          List<NDArray> keep = new ArrayList<>();
          for (ParameterRef p : targets) {
            NDArray magnitude = p.array().abs();
            NDArray cut = magnitude.max().muli(fraction);
            names.add(p.name());
            keep.add(magnitude.gt(cut).toType(p.array().getDataType(), false));
          }
          return new Mask(names, keep);
        },
        settings,
        PruningSchedule.everyStep(0));
  }
}
