package io.paretoprune.models;

import ai.djl.ndarray.types.Shape;

/** One example's shape (channels, height, width) and the number of classes. */
public record InputSpec(int channels, int height, int width, int classes) {
  public InputSpec {
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "input shape must be positive, got " + channels + "x" + height + "x" + width);
    }
    if (classes < 2) {
      throw new IllegalArgumentException("need at least 2 classes, got " + classes);
    }
  }

  /** MNIST: 1x28x28 grey images, 10 classes. */
  public static InputSpec mnist() {
    return new InputSpec(1, 28, 28, 10);
  }

  /** CIFAR-10: 3x32x32 colour images, 10 classes. */
  public static InputSpec cifar10() {
    return new InputSpec(3, 32, 32, 10);
  }

  /** The batch-of-one shape DJL initialises with. */
  public Shape batchShape() {
    return new Shape(1, channels, height, width);
  }

  /** Values in one example: {@code channels * height * width}. */
  public long features() {
    return (long) channels * height * width;
  }
}
