package io.paretoprune.experiments.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.TTest;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * Two-sided tests on paired samples (runs of two labels that share a seed, hence their initial
 * weights): the Wilcoxon signed-rank test and the paired t-test, both on the differences {@code
 * a[i] - b[i]}. Degenerate data (fewer than 2 pairs, all differences zero, constant differences)
 * give a {@link TestResult} without a p-value and with a note, never an exception.
 */
public final class PairedTests {
  private static final WilcoxonSignedRankTest WILCOXON =
      WilcoxonSignedRankTest.withDefaults()
          .with(AlternativeHypothesis.TWO_SIDED)
          .with(PValueMethod.AUTO); // exact below 50 pairs unless ties or zeros
  private static final TTest T_TEST = TTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED);

  private PairedTests() {}

  /**
   * Wilcoxon signed-rank test of {@code a - b}: statistic W+, exact p without ties or zero
   * differences (else the normal approximation with tie and continuity correction, noted), effect
   * size the matched-pairs rank-biserial correlation {@code (W+ - W-) / (W+ + W-)}.
   */
  public static TestResult wilcoxon(double[] a, double[] b) {
    double[] z = differences(a, b);
    int n = z.length;
    String name = TestResult.WILCOXON;
    if (n < 2) {
      return TestResult.notRun(name, n, "rank_biserial", tooFew(n));
    }
    int zeros = 0;
    for (double d : z) {
      zeros += d == 0 ? 1 : 0;
    }
    if (zeros == n) {
      return TestResult.notRun(name, n, "rank_biserial", allZero(n));
    }
    WilcoxonSignedRankTest.Result r = WILCOXON.test(z);
    double wPlus = r.getStatistic();
    // Zero differences take the lowest ranks 1..zeros and are left out of W+ and W-.
    double total = n * (n + 1) / 2.0 - zeros * (zeros + 1) / 2.0;
    double rankBiserial = (2 * wPlus - total) / total;
    // The most extreme outcome with these ranks: every non-zero difference of one sign.
    double minP = WILCOXON.test(abs(z)).getPValue();
    boolean exact = !r.hasTiedValues() && !r.hasZeroValues() && n < 50;
    String note = "";
    if (r.hasTiedValues() || r.hasZeroValues()) {
      note =
          (r.hasZeroValues() ? zeros + " zero difference(s)" : "tied differences")
              + ": normal approximation with tie correction (exact p needs distinct non-zero"
              + " differences)";
    }
    return new TestResult(
        name, n, wPlus, r.getPValue(), exact, minP, rankBiserial, "rank_biserial", note);
  }

  /**
   * The smallest two-sided p the exact Wilcoxon signed-rank test can give with {@code pairs}
   * distinct non-zero differences: {@code 2 / 2^pairs} (0.0625 for 5 pairs, 0.03125 for 6), capped
   * at 1. Use it to choose the number of seeds before running: below 6 pairs no result can reach p
   * &lt; 0.05.
   */
  public static double minimumP(int pairs) {
    if (pairs < 1) {
      throw new IllegalArgumentException("pairs must be at least 1, got " + pairs);
    }
    double[] mostExtreme = new double[pairs];
    for (int i = 0; i < pairs; i++) {
      mostExtreme[i] = i + 1;
    }
    return WILCOXON.test(mostExtreme).getPValue();
  }

  /** Paired t-test of {@code a - b} (n - 1 degrees of freedom), effect size Cohen's d_z. */
  public static TestResult pairedT(double[] a, double[] b) {
    double[] z = differences(a, b);
    int n = z.length;
    String name = TestResult.PAIRED_T;
    if (n < 2) {
      return TestResult.notRun(name, n, "cohens_dz", tooFew(n));
    }
    if (Descriptives.allEqual(z)) {
      String why =
          z[0] == 0
              ? allZero(n)
              : "all " + n + " differences are equal (zero variance): t undefined";
      return TestResult.notRun(name, n, "cohens_dz", why);
    }
    TTest.Result r = T_TEST.pairedTest(a, b);
    double mean = StatUtils.mean(z);
    double dz = mean / Math.sqrt(StatUtils.variance(z, mean));
    return new TestResult(
        name, n, r.getStatistic(), r.getPValue(), false, Double.NaN, dz, "cohens_dz", "");
  }

  private static String tooFew(int n) {
    return n + " pair(s): a paired test needs at least 2";
  }

  private static String allZero(int n) {
    return "all " + n + " differences are zero: the labels agree on every seed";
  }

  /**
   * {@code a[i] - b[i]} rounded to 12 significant digits of the largest input magnitude. Metrics
   * such as accuracy are decimal fractions (correct / total); their binary differences carry noise
   * in the last bits (0.9891 - 0.9888 != 0.9874 - 0.9871), which would break true ties and turn
   * true zeros into tiny non-zero differences before ranking.
   */
  static double[] differences(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "paired samples differ in length: " + a.length + " and " + b.length);
    }
    double scale = 0;
    for (int i = 0; i < a.length; i++) {
      scale = Math.max(scale, Math.max(Math.abs(a[i]), Math.abs(b[i])));
    }
    double[] z = new double[a.length];
    int decimals = scale > 0 ? 11 - (int) Math.floor(Math.log10(scale)) : 0;
    for (int i = 0; i < z.length; i++) {
      double d = a[i] - b[i];
      z[i] =
          Double.isFinite(d) && scale > 0
              ? new BigDecimal(d).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue()
              : d;
    }
    return z;
  }

  private static double[] abs(double[] z) {
    double[] out = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      out[i] = Math.abs(z[i]);
    }
    return out;
  }
}
