/**
 * Experiments: suites of runs across seeds (each run in its own JVM), results on disk, resume,
 * statistics across seeds and Pareto-front searches.
 */
package io.paretoprune.experiments;
