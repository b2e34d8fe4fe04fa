package io.paretoprune.optimizers.provider;

import ai.djl.training.optimizer.Optimizer;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.CombinationPlan;
import io.paretoprune.core.train.TrainingSchedule;
import io.paretoprune.optimizers.ConfiguredOptimizer;
import io.paretoprune.optimizers.OptimizerProvider;
import io.paretoprune.optimizers.combine.MinNormCombiner;
import io.paretoprune.optimizers.step.StepKind;
import io.paretoprune.optimizers.step.StepRules;
import java.util.Map;

/**
 * A stochastic multi-gradient optimizer: at every step the min-norm weights of all objective
 * gradients over all parameters ({@link MinNormCombiner}), then a fixed step rule applies the
 * combined direction. Any number of objectives from 1 up; with 1 it is the plain step rule.
 */
public abstract class MinNormProvider implements OptimizerProvider {
  private final String name;
  private final StepKind step;
  private final String description;

  protected MinNormProvider(String name, StepKind step, String description) {
    this.name = name;
    this.step = step;
    this.description = description;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public Map<String, String> settings() {
    return step.settings();
  }

  @Override
  public ConfiguredOptimizer create(
      PluginSettings settings, TrainingSchedule schedule, int objectives) {
    settings.requireOnly(this);
    ObjectiveCount.atLeast(name, objectives, 1);
    Optimizer rule = StepRules.build(step, settings, schedule);
    return new ConfiguredOptimizer(CombinationPlan.single(new MinNormCombiner(), objectives), rule);
  }
}
