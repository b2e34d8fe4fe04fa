package io.paretoprune.optimizers.provider;

import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.CombinationPlan;
import io.paretoprune.core.train.TrainingSchedule;
import io.paretoprune.optimizers.ConfiguredOptimizer;
import io.paretoprune.optimizers.OptimizerProvider;
import io.paretoprune.optimizers.combine.WeightedSumCombiner;
import io.paretoprune.optimizers.step.StepKind;
import io.paretoprune.optimizers.step.StepRules;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scalarization: fixed weights {@code weights: [c1, c2, ...]}, one per objective, and a step rule.
 * Either the step rule is fixed by the optimizer's name ({@code sgd}, {@code adam}, {@code
 * rmsprop}; weights default to {@code [1, 0, ...]}, plain training on the first objective) or
 * chosen by the key {@code step} ({@code weighted}; weights required).
 */
public abstract class WeightedSumProvider implements OptimizerProvider {
  private final String name;
  private final StepKind fixedStep;
  private final String description;

  /**
   * @param fixedStep the step rule, or null to read it from the key {@code step}
   */
  protected WeightedSumProvider(String name, StepKind fixedStep, String description) {
    this.name = name;
    this.fixedStep = fixedStep;
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
    Map<String, String> m = new LinkedHashMap<>();
    m.put(
        "weights",
        "one weight >= 0 per objective, e.g. [1, 3e-4]"
            + (fixedStep == null ? " (required)" : " (default [1, 0, ...]: the first objective)"));
    m.put("normalize", "divide the weights by their sum, true | false (default false)");
    if (fixedStep == null) {
      m.put("step", StepSetting.DESCRIPTION);
      m.putAll(StepKind.allSettings());
    } else {
      m.putAll(fixedStep.settings());
    }
    return m;
  }

  @Override
  public ConfiguredOptimizer create(
      PluginSettings settings, TrainingSchedule schedule, int objectives) {
    settings.requireOnly(this);
    StepKind step = fixedStep != null ? fixedStep : StepSetting.read(settings);
    ObjectiveCount.atLeast(name, objectives, 1);
    double[] fallback = null;
    if (fixedStep != null) {
      fallback = new double[objectives];
      fallback[0] = 1;
    }
    double[] weights = settings.getDoubles("weights", fallback);
    if (weights == null) {
      throw new ConfigException(
          "weights", "is required: one weight >= 0 per objective, e.g. [1, 3e-4]");
    }
    if (weights.length != objectives) {
      throw new ConfigException(
          "weights",
          "has "
              + weights.length
              + " entr"
              + (weights.length == 1 ? "y" : "ies")
              + " but the problem has "
              + objectives
              + " objective"
              + (objectives == 1 ? "" : "s"));
    }
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!Double.isFinite(weights[i]) || weights[i] < 0) {
        throw new ConfigException(
            "weights[" + i + "]", "must be a finite number >= 0, got " + weights[i]);
      }
      sum += weights[i];
    }
    if (!(sum > 0)) {
      throw new ConfigException("weights", "at least one weight must be positive");
    }
    boolean normalize = settings.getBoolean("normalize", false);
    return new ConfiguredOptimizer(
        CombinationPlan.single(new WeightedSumCombiner(weights, normalize), objectives),
        StepRules.build(step, settings, schedule));
  }
}
