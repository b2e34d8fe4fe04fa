package io.paretoprune.core.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** How pixel bytes become network inputs. */
public enum Normalization {
  /** x / 255, in [0, 1] (the paper's MNIST setting). */
  UNIT_SCALE,
  /** (x - mean) / sd per channel, with the training split's statistics (the paper's CIFAR). */
  ZSCORE;

  /**
   * Converts a training and a test split; z-scoring uses the training split's statistics for both.
   */
  public TensorDataset[] apply(NDManager manager, LabeledImages train, LabeledImages test) {
    NDArray trainX = toFloat(manager, train);
    NDArray testX = toFloat(manager, test);
    if (this == ZSCORE) {
      NDArray mean = trainX.mean(new int[] {0, 2, 3}, true);
      NDArray sd = trainX.sub(mean).square().mean(new int[] {0, 2, 3}, true).sqrt();
      trainX.subi(mean).divi(sd);
      testX.subi(mean).divi(sd);
      mean.close();
      sd.close();
    }
    return new TensorDataset[] {
      new TensorDataset(trainX, labels(manager, train)),
      new TensorDataset(testX, labels(manager, test))
    };
  }

  private static NDArray toFloat(NDManager manager, LabeledImages images) {
    Shape shape = new Shape(images.count(), images.channels(), images.height(), images.width());
    try (NDArray bytes =
        manager.create(java.nio.ByteBuffer.wrap(images.pixels()), shape, DataType.UINT8)) {
      return bytes.toType(DataType.FLOAT32, false).divi(255f);
    }
  }

  private static NDArray labels(NDManager manager, LabeledImages images) {
    try (NDArray bytes =
        manager.create(
            java.nio.ByteBuffer.wrap(images.labels()), new Shape(images.count()), DataType.UINT8)) {
      return bytes.toType(DataType.INT64, false);
    }
  }
}
