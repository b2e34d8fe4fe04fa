package io.paretoprune.pruning;

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
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.testing.SyntheticData;
import io.paretoprune.core.testing.TestNets;
import io.paretoprune.core.train.CombinationPlan;
import io.paretoprune.core.train.TrainingConfig;
import io.paretoprune.core.train.engine.MultiObjectiveTrainer;
import io.paretoprune.core.train.result.EpochMetrics;
import io.paretoprune.core.train.result.LayerStats;
import io.paretoprune.core.train.result.TrainingResult;
import io.paretoprune.core.train.seam.GradientCombiner;
import io.paretoprune.core.train.seam.GramCombiner;
import io.paretoprune.core.train.seam.StepHook;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pruning inside short real training runs of a LeNet-shaped network on synthetic squares. */
class PruningTrainingTest {
  private static final int STEPS = 16;

  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  /** A fixed weighted sum of cross-entropy and the dense kernels' L1 norm. */
  private static final GradientCombiner WEIGHTED =
      new GramCombiner() {
        @Override
        public double[] weights(double[][] gram) {
          return new double[] {0.999, 0.001};
        }

        @Override
        public boolean needsGram() {
          return false;
        }
      };

  private record Run(TrainingResult result, ParameterCatalog catalog) {}

  private static Run train(NDManager m, StepHook hook) {
    TensorDataset[] data =
        Normalization.UNIT_SCALE.apply(
            m, SyntheticData.squares(STEPS * 32, 4, 28, 1), SyntheticData.squares(128, 4, 28, 2));
    Block net = TestNets.lenet(m, 11);
    MultiObjectiveTrainer trainer =
        MultiObjectiveTrainer.builder()
            .setBlock(net)
            .setObjectives(
                List.of(
                    Objective.crossEntropy("f1"),
                    Objective.l1("f2", ParameterSelector.denseKernels())))
            .setPlan(CombinationPlan.single(WEIGHTED, 2))
            .setStepRule(
                Optimizer.sgd()
                    .setLearningRateTracker(Tracker.fixed(0.05f))
                    .optMomentum(0.9f)
                    .build())
            .setConfig(TrainingConfig.of(1, 32, 3))
            .addHook(hook)
            .setManager(m)
            .build();
    return new Run(trainer.fit(data[0], data[1]), trainer.parameters());
  }

  @Test
  void thresholdPruningSparsifiesTheDenseLayersAndTheEpochStatsAgree() {
    try (NDManager m = NDManager.newBaseManager()) {
      Run run = train(m, PruningStrategies.create("threshold", PluginSettings.empty()));
      assertEquals(TrainingResult.Status.COMPLETED, run.result().status());
      EpochMetrics last = run.result().last();
      assertTrue(last.denseNonzeros() < last.denseSize(), "dense sparsity > 0");
      for (ParameterRef p : run.catalog().all()) {
        LayerStats s =
            last.layers().stream()
                .filter(l -> l.parameter().equals(p.name()))
                .findFirst()
                .orElseThrow();
        long nonzeros = p.array().countNonzero().getLong();
        assertEquals(nonzeros, s.nonzeros(), p.name());
        if (p.kind().isDense()) {
          // No weight survives in (0, tau]: the last step's pruning is what the epoch recorded.
          float[] v = p.array().toFloatArray();
          for (float x : v) {
            assertTrue(x == 0 || Math.abs(x) > 0.001f, p.name() + " holds " + x);
          }
        }
      }
      SparsityReport report = SparsityReport.of(last.layers(), ParameterSelector.dense());
      assertEquals(last.denseNonzeros(), report.total().nonzeros());
      assertEquals(
          SparsityReport.measure(run.catalog(), ParameterSelector.dense()).total().nonzeros(),
          report.total().nonzeros());
      assertTrue(report.total().sparsity() > 0);
      assertTrue(last.testAccuracy() > 0.5, "still learns: " + last.testAccuracy());
    }
  }

  @Test
  void strategyRunsOnceBeforeTrainingAndAfterEveryStep() {
    List<PruningContext> calls = new ArrayList<>();
    // Records when it is asked and keeps every weight.
    PruningStrategy recording =
        (targets, prior, context) -> {
          calls.add(context);
          return new Mask(
              targets.stream().map(ParameterRef::name).toList(),
              targets.stream().map(p -> p.array().onesLike()).toList());
        };
    try (NDManager m = NDManager.newBaseManager()) {
      Run run =
          train(
              m,
              new PruningHook(
                  recording,
                  ParameterSelector.dense(),
                  PruningSchedule.everyStep(0),
                  Regrowth.REGROW));
      assertEquals(TrainingResult.Status.COMPLETED, run.result().status());
    }
    assertEquals(STEPS + 1, calls.size());
    for (int i = 0; i <= STEPS; i++) {
      assertEquals(i, calls.get(i).step());
    }
    assertEquals(0, calls.get(0).epoch());
    assertEquals(1, calls.get(STEPS).epoch());
  }
}
