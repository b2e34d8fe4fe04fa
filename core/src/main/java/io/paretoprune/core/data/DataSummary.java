package io.paretoprune.core.data;

import java.nio.file.Path;

/**
 * What a data set's check in full found, before any run starts: how many examples each split holds
 * (after the suite's limits), one example's shape and the number of outputs, and which files a
 * fault is reported against.
 *
 * @param exampleShape as {@link TaskData#exampleShape}
 */
public record DataSummary(
    long trainCount,
    long testCount,
    int[] exampleShape,
    int classes,
    Path trainSource,
    Path testSource) {
  public DataSummary {
    exampleShape = exampleShape.clone();
  }

  @Override
  public int[] exampleShape() {
    return exampleShape.clone();
  }

  /** The shape as the messages write it, e.g. {@code 1x28x28}. */
  public String shapeText() {
    return exampleShape[0] + "x" + exampleShape[1] + "x" + exampleShape[2];
  }
}
