package io.paretoprune.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * The multi-objective rule applied to one parameter group: the Gram matrix of the group's objective
 * gradients, the weights its combiner picks, and the combined direction. Kept apart from the
 * training loop so that how gradients are combined is readable in one place, separate from how the
 * step rule then moves the weights.
 */
final class GroupDirection {
  private GroupDirection() {}

  /**
   * The group's direction {@code sum_j c_j g_j} over its range of the flat array, with the weights
   * its rule chose recorded in {@code records}.
   */
  static NDArray combine(
      ProblemLayout layout,
      int gi,
      FlatGradient[] g,
      long step,
      int epoch,
      List<StepRecord> records,
      NDManager manager) {
    GroupRule rule = layout.groups.get(gi);
    int[] objs = rule.objectives();
    ProblemLayout.Range range = layout.groupRanges[gi];
    FlatGradient[] rows = new FlatGradient[objs.length];
    for (int j = 0; j < objs.length; j++) {
      rows[j] = g[objs[j]].restrict(range.from(), range.to(), layout.size());
    }
    double[][] gram = null;
    if (rule.combiner().needsGram()) {
      gram = FlatGradient.gram(rows);
      if (!GramMatrix.isFinite(gram)) {
        throw new NonFiniteGradientException(
            "gradient of group '" + rule.name() + "' holds NaN or Inf");
      }
    }
    double[] c = rule.combiner().weights(gram);
    if (c.length != objs.length) {
      throw new IllegalStateException(
          "rule of group '"
              + rule.name()
              + "' returned "
              + c.length
              + " weights for "
              + objs.length
              + " objectives");
    }
    double norm = gram == null ? Double.NaN : GramMatrix.directionNorm(gram, c);
    records.add(new StepRecord(step, epoch, rule.name(), c, norm));
    NDArray d = null;
    for (int j = 0; j < objs.length; j++) {
      NDArray full = rows[j].full;
      if (full == null || c[j] == 0) {
        continue;
      }
      NDArray scaled = c[j] == 1 ? full : full.mul((float) c[j]);
      d = d == null ? scaled : d.addi(scaled);
    }
    if (d == null) {
      d = manager.zeros(new Shape(range.length()), DataType.FLOAT32);
    }
    for (int j = 0; j < objs.length; j++) {
      if (c[j] == 0) {
        continue;
      }
      for (FlatGradient.Part part : rows[j].parts) {
        NDArray v = c[j] == 1 ? part.values() : part.values().mul((float) c[j]);
        d.get(FlatParameters.slice(part.from(), part.to())).addi(v);
      }
    }
    return d;
  }
}
