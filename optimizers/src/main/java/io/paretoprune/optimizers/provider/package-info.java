/**
 * The optimizers a suite names, each an {@link io.paretoprune.optimizers.OptimizerProvider} pairing
 * a combination plan with a step rule: {@code smgd}, {@code madam}, {@code mrmsprop} (min-norm
 * weights with SGD, Adam, RMSProp), {@code weighted} (fixed weights, step rule by key), {@code
 * sgd}, {@code adam}, {@code rmsprop} (single-objective unless weighted) and {@code split}
 * (min-norm weights per parameter group).
 */
package io.paretoprune.optimizers.provider;
