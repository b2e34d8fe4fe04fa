/**
 * The optimizer seam: an {@link io.paretoprune.optimizers.OptimizerProvider} turns a suite's
 * settings into a {@link io.paretoprune.optimizers.ConfiguredOptimizer} (how the k objective
 * gradients are combined, and the DJL step rule that applies the result); {@link
 * io.paretoprune.optimizers.Optimizers} finds the providers by name. The combiners, step rules,
 * schedules and built-in providers live in the subpackages.
 */
package io.paretoprune.optimizers;
