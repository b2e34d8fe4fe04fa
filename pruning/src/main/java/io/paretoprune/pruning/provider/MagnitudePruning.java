package io.paretoprune.pruning.provider;

import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.StepHook;
import io.paretoprune.pruning.PruningHook;
import io.paretoprune.pruning.PruningProvider;
import io.paretoprune.pruning.rule.MagnitudeRule;
import java.util.Map;

/** Batchwise magnitude pruning towards a target sparsity on a schedule. */
public final class MagnitudePruning implements PruningProvider {
  @Override
  public String name() {
    return "magnitude";
  }

  @Override
  public String description() {
    return "zero the smallest |w| until the scheduled target sparsity, per layer or global";
  }

  @Override
  public Map<String, String> settings() {
    return CommonSettings.scheduleKeys();
  }

  @Override
  public StepHook create(PluginSettings s) {
    return new PruningHook(
        CommonSettings.selector(s),
        new MagnitudeRule(CommonSettings.global(s)),
        CommonSettings.schedule(s),
        CommonSettings.regrowth(s));
  }
}
