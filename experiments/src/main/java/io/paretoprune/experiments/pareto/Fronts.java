package io.paretoprune.experiments.pareto;

import io.paretoprune.stats.ParetoFront;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The search's points on {@link ParetoFront}, the one copy of the front math: a point is placed at
 * (x, y) = (f2, f1), both minimised, so fronts run by f2 ascending.
 */
public final class Fronts {
  private Fronts() {}

  private static double[][] xy(List<ParetoPoint> points) {
    return points.stream().map(p -> new double[] {p.f2(), p.f1()}).toArray(double[][]::new);
  }

  /**
   * The non-dominated points, sorted by f2 ascending (duplicates kept once); a point with a NaN
   * objective is never among them. A new list the caller may change.
   */
  public static List<ParetoPoint> nonDominated(List<ParetoPoint> points) {
    List<ParetoPoint> out = new ArrayList<>();
    Arrays.stream(ParetoFront.nonDominated(xy(points))).forEach(i -> out.add(points.get(i)));
    return out;
  }

  /**
   * The paper's knee ({@link ParetoFront#paperKnee}) of a front sorted by f2: the less penalised
   * end of the largest jump of {@code log(c1/c2)} between neighbours. Null when fewer than two
   * points have a finite ratio.
   */
  public static ParetoPoint paperKnee(List<ParetoPoint> front) {
    int k =
        ParetoFront.paperKnee(
            front.stream().mapToDouble(ParetoPoint::c1).toArray(),
            front.stream().mapToDouble(ParetoPoint::c2).toArray());
    return k < 0 ? null : front.get(k);
  }

  /**
   * The point of a front sorted by f2 farthest from the chord through its two extreme points, in
   * objective space min-max normalised over the front ({@link ParetoFront#chordKnee}). Null for
   * fewer than three points.
   */
  public static ParetoPoint chordKnee(List<ParetoPoint> front) {
    int k = ParetoFront.chordKnee(xy(front));
    return k < 0 ? null : front.get(k);
  }

  /**
   * The area dominated by the points and bounded by {@code reference} (f1, f2); points that do not
   * dominate the reference point add nothing.
   */
  public static double hypervolume(List<ParetoPoint> points, double[] reference) {
    return ParetoFront.hypervolume(xy(points), new double[] {reference[1], reference[0]});
  }
}
