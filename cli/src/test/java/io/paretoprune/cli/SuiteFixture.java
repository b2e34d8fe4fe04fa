package io.paretoprune.cli;

import io.paretoprune.core.testing.IdxFiles;
import io.paretoprune.core.testing.SyntheticData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small suite over MNIST-format files the test writes itself. */
final class SuiteFixture {
  private SuiteFixture() {}

  /** Writes synthetic MNIST-layout data under {@code root/data/mnist} and a suite file. */
  static Path write(Path root, String name, String seeds, int epochs, String extra)
      throws IOException {
    IdxFiles.writeMnistLayout(
        root.resolve("data").resolve("mnist"),
        SyntheticData.squares(640, 10, 28, 1),
        SyntheticData.squares(200, 10, 28, 2));
    String yaml =
        """
        name: %s
        dataset: {name: mnist}
        model: {name: lenet5}
        objectives:
          - {name: f1, loss: cross_entropy, l2: {on: conv.kernel, factor: 1.0e-4}}
          - {name: f2, l1: {on: dense.kernel}}
        optimizers:
          - {label: SMGD, name: smgd, settings: {lr: 0.01}}
          - {label: SGD+L1, name: weighted, settings: {weights: [1.0, 3.0e-4], step: sgd, lr: 0.01}}
        pruning: {name: threshold}
        seeds: %s
        epochs: %d
        batch_size: 32
        threads_per_run: 1
        parallel: 1
        %s
        """
            .formatted(name, seeds, epochs, extra);
    Path file = root.resolve(name + ".yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
