package io.paretoprune.core.data;

/** {@code mnist}: the paper's data set. */
public final class MnistDataset extends IdxDataset {
  public MnistDataset() {
    super(
        "mnist",
        "MNIST (60k/10k, 1x28x28, 10 classes), the paper's",
        "./paretoprune fetch-data --only mnist");
  }
}
