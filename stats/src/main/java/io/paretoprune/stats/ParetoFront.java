package io.paretoprune.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The math of a two-objective front over plain arrays, the one copy the Pareto search and the
 * report share. Convention: a point is {@code {x, y}} and <b>both coordinates are minimised</b>; a
 * caller with a maximised metric passes its distance from the best value (for accuracy {@code 1 -
 * accuracy}, see {@link MetricSpec#minimised}). A point with a NaN coordinate compares with nothing
 * and is never on the front.
 *
 * <p>Hand-written because the libraries the project uses (Commons Math, Commons Statistics,
 * Tablesaw) have no Pareto front, and in two dimensions each of these is a few lines.
 */
public final class ParetoFront {
  private ParetoFront() {}

  /** True when {@code a} is at least as good as {@code b} in both coordinates and better in one. */
  public static boolean dominates(double[] a, double[] b) {
    return a[0] <= b[0] && a[1] <= b[1] && (a[0] < b[0] || a[1] < b[1]);
  }

  /** True when {@code a} is at least as good as {@code b} in both coordinates. */
  public static boolean weaklyDominates(double[] a, double[] b) {
    return a[0] <= b[0] && a[1] <= b[1];
  }

  /**
   * The indices of the non-dominated points, by x ascending (then y), a point given twice kept once
   * (its first index). Along the result x rises and y falls strictly.
   */
  public static int[] nonDominated(double[][] points) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < points.length; i++) {
      double[] p = points[i];
      if (Double.isNaN(p[0]) || Double.isNaN(p[1])) {
        continue;
      }
      boolean dominated = false;
      for (double[] q : points) {
        if (dominates(q, p)) {
          dominated = true;
          break;
        }
      }
      boolean duplicate = out.stream().anyMatch(j -> points[j][0] == p[0] && points[j][1] == p[1]);
      if (!dominated && !duplicate) {
        out.add(i);
      }
    }
    out.sort(
        Comparator.<Integer>comparingDouble(i -> points[i][0])
            .thenComparingDouble(i -> points[i][1]));
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The non-dominated points themselves, in the order of {@link #nonDominated}. */
  public static double[][] front(double[][] points) {
    return Arrays.stream(nonDominated(points)).mapToObj(i -> points[i]).toArray(double[][]::new);
  }

  /**
   * The area of the union of the boxes {@code [p, reference]}: the region the points dominate,
   * bounded by {@code reference}. Points not strictly better than the reference in both coordinates
   * add nothing. A sweep along x over the non-dominated points: each one owns the slab from its x
   * to the next front point's, at height {@code reference[1] - y}.
   */
  public static double hypervolume(double[][] points, double[] reference) {
    double[][] inside =
        Arrays.stream(points)
            .filter(p -> p[0] < reference[0] && p[1] < reference[1])
            .toArray(double[][]::new);
    double[][] front = front(inside);
    double area = 0;
    for (int i = 0; i < front.length; i++) {
      double nextX = i + 1 < front.length ? front[i + 1][0] : reference[0];
      area += (nextX - front[i][0]) * (reference[1] - front[i][1]);
    }
    return area;
  }

  /** How much {@code p} adds to the front's hypervolume: HV(front ∪ {p}) − HV(front), 0 or more. */
  public static double contribution(double[][] front, double[] p, double[] reference) {
    double[][] with = Arrays.copyOf(front, front.length + 1);
    with[front.length] = p;
    return hypervolume(with, reference) - hypervolume(front, reference);
  }

  /** True when a point of {@code front} is at least as good as {@code p} in both coordinates. */
  public static boolean weaklyDominated(double[][] front, double[] p) {
    return Arrays.stream(front).anyMatch(q -> weaklyDominates(q, p));
  }

  /**
   * The Euclidean distance from {@code p} to the polyline through {@code front} (in the given
   * order), positive when a point of the front is at least as good as {@code p} in both coordinates
   * (p lies behind the front), negative otherwise; NaN for an empty front.
   */
  public static double signedDistance(double[][] front, double[] p) {
    if (front.length == 0) {
      return Double.NaN;
    }
    double d = Math.hypot(p[0] - front[0][0], p[1] - front[0][1]);
    for (int i = 0; i + 1 < front.length; i++) {
      d = Math.min(d, segmentDistance(front[i], front[i + 1], p));
    }
    return weaklyDominated(front, p) ? d : -d;
  }

  private static double segmentDistance(double[] a, double[] b, double[] p) {
    double dx = b[0] - a[0];
    double dy = b[1] - a[1];
    double len2 = dx * dx + dy * dy;
    double t = len2 == 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
    t = Math.max(0, Math.min(1, t));
    return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
  }

  /**
   * The chord knee: the index of the inner point of {@code front} (in its order, as {@link
   * #nonDominated} gives it) farthest from the chord through its first and last points, in the
   * space min-max normalised over the front (so both objectives weigh alike whatever their units);
   * the first such point on a tie. -1 for fewer than three points.
   */
  public static int chordKnee(double[][] front) {
    if (front.length < 3) {
      return -1;
    }
    double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (double[] p : front) {
      for (int k = 0; k < 2; k++) {
        lo[k] = Math.min(lo[k], p[k]);
        hi[k] = Math.max(hi[k], p[k]);
      }
    }
    double sx = hi[0] > lo[0] ? hi[0] - lo[0] : 1;
    double sy = hi[1] > lo[1] ? hi[1] - lo[1] : 1;
    double[] a = {(front[0][0] - lo[0]) / sx, (front[0][1] - lo[1]) / sy};
    double[] b = {
      (front[front.length - 1][0] - lo[0]) / sx, (front[front.length - 1][1] - lo[1]) / sy
    };
    double len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    int best = -1;
    double far = -1;
    for (int i = 1; i + 1 < front.length; i++) {
      double px = (front[i][0] - lo[0]) / sx;
      double py = (front[i][1] - lo[1]) / sy;
      double d = Math.abs((b[0] - a[0]) * (a[1] - py) - (a[0] - px) * (b[1] - a[1])) / len;
      if (d > far) {
        far = d;
        best = i;
      }
    }
    return best;
  }

  /**
   * The paper's knee (method.md): along the front, the largest jump of {@code log(c1/c2)} between
   * neighbours; of that pair the point with the larger ratio (the less penalised one). {@code c1}
   * and {@code c2} are the weightings of the front's points in the front's order; points whose
   * ratio is not finite and positive (c2 = 0) are passed over. -1 when fewer than two have one.
   */
  public static int paperKnee(double[] c1, double[] c2) {
    List<Integer> finite = new ArrayList<>();
    for (int i = 0; i < c1.length; i++) {
      if (c1[i] > 0 && c2[i] > 0) {
        finite.add(i);
      }
    }
    int best = -1;
    double jump = -1;
    for (int k = 0; k + 1 < finite.size(); k++) {
      int a = finite.get(k);
      int b = finite.get(k + 1);
      double ra = c1[a] / c2[a];
      double rb = c1[b] / c2[b];
      double d = Math.abs(Math.log(ra) - Math.log(rb));
      if (d > jump) {
        jump = d;
        best = ra >= rb ? a : b;
      }
    }
    return best;
  }
}
