package io.paretoprune.experiments.pareto;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Two rules for the knee of a front: the original code's largest jump in c1/c2, and the largest
 * distance to the chord between the extremes in min-max normalised objective space. Both take a
 * front (its non-dominated points are used, sorted by f2 ascending) and return empty when the rule
 * cannot discriminate.
 */
public final class KneeSelection {
  public static final String PAPER = "paper";
  public static final String CHORD = "chord";

  private KneeSelection() {}

  /**
   * The paper's rule, as its code does it after the search: sort the front by f2 ascending (c2 then
   * falls, so r = c1 / c2 rises); leave out points with c2 = 0 (r infinite); between each point and
   * the next remaining one take the jump |r_next - r|; the knee is the point on the sparse (lower
   * f2) side of the largest jump, which is where the code's {@code argmax(diff) - 1} lands. A
   * point's score is its jump to the next; the last has none (NaN). The code also takes the
   * difference between the last and first ratios (its {@code np.roll} wraps around); on a front
   * whose ratios rise, that wrap-around term is the whole range, always wins, and selects the
   * densest point, so it is treated as an artefact and not reproduced. Ties go to the sparser
   * point. Empty when fewer than two points have c2 &gt; 0.
   */
  public static Optional<Knee> paperRule(List<ParetoPoint> points) {
    List<ParetoPoint> front = ParetoFront.nonDominated(points);
    List<Double> scores = new ArrayList<>();
    int previous = -1;
    int best = -1;
    for (int i = 0; i < front.size(); i++) {
      scores.add(Double.NaN);
      if (front.get(i).c2() <= 0) {
        continue;
      }
      if (previous >= 0) {
        double jump = Math.abs(ratio(front.get(i)) - ratio(front.get(previous)));
        scores.set(previous, jump);
        if (best < 0 || jump > scores.get(best)) {
          best = previous;
        }
      }
      previous = i;
    }
    return best < 0
        ? Optional.empty()
        : Optional.of(new Knee(PAPER, front.get(best), best, scores));
  }

  /**
   * The point farthest from the chord through the two extreme points of the front, after min-max
   * normalising each objective over the front; distances are signed, positive on the side of the
   * ideal point, and the extremes score 0. Empty for fronts of fewer than three points or when no
   * point lies strictly on the ideal side (a front that bulges away has no knee by this rule). Ties
   * go to the sparser point.
   */
  public static Optional<Knee> chordDistance(List<ParetoPoint> points) {
    List<ParetoPoint> front = ParetoFront.nonDominated(points);
    int n = front.size();
    if (n < 3) {
      return Optional.empty();
    }
    // Sorted by f2: the first point has the least f2 and the most f1, the last the reverse.
    double lo1 = front.get(n - 1).f1();
    double hi1 = front.get(0).f1();
    double lo2 = front.get(0).f2();
    double hi2 = front.get(n - 1).f2();
    List<Double> scores = new ArrayList<>();
    int best = -1;
    for (int i = 0; i < n; i++) {
      double x = (front.get(i).f1() - lo1) / (hi1 - lo1);
      double y = (front.get(i).f2() - lo2) / (hi2 - lo2);
      // The extremes normalise to (1, 0) and (0, 1): the chord is x + y = 1.
      double distance = (1 - x - y) / Math.sqrt(2);
      scores.add(distance);
      if (distance > 0 && (best < 0 || distance > scores.get(best))) {
        best = i;
      }
    }
    return best < 0
        ? Optional.empty()
        : Optional.of(new Knee(CHORD, front.get(best), best, scores));
  }

  private static double ratio(ParetoPoint p) {
    return p.c1() / p.c2();
  }
}
