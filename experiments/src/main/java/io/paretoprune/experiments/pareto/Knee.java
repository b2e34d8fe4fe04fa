package io.paretoprune.experiments.pareto;

import java.util.List;

/**
 * The knee a rule chose on a front, with every front point's score under that rule.
 *
 * @param rule {@link KneeSelection#PAPER} or {@link KneeSelection#CHORD}
 * @param point the chosen point
 * @param index its position in the front (sorted by f2 ascending)
 * @param scores one score per front point in the same order (NaN where the rule gives none); the
 *     chosen point has the largest
 */
public record Knee(String rule, ParetoPoint point, int index, List<Double> scores) {
  public Knee {
    scores = List.copyOf(scores);
  }

  public double score() {
    return scores.get(index);
  }
}
