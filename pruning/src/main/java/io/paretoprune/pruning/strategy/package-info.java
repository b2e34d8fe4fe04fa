/**
 * The pruning strategies: the paper's {@link io.paretoprune.pruning.strategy.ThresholdPruning}, and
 * the counting strategies built on {@link io.paretoprune.pruning.strategy.RankedPruning} ({@link
 * io.paretoprune.pruning.strategy.MagnitudePruning} and its random control {@link
 * io.paretoprune.pruning.strategy.RandomPruning}) with a per-layer or global {@link
 * io.paretoprune.pruning.strategy.Scope}; and the structured ones, {@link
 * io.paretoprune.pruning.strategy.UnitPruning} (whole units) and {@link
 * io.paretoprune.pruning.strategy.NofMPruning} (N:M).
 */
package io.paretoprune.pruning.strategy;
