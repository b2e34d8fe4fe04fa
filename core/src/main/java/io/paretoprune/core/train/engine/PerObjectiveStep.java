package io.paretoprune.core.train.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.training.optimizer.Optimizer;
import io.paretoprune.core.train.StepPlan;
import io.paretoprune.core.train.checkpoint.StepRuleStates;
import io.paretoprune.core.train.seam.StepRuleState;

/**
 * A step rule applied per objective: for every parameter group and every objective the group
 * combines, its own DJL optimizer (so its own moments), fed with that objective's gradient on the
 * group's range and a learning rate scaled by the weight the combiner chose. The updates of one
 * group's objectives add up on the same weights: {@code w -= lr_t sum_j c_j u_j(g_j)}, which is the
 * original MAdam / MRMSProp (method.md) for Adam and RMSProp.
 *
 * <p>Each state sees every step, also when its weight is 0, as in the original.
 */
final class PerObjectiveStep implements StepRuleState {
  private final ProblemLayout layout;
  private final Optimizer[][] rules;
  private final WeightedTracker[][] rates;
  private final StepRuleState[][] states;

  /** Each group's weights: the flat array itself, or a view of its range made once. */
  private final NDArray[] weights;

  PerObjectiveStep(ProblemLayout layout, StepPlan plan, FlatParameters flat) {
    this.layout = layout;
    int groups = layout.groups.size();
    rules = new Optimizer[groups][];
    rates = new WeightedTracker[groups][];
    states = new StepRuleState[groups][];
    weights = new NDArray[groups];
    for (int gi = 0; gi < groups; gi++) {
      ProblemLayout.Range range = layout.groupRanges[gi];
      boolean whole = range == null || (range.from() == 0 && range.to() == layout.size());
      weights[gi] =
          whole ? flat.array() : flat.array().get(FlatParameters.slice(range.from(), range.to()));
      int k = layout.groups.get(gi).objectives().length;
      rules[gi] = new Optimizer[k];
      rates[gi] = new WeightedTracker[k];
      states[gi] = new StepRuleState[k];
      for (int j = 0; j < k; j++) {
        rates[gi][j] = new WeightedTracker(plan.learningRate());
        rules[gi][j] = plan.factory().create(rates[gi][j]);
        states[gi][j] = StepRuleStates.of(rules[gi][j]);
      }
    }
  }

  /** The id under which rule (group, j) keeps its state. */
  static String id(int group, int j) {
    return MultiObjectiveTrainer.FLAT_ID + ".g" + group + ".o" + j;
  }

  /** Every rule with a stable name, for checkpoints. */
  void forEachRule(java.util.function.BiConsumer<String, Optimizer> action) {
    for (int gi = 0; gi < rules.length; gi++) {
      for (int j = 0; j < rules[gi].length; j++) {
        action.accept("g" + gi + ".o" + j, rules[gi][j]);
      }
    }
  }

  /** The optimizer of group {@code gi}'s j-th objective (for tests and state inspection). */
  Optimizer rule(int gi, int j) {
    return rules[gi][j];
  }

  /**
   * Updates the group's weights and closes {@code grads}. Runs outside any {@link NDScope}:
   * optimizers create their state on first use and it must outlive the step.
   *
   * @param grads the group's objective gradients over its range, one array each, made outside the
   *     step's scope (this closes them)
   * @param c the combiner's weights
   */
  void apply(int gi, NDArray[] grads, double[] c) {
    try {
      for (int j = 0; j < grads.length; j++) {
        rates[gi][j].setWeight(c[j]);
        rules[gi][j].update(id(gi, j), weights[gi], grads[j]);
      }
    } finally {
      for (NDArray g : grads) {
        g.close();
      }
    }
  }

  /** Masks every objective's state of the group ranges; {@code keep} spans the flat array. */
  @Override
  public void mask(String parameterId, NDArray keep) {
    for (int gi = 0; gi < rules.length; gi++) {
      ProblemLayout.Range range = layout.groupRanges[gi];
      if (range == null) {
        continue;
      }
      try (NDArray part = keep.get(FlatParameters.slice(range.from(), range.to()))) {
        for (int j = 0; j < rules[gi].length; j++) {
          states[gi][j].mask(id(gi, j), part);
        }
      }
    }
  }
}
