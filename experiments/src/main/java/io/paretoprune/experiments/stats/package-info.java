/**
 * Statistics across seeds, as Tablesaw tables: per-label descriptives with t confidence intervals,
 * paired and unpaired two-sample tests with effect sizes, and Holm's correction per family.
 *
 * <p>Entry point: {@link io.paretoprune.experiments.stats.SeedStatistics} reads a table shaped like
 * {@code summary.csv} (columns {@code label}, {@code seed}, {@code status} and numeric metrics) and
 * returns two tables, {@code aggregate} and {@code stats}; {@link
 * io.paretoprune.experiments.stats.StatisticsCsv} writes them as {@code aggregate.csv} and {@code
 * stats.csv}.
 *
 * <h2>Which library runs the tests, and why</h2>
 *
 * All hypothesis tests use Apache Commons Statistics 1.1 ({@code commons-statistics-inference}):
 * {@code WilcoxonSignedRankTest}, {@code MannWhitneyUTest} and {@code TTest}. Commons Math 3.6.1
 * was checked and rejected for the rank tests:
 *
 * <ul>
 *   <li>its exact Wilcoxon p is {@code 2 * P(W >= max(W+, W-))}; it is two-sided, but when {@code
 *       W+ == W-} it exceeds 1 (differences {1, 2, -3} give p = 1.25);
 *   <li>it keeps zero differences in the ranking and silently counts their ranks in W-, and it
 *       enumerates the integer ranks 1..n even when ties gave average ranks, so with ties or zeros
 *       its "exact" p answers a different question without saying so;
 *   <li>its Mann-Whitney U test has only the normal approximation (no exact p for small samples).
 * </ul>
 *
 * Commons Statistics computes the exact two-sided p for both rank tests when n &lt; 50 and there
 * are no ties (and, for Wilcoxon, no zero differences); with ties or zeros it falls back to the
 * normal approximation with tie correction and continuity correction (Pratt's treatment of zeros:
 * ranked, then left out of W+), and reports that it did. It does not compute exact p-values under
 * ties; this package says so in the row's note instead of hiding it. Its Welch and paired t-tests
 * match R's {@code t.test} on Student's sleep data (see the tests). Commons Math 3.6.1 is still
 * used for the t quantile of the descriptive confidence interval ({@code TDistribution}).
 *
 * <h2>Conventions</h2>
 *
 * <ul>
 *   <li>Every comparison is {@code label_a} versus {@code label_b}; statistics and effect sizes are
 *       signed so that positive means {@code label_a} is larger (differences {@code a - b}).
 *   <li>Rank tests report W+ (Wilcoxon, of {@code a - b}) or U of {@code label_a} (Mann-Whitney)
 *       with the rank-biserial correlation: {@code (W+ - W-) / (W+ + W-)} (Kerby's matched-pairs
 *       form, zero differences left out) and {@code 2 U / (n_a n_b) - 1}.
 *   <li>The paired t-test reports Cohen's d_z = mean difference / sd of the differences; the
 *       unpaired Welch test reports Hedges' g (pooled-sd Cohen's d times {@code 1 - 3 / (4 (n_a +
 *       n_b) - 9)}, the small-sample bias correction, chosen because seed counts are small).
 *   <li>Paired differences are rounded to 12 significant digits of the data's magnitude before
 *       ranking, so that decimal metrics (accuracy = correct / total) keep their true ties and
 *       zeros despite binary rounding noise.
 *   <li>Holm's step-down correction runs over one family: all comparisons of one metric made with
 *       rank tests, and separately all made with t-tests (each comparison appears once per family).
 *   <li>Exact rank tests cannot give arbitrarily small p-values with few seeds: the smallest
 *       possible two-sided p of the exact Wilcoxon test with n pairs is {@code 2 / 2^n} (0.0625 at
 *       n = 5). When it is not below alpha the row says so ("cannot reach p &lt; 0.05 with 5 pairs
 *       (min p = 0.0625)") rather than a bare "not significant"; likewise when Holm's factor puts
 *       it out of reach.
 * </ul>
 */
package io.paretoprune.experiments.stats;
