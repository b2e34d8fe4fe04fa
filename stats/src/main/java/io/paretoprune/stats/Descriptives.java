package io.paretoprune.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/** n, mean, sample standard deviation and the two-sided 95% t confidence interval of the mean. */
public record Descriptives(int n, double mean, double sd, double ciLow, double ciHigh) {
  public static Descriptives of(double[] x) {
    int n = x.length;
    if (n == 0) {
      return new Descriptives(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double mean = 0;
    for (double v : x) {
      mean += v / n;
    }
    if (n == 1) {
      return new Descriptives(1, mean, Double.NaN, Double.NaN, Double.NaN);
    }
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(ss / (n - 1));
    double half = TDistribution.of(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
    return new Descriptives(n, mean, sd, mean - half, mean + half);
  }

  /**
   * The same, with the interval cut to the range the metric can take (a count's lower end at 0, an
   * accuracy's upper at 1): the t interval is symmetric and can reach past them when the seeds sit
   * near a bound, and a negative count reads as an error.
   */
  public Descriptives within(double lowest, double highest) {
    return new Descriptives(
        n,
        mean,
        sd,
        // Math.max and Math.min keep NaN: an interval that one seed cannot give stays NaN.
        Math.max(lowest, ciLow),
        Math.min(highest, ciHigh));
  }
}
