/**
 * The pruning strategies: the paper's {@link io.paretoprune.pruning.strategy.ThresholdPruning}, and
 * the counting strategies built on {@link io.paretoprune.pruning.strategy.RankedPruning} ({@link
 * io.paretoprune.pruning.strategy.MagnitudePruning} and its random control {@link
 * io.paretoprune.pruning.strategy.RandomPruning}) with a per-layer or global {@link
 * io.paretoprune.pruning.strategy.Scope}.
 */
package io.paretoprune.pruning.strategy;
