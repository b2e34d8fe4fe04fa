package io.paretoprune.optimizers.provider;

import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.CombinationPlan;
import io.paretoprune.core.train.GroupRule;
import io.paretoprune.optimizers.CombinerProvider;
import io.paretoprune.optimizers.combine.WeightedSumCombiner;
import java.util.List;

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
 * The step rule is chosen by {@code step}; with Adam or RMSProp each group keeps moments per
 * objective (as the original's split MAdam; its conv update reads the dense L1 moments for the L2
 * objective's first moment, a slip this project does not copy).
 */
public final class SplitProvider extends PresetProvider {
  public SplitProvider() {
    super(
        "split",
        "min-norm weights per group: dense layers f1 vs L1(dense), conv layers f1 vs L2(conv)",
        "min-norm",
        null,
        null);
  }

  @Override
  CombinationPlan plan(CombinerProvider c, PluginSettings settings, int objectives) {
    if (objectives != 3) {
      throw new ConfigException(
          null,
          "optimizer 'split' needs exactly 3 objectives (0: the data loss, 1: L1 of the dense"
              + " kernels, 2: L2 of the conv kernels), the problem has "
              + objectives);
    }
    return new CombinationPlan(
        List.of(
            new GroupRule(
                "dense", ParameterSelector.dense(), new int[] {0, 1}, c.create(settings, 2)),
            new GroupRule(
                "conv", ParameterSelector.parse("conv"), new int[] {0, 2}, c.create(settings, 2)),
            new GroupRule(
                "other", ParameterSelector.all(), new int[] {0}, new WeightedSumCombiner(1))));
  }
}
