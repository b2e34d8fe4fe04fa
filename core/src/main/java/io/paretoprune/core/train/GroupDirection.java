package io.paretoprune.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.function.Supplier;

/**
 * The multi-objective rule applied to one parameter group: the group's objective gradients, the
 * weights its combiner picks from what it asks to see, and the combined direction. Kept apart from
 * the training loop so that how gradients are combined is readable in one place, separate from how
 * the step rule then moves the weights.
 */
final class GroupDirection {
  /**
   * The name under which every step with a Gram matrix records each objective's gradient norm
   * (epochs.csv: {@code gnorm_GROUP_OBJECTIVE_mean}).
   */
  static final String GRADIENT_NORM = "gnorm";

  private GroupDirection() {}

  /** The gradients of the group's objectives, restricted to the group's range. */
  static FlatGradient[] rows(ProblemLayout layout, int gi, FlatGradient[] g) {
    int[] objs = layout.groups.get(gi).objectives();
    ProblemLayout.Range range = layout.groupRanges[gi];
    FlatGradient[] rows = new FlatGradient[objs.length];
    for (int j = 0; j < objs.length; j++) {
      rows[j] = g[objs[j]].restrict(range.from(), range.to(), layout.size());
    }
    return rows;
  }

  /**
   * The weights the group's rule chooses, recorded in {@code records}.
   *
   * @param losses every objective's value on the batch, computed on first use
   */
  static double[] weights(
      ProblemLayout layout,
      int gi,
      FlatGradient[] rows,
      Supplier<double[]> losses,
      long step,
      int epoch,
      List<StepRecord> records) {
    return weights(layout, gi, () -> FlatGradient.gram(rows), losses, step, epoch, records);
  }

  /**
   * As above, with the Gram matrix from {@code gram} (computed only if the rule needs it): a packed
   * trainer computes every run's Gram matrix at once.
   */
  static double[] weights(
      ProblemLayout layout,
      int gi,
      Supplier<double[][]> grams,
      Supplier<double[]> losses,
      long step,
      int epoch,
      List<StepRecord> records) {
    GroupRule rule = layout.groups.get(gi);
    int[] objs = rule.objectives();
    GradientCombiner combiner = rule.combiner();
    double[][] gram = null;
    if (combiner.needsGram()) {
      gram = grams.get();
      if (!GramMatrix.isFinite(gram)) {
        throw new NonFiniteGradientException(
            "gradient of group '" + rule.name() + "' holds NaN or Inf");
      }
    }
    double[] groupLosses = null;
    if (combiner.needsLosses()) {
      double[] all = losses.get();
      groupLosses = new double[objs.length];
      for (int j = 0; j < objs.length; j++) {
        groupLosses[j] = all[objs[j]];
      }
    }
    double[] c = combiner.weights(new CombinerInput(gram, groupLosses, step, epoch));
    if (c == null || c.length != objs.length) {
      throw new IllegalStateException(
          "rule of group '"
              + rule.name()
              + "' returned "
              + (c == null ? "no" : String.valueOf(c.length))
              + " weights for "
              + objs.length
              + " objectives");
    }
    for (double ci : c) {
      if (!Double.isFinite(ci)) {
        throw new NonFiniteGradientException(
            "rule of group '" + rule.name() + "' chose a weight that is NaN or Inf");
      }
    }
    double norm = gram == null ? Double.NaN : GramMatrix.directionNorm(gram, c);
    java.util.Map<String, double[]> reported = new java.util.LinkedHashMap<>();
    if (gram != null) {
      // Every objective's gradient norm, free from the Gram diagonal: with it, epochs.csv shows
      // how a rule's weights follow ||g_i|| (the weight law), whatever the rule reports itself.
      reported.put(GRADIENT_NORM, GramMatrix.norms(gram));
    }
    combiner.recorded().forEach((name, v) -> reported.putIfAbsent(name, v.clone()));
    records.add(new StepRecord(step, epoch, rule.name(), c, norm, reported));
    return c;
  }

  /** {@code sum_j c_j rows_j} over a range of {@code length} values. */
  static NDArray direction(FlatGradient[] rows, double[] c, long length, NDManager manager) {
    NDArray d = null;
    for (int j = 0; j < rows.length; j++) {
      NDArray full = rows[j].full;
      if (full == null || c[j] == 0) {
        continue;
      }
      NDArray scaled = c[j] == 1 ? full : full.mul((float) c[j]);
      d = d == null ? scaled : d.addi(scaled);
    }
    if (d == null) {
      d = manager.zeros(new Shape(length), DataType.FLOAT32);
    }
    for (int j = 0; j < rows.length; j++) {
      if (c[j] == 0) {
        continue;
      }
      for (GradientPart part : rows[j].parts) {
        NDArray v = c[j] == 1 ? part.values() : part.values().mul((float) c[j]);
        d.get(FlatParameters.slice(part.from(), part.to())).addi(v);
      }
    }
    return d;
  }
}
