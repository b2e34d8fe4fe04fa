package io.paretoprune.core.task;

import ai.djl.ndarray.NDArray;

/** Sums of one metric over batches, per run, read once when they are complete. */
public interface MetricAccumulator extends AutoCloseable {
  /**
   * Adds one batch.
   *
   * @param outputs the network's outputs: {@code [R, B, ...]} when {@code stacked}, else {@code [B,
   *     ...]} (one run)
   * @param labels the batch's labels, with the same leading axes
   */
  void add(NDArray outputs, NDArray labels, boolean stacked);

  /** The metric of every run over the batches added, NaN for a run that saw none. */
  double[] values();

  @Override
  void close();
}
