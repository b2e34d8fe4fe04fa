package io.paretoprune.optimizers;

import io.paretoprune.core.train.CombinationPlan;
import io.paretoprune.core.train.StepPlan;

/**
 * An optimizer ready for one run: how gradients are combined, and the step rule that applies the
 * weights (on the combined direction or per objective).
 *
 * @param description what it is, e.g. {@code min-norm + adam (per-objective)}, for manifests
 */
public record ConfiguredOptimizer(CombinationPlan plan, StepPlan step, String description) {}
