package io.paretoprune.core.train;

/**
 * One step's multi-objective decision for one parameter group.
 *
 * @param weights the chosen weights, one per objective of the group
 * @param directionNorm {@code ||d||}, from the Gram matrix ({@code sqrt(c^T G c)}); NaN when the
 *     rule needed no Gram matrix
 */
public record StepRecord(
    long step, int epoch, String group, double[] weights, double directionNorm) {}
