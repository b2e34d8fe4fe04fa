package io.paretoprune.experiments.pareto;

import java.util.Collection;

/** The reference point of a hypervolume (pymoo style: the indicator always names it). */
public record ReferencePoint(double f1, double f2) {

  public ReferencePoint {
    if (!Double.isFinite(f1) || !Double.isFinite(f2)) {
      throw new IllegalArgumentException(
          "reference point must be finite, got (" + f1 + ", " + f2 + ")");
    }
  }

  /**
   * The worst finite value of each objective plus {@code margin} times its range (or times
   * max(|value|, 1) when the range is 0). Hypervolumes measured from derived points are not
   * comparable between searches; pass one explicit point to compare. Null when no point is finite.
   */
  public static ReferencePoint nadirWithMargin(Collection<ParetoPoint> points, double margin) {
    double lo1 = Double.POSITIVE_INFINITY;
    double hi1 = Double.NEGATIVE_INFINITY;
    double lo2 = Double.POSITIVE_INFINITY;
    double hi2 = Double.NEGATIVE_INFINITY;
    for (ParetoPoint p : points) {
      if (p.isFinite()) {
        lo1 = Math.min(lo1, p.f1());
        hi1 = Math.max(hi1, p.f1());
        lo2 = Math.min(lo2, p.f2());
        hi2 = Math.max(hi2, p.f2());
      }
    }
    if (lo1 == Double.POSITIVE_INFINITY) {
      return null;
    }
    return new ReferencePoint(pad(lo1, hi1, margin), pad(lo2, hi2, margin));
  }

  private static double pad(double lo, double hi, double margin) {
    double range = hi - lo;
    return hi + margin * (range > 0 ? range : Math.max(Math.abs(hi), 1));
  }
}
