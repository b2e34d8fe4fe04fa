package io.paretoprune.experiments.pareto;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Dominance and non-dominated filtering for two minimised objectives. */
public final class ParetoFront {
  private ParetoFront() {}

  /**
   * Whether {@code a} dominates {@code b}: no worse in both objectives and better in at least one.
   * Points with a non-finite objective neither dominate nor are dominated.
   */
  public static boolean dominates(ParetoPoint a, ParetoPoint b) {
    if (!a.isFinite() || !b.isFinite()) {
      return false;
    }
    return a.f1() <= b.f1() && a.f2() <= b.f2() && (a.f1() < b.f1() || a.f2() < b.f2());
  }

  /**
   * The non-dominated finite points, sorted by f2 ascending (so f1 strictly descending). Of points
   * with identical objective vectors only the first in {@code points} is kept: a later copy is
   * weakly dominated and adds nothing to the front.
   */
  public static List<ParetoPoint> nonDominated(Collection<ParetoPoint> points) {
    List<ParetoPoint> finite = new ArrayList<>();
    for (ParetoPoint p : points) {
      if (p.isFinite()) {
        finite.add(p);
      }
    }
    // Stable sort: among identical vectors the earliest stays first.
    finite.sort(Comparator.comparingDouble(ParetoPoint::f2).thenComparingDouble(ParetoPoint::f1));
    List<ParetoPoint> front = new ArrayList<>();
    double bestF1 = Double.POSITIVE_INFINITY;
    for (ParetoPoint p : finite) {
      // Sorted by f2, a point survives only if it improves on every f1 seen so far.
      if (p.f1() < bestF1) {
        front.add(p);
        bestF1 = p.f1();
      }
    }
    return front;
  }

  /** A copy sorted by f2 ascending, then f1 ascending (non-finite points last). */
  public static List<ParetoPoint> sortedByF2(Collection<ParetoPoint> points) {
    List<ParetoPoint> sorted = new ArrayList<>(points);
    sorted.sort(
        Comparator.comparing((ParetoPoint p) -> !p.isFinite())
            .thenComparingDouble(ParetoPoint::f2)
            .thenComparingDouble(ParetoPoint::f1));
    return sorted;
  }
}
