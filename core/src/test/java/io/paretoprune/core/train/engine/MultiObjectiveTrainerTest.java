package io.paretoprune.core.train.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.paretoprune.core.data.Normalization;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.testing.SyntheticData;
import io.paretoprune.core.testing.TestNets;
import io.paretoprune.core.train.CombinationPlan;
import io.paretoprune.core.train.TrainingConfig;
import io.paretoprune.core.train.result.EpochMetrics;
import io.paretoprune.core.train.result.LayerStats;
import io.paretoprune.core.train.result.TrainingResult;
import io.paretoprune.core.train.seam.GradientCombiner;
import io.paretoprune.core.train.seam.GramCombiner;
import io.paretoprune.core.train.seam.TrainingListener;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MultiObjectiveTrainerTest {
  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  private static TrainingResult train(
      long seed, float lr, int epochs, GradientCombiner combiner, int k) {
    try (NDManager m = NDManager.newBaseManager()) {
      TensorDataset[] data =
          Normalization.UNIT_SCALE.apply(
              m, SyntheticData.squares(1024, 4, 28, 1), SyntheticData.squares(256, 4, 28, 2));
      Block net = TestNets.lenet(m, seed);
      List<Objective> objectives =
          List.of(
              Objective.crossEntropy("f1"), Objective.l1("f2", ParameterSelector.denseKernels()));
      return MultiObjectiveTrainer.builder()
          .setBlock(net)
          .setObjectives(objectives.subList(0, k))
          .setPlan(CombinationPlan.single(combiner, k))
          .setStepRule(
              Optimizer.sgd().setLearningRateTracker(Tracker.fixed(lr)).optMomentum(0.9f).build())
          .setConfig(TrainingConfig.of(epochs, 32, seed))
          .setManager(m)
          .build()
          .fit(data[0], data[1]);
    }
  }

  private static final GradientCombiner FIRST_ONLY =
      new GramCombiner() {
        @Override
        public double[] weights(double[][] gram) {
          return new double[] {1.0, 0.0};
        }

        @Override
        public boolean needsGram() {
          return false;
        }
      };

  @Test
  void learnsSyntheticImagesWithPlainSgd() {
    TrainingResult r = train(7, 0.05f, 2, FIRST_ONLY, 2);
    assertEquals(TrainingResult.Status.COMPLETED, r.status());
    assertEquals(2, r.epochs().size());
    EpochMetrics last = r.last();
    assertTrue(last.testAccuracy() > 0.9, "test accuracy " + last.testAccuracy());
    assertEquals(32, last.steps());
    assertEquals(
        48000 + 10080 + 840,
        last.layers().stream()
            .filter(l -> l.kind().equals("DENSE_KERNEL"))
            .mapToLong(LayerStats::size)
            .sum());
  }

  @Test
  void sameSeedGivesIdenticalMetrics() {
    TrainingResult a = train(3, 0.05f, 1, FIRST_ONLY, 2);
    TrainingResult b = train(3, 0.05f, 1, FIRST_ONLY, 2);
    assertArrayEquals(a.last().testObjectives(), b.last().testObjectives());
    assertArrayEquals(a.last().trainObjectives(), b.last().trainObjectives());
    assertEquals(a.last().testAccuracy(), b.last().testAccuracy());
  }

  @Test
  void noNativeArrayOutlivesItsStep() {
    try (NDManager m = NDManager.newBaseManager()) {
      TensorDataset[] data =
          Normalization.UNIT_SCALE.apply(
              m, SyntheticData.squares(256, 4, 28, 1), SyntheticData.squares(64, 4, 28, 2));
      Block net = TestNets.lenet(m, 1);
      List<Integer> live = new java.util.ArrayList<>();
      GradientCombiner halfHalf = gram -> new double[] {0.5, 0.5};
      MultiObjectiveTrainer.builder()
          .setBlock(net)
          .setObjectives(
              List.of(
                  Objective.crossEntropy("f1"),
                  Objective.l1("f2", ParameterSelector.denseKernels())))
          .setPlan(CombinationPlan.single(halfHalf, 2))
          .setStepRule(Optimizer.adam().build())
          .setConfig(TrainingConfig.of(4, 32, 1))
          .setManager(m)
          .addListener(
              new TrainingListener() {
                @Override
                public void onEpoch(EpochMetrics e) {
                  live.add(m.getManagedArrays().size());
                }
              })
          .build()
          .fit(data[0], data[1]);
      assertEquals(4, live.size());
      assertEquals(live.get(1), live.get(3), "arrays alive after epochs 1..4: " + live);
    }
  }

  @Test
  void divergingRunEndsAsDivergedWithItsEpoch() {
    TrainingResult r = train(3, 1e6f, 2, FIRST_ONLY, 2);
    assertEquals(TrainingResult.Status.DIVERGED, r.status());
    assertEquals(1, r.divergedAtEpoch());
    assertTrue(r.epochs().isEmpty());
  }
}
