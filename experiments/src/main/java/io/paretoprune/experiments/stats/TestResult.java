package io.paretoprune.experiments.stats;

/**
 * The outcome of one two-sample test.
 *
 * @param test test name: {@code wilcoxon_signed_rank}, {@code paired_t}, {@code mann_whitney_u} or
 *     {@code welch_t}
 * @param n pairs for paired tests, {@code n_a + n_b} for unpaired ones
 * @param statistic W+ of {@code a - b}, U of sample a, or t; NaN when the test was not run
 * @param p two-sided p-value; NaN when the test was not run (then {@code note} says why)
 * @param exact whether {@code p} is exact (rank tests without ties) rather than approximate
 * @param minP smallest two-sided p the test could give for these sample sizes (and this tie
 *     pattern), NaN when there is no such floor above 0 (t-tests)
 * @param effectSize signed effect size, positive when a is larger; NaN when undefined
 * @param effectName {@code rank_biserial}, {@code cohens_dz} or {@code hedges_g}
 * @param note why something is missing or approximate; empty when nothing needs saying
 */
public record TestResult(
    String test,
    int n,
    double statistic,
    double p,
    boolean exact,
    double minP,
    double effectSize,
    String effectName,
    String note) {

  public static final String WILCOXON = "wilcoxon_signed_rank";
  public static final String PAIRED_T = "paired_t";
  public static final String MANN_WHITNEY = "mann_whitney_u";
  public static final String WELCH_T = "welch_t";

  /** A test that could not be run on this data, with the reason. */
  static TestResult notRun(String test, int n, String effectName, String why) {
    return new TestResult(
        test, n, Double.NaN, Double.NaN, false, Double.NaN, Double.NaN, effectName, why);
  }

  /** Whether the test ran and produced a p-value. */
  public boolean hasP() {
    return !Double.isNaN(p);
  }

  /** Whether this is a rank test (Wilcoxon or Mann-Whitney), as opposed to a t-test. */
  public boolean isRankTest() {
    return test.equals(WILCOXON) || test.equals(MANN_WHITNEY);
  }
}
