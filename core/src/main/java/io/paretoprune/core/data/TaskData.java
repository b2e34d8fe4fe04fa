package io.paretoprune.core.data;

/**
 * A data set's two splits as the trainer takes them, whatever an example is (an image, a sequence
 * of feature frames): features and labels as tensors, with the shape of one example the model is
 * built for and the number of outputs it needs.
 *
 * @param exampleShape one example's shape without the batch axis, three dimensions (an image's
 *     channels, height and width; a sequence's 1, frames and features)
 * @param classes the number of outputs per example (classes, or symbols of a sequence task)
 */
public record TaskData(TensorDataset train, TensorDataset test, int[] exampleShape, int classes)
    implements AutoCloseable {
  public TaskData {
    if (exampleShape.length != 3) {
      throw new IllegalArgumentException(
          "an example's shape needs 3 dimensions, got " + exampleShape.length);
    }
    exampleShape = exampleShape.clone();
  }

  @Override
  public int[] exampleShape() {
    return exampleShape.clone();
  }

  @Override
  public void close() {
    train.close();
    test.close();
  }
}
