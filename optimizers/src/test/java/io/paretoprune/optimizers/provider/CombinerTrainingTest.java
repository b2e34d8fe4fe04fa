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
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.testing.SyntheticData;
import io.paretoprune.core.testing.TestNets;
import io.paretoprune.core.train.CombinationPlan;
import io.paretoprune.core.train.StepPlan;
import io.paretoprune.core.train.TrainingConfig;
import io.paretoprune.core.train.TrainingSchedule;
import io.paretoprune.core.train.engine.MultiObjectiveTrainer;
import io.paretoprune.core.train.result.StepRecord;
import io.paretoprune.core.train.result.TrainingResult;
import io.paretoprune.core.train.result.WeightStats;
import io.paretoprune.core.train.seam.GramCombiner;
import io.paretoprune.core.train.seam.TrainingListener;
import io.paretoprune.optimizers.ConfiguredOptimizer;
import io.paretoprune.optimizers.Optimizers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The multi-gradient combiners driving the core trainer for a few steps on synthetic images. */
class CombinerTrainingTest {
  private static final List<Objective> OBJECTIVES =
      List.of(
          Objective.crossEntropy("f1").plus(new L2Penalty(ParameterSelector.convKernels(), 1e-4)),
          Objective.l1("f2", ParameterSelector.denseKernels()),
          Objective.l2("f3", ParameterSelector.convKernels()));

  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  /**
   * @param denseKernelSize how many weights f2 (L1 of the dense kernels) counts
   */
  private record Run(TrainingResult result, List<StepRecord> steps, long denseKernelSize) {}

  private static Run train(CombinationPlan plan, StepPlan step, int k, TrainingConfig config) {
    List<StepRecord> steps = new ArrayList<>();
    try (NDManager m = NDManager.newBaseManager()) {
      TensorDataset[] data =
          Normalization.UNIT_SCALE.apply(
              m, SyntheticData.squares(128, 4, 28, 1), SyntheticData.squares(32, 4, 28, 2));
      Block net = TestNets.lenet(m, 7);
      TrainingResult r =
          MultiObjectiveTrainer.builder()
              .setBlock(net)
              .setObjectives(OBJECTIVES.subList(0, k))
              .setPlan(plan)
              .setStepPlan(step)
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
      long denseKernelSize =
          ParameterCatalog.of(net).select(ParameterSelector.denseKernels()).stream()
              .mapToLong(ParameterRef::size)
              .sum();
      return new Run(r, steps, denseKernelSize);
    }
  }

  private static ConfiguredOptimizer optimizer(Map<String, Object> settings, int k) {
    return Optimizers.load()
        .create("combine", new PluginSettings(settings), new TrainingSchedule(1, 4), k);
  }

  @ParameterizedTest
  @CsvSource({
    "pcgrad,,2",
    "pcgrad,,3",
    "cagrad,,2",
    "cagrad,,3",
    "nashmtl,,2",
    "nashmtl,,3",
    "imtlg,,2",
    "imtlg,,3",
    "aligned-mtl,,2",
    "aligned-mtl,,3",
    "initial-norm,,2",
    "initial-norm,,3",
    "initial-loss,,2",
    "initial-loss,,3",
    "min-norm-unit,,2",
    "min-norm-unit,,3",
    "epoch-norm,,2",
    "min-norm,l2,2",
    "min-norm,loss,3",
    "min-norm,loss+,2"
  })
  void everyCombinerTrainsAFewSteps(String name, String normalize, int k) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("combiner", name);
    s.put("step", "sgd");
    s.put("lr", 0.01);
    s.put("momentum", 0.9);
    if (normalize != null) {
      s.put("normalize", normalize);
    }
    ConfiguredOptimizer o = optimizer(s, k);
    Run run = train(o.plan(), o.step(), k, TrainingConfig.of(1, 32, 7).withMaxStepsPerEpoch(4));
    assertEquals(TrainingResult.Status.COMPLETED, run.result().status(), run.result().message());
    assertEquals(4, run.steps().size());
    for (StepRecord r : run.steps()) {
      assertEquals(k, r.weights().length);
      for (double c : r.weights()) {
        assertTrue(Double.isFinite(c));
      }
      assertTrue(Double.isFinite(r.directionNorm()));
    }
    WeightStats w = run.result().last().weights().get(0);
    if (normalize != null) {
      double[] gn = w.recordedMeans().get("gn");
      assertEquals(k, gn.length, "the normalisers' epoch means are recorded");
      double[] first = run.steps().get(0).recorded().get("gn");
      for (int i = 0; i < k; i++) {
        assertTrue(gn[i] > 0 && first[i] > 0, "gn " + gn[i]);
      }
    }
    // Every rule reading the Gram matrix gets the gradient norms recorded. No weight is zero
    // before the first step, so the L1 gradient there is a sign vector of norm sqrt(weights).
    double[] gnorm = run.steps().get(0).recorded().get("gnorm");
    assertEquals(k, gnorm.length);
    assertTrue(gnorm[0] > 0, "||g1|| " + gnorm[0]);
    assertEquals(Math.sqrt(run.denseKernelSize()), gnorm[1], 1e-9 * gnorm[1]);
    if ("l2".equals(normalize)) {
      assertArrayEquals(gnorm, run.steps().get(0).recorded().get("gn"), 0);
    }
    assertEquals(
        normalize == null ? java.util.Set.of("gnorm") : java.util.Set.of("gnorm", "gn"),
        w.recordedMeans().keySet());
  }

  @Test
  void theTrainerTakesNegativeWeightsAndWeightsNotSummingToOne() {
    GramCombiner negative = gram -> new double[] {1.5, -0.25};
    ConfiguredOptimizer o = optimizer(Map.of("combiner", "min-norm", "step", "sgd"), 2);
    Run run =
        train(
            CombinationPlan.single(negative, 2),
            o.step(),
            2,
            TrainingConfig.of(1, 32, 7).withMaxStepsPerEpoch(3));
    assertEquals(TrainingResult.Status.COMPLETED, run.result().status(), run.result().message());
    for (StepRecord r : run.steps()) {
      assertArrayEquals(new double[] {1.5, -0.25}, r.weights());
    }
    assertArrayEquals(
        new double[] {-0.25, -0.25},
        new double[] {
          run.result().last().weights().get(0).min()[1],
          run.result().last().weights().get(0).max()[1]
        });
  }
}
