package io.paretoprune.core.train.engine;

import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.task.TaskMetric;
import io.paretoprune.core.train.result.TestSplitMetrics;
import java.util.List;
import java.util.Map;

/**
 * One test split's figures for a network outside training (a saved run's model, reloaded), by the
 * trainer's own end-of-epoch evaluation: the same batches, inference-mode forward passes, sums and
 * penalty values. On the weights a run ended with, it gives what that run recorded at its last
 * epoch for the same split.
 */
public final class TestEvaluation {
  private TestEvaluation() {}

  /**
   * @param objectives the run's objectives: their data losses on the split plus their penalties
   * @param metrics the task's metrics, primary first
   */
  public static TestSplitMetrics evaluate(
      Block block,
      ParameterCatalog catalog,
      List<Objective> objectives,
      List<TaskMetric> metrics,
      int evalBatchSize,
      TensorDataset split) {
    ParameterStore store = new ParameterStore(split.labels().getManager(), false);
    Evaluator evaluator = new Evaluator(block, store, objectives, catalog, metrics, evalBatchSize);
    double[] values = new double[objectives.size()];
    Map<String, Double> figures = evaluator.evaluate(split, values);
    double[] penalties = evaluator.penaltyValues();
    for (int i = 0; i < values.length; i++) {
      values[i] += penalties[i];
    }
    return new TestSplitMetrics(values, figures);
  }
}
