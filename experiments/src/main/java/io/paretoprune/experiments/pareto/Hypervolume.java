package io.paretoprune.experiments.pareto;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Hypervolume (area, for two objectives) dominated by a set of points and bounded by a reference
 * point, both objectives minimised. As in pymoo, points that do not strictly dominate the reference
 * point are ignored, and so are dominated and non-finite points. Written by hand: the 2-D case is a
 * sort and a sum of rectangles, and none of the project's libraries offers it.
 */
public final class Hypervolume {
  private Hypervolume() {}

  /** The area between the non-dominated points of {@code points} and {@code reference}. */
  public static double of(Collection<ParetoPoint> points, ReferencePoint reference) {
    List<ParetoPoint> inside = new ArrayList<>();
    for (ParetoPoint p : points) {
      if (p.isFinite() && p.f1() < reference.f1() && p.f2() < reference.f2()) {
        inside.add(p);
      }
    }
    // Sorted by f2 ascending with f1 descending: point i owns the strip from its f2 to the next
    // point's f2, of width reference.f1 - f1.
    List<ParetoPoint> front = ParetoFront.nonDominated(inside);
    double area = 0;
    for (int i = 0; i < front.size(); i++) {
      double top = i + 1 < front.size() ? front.get(i + 1).f2() : reference.f2();
      area += (top - front.get(i).f2()) * (reference.f1() - front.get(i).f1());
    }
    return area;
  }
}
