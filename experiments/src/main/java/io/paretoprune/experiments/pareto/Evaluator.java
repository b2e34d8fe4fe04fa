package io.paretoprune.experiments.pareto;

/**
 * Trains one weighting and scores it: the experiment plugs in a training of E/3 epochs with fixed
 * weights (c1, c2) and returns (test f1, test f2). The returned point must carry the weighting it
 * was asked for. A diverged training should return non-finite objectives rather than throw; an
 * exception ends the search.
 */
@FunctionalInterface
public interface Evaluator {
  ParetoPoint evaluate(Weighting weighting);
}
