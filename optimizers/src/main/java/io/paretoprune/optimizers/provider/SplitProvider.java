package io.paretoprune.optimizers.provider;

import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.CombinationPlan;
import io.paretoprune.core.train.GroupRule;
import io.paretoprune.core.train.TrainingSchedule;
import io.paretoprune.optimizers.ConfiguredOptimizer;
import io.paretoprune.optimizers.OptimizerProvider;
import io.paretoprune.optimizers.combine.MinNormCombiner;
import io.paretoprune.optimizers.combine.WeightedSumCombiner;
import io.paretoprune.optimizers.step.StepKind;
import io.paretoprune.optimizers.step.StepRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code split}: the paper's split variant, min-norm weights per parameter group. The problem must
 * have three objectives: 0 the data loss (cross-entropy), 1 the L1 norm of the dense kernels, 2 the
 * L2 norm of the conv kernels.
 *
 * <ul>
 *   <li>group {@code dense} (dense kernels and biases): min-norm of objectives 0 and 1;
 *   <li>group {@code conv} (conv kernels and biases): min-norm of objectives 0 and 2;
 *   <li>group {@code other} (everything else, e.g. BatchNorm): objective 0 alone.
 * </ul>
 *
 * The step rule is chosen by {@code step}.
 */
public final class SplitProvider implements OptimizerProvider {
  @Override
  public String name() {
    return "split";
  }

  @Override
  public String description() {
    return "min-norm weights per group: dense layers f1 vs L1(dense), conv layers f1 vs L2(conv)";
  }

  @Override
  public Map<String, String> settings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("step", StepSetting.DESCRIPTION);
    m.putAll(StepKind.allSettings());
    return m;
  }

  @Override
  public ConfiguredOptimizer create(
      PluginSettings settings, TrainingSchedule schedule, int objectives) {
    settings.requireOnly(this);
    StepKind step = StepSetting.read(settings);
    if (objectives != 3) {
      throw new ConfigException(
          null,
          "optimizer 'split' needs exactly 3 objectives (0: the data loss, 1: L1 of the dense"
              + " kernels, 2: L2 of the conv kernels), the problem has "
              + objectives);
    }
    CombinationPlan plan =
        new CombinationPlan(
            List.of(
                new GroupRule(
                    "dense", ParameterSelector.dense(), new int[] {0, 1}, new MinNormCombiner()),
                new GroupRule(
                    "conv",
                    ParameterSelector.parse("conv"),
                    new int[] {0, 2},
                    new MinNormCombiner()),
                new GroupRule(
                    "other", ParameterSelector.all(), new int[] {0}, new WeightedSumCombiner(1))));
    return new ConfiguredOptimizer(plan, StepRules.build(step, settings, schedule));
  }
}
