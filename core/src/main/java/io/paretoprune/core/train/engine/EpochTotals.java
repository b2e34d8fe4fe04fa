package io.paretoprune.core.train.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.paretoprune.core.task.MetricAccumulator;
import io.paretoprune.core.task.TaskMetric;
import java.util.ArrayList;
import java.util.List;

/**
 * The R runs' running sums over one epoch (data losses, the task's metrics), kept on the engine as
 * {@code [R]} arrays where they can be and read once at the epoch's end, so the step loop makes no
 * host copy for them; then handed to each run's {@link EpochAccumulator}.
 */
final class EpochTotals implements AutoCloseable {
  private final NDArray[] lossSums;
  private final List<TaskMetric> metrics;
  private final List<MetricAccumulator> accumulators = new ArrayList<>();
  private final int runs;

  EpochTotals(NDManager manager, ProblemLayout layout, List<TaskMetric> metrics, int runs) {
    this.runs = runs;
    this.metrics = metrics;
    lossSums = new NDArray[layout.objectiveCount()];
    for (int i : layout.autograd) {
      lossSums[i] = manager.zeros(new Shape(runs), DataType.FLOAT32);
    }
    for (TaskMetric m : metrics) {
      accumulators.add(m.start(manager, runs));
    }
  }

  /** Adds a batch's losses: {@code [R]}, or a scalar for a lone run. */
  void addLoss(int objective, NDArray perRun) {
    lossSums[objective].addi(perRun);
  }

  /**
   * Adds a batch to the task's metrics.
   *
   * @param stacked whether outputs {@code [R, B, ...]} and labels {@code [R, B, ...]} carry a run
   *     axis (else {@code [B, ...]}, one run)
   */
  void addMetrics(NDArray outputs, NDArray labels, boolean stacked) {
    for (MetricAccumulator a : accumulators) {
      a.add(outputs, labels, stacked);
    }
  }

  /** Hands every active run its totals. */
  void finish(List<RunState> states) {
    for (int i = 0; i < lossSums.length; i++) {
      if (lossSums[i] == null) {
        continue;
      }
      float[] sums = lossSums[i].toFloatArray();
      for (int r = 0; r < runs; r++) {
        if (states.get(r).active()) {
          states.get(r).acc.addLossTotal(i, sums[r]);
        }
      }
    }
    for (int m = 0; m < metrics.size(); m++) {
      double[] values = accumulators.get(m).values();
      for (int r = 0; r < runs; r++) {
        if (states.get(r).active()) {
          states.get(r).acc.setMetric(metrics.get(m).name(), values[r]);
        }
      }
    }
  }

  @Override
  public void close() {
    for (NDArray a : lossSums) {
      if (a != null) {
        a.close();
      }
    }
    accumulators.forEach(MetricAccumulator::close);
  }
}
