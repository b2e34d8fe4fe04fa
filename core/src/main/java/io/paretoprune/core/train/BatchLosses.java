package io.paretoprune.core.train;

import ai.djl.ndarray.NDArray;
import java.util.function.Supplier;

/**
 * Every objective's value on the current batch, computed only when a combiner asks for it (it costs
 * a copy to the host per value): the data loss of the batch plus the penalties at the current
 * weights.
 */
final class BatchLosses implements Supplier<double[]> {
  private final ProblemLayout layout;
  private final FlatParameters flat;
  private final NDArray[] dataLoss;
  private double[] values;

  BatchLosses(ProblemLayout layout, FlatParameters flat, NDArray[] dataLoss) {
    this.layout = layout;
    this.flat = flat;
    this.dataLoss = dataLoss;
  }

  @Override
  public double[] get() {
    if (values == null) {
      double[] v = new double[layout.objectiveCount()];
      for (int i = 0; i < v.length; i++) {
        if (dataLoss[i] != null) {
          v[i] = dataLoss[i].getFloat();
        }
      }
      for (ProblemLayout.PenaltyRuns pr : layout.penalties) {
        for (ProblemLayout.Range r : pr.runs()) {
          NDArray w = flat.array().get(FlatParameters.slice(r.from(), r.to()));
          v[pr.objective()] += pr.penalty().value(w).getFloat();
        }
      }
      values = v;
    }
    return values.clone();
  }
}
