package io.paretoprune.experiments.pareto;

import io.paretoprune.stats.ParetoFront;
import java.util.Map;

/**
 * A trained weighting and its objective values (both minimised).
 *
 * @param payload further figures of the run (test accuracy, dense nonzeros), for reports
 */
public record ParetoPoint(double c1, double c2, double f1, double f2, Map<String, Double> payload) {
  /** True when this point is at least as good in both objectives and better in one. */
  public boolean dominates(ParetoPoint o) {
    return ParetoFront.dominates(new double[] {f2, f1}, new double[] {o.f2, o.f1});
  }
}
