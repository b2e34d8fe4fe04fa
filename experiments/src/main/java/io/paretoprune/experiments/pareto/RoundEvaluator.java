package io.paretoprune.experiments.pareto;

import java.util.ArrayList;
import java.util.List;

/**
 * Trains one round of a search: weightings the search chose without needing each other's results (a
 * sweep's list, a bisection level's midpoints), so they may train at once, as one Slurm job array
 * say.
 */
@FunctionalInterface
public interface RoundEvaluator {
  /**
   * Trains each weighting {@code {c1, c2}}; returns their points in the same order.
   *
   * @param round 1 for the search's first round, then 2, 3, ...
   */
  List<ParetoPoint> evaluate(int round, List<double[]> weightings) throws Exception;

  /** Trains a round's weightings one after another with {@code one}. */
  static RoundEvaluator oneByOne(WeightingEvaluator one) {
    return (round, weightings) -> {
      List<ParetoPoint> out = new ArrayList<>();
      for (double[] w : weightings) {
        out.add(one.evaluate(w[0], w[1]));
      }
      return out;
    };
  }
}
