package io.paretoprune.pruning.provider;

import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.seam.StepHook;
import io.paretoprune.pruning.NoPruning;
import io.paretoprune.pruning.PruningProvider;
import java.util.Map;

/** {@code none}: the baseline without pruning. */
public final class NoPruningProvider implements PruningProvider {
  @Override
  public String name() {
    return "none";
  }

  @Override
  public String description() {
    return "no pruning (a baseline)";
  }

  @Override
  public Map<String, String> settings() {
    return Map.of();
  }

  @Override
  public StepHook create(PluginSettings settings) {
    settings.requireOnly(this);
    return new NoPruning();
  }
}
