package io.paretoprune.pruning.provider;

import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.StepHook;
import io.paretoprune.pruning.PruningHook;
import io.paretoprune.pruning.PruningProvider;
import io.paretoprune.pruning.PruningSchedule;
import io.paretoprune.pruning.rule.ThresholdRule;
import java.util.Map;

/** The paper's intra-training pruning: {@code |w| <= tau} becomes 0 after every batch. */
public final class ThresholdPruning implements PruningProvider {
  @Override
  public String name() {
    return "threshold";
  }

  @Override
  public String description() {
    return "the paper's: every selected weight with |w| <= tau becomes 0 after every batch";
  }

  @Override
  public Map<String, String> settings() {
    Map<String, String> m = CommonSettings.selectionKeys();
    m.put("tau", "threshold (default 0.001)");
    return m;
  }

  @Override
  public StepHook create(PluginSettings s) {
    double tau = s.getDouble("tau", 0.001, 0, Double.MAX_VALUE);
    return new PruningHook(
        CommonSettings.selector(s),
        new ThresholdRule(tau),
        PruningSchedule.constant(0),
        CommonSettings.regrowth(s));
  }
}
