/**
 * Multi-objective rules ({@link io.paretoprune.core.train.seam.GradientCombiner}s): the min-norm
 * rule of SMGD with its solver ({@link io.paretoprune.optimizers.combine.MinNormSolver}, closed
 * form for two objectives, Wolfe's minimum-norm-point algorithm beyond) and MGDA's gradient
 * normalisations ({@link io.paretoprune.optimizers.combine.GradientNormalization}), fixed weighted
 * sums, and the multi-gradient rules PCGrad, CAGrad, Nash-MTL, IMTL-G and Aligned-MTL, each
 * computed from the Gram matrix.
 */
package io.paretoprune.optimizers.combine;
