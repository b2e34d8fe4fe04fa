package io.paretoprune.core.train.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.objective.Penalty;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterKind;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.task.MetricAccumulator;
import io.paretoprune.core.task.TaskMetric;
import io.paretoprune.core.train.result.EpochMetrics;
import io.paretoprune.core.train.result.LayerStats;
import io.paretoprune.core.train.result.TestSplitMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * End-of-epoch figures: test objectives and the task's metrics, penalty values, per-layer sparsity.
 */
final class Evaluator {
  private final Block block;
  private final ParameterStore store;
  private final List<Objective> objectives;

  /** Objectives with a data loss, in order. */
  private final int[] withLoss;

  private final ParameterCatalog catalog;
  private final List<TaskMetric> metrics;
  private final int batchSize;

  record Evaluated(EpochMetrics metrics, boolean finite) {}

  Evaluator(
      Block block,
      ParameterStore store,
      List<Objective> objectives,
      ParameterCatalog catalog,
      List<TaskMetric> metrics,
      int batchSize) {
    this.block = block;
    this.store = store;
    this.objectives = List.copyOf(objectives);
    this.withLoss =
        java.util.stream.IntStream.range(0, objectives.size())
            .filter(i -> objectives.get(i).needsAutograd())
            .toArray();
    this.catalog = catalog;
    this.metrics = metrics;
    this.batchSize = batchSize;
  }

  /**
   * The epoch's figures: training sums, the primary test split and every further one ({@code
   * extraTests}, each evaluated as the primary split is). Only the primary split decides whether
   * the run diverged: the same weights give every split finite figures or none.
   */
  Evaluated finish(
      int epoch,
      EpochAccumulator acc,
      int steps,
      double seconds,
      TensorDataset test,
      Map<String, TensorDataset> extraTests) {
    int k = objectives.size();
    double[] penalties = penaltyValues();
    double[] train = new double[k];
    for (int i = 0; i < k; i++) {
      train[i] = acc.meanLoss(i, steps) + penalties[i];
    }
    double[] testLoss = new double[k];
    Map<String, Double> testMetrics = evaluate(test, testLoss);
    for (int i = 0; i < k; i++) {
      testLoss[i] += penalties[i];
    }
    boolean finite = true;
    for (int i = 0; i < k; i++) {
      finite &= Double.isFinite(train[i]) && Double.isFinite(testLoss[i]);
    }
    Map<String, TestSplitMetrics> extra = new LinkedHashMap<>();
    for (Map.Entry<String, TensorDataset> split : extraTests.entrySet()) {
      // The data losses come from the same forward pass as the metrics: they cost nothing more.
      double[] loss = new double[k];
      Map<String, Double> values = evaluate(split.getValue(), loss);
      for (int i = 0; i < k; i++) {
        loss[i] += penalties[i];
      }
      extra.put(split.getKey(), new TestSplitMetrics(loss, values));
    }
    List<String> names = objectives.stream().map(Objective::name).toList();
    EpochMetrics m =
        new EpochMetrics(
            epoch,
            names,
            train,
            testLoss,
            acc.metrics(),
            testMetrics,
            acc.weightStats(),
            layerStats(),
            steps,
            seconds,
            extra);
    return new Evaluated(m, finite);
  }

  /** Data losses (means over the split) into {@code loss}; returns the task's metrics. */
  Map<String, Double> evaluate(TensorDataset data, double[] loss) {
    long n = data.size();
    double[] sums = new double[loss.length];
    List<MetricAccumulator> accumulators = new ArrayList<>();
    try (NDManager scratch = data.labels().getManager().newSubManager()) {
      for (TaskMetric m : metrics) {
        accumulators.add(m.start(scratch, 1));
      }
      // Sequences go shortest first, so that each batch is cut to little more than its frames;
      // the figures are sums over examples, whatever their order.
      long[] order = data.evaluationOrder();
      for (long from = 0; from < n; from += batchSize) {
        long to = Math.min(n, from + batchSize);
        try (NDScope scope = new NDScope()) {
          scope.suppressNotUsedWarning();
          NDList batch = data.evaluationBatch(order, from, to);
          NDArray x = batch.get(0);
          NDArray y = batch.get(1);
          NDArray outputs = block.forward(store, new NDList(x), false).singletonOrThrow();
          for (MetricAccumulator a : accumulators) {
            a.add(outputs, y, false);
          }
          for (int i : withLoss) {
            float mean = objectives.get(i).loss().orElseThrow().evaluate(outputs, y).getFloat();
            sums[i] += (double) mean * (to - from);
          }
        }
      }
      Map<String, Double> out = new LinkedHashMap<>();
      for (int m = 0; m < metrics.size(); m++) {
        out.put(metrics.get(m).name(), accumulators.get(m).values()[0]);
      }
      for (int i = 0; i < loss.length; i++) {
        loss[i] = sums[i] / n;
      }
      return out;
    }
  }

  double[] penaltyValues() {
    double[] v = new double[objectives.size()];
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      for (int i = 0; i < v.length; i++) {
        for (Penalty pen : objectives.get(i).penalties()) {
          for (ParameterRef p : catalog.select(pen.selector())) {
            v[i] += pen.value(p.array()).getFloat();
          }
        }
      }
    }
    return v;
  }

  private List<LayerStats> layerStats() {
    List<LayerStats> out = new ArrayList<>();
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      for (ParameterRef p : catalog.all()) {
        if (p.kind() == ParameterKind.STATE) {
          continue;
        }
        NDArray a = p.array();
        out.add(
            new LayerStats(
                p.name(),
                p.kind().name(),
                a.size(),
                a.countNonzero().getLong(),
                a.abs().sum().getFloat()));
      }
    }
    return out;
  }
}
