package io.paretoprune.experiments.pareto;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The weighted-sum searches of method.md. Every weighting is trained at most once (cached by its
 * c2, rounded to 1e-12) and at most {@code maxEvaluations} are trained.
 */
public final class ParetoSearch {
  /** The paper's sweep of c2 (c1 = 1 - c2). */
  public static final double[] PAPER_C2 = {
    1e-5, 3e-5, 5e-5, 7e-5, 9e-5, 1e-4, 3e-4, 5e-4, 7e-4, 9e-4, 1e-3, 3e-3, 5e-3, 7e-3, 9e-3, 1e-2,
    1.5e-2, 2e-2, 2.5e-2, 3e-2, 3.5e-2, 5e-2, 7e-2, 9e-2, 1e-1, 0
  };

  private final WeightingEvaluator evaluator;
  private final int maxEvaluations;
  private final Map<Long, ParetoPoint> cache = new LinkedHashMap<>();

  public ParetoSearch(WeightingEvaluator evaluator, int maxEvaluations) {
    this.evaluator = evaluator;
    this.maxEvaluations = maxEvaluations;
  }

  public SearchResult run(String search, long seed) throws Exception {
    switch (search) {
      case "sweep" -> sweep();
      case "bisection" -> bisection();
      case "dichotomic" -> dichotomic(null);
      case "stochastic-dichotomic" -> dichotomic(new SplittableRandom(seed));
      default -> throw new IllegalArgumentException("unknown search " + search);
    }
    return SearchResult.of(search, new ArrayList<>(cache.values()));
  }

  private boolean budgetLeft() {
    return cache.size() < maxEvaluations;
  }

  /** Trains (1 - c2, c2) unless known; null when the budget is spent. */
  private ParetoPoint at(double c2) throws Exception {
    long key = Math.round(c2 * 1e12);
    ParetoPoint known = cache.get(key);
    if (known != null) {
      return known;
    }
    if (!budgetLeft()) {
      return null;
    }
    ParetoPoint p = evaluator.evaluate(1 - c2, c2);
    cache.put(key, p);
    return p;
  }

  private void sweep() throws Exception {
    for (double c2 : PAPER_C2) {
      if (at(c2) == null) {
        return;
      }
    }
  }

  /** From (1, 0) and (0.9, 0.1), each level adds the midpoints of neighbouring front points. */
  private void bisection() throws Exception {
    at(0);
    at(0.1);
    boolean added = true;
    while (added && budgetLeft()) {
      added = false;
      List<ParetoPoint> front = Fronts.nonDominated(new ArrayList<>(cache.values()));
      for (int i = 0; i + 1 < front.size() && budgetLeft(); i++) {
        double mid = (front.get(i).c2() + front.get(i + 1).c2()) / 2;
        if (!cache.containsKey(Math.round(mid * 1e12))) {
          at(mid);
          added = true;
        }
      }
    }
  }

  /**
   * From the two extremes, the new weighting between neighbours is the normal of the segment
   * joining their objective vectors, {@code (dy, -dx)} scaled to sum 1 in the (c1, c2) order of
   * (f1, f2). The stochastic variant draws a random weighting between the neighbours' instead when
   * the normal repeats a known weighting or the points coincide.
   */
  private void dichotomic(SplittableRandom random) throws Exception {
    at(0);
    at(0.1);
    boolean added = true;
    while (added && budgetLeft()) {
      added = false;
      List<ParetoPoint> front = Fronts.nonDominated(new ArrayList<>(cache.values()));
      front.sort(Comparator.comparingDouble(ParetoPoint::f2));
      for (int i = 0; i + 1 < front.size() && budgetLeft(); i++) {
        ParetoPoint a = front.get(i);
        ParetoPoint b = front.get(i + 1);
        double dx = b.f2() - a.f2();
        double dy = a.f1() - b.f1();
        double c2 = Double.NaN;
        if (dx > 0 && dy > 0) {
          c2 = dy / (dx + dy); // weights (dx, dy)/(dx+dy) on (f1, f2): equal value at a and b
        }
        boolean known = Double.isNaN(c2) || cache.containsKey(Math.round(c2 * 1e12));
        if (known && random != null) {
          double lo = Math.min(a.c2(), b.c2());
          double hi = Math.max(a.c2(), b.c2());
          c2 = lo + (hi - lo) * (0.25 + 0.5 * random.nextDouble());
          known = cache.containsKey(Math.round(c2 * 1e12));
        }
        if (!known) {
          at(c2);
          added = true;
        }
      }
    }
  }
}
