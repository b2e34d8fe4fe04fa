package io.paretoprune.pruning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.train.HookContext;
import io.paretoprune.core.train.StepHook;
import java.util.List;
import java.util.Optional;

/**
 * Applies a pruning rule to the selected parameters once before training and after every due step:
 * {@code w <- w * mask}. With {@link Regrowth#FIXED} the masks accumulate and the step rule's state
 * is masked too.
 */
public final class PruningHook implements StepHook {
  private final ParameterSelector selector;
  private final PruningRule rule;
  private final PruningSchedule schedule;
  private final Regrowth regrowth;
  private List<ParameterRef> params;
  private NDArray[] fixedMasks;

  public PruningHook(
      ParameterSelector selector, PruningRule rule, PruningSchedule schedule, Regrowth regrowth) {
    this.selector = selector;
    this.rule = rule;
    this.schedule = schedule;
    this.regrowth = regrowth;
  }

  @Override
  public void beforeTraining(HookContext context) {
    params = context.parameters().select(selector);
    if (params.isEmpty()) {
      throw new IllegalArgumentException(
          "pruning selection '" + selector + "' matches no parameter");
    }
    prune(context, 0);
  }

  @Override
  public void afterStep(HookContext context) {
    if (schedule.isDue(context.step())) {
      prune(context, context.step());
    }
  }

  private void prune(HookContext context, long step) {
    if (params == null) {
      params = context.parameters().select(selector);
    }
    double sparsity = schedule.targetAt(step);
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      if (regrowth == Regrowth.REGROW && rule.splitInvariant()) {
        // One native pass over all selected weights when they are contiguous in the flat array.
        Optional<NDArray> all = context.contiguous(params);
        if (all.isPresent()) {
          NDArray w = all.get();
          w.muli(rule.keepMasks(List.of(w), sparsity).get(0));
          return;
        }
      }
      List<NDArray> weights = params.stream().map(ParameterRef::array).toList();
      if (regrowth == Regrowth.FIXED && fixedMasks != null) {
        // Re-zero what the last step rule update moved, so the rule counts it as pruned.
        for (int i = 0; i < weights.size(); i++) {
          weights.get(i).muli(fixedMasks[i]);
        }
      }
      List<NDArray> masks = rule.keepMasks(weights, sparsity);
      for (int i = 0; i < weights.size(); i++) {
        NDArray mask = masks.get(i);
        if (regrowth == Regrowth.FIXED) {
          mask = accumulate(i, mask);
          context.stepRuleState().mask(params.get(i).id(), mask);
        }
        weights.get(i).muli(mask);
      }
    }
  }

  /** The running product of every mask so far; it outlives the step's scope. */
  private NDArray accumulate(int i, NDArray mask) {
    if (fixedMasks == null) {
      fixedMasks = new NDArray[params.size()];
    }
    if (fixedMasks[i] == null) {
      fixedMasks[i] = mask.duplicate();
      NDScope.unregister(fixedMasks[i]);
    } else {
      fixedMasks[i].muli(mask);
    }
    return fixedMasks[i];
  }
}
