package io.paretoprune.pruning.provider;

import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.pruning.PruningHook;
import io.paretoprune.pruning.PruningProvider;
import io.paretoprune.pruning.PruningSchedule;
import io.paretoprune.pruning.PruningSettings;
import io.paretoprune.pruning.strategy.ThresholdPruning;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code threshold}: the paper's rule, {@code |w| <= tau} becomes 0, every step and before. */
public final class ThresholdProvider implements PruningProvider {
  static final String TAU = "tau";

  @Override
  public String name() {
    return "threshold";
  }

  @Override
  public String description() {
    return "the paper's rule: every selected weight with |w| <= tau becomes 0 after every batch"
        + " and once before training";
  }

  @Override
  public Map<String, String> settings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(TAU, "threshold, >= 0 (default " + ThresholdPruning.PAPER_TAU + ")");
    m.putAll(PruningSettings.common());
    return m;
  }

  @Override
  public PruningHook create(PluginSettings settings) {
    settings.requireOnly(this);
    double tau = settings.getDouble(TAU, ThresholdPruning.PAPER_TAU);
    if (!(tau >= 0) || Double.isInfinite(tau)) {
      throw new ConfigException(TAU, "must be a finite number >= 0, got " + tau);
    }
    return PruningSettings.hook(new ThresholdPruning(tau), settings, PruningSchedule.everyStep(0));
  }
}
