package io.paretoprune.experiments.pareto;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluations of one search run, in order, keyed by weighting so that no weighting is trained
 * twice, with the run's evaluation budget.
 */
final class EvaluationCache {
  private final Evaluator evaluator;
  private final int budget;
  private final Map<Long, ParetoPoint> byKey = new HashMap<>();
  private final List<ParetoPoint> inOrder = new ArrayList<>();

  EvaluationCache(Evaluator evaluator, int budget) {
    if (evaluator == null) {
      throw new IllegalArgumentException("a search needs an evaluator");
    }
    this.evaluator = evaluator;
    this.budget = budget;
  }

  boolean known(Weighting w) {
    return byKey.containsKey(w.key());
  }

  boolean exhausted() {
    return inOrder.size() >= budget;
  }

  int count() {
    return inOrder.size();
  }

  /** The cached point for {@code w}, or a new training when the budget allows. */
  ParetoPoint evaluate(Weighting w) {
    ParetoPoint cached = byKey.get(w.key());
    if (cached != null) {
      return cached;
    }
    if (exhausted()) {
      throw new IllegalStateException("evaluation budget of " + budget + " is spent");
    }
    ParetoPoint p = evaluator.evaluate(w);
    if (p == null || !p.weighting().sameAs(w)) {
      throw new IllegalStateException(
          "evaluator returned "
              + (p == null ? "null" : "a point for " + p.weighting())
              + " when asked for "
              + w);
    }
    byKey.put(w.key(), p);
    inOrder.add(p);
    return p;
  }

  List<ParetoPoint> all() {
    return List.copyOf(inOrder);
  }
}
