package io.paretoprune.example;

import io.paretoprune.core.data.IdxDataset;

/**
 * A data set plug-in that poses another task: MNIST-layout IDX files (in {@code mnist-error/} below
 * the data root, or the suite's {@code dataset.dir}) measured by {@link MisclassificationTask}.
 */
public final class DigitsByErrorDataset extends IdxDataset {
  public DigitsByErrorDataset() {
    super(
        "mnist-error",
        "MNIST-layout digits measured by their error rate (the misclassification task)",
        "copy MNIST's IDX files into data/mnist-error");
  }

  @Override
  public String task() {
    return "misclassification";
  }
}
