package io.paretoprune.core.data;

import ai.djl.ndarray.NDArray;

/**
 * A whole split held as two NDArrays: features [n, c, h, w] float32, labels [n] int64. The trainer
 * slices batches from it, so a step costs no copy from the JVM heap.
 */
public record TensorDataset(NDArray features, NDArray labels) implements AutoCloseable {
  public TensorDataset {
    if (features.getShape().get(0) != labels.getShape().get(0)) {
      throw new IllegalArgumentException(
          "features " + features.getShape() + " and labels " + labels.getShape() + " differ in n");
    }
  }

  public long size() {
    return labels.getShape().get(0);
  }

  @Override
  public void close() {
    features.close();
    labels.close();
  }
}
