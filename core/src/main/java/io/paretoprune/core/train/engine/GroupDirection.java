package io.paretoprune.core.train.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.paretoprune.core.train.GroupRule;
import io.paretoprune.core.train.result.StepRecord;
import io.paretoprune.core.train.seam.CombinerInput;
import io.paretoprune.core.train.seam.GradientCombiner;
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

  /** The gradients of the group's objectives, restricted to the group's columns. */
  static RunGradient[] rows(ProblemLayout layout, int gi, RunGradient[] g) {
    int[] objs = layout.groups.get(gi).objectives();
    ProblemLayout.Range range = layout.groupRanges[gi];
    RunGradient[] rows = new RunGradient[objs.length];
    for (int j = 0; j < objs.length; j++) {
      rows[j] = g[objs[j]].restrict(range.from(), range.to(), layout.size());
    }
    return rows;
  }

  /**
   * The weights the group's rule chooses for one run, recorded in {@code records}.
   *
   * @param grams the run's Gram matrix of the group's gradients, computed only if the rule needs it
   *     (the step computes every run's at once)
   * @param losses every objective's value on the batch, computed on first use
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

  /**
   * {@code sum_j c_j rows_j} for every run at once, {@code [R, length]}: run r's weights scale its
   * row. A weight of 0 for every run skips that gradient; a lone run's weights are plain scalars.
   *
   * @param c per run, the group's weights (a run that is not stepped has weights of 0)
   */
  static NDArray direction(RunGradient[] rows, double[][] c, long length, NDManager manager) {
    int runs = c.length;
    NDArray[] scale = new NDArray[rows.length];
    float[] scalar = new float[rows.length];
    boolean[] skip = new boolean[rows.length];
    for (int j = 0; j < rows.length; j++) {
      float[] cj = new float[runs];
      boolean zero = true;
      for (int r = 0; r < runs; r++) {
        cj[r] = (float) c[r][j];
        zero &= cj[r] == 0;
      }
      skip[j] = zero;
      if (runs == 1) {
        scalar[j] = cj[0];
      } else if (!zero) {
        scale[j] = manager.create(cj, new Shape(runs, 1));
      }
    }
    NDArray d = null;
    for (int j = 0; j < rows.length; j++) {
      if (rows[j].full == null || skip[j]) {
        continue;
      }
      NDArray scaled = scaled(rows[j].full, scale[j], scalar[j]);
      d = d == null ? scaled : d.addi(scaled);
    }
    if (d == null) {
      d = manager.zeros(new Shape(runs, length), DataType.FLOAT32);
    }
    for (int j = 0; j < rows.length; j++) {
      if (skip[j]) {
        continue;
      }
      for (GradientPart part : rows[j].parts) {
        d.get(RunGradient.columns(part.from(), part.to()))
            .addi(scaled(part.values(), scale[j], scalar[j]));
      }
    }
    return d;
  }

  private static NDArray scaled(NDArray a, NDArray perRun, float scalar) {
    if (perRun != null) {
      return a.mul(perRun);
    }
    return scalar == 1 ? a : a.mul(scalar);
  }
}
