package io.paretoprune.core.task;

import ai.djl.ndarray.NDManager;

/**
 * One figure a task's runs are measured by, on the training batches of an epoch and on the test
 * split: accuracy, or an error rate.
 */
public interface TaskMetric {
  /** The short name the results' columns carry: {@code train_<name>} and {@code test_<name>}. */
  String name();

  /** How tables and figures label it, e.g. {@code accuracy} or {@code word error rate}. */
  String label();

  /** Whether a larger value is better (accuracy) or a smaller one (an error rate). */
  boolean higherIsBetter();

  /** The least value it can take (confidence intervals are cut to its range). */
  double min();

  /** The largest value it can take; {@code Double.POSITIVE_INFINITY} when unbounded. */
  double max();

  /**
   * A fresh accumulator for {@code runs} runs' batches (1 for a lone run or an evaluation).
   *
   * @param manager owns whatever the accumulator keeps on the engine; closed by the caller
   */
  MetricAccumulator start(NDManager manager, int runs);
}
