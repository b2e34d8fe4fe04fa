package io.paretoprune.experiments.pareto;

/** Trains one weighting {@code c1 f1 + c2 f2} and returns its test objectives. */
@FunctionalInterface
public interface WeightingEvaluator {
  ParetoPoint evaluate(double c1, double c2) throws Exception;
}
