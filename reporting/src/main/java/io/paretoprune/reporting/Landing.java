package io.paretoprune.reporting;

import io.paretoprune.stats.Descriptives;
import io.paretoprune.stats.MetricSpec;
import io.paretoprune.stats.ParetoFront;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Where each optimizer of a suite lands against a weighted-sum front. Everything is measured in the
 * normalised objective space {@code (x, y) = (dense nonzeros / dense size, minimised metric)}, both
 * minimised: the fraction of dense weights kept, and the primary metric measured from its best end
 * ({@link MetricSpec#minimised}: for accuracy {@code 1 - accuracy}, the error rate; a WER as it
 * is):
 *
 * <ul>
 *   <li><b>hypervolume contribution</b>: HV(front ∪ {mean}) − HV(front), with HV the area dominated
 *       by the points and bounded by the {@link #reference} point (for accuracy (1, 1): every dense
 *       weight kept, accuracy 0); 0 when the front dominates the mean, positive when the mean
 *       pushes the front out.
 *   <li><b>distance to the front</b>: the Euclidean distance from the mean to the polyline through
 *       the front's non-dominated points (ordered by nonzeros), positive when a front point
 *       dominates the mean (the method lands behind the front), negative otherwise.
 *   <li><b>distance to the knee</b>: the Euclidean distance from the mean to the knee (the
 *       retrained knee when the search retrained it, else the search's knee point).
 * </ul>
 *
 * Both distances are reported in percentage points of that space: 1 means one point of the metric
 * (of accuracy, or of WER), or 1% of the dense weights. The geometry is {@link ParetoFront}'s.
 */
final class Landing {
  /** One optimizer's seeds, their means with 95% t intervals, and its place against the front. */
  record Place(
      String label,
      List<double[]> seeds,
      Descriptives metric,
      Descriptives nonzeros,
      double hvContribution,
      double frontDistance,
      double kneeDistance,
      boolean dominated) {}

  private final Front front;
  private final MetricSpec metric;
  private final double scale;
  private final double[] reference;
  private final List<Place> rows;

  Landing(SuiteResults suite, Front front) {
    this.front = front;
    this.metric = front.metric();
    this.scale = scale(suite, front);
    this.reference = reference(metric);
    String column = metric.testColumn();
    List<Place> out = new ArrayList<>();
    for (String label : suite.labels()) {
      List<double[]> seeds = new ArrayList<>();
      for (Row row : suite.summary()) {
        if (row.getString("label").equals(label)
            && row.getString("status").equals("completed")
            && suite.summary().containsColumn("dense_nonzeros")
            && !row.isMissing(column)
            && !row.isMissing("dense_nonzeros")) {
          seeds.add(new double[] {row.getNumber(column), row.getNumber("dense_nonzeros")});
        }
      }
      if (seeds.isEmpty()) {
        continue;
      }
      Descriptives m = metric.cut(Descriptives.of(seeds.stream().mapToDouble(s -> s[0]).toArray()));
      // Nonzeros also have an upper bound here: the front's (or the suite's) dense size.
      Descriptives nz =
          Descriptives.of(seeds.stream().mapToDouble(s -> s[1]).toArray()).within(0, scale);
      double[] mean = {nz.mean() / scale, metric.minimised(m.mean())};
      double[][] f = normalised(front.nonDominated());
      Front.Pt k = kneeTarget();
      out.add(
          new Place(
              label,
              seeds,
              m,
              nz,
              ParetoFront.contribution(f, mean, reference),
              ParetoFront.signedDistance(f, mean),
              k == null
                  ? Double.NaN
                  : Math.hypot(mean[0] - k.nonzeros() / scale, mean[1] - front.minimised(k)),
              ParetoFront.weaklyDominated(f, mean)));
    }
    this.rows = out;
  }

  /**
   * The hypervolume's reference point: every dense weight kept, and the metric's worst value (for
   * accuracy 0, so (1, 1)); a metric without a finite worst value (WER) takes 1 in its units.
   */
  static double[] reference(MetricSpec metric) {
    double worst = metric.minimised(metric.worst());
    return new double[] {1, Double.isFinite(worst) ? worst : 1};
  }

  double[] reference() {
    return reference.clone();
  }

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

  /** Mean metric minus the knee's (in the metric's units; NaN without a knee). */
  double metricMinusKnee(Place p) {
    Front.Pt k = kneeTarget();
    return k == null ? Double.NaN : p.metric().mean() - k.value();
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

  private double[][] normalised(List<Front.Pt> pts) {
    return pts.stream()
        .map(p -> new double[] {p.nonzeros() / scale, front.minimised(p)})
        .toArray(double[][]::new);
  }

  /** The table as Tablesaw columns, in percentage points where the page shows them so. */
  Table table() {
    String m = metric.testColumn();
    Table t =
        Table.create(
            "landing",
            StringColumn.create("label"),
            IntColumn.create("seeds"),
            DoubleColumn.create(m + "_mean"),
            DoubleColumn.create(m + "_ci_low"),
            DoubleColumn.create(m + "_ci_high"),
            DoubleColumn.create("dense_nonzeros_mean"),
            DoubleColumn.create("dense_nonzeros_ci_low"),
            DoubleColumn.create("dense_nonzeros_ci_high"),
            DoubleColumn.create("hv_contribution"),
            DoubleColumn.create("distance_to_front_pp"),
            DoubleColumn.create("distance_to_knee_pp"),
            DoubleColumn.create(metric.name() + "_minus_knee_pp"),
            DoubleColumn.create("dense_sparsity_pct"),
            StringColumn.create("dominated_by_front"));
    for (Place r : rows) {
      t.stringColumn("label").append(r.label());
      t.intColumn("seeds").append(r.seeds().size());
      t.doubleColumn(m + "_mean").append(r.metric().mean());
      t.doubleColumn(m + "_ci_low").append(r.metric().ciLow());
      t.doubleColumn(m + "_ci_high").append(r.metric().ciHigh());
      t.doubleColumn("dense_nonzeros_mean").append(r.nonzeros().mean());
      t.doubleColumn("dense_nonzeros_ci_low").append(r.nonzeros().ciLow());
      t.doubleColumn("dense_nonzeros_ci_high").append(r.nonzeros().ciHigh());
      t.doubleColumn("hv_contribution").append(r.hvContribution());
      t.doubleColumn("distance_to_front_pp").append(100 * r.frontDistance());
      t.doubleColumn("distance_to_knee_pp").append(100 * r.kneeDistance());
      t.doubleColumn(metric.name() + "_minus_knee_pp").append(100 * metricMinusKnee(r));
      t.doubleColumn("dense_sparsity_pct").append(100 * sparsity(r));
      t.stringColumn("dominated_by_front").append(Boolean.toString(r.dominated()));
    }
    return t;
  }

  // The geometry on lists, as the page's tests state it: ParetoFront's, not a copy.

  static double hypervolume(List<double[]> pts, double[] ref) {
    return ParetoFront.hypervolume(pts.toArray(double[][]::new), ref);
  }

  static double contribution(List<double[]> front, double[] p, double[] ref) {
    return ParetoFront.contribution(front.toArray(double[][]::new), p, ref);
  }

  static double signedDistance(List<double[]> front, double[] p) {
    return ParetoFront.signedDistance(front.toArray(double[][]::new), p);
  }
}
