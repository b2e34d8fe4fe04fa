/**
 * Multi-objective rules ({@link io.paretoprune.core.train.GradientCombiner}s): the min-norm rule of
 * SMGD with its solver ({@link io.paretoprune.optimizers.combine.MinNormSolver}, closed form for
 * two objectives, Wolfe's minimum-norm-point algorithm beyond) and fixed weighted sums.
 */
package io.paretoprune.optimizers.combine;
