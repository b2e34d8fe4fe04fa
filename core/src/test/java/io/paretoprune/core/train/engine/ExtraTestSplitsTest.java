package io.paretoprune.core.train.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.paretoprune.core.data.Normalization;
import io.paretoprune.core.data.TaskData;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.testing.SyntheticData;
import io.paretoprune.core.testing.TestNets;
import io.paretoprune.core.train.CombinationPlan;
import io.paretoprune.core.train.TrainingConfig;
import io.paretoprune.core.train.result.EpochMetrics;
import io.paretoprune.core.train.result.TestSplitMetrics;
import io.paretoprune.core.train.result.TrainingResult;
import io.paretoprune.core.train.seam.GradientCombiner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A further test split is measured exactly as the same split would be as the primary one. */
class ExtraTestSplitsTest {
  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  /** Trains LeNet on one synthetic training split, tested on {@code primary} and {@code extras}. */
  private static TrainingResult train(String primary, List<String> extras) {
    try (NDManager m = NDManager.newBaseManager()) {
      // Three test splits of different draws (seeds 2, 3 and 4), 100 images: not a whole number of
      // evaluation batches, so the last batch is a short one.
      Map<String, Integer> seeds = Map.of("a", 2, "b", 3, "c", 4);
      TensorDataset[] t =
          Normalization.UNIT_SCALE.apply(
              m, SyntheticData.squares(256, 4, 28, 1), SyntheticData.squares(100, 4, 28, 2));
      java.util.Map<String, TensorDataset> tests = new java.util.LinkedHashMap<>();
      for (String s : List.of("a", "b", "c")) {
        tests.put(
            s,
            Normalization.UNIT_SCALE
                .apply(
                    m,
                    SyntheticData.squares(16, 4, 28, 9),
                    SyntheticData.squares(100, 4, 28, seeds.get(s)))[1]);
      }
      java.util.Map<String, TensorDataset> extra = new java.util.LinkedHashMap<>();
      extras.forEach(s -> extra.put(s, tests.get(s)));
      TaskData data = new TaskData(t[0], tests.get(primary), new int[] {1, 28, 28}, 4, extra);
      GradientCombiner halfHalf = gram -> new double[] {0.5, 0.5};
      return MultiObjectiveTrainer.builder()
          .setBlock(TestNets.lenet(m, 5))
          .setObjectives(
              List.of(
                  Objective.crossEntropy("f1"),
                  Objective.l1("f2", ParameterSelector.denseKernels())))
          .setPlan(CombinationPlan.single(halfHalf, 2))
          .setStepRule(
              Optimizer.sgd()
                  .setLearningRateTracker(Tracker.fixed(0.05f))
                  .optMomentum(0.9f)
                  .build())
          .setConfig(new TrainingConfig(2, 32, 5, 32, 0))
          .setManager(m)
          .build()
          .fit(data.train(), data.test(), data.extraTests());
    }
  }

  @Test
  void aFurtherSplitsFiguresAreThoseOfTheSplitTestedAsThePrimaryOne() {
    TrainingResult withExtras = train("a", List.of("b", "c"));
    TrainingResult bAlone = train("b", List.of());
    TrainingResult cAlone = train("c", List.of());
    TrainingResult aAlone = train("a", List.of());
    assertEquals(2, withExtras.epochs().size());
    for (int e = 0; e < 2; e++) {
      EpochMetrics m = withExtras.epochs().get(e);
      assertEquals(List.of("b", "c"), List.copyOf(m.extraTests().keySet()));
      for (Map.Entry<String, TrainingResult> alone : Map.of("b", bAlone, "c", cAlone).entrySet()) {
        TestSplitMetrics split = m.extraTests().get(alone.getKey());
        EpochMetrics primary = alone.getValue().epochs().get(e);
        assertEquals(primary.testMetrics(), split.metrics(), "split " + alone.getKey());
        assertArrayEquals(primary.testObjectives(), split.objectives(), 0.0);
        assertTrue(primary.extraTests().isEmpty());
      }
      // The primary split's figures are untouched by the further ones.
      EpochMetrics a = aAlone.epochs().get(e);
      assertEquals(a.testMetrics(), m.testMetrics());
      assertArrayEquals(a.testObjectives(), m.testObjectives(), 0.0);
      assertArrayEquals(a.trainObjectives(), m.trainObjectives(), 0.0);
    }
    // Different draws: the comparison above would not pass by the splits being alike.
    assertNotEquals(
        withExtras.last().extraTests().get("b").objectives()[0],
        withExtras.last().extraTests().get("c").objectives()[0]);
  }

  @Test
  void aSplitNameThatCannotMakeAColumnIsRefused() {
    try (NDManager m = NDManager.newBaseManager()) {
      TensorDataset[] t =
          Normalization.UNIT_SCALE.apply(
              m, SyntheticData.squares(8, 4, 28, 1), SyntheticData.squares(8, 4, 28, 2));
      IllegalArgumentException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              IllegalArgumentException.class,
              () -> new TaskData(t[0], t[1], new int[] {1, 28, 28}, 4, Map.of("real_1", t[1])));
      assertTrue(e.getMessage().contains("'real_1'"), e.getMessage());
    }
  }
}
