package io.paretoprune.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.paretoprune.core.engine.EngineSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Real MNIST, when {@code scripts/fetch-data.sh} has put it in the data directory. */
@Tag("mnist")
class RealMnistTest {
  static Path mnistRoot() {
    Path root = Path.of(System.getProperty("paretoprune.data", "data"));
    Assumptions.assumeTrue(
        Files.isDirectory(root.resolve("mnist")),
        "real MNIST not in "
            + root.resolve("mnist")
            + " (run scripts/fetch-data.sh --only mnist data)");
    return root;
  }

  @Test
  void plainSgdOnLenetReaches97PercentInOneEpoch() {
    DatasetSplits s = Datasets.get("mnist").load(mnistRoot());
    EngineSetup.pytorchOffline();
    try (NDManager m = NDManager.newBaseManager()) {
      TensorDataset[] t = Normalization.UNIT_SCALE.apply(m, s.train(), s.test());
      var net = io.paretoprune.core.testing.TestNets.lenet(m, 1);
      var result =
          io.paretoprune.core.train.engine.MultiObjectiveTrainer.builder()
              .setBlock(net)
              .setObjectives(
                  java.util.List.of(io.paretoprune.core.objective.Objective.crossEntropy("f1")))
              .setPlan(
                  io.paretoprune.core.train.CombinationPlan.single(gram -> new double[] {1}, 1))
              .setStepRule(
                  ai.djl.training.optimizer.Optimizer.sgd()
                      .setLearningRateTracker(ai.djl.training.tracker.Tracker.fixed(0.05f))
                      .optMomentum(0.9f)
                      .build())
              .setConfig(io.paretoprune.core.train.TrainingConfig.of(1, 64, 1))
              .setManager(m)
              .build()
              .fit(t[0], t[1]);
      double acc = result.last().testAccuracy();
      assertTrue(acc >= 0.97, "test accuracy after one epoch: " + acc);
    }
  }

  @Test
  void readsTheRealFiles() {
    DatasetSplits s = Datasets.get("mnist").load(mnistRoot());
    assertEquals(60000, s.train().count());
    assertEquals(10000, s.test().count());
    assertEquals(5, s.train().labels()[0]);
    assertEquals(0, s.train().labels()[1]);
    assertEquals(7, s.test().labels()[0]);
    EngineSetup.pytorchOffline();
    try (NDManager m = NDManager.newBaseManager()) {
      TensorDataset[] t =
          Normalization.UNIT_SCALE.apply(m, s.train().head(1000), s.test().head(100));
      assertEquals(new ai.djl.ndarray.types.Shape(1000, 1, 28, 28), t[0].features().getShape());
      assertTrue(t[0].features().min().getFloat() >= 0 && t[0].features().max().getFloat() <= 1);
      assertEquals(1f, t[0].features().max().getFloat());
    }
  }
}
