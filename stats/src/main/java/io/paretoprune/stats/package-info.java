/**
 * Statistics across seeds: descriptives with t confidence intervals, paired tests where seeds share
 * initial weights (exact Wilcoxon signed-rank, paired t), unpaired ones otherwise (Welch t,
 * Mann-Whitney U), Holm's correction and effect sizes, as Tablesaw tables; the intervals of a
 * suite's results ({@link io.paretoprune.stats.SeedIntervals}) cut to the ranges of a task's
 * metrics ({@link io.paretoprune.stats.MetricSpec}, {@link io.paretoprune.stats.MetricRanges}); and
 * the two-objective front math the Pareto search and the report share ({@link
 * io.paretoprune.stats.ParetoFront}).
 *
 * <p>One library for the tests: Apache Commons Statistics 1.1 ({@code
 * commons-statistics-inference}), the maintained successor of Commons Math's stat package, because
 * it computes exact p-values for both rank tests (Commons Math 3.6.1's Mann-Whitney is
 * normal-approximation only) and reports ties and zeros, which decide whether an exact p-value
 * exists.
 */
package io.paretoprune.stats;
