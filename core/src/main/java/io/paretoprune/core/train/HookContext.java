package io.paretoprune.core.train;

import io.paretoprune.core.param.ParameterCatalog;

/**
 * What a step hook sees: the network's parameters, where training stands, and the step rule's state
 * (for hooks that must keep it consistent with the weights, like fixed pruning masks).
 *
 * @param step steps taken so far (0 before training)
 * @param epoch the current epoch, 1-based (0 before training)
 */
public record HookContext(
    ParameterCatalog parameters,
    long step,
    int epoch,
    int stepsPerEpoch,
    long totalSteps,
    StepRuleState stepRuleState) {}
