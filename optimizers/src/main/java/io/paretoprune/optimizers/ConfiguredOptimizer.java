package io.paretoprune.optimizers;

import ai.djl.training.optimizer.Optimizer;
import io.paretoprune.core.train.CombinationPlan;

/**
 * An optimizer ready for one run: how gradients are combined, and the step rule that applies the
 * combined direction.
 */
public record ConfiguredOptimizer(CombinationPlan plan, Optimizer stepRule) {}
