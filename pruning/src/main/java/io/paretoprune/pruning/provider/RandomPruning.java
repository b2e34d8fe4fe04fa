package io.paretoprune.pruning.provider;

import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.StepHook;
import io.paretoprune.pruning.PruningHook;
import io.paretoprune.pruning.PruningProvider;
import io.paretoprune.pruning.rule.RandomRule;
import java.util.Map;

/** Random pruning to the same schedule as magnitude pruning: its control. */
public final class RandomPruning implements PruningProvider {
  @Override
  public String name() {
    return "random";
  }

  @Override
  public String description() {
    return "zero a seeded random choice of weights until the scheduled target (control)";
  }

  @Override
  public Map<String, String> settings() {
    Map<String, String> m = CommonSettings.scheduleKeys();
    m.put("seed", "seed of the random choice (default 1)");
    return m;
  }

  @Override
  public StepHook create(PluginSettings s) {
    long seed = s.getInt("seed", 1, Integer.MIN_VALUE, Integer.MAX_VALUE);
    return new PruningHook(
        CommonSettings.selector(s),
        new RandomRule(CommonSettings.global(s), seed),
        CommonSettings.schedule(s),
        CommonSettings.regrowth(s));
  }
}
