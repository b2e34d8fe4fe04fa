package io.paretoprune.experiments.pareto;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Non-dominated filtering, knees and the hypervolume of a two-objective front. */
public final class Fronts {
  private Fronts() {}

  /** The non-dominated points, sorted by f2 ascending (duplicates kept once). */
  public static List<ParetoPoint> nonDominated(List<ParetoPoint> points) {
    List<ParetoPoint> out = new ArrayList<>();
    for (ParetoPoint p : points) {
      boolean dominated = points.stream().anyMatch(q -> q.dominates(p));
      boolean duplicate = out.stream().anyMatch(q -> q.f1() == p.f1() && q.f2() == p.f2());
      if (!dominated && !duplicate) {
        out.add(p);
      }
    }
    out.sort(Comparator.comparingDouble(ParetoPoint::f2).thenComparingDouble(ParetoPoint::f1));
    return out;
  }

  /**
   * The paper's knee: along the front sorted by f2, the largest jump of {@code log(c1/c2)} between
   * neighbours; of that pair the point with the larger ratio (the less penalised one) is the knee.
   * Points with c2 = 0 have no finite ratio and are passed over. Null when fewer than two points
   * have one.
   */
  public static ParetoPoint paperKnee(List<ParetoPoint> front) {
    List<ParetoPoint> finite = front.stream().filter(p -> p.c2() > 0 && p.c1() > 0).toList();
    ParetoPoint best = null;
    double jump = -1;
    for (int i = 0; i + 1 < finite.size(); i++) {
      ParetoPoint a = finite.get(i);
      ParetoPoint b = finite.get(i + 1);
      double d = Math.abs(Math.log(a.c1() / a.c2()) - Math.log(b.c1() / b.c2()));
      if (d > jump) {
        jump = d;
        best = a.c1() / a.c2() >= b.c1() / b.c2() ? a : b;
      }
    }
    return best;
  }

  /**
   * The point farthest from the chord through the two extreme points of the front, in objective
   * space min-max normalised over the front. Null for fewer than three points.
   */
  public static ParetoPoint chordKnee(List<ParetoPoint> front) {
    if (front.size() < 3) {
      return null;
    }
    double minF1 = front.stream().mapToDouble(ParetoPoint::f1).min().orElseThrow();
    double maxF1 = front.stream().mapToDouble(ParetoPoint::f1).max().orElseThrow();
    double minF2 = front.stream().mapToDouble(ParetoPoint::f2).min().orElseThrow();
    double maxF2 = front.stream().mapToDouble(ParetoPoint::f2).max().orElseThrow();
    double s1 = maxF1 > minF1 ? maxF1 - minF1 : 1;
    double s2 = maxF2 > minF2 ? maxF2 - minF2 : 1;
    ParetoPoint a = front.get(0);
    ParetoPoint b = front.get(front.size() - 1);
    double ax = (a.f2() - minF2) / s2;
    double ay = (a.f1() - minF1) / s1;
    double bx = (b.f2() - minF2) / s2;
    double by = (b.f1() - minF1) / s1;
    double len = Math.hypot(bx - ax, by - ay);
    ParetoPoint best = null;
    double far = -1;
    for (ParetoPoint p : front.subList(1, front.size() - 1)) {
      double px = (p.f2() - minF2) / s2;
      double py = (p.f1() - minF1) / s1;
      double d = Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / len;
      if (d > far) {
        far = d;
        best = p;
      }
    }
    return best;
  }

  /**
   * The area dominated by the front and bounded by {@code reference} (f1, f2); points that do not
   * dominate the reference point add nothing.
   */
  public static double hypervolume(List<ParetoPoint> points, double[] reference) {
    List<ParetoPoint> front =
        nonDominated(points).stream()
            .filter(p -> p.f1() < reference[0] && p.f2() < reference[1])
            .toList();
    double area = 0;
    double prevF1 = reference[0];
    for (ParetoPoint p : front) { // f2 ascending, so f1 descending along a front
      area += (reference[1] - p.f2()) * (prevF1 - p.f1());
      prevF1 = p.f1();
    }
    return area;
  }
}
