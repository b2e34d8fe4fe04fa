package io.paretoprune.experiments.pareto;

import java.util.Map;

/**
 * A trained weighting and its objective values (both minimised).
 *
 * @param payload further figures of the run (test accuracy, dense nonzeros), for reports
 */
public record ParetoPoint(double c1, double c2, double f1, double f2, Map<String, Double> payload) {
  /** True when this point is at least as good in both objectives and better in one. */
  public boolean dominates(ParetoPoint o) {
    return f1 <= o.f1 && f2 <= o.f2 && (f1 < o.f1 || f2 < o.f2);
  }
}
