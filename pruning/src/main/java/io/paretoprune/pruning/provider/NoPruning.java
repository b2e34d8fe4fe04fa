package io.paretoprune.pruning.provider;

import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.StepHook;
import io.paretoprune.pruning.PruningProvider;
import java.util.Map;

/** No pruning: the dense baseline. */
public final class NoPruning implements PruningProvider {
  @Override
  public String name() {
    return "none";
  }

  @Override
  public String description() {
    return "no pruning";
  }

  @Override
  public Map<String, String> settings() {
    return Map.of();
  }

  @Override
  public StepHook create(PluginSettings s) {
    return context -> {};
  }
}
