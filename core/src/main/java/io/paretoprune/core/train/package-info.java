/**
 * The multi-objective training loop. Per batch: forward, the k objective gradients (autograd for
 * data losses, analytic for penalties), their Gram matrix in a few native calls, a {@link
 * io.paretoprune.core.train.GradientCombiner} picks weights, the combined direction goes to a DJL
 * {@link ai.djl.training.optimizer.Optimizer} (the step rule), then {@link
 * io.paretoprune.core.train.StepHook}s such as pruning run. Combining, stepping and pruning are
 * three separate seams.
 */
package io.paretoprune.core.train;
