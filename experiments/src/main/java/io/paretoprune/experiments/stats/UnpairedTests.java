package io.paretoprune.experiments.stats;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.TTest;

/**
 * Two-sided tests on independent samples (labels whose runs do not share seeds): Welch's t-test and
 * the Mann-Whitney U test. Degenerate data give a {@link TestResult} without a p-value and with a
 * note, never an exception.
 */
public final class UnpairedTests {
  private static final MannWhitneyUTest MANN_WHITNEY =
      MannWhitneyUTest.withDefaults()
          .with(AlternativeHypothesis.TWO_SIDED)
          .with(PValueMethod.AUTO); // exact below 50 per sample unless ties
  private static final TTest WELCH =
      TTest.withDefaults()
          .with(AlternativeHypothesis.TWO_SIDED)
          .with(DataDispersion.HETEROSCEDASTIC);

  private UnpairedTests() {}

  /**
   * Welch's t-test (unequal variances, Welch-Satterthwaite degrees of freedom); effect size Hedges'
   * g = pooled-sd Cohen's d times {@code 1 - 3 / (4 (n_a + n_b) - 9)}.
   */
  public static TestResult welch(double[] a, double[] b) {
    int n = a.length + b.length;
    String name = TestResult.WELCH_T;
    if (a.length < 2 || b.length < 2) {
      return TestResult.notRun(name, n, "hedges_g", sizes(a, b) + ": Welch needs 2 runs per label");
    }
    if (Descriptives.allEqual(a) && Descriptives.allEqual(b)) {
      return TestResult.notRun(name, n, "hedges_g", "both labels have zero variance: t undefined");
    }
    TTest.Result r = WELCH.test(a, b);
    return new TestResult(
        name, n, r.getStatistic(), r.getPValue(), false, Double.NaN, hedgesG(a, b), "hedges_g", "");
  }

  /**
   * Mann-Whitney U test: statistic U of sample a, exact p without ties (else the normal
   * approximation with tie and continuity correction, noted); effect size the rank-biserial
   * correlation {@code 2 U / (n_a n_b) - 1}.
   */
  public static TestResult mannWhitney(double[] a, double[] b) {
    int n = a.length + b.length;
    String name = TestResult.MANN_WHITNEY;
    if (a.length < 1 || b.length < 1) {
      return TestResult.notRun(
          name, n, "rank_biserial", sizes(a, b) + ": each label needs at least 1 run");
    }
    if (Descriptives.allEqual(concat(a, b))) {
      return TestResult.notRun(name, n, "rank_biserial", "all " + n + " values are equal");
    }
    MannWhitneyUTest.Result r = MANN_WHITNEY.test(a, b);
    double u = r.getStatistic();
    double rankBiserial = 2 * u / ((double) a.length * b.length) - 1;
    double minP = MANN_WHITNEY.test(ranks(1, a.length), ranks(a.length + 1, b.length)).getPValue();
    boolean exact = !r.hasTiedValues() && Math.max(a.length, b.length) < 50;
    String note =
        r.hasTiedValues()
            ? "tied values: normal approximation with tie correction (exact p needs distinct"
                + " values)"
            : "";
    return new TestResult(
        name, n, u, r.getPValue(), exact, minP, rankBiserial, "rank_biserial", note);
  }

  static double hedgesG(double[] a, double[] b) {
    int na = a.length;
    int nb = b.length;
    double ma = StatUtils.mean(a);
    double mb = StatUtils.mean(b);
    double pooled =
        ((na - 1) * StatUtils.variance(a, ma) + (nb - 1) * StatUtils.variance(b, mb))
            / (na + nb - 2);
    double d = (ma - mb) / Math.sqrt(pooled);
    return d * (1 - 3.0 / (4.0 * (na + nb) - 9));
  }

  private static String sizes(double[] a, double[] b) {
    return a.length + " vs " + b.length + " runs";
  }

  /** Distinct values {@code from, from + 1, ...}: the most separated samples possible. */
  private static double[] ranks(int from, int count) {
    double[] r = new double[count];
    for (int i = 0; i < count; i++) {
      r[i] = from + i;
    }
    return r;
  }

  private static double[] concat(double[] a, double[] b) {
    double[] all = new double[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
