package io.paretoprune.pruning.provider;

import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.pruning.PruningHook;
import io.paretoprune.pruning.PruningProvider;
import io.paretoprune.pruning.PruningSettings;
import io.paretoprune.pruning.strategy.MagnitudePruning;
import java.util.Map;

/** {@code magnitude}: the smallest {@code |w|} pruned to a scheduled target sparsity. */
public final class MagnitudeProvider implements PruningProvider {
  @Override
  public String name() {
    return "magnitude";
  }

  @Override
  public String description() {
    return "batchwise magnitude pruning: the smallest |w| of each layer (or of the whole"
        + " selection) pruned to a scheduled target sparsity";
  }

  @Override
  public Map<String, String> settings() {
    return PruningSettings.scheduled();
  }

  @Override
  public PruningHook create(PluginSettings settings) {
    settings.requireOnly(this);
    return PruningSettings.hook(
        new MagnitudePruning(PruningSettings.scope(settings)),
        settings,
        PruningSettings.schedule(settings));
  }
}
