package io.paretoprune.experiments.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;

/**
 * Sample size, mean, sample standard deviation (n - 1 denominator) and the two-sided confidence
 * interval {@code mean +- t(n - 1, (1 + level) / 2) * sd / sqrt(n)} of a set of values. Fields that
 * are undefined (sd and interval for n = 1, everything for n = 0) are NaN, and {@code note} says
 * why; for zero variance the interval collapses to the mean and the note says so.
 */
public record Descriptives(
    int n, double mean, double sd, double ciLow, double ciHigh, String note) {

  /** Descriptives of {@code values} with a confidence interval at {@code level} (e.g. 0.95). */
  public static Descriptives of(double[] values, double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
    int n = values.length;
    if (n == 0) {
      return new Descriptives(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "no values");
    }
    if (allEqual(values)) {
      // Exact, not StatUtils: the two-pass mean of equal values can be off in the last bit.
      double v = values[0];
      if (n == 1) {
        return new Descriptives(
            1, v, Double.NaN, Double.NaN, Double.NaN, "n = 1: no sd or interval from one value");
      }
      return new Descriptives(n, v, 0, v, v, "zero variance: all " + n + " values are equal");
    }
    double mean = StatUtils.mean(values);
    double sd = Math.sqrt(StatUtils.variance(values, mean));
    // null generator: the distribution is only used for its quantile, no sampling.
    double q = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 + level / 2);
    double half = q * sd / Math.sqrt(n);
    return new Descriptives(n, mean, sd, mean - half, mean + half, "");
  }

  static boolean allEqual(double[] values) {
    for (double v : values) {
      if (Double.compare(v, values[0]) != 0) {
        return false;
      }
    }
    return true;
  }
}
