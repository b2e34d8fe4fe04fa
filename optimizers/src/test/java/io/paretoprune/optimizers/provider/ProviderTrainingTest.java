package io.paretoprune.optimizers.provider;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.paretoprune.core.data.Normalization;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.objective.L2Penalty;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.testing.SyntheticData;
import io.paretoprune.core.testing.TestNets;
import io.paretoprune.core.train.TrainingConfig;
import io.paretoprune.core.train.TrainingSchedule;
import io.paretoprune.core.train.engine.MultiObjectiveTrainer;
import io.paretoprune.core.train.result.EpochMetrics;
import io.paretoprune.core.train.result.StepRecord;
import io.paretoprune.core.train.result.TrainingResult;
import io.paretoprune.core.train.result.WeightStats;
import io.paretoprune.core.train.seam.TrainingListener;
import io.paretoprune.optimizers.ConfiguredOptimizer;
import io.paretoprune.optimizers.Optimizers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The built-in optimizers driving the core trainer on small synthetic images. */
class ProviderTrainingTest {
  /** f1 = cross-entropy (+ 1e-4 L2 on conv kernels), f2 = L1(dense kernels), f3 = L2(conv). */
  private static final List<Objective> OBJECTIVES =
      List.of(
          Objective.crossEntropy("f1").plus(new L2Penalty(ParameterSelector.convKernels(), 1e-4)),
          Objective.l1("f2", ParameterSelector.denseKernels()),
          Objective.l2("f3", ParameterSelector.convKernels()));

  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  private record Run(TrainingResult result, List<StepRecord> steps) {}

  /**
   * Trains on synthetic squares: LeNet ({@code cnn}) or a 784-32-4 perceptron; {@code maxSteps}
   * &gt; 0 runs a few steps on a small split.
   */
  private static Run train(
      String optimizer, Map<String, ?> settings, int k, int epochs, int maxSteps, boolean cnn) {
    List<StepRecord> steps = new ArrayList<>();
    int n = maxSteps > 0 ? 32 * maxSteps : 1024;
    try (NDManager m = NDManager.newBaseManager()) {
      TensorDataset[] data =
          Normalization.UNIT_SCALE.apply(
              m, SyntheticData.squares(n, 4, 28, 1), SyntheticData.squares(n / 4, 4, 28, 2));
      Block net = cnn ? TestNets.lenet(m, 7) : TestNets.mlp(m, 7, 28 * 28, 32, 4);
      TrainingConfig config = TrainingConfig.of(epochs, 32, 7).withMaxStepsPerEpoch(maxSteps);
      TrainingSchedule schedule =
          new TrainingSchedule(epochs, config.stepsPerEpoch(data[0].size()));
      ConfiguredOptimizer o =
          Optimizers.load().create(optimizer, new PluginSettings(settings), schedule, k);
      TrainingResult r =
          MultiObjectiveTrainer.builder()
              .setBlock(net)
              .setObjectives(OBJECTIVES.subList(0, k))
              .setPlan(o.plan())
              .setStepPlan(o.step())
              .setConfig(config)
              .addListener(
                  new TrainingListener() {
                    @Override
                    public void onStep(StepRecord record) {
                      steps.add(record);
                    }
                  })
              .setManager(m)
              .build()
              .fit(data[0], data[1]);
      return new Run(r, steps);
    }
  }

  @Test
  void smgdLearnsWhileChoosingCommonDescentWeights() {
    Run run = train("smgd", Map.of("lr", 0.05), 2, 2, 0, false);
    assertEquals(TrainingResult.Status.COMPLETED, run.result().status(), run.result().message());
    EpochMetrics last = run.result().last();
    assertTrue(last.testAccuracy() > 0.9, "test accuracy " + last.testAccuracy());
    assertEquals(64, run.steps().size());
    for (StepRecord s : run.steps()) {
      double[] c = s.weights();
      assertEquals(1, c[0] + c[1], 1e-12);
      assertTrue(c[0] >= 0 && c[1] >= 0);
      assertTrue(s.directionNorm() > 0 && Double.isFinite(s.directionNorm()));
    }
    // ||g2||^2 is the number of nonzero dense kernel entries (~25k) and ||g1|| is small:
    // the min-norm weight on the L1 objective is tiny but positive.
    WeightStats w = last.weights().get(0);
    assertTrue(w.mean()[1] > 0 && w.mean()[1] < 0.01, "mean c2 " + w.mean()[1]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"smgd", "madam", "mrmsprop", "weighted", "sgd", "adam", "rmsprop"})
  void everyOptimizerTrainsThreeObjectives(String name) {
    Map<String, ?> settings =
        name.equals("weighted") ? Map.of("weights", List.of(1, 3e-4, 1e-4)) : Map.of();
    Run run = train(name, settings, 3, 1, 4, true);
    assertEquals(TrainingResult.Status.COMPLETED, run.result().status(), run.result().message());
    assertEquals(4, run.steps().size());
    for (StepRecord s : run.steps()) {
      assertEquals(3, s.weights().length);
      assertEquals(1, s.weights()[0] + s.weights()[1] + s.weights()[2], 5e-4);
    }
    if (name.equals("sgd")) {
      assertArrayEquals(new double[] {1, 0, 0}, run.steps().get(0).weights());
    }
  }

  @Test
  void splitChoosesWeightsPerGroup() {
    Run run = train("split", Map.of("step", "sgd"), 3, 1, 4, true);
    assertEquals(TrainingResult.Status.COMPLETED, run.result().status(), run.result().message());
    List<WeightStats> groups = run.result().last().weights();
    // LeNet has no parameter outside dense and conv layers: the 'other' group is left out.
    assertEquals(List.of("dense", "conv"), groups.stream().map(WeightStats::group).toList());
    assertArrayEquals(new int[] {0, 1}, groups.get(0).objectives());
    assertArrayEquals(new int[] {0, 2}, groups.get(1).objectives());
    assertEquals(8, run.steps().size());
    for (StepRecord s : run.steps()) {
      assertEquals(1, s.weights()[0] + s.weights()[1], 1e-12);
    }
  }

  @Test
  void splitOnANetworkWithoutConvLayersHasOnlyTheDenseGroup() {
    Run run = train("split", Map.of("step", "sgd"), 3, 1, 4, false);
    assertEquals(TrainingResult.Status.COMPLETED, run.result().status(), run.result().message());
    assertEquals(
        List.of("dense"), run.result().last().weights().stream().map(WeightStats::group).toList());
  }
}
