/**
 * Pareto-front searches of the scalarization paradigm (method.md): each weighting (c1, c2) is
 * trained and scored by its test objectives; sweep, bisection, dichotomic and stochastic dichotomic
 * searches choose the weightings; non-dominated filtering, two knee rules and the hypervolume read
 * the front (stats' {@link io.paretoprune.stats.ParetoFront}, which the report uses too). Pure
 * algorithms over an {@link io.paretoprune.experiments.pareto.WeightingEvaluator}; experiments
 * plugs in real trainings.
 */
package io.paretoprune.experiments.pareto;
