package io.paretoprune.core.data;

/** {@code fashion-mnist}: MNIST's shape with clothing instead of digits. */
public final class FashionMnistDataset extends IdxDataset {
  public FashionMnistDataset() {
    super(
        "fashion-mnist",
        "Fashion-MNIST (60k/10k, 1x28x28, 10 classes)",
        "./paretoprune fetch-data --only fashion-mnist");
  }
}
