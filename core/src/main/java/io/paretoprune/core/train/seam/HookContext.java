package io.paretoprune.core.train.seam;

import ai.djl.ndarray.NDArray;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.train.engine.FlatParameters;
import java.util.List;
import java.util.Optional;

/**
 * What a step hook sees: the network's parameters, where training stands, and the step rule's state
 * (for hooks that must keep it consistent with the weights, like fixed pruning masks).
 *
 * @param step steps taken so far (0 before training)
 * @param epoch the current epoch, 1-based (0 before training)
 * @param flat the trainer's flat parameter array, or null outside the trainer
 */
public record HookContext(
    ParameterCatalog parameters,
    long step,
    int epoch,
    int stepsPerEpoch,
    long totalSteps,
    StepRuleState stepRuleState,
    FlatParameters flat) {

  /** A context outside the trainer (tests, tools): no flat parameter array. */
  public HookContext(
      ParameterCatalog parameters,
      long step,
      int epoch,
      int stepsPerEpoch,
      long totalSteps,
      StepRuleState stepRuleState) {
    this(parameters, step, epoch, stepsPerEpoch, totalSteps, stepRuleState, null);
  }

  /**
   * One array over exactly these parameters, when they lie next to each other in the trainer's flat
   * parameter array (they do for the usual selections: dense, dense.kernel, conv): a rule can then
   * treat them in one native call instead of one per parameter. Empty otherwise.
   */
  public Optional<NDArray> contiguous(List<ParameterRef> params) {
    return flat == null ? Optional.empty() : flat.contiguous(params);
  }
}
