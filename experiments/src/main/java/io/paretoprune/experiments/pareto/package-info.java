/**
 * Pareto-front math and front searches for two minimised objectives, f1 = test cross-entropy and f2
 * = test L1 (or nonzero count) of the dense weights. Pure algorithms: the experiment supplies an
 * {@link io.paretoprune.experiments.pareto.Evaluator} that trains one weighting (c1, c2) for E/3
 * epochs and returns its {@link io.paretoprune.experiments.pareto.ParetoPoint}.
 *
 * <ul>
 *   <li>Values: {@link io.paretoprune.experiments.pareto.Weighting}, {@link
 *       io.paretoprune.experiments.pareto.ParetoPoint}, {@link
 *       io.paretoprune.experiments.pareto.ReferencePoint}, {@link
 *       io.paretoprune.experiments.pareto.Knee}.
 *   <li>Math: {@link io.paretoprune.experiments.pareto.ParetoFront} (dominance, non-dominated
 *       filter with ties), {@link io.paretoprune.experiments.pareto.KneeSelection} (the paper's
 *       c1/c2-jump rule and the chord-distance rule), {@link
 *       io.paretoprune.experiments.pareto.Hypervolume} (2-D, explicit reference point).
 *   <li>Searches ({@link io.paretoprune.experiments.pareto.ParetoSearch}, each returning one {@link
 *       io.paretoprune.experiments.pareto.SearchResult}): {@link
 *       io.paretoprune.experiments.pareto.WeightedSumSweep}, and the level searches {@link
 *       io.paretoprune.experiments.pareto.BisectionSearch}, {@link
 *       io.paretoprune.experiments.pareto.DichotomicSearch}, {@link
 *       io.paretoprune.experiments.pareto.StochasticDichotomicSearch}. Each run caches trainings by
 *       weighting (c2 to 1e-12), so no weighting is trained twice, and enforces its budget.
 *   <li>Output: {@link io.paretoprune.experiments.pareto.ParetoCsv} writes {@code pareto.csv} and
 *       {@code pareto.json}.
 * </ul>
 *
 * Differences from the paper's code, on purpose: the budget is strict (the code checks it only
 * after a level and can overshoot 20); the knee's ratio jumps do not wrap around from the last
 * point to the first (see {@link io.paretoprune.experiments.pareto.KneeSelection#paperRule}); the
 * random weighting of the stochastic variant is drawn between the two neighbours; the code's extra
 * removal of points inside the hull of the extremes is not done (dominance only). The hypervolume
 * and 2-D non-dominated filter are written by hand (sort and sweep) since no project library has
 * them.
 */
package io.paretoprune.experiments.pareto;
