package io.paretoprune.experiments.pareto;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The weighted-sum searches of method.md. Every weighting is trained at most once (cached by its
 * c2, rounded to 1e-12) and at most {@code maxEvaluations} are trained. A search goes in rounds:
 * the sweep is one; bisection and the dichotomic searches start with the two extremes and then add
 * one round per level, each chosen from the front of the rounds before it.
 */
public final class ParetoSearch {
  /** The paper's sweep of c2 (c1 = 1 - c2). */
  public static final double[] PAPER_C2 = {
    1e-5, 3e-5, 5e-5, 7e-5, 9e-5, 1e-4, 3e-4, 5e-4, 7e-4, 9e-4, 1e-3, 3e-3, 5e-3, 7e-3, 9e-3, 1e-2,
    1.5e-2, 2e-2, 2.5e-2, 3e-2, 3.5e-2, 5e-2, 7e-2, 9e-2, 1e-1, 0
  };

  private final RoundEvaluator evaluator;
  private final int maxEvaluations;
  private final Map<Long, ParetoPoint> cache = new LinkedHashMap<>();

  /** This round's weightings by key, in the order chosen; trained together by {@link #train}. */
  private final Map<Long, Double> round = new LinkedHashMap<>();

  private int rounds;

  private double[] sweepC2 = PAPER_C2;

  /** A search that trains its weightings one by one with {@code evaluator}. */
  public ParetoSearch(WeightingEvaluator evaluator, int maxEvaluations) {
    this(RoundEvaluator.oneByOne(evaluator), maxEvaluations);
  }

  private ParetoSearch(RoundEvaluator evaluator, int maxEvaluations) {
    this.evaluator = evaluator;
    this.maxEvaluations = maxEvaluations;
  }

  /**
   * A search that hands each round's weightings to {@code evaluator} at once. It chooses exactly
   * the weightings, in the same order, as one trained one by one: within a round no choice reads a
   * result of the same round. (A factory, since both evaluators are two-argument lambdas.)
   */
  public static ParetoSearch inRounds(RoundEvaluator evaluator, int maxEvaluations) {
    return new ParetoSearch(evaluator, maxEvaluations);
  }

  /** The sweep's values of c2 in order instead of the paper's ({@code null} keeps the paper's). */
  public ParetoSearch sweeping(List<Double> c2) {
    if (c2 != null) {
      sweepC2 = c2.stream().mapToDouble(Double::doubleValue).toArray();
    }
    return this;
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

  private static long key(double c2) {
    return Math.round(c2 * 1e12);
  }

  private boolean budgetLeft() {
    return cache.size() + round.size() < maxEvaluations;
  }

  /** Whether (1 - c2, c2) is trained or chosen for this round. */
  private boolean known(double c2) {
    return cache.containsKey(key(c2)) || round.containsKey(key(c2));
  }

  /** Chooses (1 - c2, c2) for this round unless known; false when the budget is spent. */
  private boolean at(double c2) {
    if (known(c2)) {
      return true;
    }
    if (!budgetLeft()) {
      return false;
    }
    round.put(key(c2), c2);
    return true;
  }

  /** Trains the round's weightings and remembers their points, in the order chosen. */
  private void train() throws Exception {
    if (round.isEmpty()) {
      return;
    }
    List<double[]> weightings = new ArrayList<>();
    round.values().forEach(c2 -> weightings.add(new double[] {1 - c2, c2}));
    List<ParetoPoint> points = evaluator.evaluate(++rounds, weightings);
    if (points.size() != weightings.size()) {
      throw new IllegalStateException(
          points.size() + " points for " + weightings.size() + " weightings");
    }
    int i = 0;
    for (Long k : round.keySet()) {
      cache.put(k, points.get(i++));
    }
    round.clear();
  }

  /** One round: the paper's list (or the one given), as far as the budget goes. */
  private void sweep() throws Exception {
    for (double c2 : sweepC2) {
      if (!at(c2)) {
        break;
      }
    }
    train();
  }

  /**
   * From (1, 0) and (0.9, 0.1) (the first round), each level (a round) adds the midpoints of
   * neighbouring front points.
   */
  private void bisection() throws Exception {
    at(0);
    at(0.1);
    train();
    boolean added = true;
    while (added && budgetLeft()) {
      added = false;
      List<ParetoPoint> front = Fronts.nonDominated(new ArrayList<>(cache.values()));
      for (int i = 0; i + 1 < front.size() && budgetLeft(); i++) {
        double mid = (front.get(i).c2() + front.get(i + 1).c2()) / 2;
        if (!known(mid)) {
          at(mid);
          added = true;
        }
      }
      train();
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
    train();
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
        boolean known = Double.isNaN(c2) || known(c2);
        if (known && random != null) {
          double lo = Math.min(a.c2(), b.c2());
          double hi = Math.max(a.c2(), b.c2());
          c2 = lo + (hi - lo) * (0.25 + 0.5 * random.nextDouble());
          known = known(c2);
        }
        if (!known) {
          at(c2);
          added = true;
        }
      }
      train();
    }
  }
}
