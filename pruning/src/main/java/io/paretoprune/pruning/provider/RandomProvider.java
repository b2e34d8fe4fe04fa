package io.paretoprune.pruning.provider;

import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.pruning.PruningHook;
import io.paretoprune.pruning.PruningProvider;
import io.paretoprune.pruning.PruningSettings;
import io.paretoprune.pruning.strategy.RandomPruning;
import java.util.Map;

/** {@code random}: the control for magnitude, weights chosen by a seeded draw. */
public final class RandomProvider implements PruningProvider {
  @Override
  public String name() {
    return "random";
  }

  @Override
  public String description() {
    return "random pruning to a scheduled target sparsity, blind to the weights' values: the"
        + " control for magnitude pruning";
  }

  @Override
  public Map<String, String> settings() {
    Map<String, String> m = PruningSettings.scheduled();
    m.put(
        PruningSettings.SEED,
        "seed of the random choice, a whole number (default: the run's seed)");
    return m;
  }

  @Override
  public PruningHook create(PluginSettings settings) {
    settings.requireOnly(this);
    return PruningSettings.hook(
        new RandomPruning(PruningSettings.scope(settings), PruningSettings.seed(settings)),
        settings,
        PruningSettings.schedule(settings));
  }
}
