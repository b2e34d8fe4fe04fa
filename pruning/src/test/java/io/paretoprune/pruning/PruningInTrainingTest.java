package io.paretoprune.pruning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.paretoprune.core.data.Normalization;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.testing.SyntheticData;
import io.paretoprune.core.testing.TestNets;
import io.paretoprune.core.train.CombinationPlan;
import io.paretoprune.core.train.TrainingConfig;
import io.paretoprune.core.train.checkpoint.StepRuleStates;
import io.paretoprune.core.train.engine.MultiObjectiveTrainer;
import io.paretoprune.core.train.result.EpochMetrics;
import io.paretoprune.core.train.result.LayerStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pruning inside real training runs, with DJL's SGD (momentum) and Adam as step rules. */
class PruningInTrainingTest {
  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  private static Optimizer stepRule(String kind) {
    return kind.equals("adam")
        ? Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build()
        : Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.05f)).optMomentum(0.9f).build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sgd", "adam"})
  void fixedMasksKeepPrunedWeightsAndTheirStateAtZero(String kind) {
    try (NDManager m = NDManager.newBaseManager()) {
      TensorDataset[] data =
          Normalization.UNIT_SCALE.apply(
              m, SyntheticData.squares(512, 4, 28, 1), SyntheticData.squares(64, 4, 28, 2));
      SequentialBlock net = TestNets.lenet(m, 1);
      ParameterCatalog catalog = ParameterCatalog.of(net);
      Optimizer rule = stepRule(kind);
      var hook =
          PruningStrategies.create(
              "magnitude",
              new PluginSettings(Map.of("target", 0.5, "regrowth", "fixed", "on", "dense.kernel")));
      List<EpochMetrics> epochs =
          MultiObjectiveTrainer.builder()
              .setBlock(net)
              .optCatalog(catalog)
              .setObjectives(List.of(Objective.crossEntropy("f1")))
              .setPlan(CombinationPlan.single(g -> new double[] {1}, 1))
              .setStepRule(rule)
              .setConfig(TrainingConfig.of(2, 32, 1))
              .setManager(m)
              .addHook(hook)
              .build()
              .fit(data[0], data[1])
              .epochs();
      ParameterRef dense1 = catalog.get("dense1.weight");
      float[] w = dense1.array().toFloatArray();
      long zeros = 0;
      for (float v : w) {
        zeros += v == 0 ? 1 : 0;
      }
      assertEquals(w.length / 2, zeros, 1, "target sparsity per layer");
      // Every state array of the flat parameter is 0 wherever dense1 is pruned.
      List<NDArray> states = StepRuleStates.arrays(rule, MultiObjectiveTrainer.FLAT_ID);
      assertTrue(!states.isEmpty(), "the step rule's state was not found");
      for (NDArray state : states) {
        float[] s = state.toFloatArray();
        // dense1.weight starts the flat array: the layout puts dense kernels first, in order.
        for (int i = 0; i < w.length; i++) {
          if (w[i] == 0) {
            assertEquals(0f, Math.abs(s[i]), kind + " state of a pruned weight at " + i);
          }
        }
      }
      LayerStats stats =
          epochs.get(1).layers().stream()
              .filter(l -> l.parameter().equals("dense1.weight"))
              .findFirst()
              .orElseThrow();
      assertEquals(
          zeros, stats.size() - stats.nonzeros(), "epoch statistics agree with a direct count");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"regrow", "fixed"})
  void thresholdPruningDuringTrainingMakesTheDenseLayersSparse(String regrowth) {
    try (NDManager m = NDManager.newBaseManager()) {
      TensorDataset[] data =
          Normalization.UNIT_SCALE.apply(
              m, SyntheticData.squares(512, 4, 28, 1), SyntheticData.squares(64, 4, 28, 2));
      SequentialBlock net = TestNets.lenet(m, 1);
      var hook =
          PruningStrategies.create(
              "threshold", new PluginSettings(Map.of("tau", 0.02, "regrowth", regrowth)));
      EpochMetrics last =
          MultiObjectiveTrainer.builder()
              .setBlock(net)
              .setObjectives(
                  List.of(
                      Objective.crossEntropy("f1"),
                      Objective.l1("f2", ParameterSelector.denseKernels())))
              .setPlan(CombinationPlan.single(g -> new double[] {0.99, 0.01}, 2))
              .setStepRule(stepRule("sgd"))
              .setConfig(TrainingConfig.of(1, 32, 1))
              .setManager(m)
              .addHook(hook)
              .build()
              .fit(data[0], data[1])
              .last();
      assertTrue(
          last.denseNonzeros() < 0.9 * last.denseSize(), "dense nonzeros " + last.denseNonzeros());
      for (ParameterRef p : ParameterCatalog.of(net).select(ParameterSelector.dense())) {
        for (float v : p.array().toFloatArray()) {
          assertTrue(v == 0 || Math.abs(v) > 0.02f, p.name() + " holds " + v);
        }
      }
    }
  }
}
