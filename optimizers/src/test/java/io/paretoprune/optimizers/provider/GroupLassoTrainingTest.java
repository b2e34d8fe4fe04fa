package io.paretoprune.optimizers.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.paretoprune.core.data.Normalization;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.objective.GroupLassoPenalty;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.testing.SyntheticData;
import io.paretoprune.core.testing.TestNets;
import io.paretoprune.core.train.TrainingConfig;
import io.paretoprune.core.train.TrainingSchedule;
import io.paretoprune.core.train.engine.MultiObjectiveTrainer;
import io.paretoprune.core.train.result.StepRecord;
import io.paretoprune.core.train.result.TrainingResult;
import io.paretoprune.core.train.seam.TrainingListener;
import io.paretoprune.optimizers.CombinerProvider;
import io.paretoprune.optimizers.ConfiguredOptimizer;
import io.paretoprune.optimizers.Optimizers;
import io.paretoprune.optimizers.PluginCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Group lasso of the dense kernels as f2 with every combiner: training runs, and what the trainer
 * computes of f2 is the penalty's. Before the first step no unit is zero, so each unit's gradient
 * row has norm 1 and {@code ||g_2|| = sqrt(units)}: 214 units in the test LeNet (120 + 84 + 10).
 * Had the trainer handed the penalty a flat range (as it may for L1), every entry would be a group
 * of its own and the norm that of L1, sqrt(58,920 weights); had it merged the kernels into one
 * group, 1.
 */
class GroupLassoTrainingTest {
  private static final List<Objective> OBJECTIVES =
      List.of(
          Objective.crossEntropy("f1"),
          new Objective(
              "f2",
              Optional.empty(),
              List.of(new GroupLassoPenalty(ParameterSelector.denseKernels(), 1.0))));

  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  static List<String> combiners() {
    return PluginCatalog.combiners().all().stream().map(CombinerProvider::name).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("combiners")
  void everyCombinerTrainsWithGroupLassoAsF2(String combiner) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("combiner", combiner);
    s.put("step", combiner.equals("min-norm") ? "adam" : "sgd");
    s.put("lr", 0.01);
    if (combiner.equals("weighted")) {
      s.put("weights", List.of(1.0, 1e-3));
    }
    ConfiguredOptimizer o =
        Optimizers.load().create("combine", new PluginSettings(s), new TrainingSchedule(1, 4), 2);
    List<StepRecord> steps = new ArrayList<>();
    try (NDManager m = NDManager.newBaseManager()) {
      TensorDataset[] data =
          Normalization.UNIT_SCALE.apply(
              m, SyntheticData.squares(128, 4, 28, 1), SyntheticData.squares(32, 4, 28, 2));
      Block net = TestNets.lenet(m, 7);
      TrainingResult r =
          MultiObjectiveTrainer.builder()
              .setBlock(net)
              .setObjectives(OBJECTIVES)
              .setPlan(o.plan())
              .setStepPlan(o.step())
              .setConfig(TrainingConfig.of(1, 32, 7).withMaxStepsPerEpoch(4))
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
      assertEquals(TrainingResult.Status.COMPLETED, r.status(), r.message());
      assertEquals(4, steps.size());
      double[] gnorm = steps.get(0).recorded().get("gnorm");
      if (gnorm != null) {
        assertEquals(Math.sqrt(214), gnorm[1], 1e-4 * Math.sqrt(214), combiner);
      }
      for (StepRecord step : steps) {
        for (double c : step.weights()) {
          assertTrue(Double.isFinite(c), combiner);
        }
      }
      // The test f2 at the epoch's end is the sum of the units' norms, computed here on the host.
      double sum = 0;
      for (ParameterRef p : ParameterCatalog.of(net).select(ParameterSelector.denseKernels())) {
        float[] w = p.array().toFloatArray();
        int fan = (int) (p.size() / p.array().getShape().get(0));
        for (int u = 0; u < w.length / fan; u++) {
          double sq = 0;
          for (int j = 0; j < fan; j++) {
            sq += (double) w[u * fan + j] * w[u * fan + j];
          }
          sum += Math.sqrt(sq);
        }
      }
      assertEquals(sum, r.last().testObjectives()[1], 1e-5 * sum, combiner);
    }
  }
}
