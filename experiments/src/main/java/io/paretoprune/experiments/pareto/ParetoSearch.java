package io.paretoprune.experiments.pareto;

/**
 * A strategy that chooses which weightings to train and returns one {@link SearchResult}. A search
 * object holds only its settings: {@link #run} may be called again (with the same seed a stochastic
 * search repeats itself).
 */
public interface ParetoSearch {
  /** Short name, written in the {@code search} column of {@code pareto.csv}. */
  String name();

  SearchResult run(Evaluator evaluator);
}
