package io.paretoprune.reporting;

import io.paretoprune.stats.Descriptives;
import io.paretoprune.stats.MetricRanges;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Where each optimizer of a suite lands against a weighted-sum front. Everything is measured in the
 * normalised objective space {@code (x, y) = (dense nonzeros / dense size, 1 - test accuracy)},
 * both minimised and both in [0, 1] (the fraction of dense weights kept, the error rate):
 *
 * <ul>
 *   <li><b>hypervolume contribution</b>: HV(front ∪ {mean}) − HV(front), with HV the area dominated
 *       by the points and bounded by the reference point (1, 1) (every dense weight kept, accuracy
 *       0); 0 when the front dominates the mean, positive when the mean pushes the front out.
 *   <li><b>distance to the front</b>: the Euclidean distance from the mean to the polyline through
 *       the front's non-dominated points (ordered by nonzeros), positive when a front point
 *       dominates the mean (the method lands behind the front), negative otherwise.
 *   <li><b>distance to the knee</b>: the Euclidean distance from the mean to the knee (the
 *       retrained knee when the search retrained it, else the search's knee point).
 * </ul>
 *
 * Both distances are reported in percentage points of that space: 1 means one point of accuracy, or
 * 1% of the dense weights.
 */
final class Landing {
  /** One optimizer's seeds, their means with 95% t intervals, and its place against the front. */
  record Place(
      String label,
      List<double[]> seeds,
      Descriptives accuracy,
      Descriptives nonzeros,
      double hvContribution,
      double frontDistance,
      double kneeDistance,
      boolean dominated) {}

  private final Front front;
  private final double scale;
  private final List<Place> rows;

  Landing(SuiteResults suite, Front front) {
    this.front = front;
    this.scale = scale(suite, front);
    List<Place> out = new ArrayList<>();
    for (String label : suite.labels()) {
      List<double[]> seeds = new ArrayList<>();
      for (Row row : suite.summary()) {
        if (row.getString("label").equals(label)
            && row.getString("status").equals("completed")
            && suite.summary().containsColumn("dense_nonzeros")
            && !row.isMissing("test_accuracy")
            && !row.isMissing("dense_nonzeros")) {
          seeds.add(new double[] {row.getNumber("test_accuracy"), row.getNumber("dense_nonzeros")});
        }
      }
      if (seeds.isEmpty()) {
        continue;
      }
      Descriptives acc =
          MetricRanges.cut(
              "test_accuracy", Descriptives.of(seeds.stream().mapToDouble(s -> s[0]).toArray()));
      // Nonzeros also have an upper bound here: the front's (or the suite's) dense size.
      Descriptives nz =
          Descriptives.of(seeds.stream().mapToDouble(s -> s[1]).toArray()).within(0, scale);
      double[] mean = {nz.mean() / scale, 1 - acc.mean()};
      List<double[]> f = normalised(front.nonDominated());
      Front.Pt k = kneeTarget();
      out.add(
          new Place(
              label,
              seeds,
              acc,
              nz,
              contribution(f, mean, REFERENCE),
              signedDistance(f, mean),
              k == null
                  ? Double.NaN
                  : Math.hypot(mean[0] - k.nonzeros() / scale, mean[1] - k.error()),
              dominated(f, mean)));
    }
    this.rows = out;
  }

  static final double[] REFERENCE = {1, 1};

  Front front() {
    return front;
  }

  List<Place> rows() {
    return rows;
  }

  /** The nonzeros that make x: the dense size of the front or the suite, else the largest seen. */
  double scale() {
    return scale;
  }

  /** Mean accuracy minus the knee's (a fraction; NaN without a knee). */
  double accuracyMinusKnee(Place p) {
    Front.Pt k = kneeTarget();
    return k == null ? Double.NaN : p.accuracy().mean() - k.accuracy();
  }

  /** The mean fraction of dense weights pruned: 1 - mean nonzeros / the scale. */
  double sparsity(Place p) {
    return 1 - p.nonzeros().mean() / scale;
  }

  /** The knee the distances are measured to: the retrained one when there is one. */
  Front.Pt kneeTarget() {
    return front.retrainedKnee() != null ? front.retrainedKnee() : front.knee();
  }

  private static double scale(SuiteResults suite, Front front) {
    if (Double.isFinite(front.denseSize()) && front.denseSize() > 0) {
      return front.denseSize();
    }
    if (suite.summary().containsColumn("dense_size")) {
      double max = suite.summary().numberColumn("dense_size").max();
      if (Double.isFinite(max) && max > 0) {
        return max;
      }
    }
    double max = front.scale();
    if (suite.summary().containsColumn("dense_nonzeros")) {
      max = Math.max(max, suite.summary().numberColumn("dense_nonzeros").max());
    }
    return max;
  }

  private List<double[]> normalised(List<Front.Pt> pts) {
    return pts.stream().map(p -> new double[] {p.nonzeros() / scale, p.error()}).toList();
  }

  /** The table as Tablesaw columns, in percentage points where the page shows them so. */
  Table table() {
    Table t =
        Table.create(
            "landing",
            StringColumn.create("label"),
            IntColumn.create("seeds"),
            DoubleColumn.create("test_accuracy_mean"),
            DoubleColumn.create("test_accuracy_ci_low"),
            DoubleColumn.create("test_accuracy_ci_high"),
            DoubleColumn.create("dense_nonzeros_mean"),
            DoubleColumn.create("dense_nonzeros_ci_low"),
            DoubleColumn.create("dense_nonzeros_ci_high"),
            DoubleColumn.create("hv_contribution"),
            DoubleColumn.create("distance_to_front_pp"),
            DoubleColumn.create("distance_to_knee_pp"),
            DoubleColumn.create("accuracy_minus_knee_pp"),
            DoubleColumn.create("dense_sparsity_pct"),
            StringColumn.create("dominated_by_front"));
    for (Place r : rows) {
      t.stringColumn("label").append(r.label());
      t.intColumn("seeds").append(r.seeds().size());
      t.doubleColumn("test_accuracy_mean").append(r.accuracy().mean());
      t.doubleColumn("test_accuracy_ci_low").append(r.accuracy().ciLow());
      t.doubleColumn("test_accuracy_ci_high").append(r.accuracy().ciHigh());
      t.doubleColumn("dense_nonzeros_mean").append(r.nonzeros().mean());
      t.doubleColumn("dense_nonzeros_ci_low").append(r.nonzeros().ciLow());
      t.doubleColumn("dense_nonzeros_ci_high").append(r.nonzeros().ciHigh());
      t.doubleColumn("hv_contribution").append(r.hvContribution());
      t.doubleColumn("distance_to_front_pp").append(100 * r.frontDistance());
      t.doubleColumn("distance_to_knee_pp").append(100 * r.kneeDistance());
      t.doubleColumn("accuracy_minus_knee_pp").append(100 * accuracyMinusKnee(r));
      t.doubleColumn("dense_sparsity_pct").append(100 * sparsity(r));
      t.stringColumn("dominated_by_front").append(Boolean.toString(r.dominated()));
    }
    return t;
  }

  /**
   * The area dominated by {@code pts} (minimised in both coordinates) within the box below {@code
   * ref}; points not better than the reference in both add nothing.
   */
  static double hypervolume(List<double[]> pts, double[] ref) {
    List<double[]> in =
        new ArrayList<>(pts.stream().filter(p -> p[0] < ref[0] && p[1] < ref[1]).toList());
    in.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
    double area = 0;
    double bestY = ref[1];
    for (int i = 0; i < in.size(); i++) {
      double[] p = in.get(i);
      if (p[1] >= bestY) {
        continue; // dominated by a point to its left
      }
      double nextX = ref[0];
      for (int j = i + 1; j < in.size(); j++) {
        if (in.get(j)[1] < p[1]) {
          nextX = in.get(j)[0];
          break;
        }
      }
      area += (nextX - p[0]) * (ref[1] - p[1]);
      bestY = p[1];
    }
    return area;
  }

  /** HV(front ∪ {p}) − HV(front). */
  static double contribution(List<double[]> front, double[] p, double[] ref) {
    List<double[]> with = new ArrayList<>(front);
    with.add(p);
    return hypervolume(with, ref) - hypervolume(front, ref);
  }

  /** True when a front point is at least as good as {@code p} in both coordinates. */
  static boolean dominated(List<double[]> front, double[] p) {
    return front.stream().anyMatch(q -> q[0] <= p[0] && q[1] <= p[1]);
  }

  /**
   * Distance from {@code p} to the polyline through {@code front} (in the given order), positive
   * when a front point dominates {@code p}, negative otherwise.
   */
  static double signedDistance(List<double[]> front, double[] p) {
    double d = Double.POSITIVE_INFINITY;
    if (front.size() == 1) {
      d = Math.hypot(p[0] - front.get(0)[0], p[1] - front.get(0)[1]);
    }
    for (int i = 0; i + 1 < front.size(); i++) {
      d = Math.min(d, segment(front.get(i), front.get(i + 1), p));
    }
    return dominated(front, p) ? d : -d;
  }

  private static double segment(double[] a, double[] b, double[] p) {
    double dx = b[0] - a[0];
    double dy = b[1] - a[1];
    double len2 = dx * dx + dy * dy;
    double t = len2 == 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
    t = Math.max(0, Math.min(1, t));
    return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
  }

  /**
   * The front point farthest from the chord through its two extremes, in the space min-max
   * normalised over the front (as the search's chord rule); null for fewer than three points.
   */
  static Front.Pt chordKnee(List<Front.Pt> front) {
    if (front.size() < 3) {
      return null;
    }
    double minX = front.stream().mapToDouble(Front.Pt::nonzeros).min().orElseThrow();
    double maxX = front.stream().mapToDouble(Front.Pt::nonzeros).max().orElseThrow();
    double minY = front.stream().mapToDouble(Front.Pt::error).min().orElseThrow();
    double maxY = front.stream().mapToDouble(Front.Pt::error).max().orElseThrow();
    double sx = maxX > minX ? maxX - minX : 1;
    double sy = maxY > minY ? maxY - minY : 1;
    Front.Pt a = front.get(0);
    Front.Pt b = front.get(front.size() - 1);
    double ax = (a.nonzeros() - minX) / sx;
    double ay = (a.error() - minY) / sy;
    double bx = (b.nonzeros() - minX) / sx;
    double by = (b.error() - minY) / sy;
    double len = Math.hypot(bx - ax, by - ay);
    Front.Pt best = null;
    double far = -1;
    for (Front.Pt p : front.subList(1, front.size() - 1)) {
      double px = (p.nonzeros() - minX) / sx;
      double py = (p.error() - minY) / sy;
      double d = Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / len;
      if (d > far) {
        far = d;
        best = p;
      }
    }
    return best;
  }
}
