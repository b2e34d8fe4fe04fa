package io.paretoprune.models;

import ai.djl.ndarray.types.Shape;

/** One example's shape (channels, height, width) and the number of classes. */
public record InputSpec(int channels, int height, int width, int classes) {
  /** The batch-of-one shape DJL initialises with. */
  public Shape batchShape() {
    return new Shape(1, channels, height, width);
  }
}
