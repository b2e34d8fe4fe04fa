package io.paretoprune.experiments.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.paretoprune.core.data.Normalization;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.objective.GroupLassoPenalty;
import io.paretoprune.core.objective.L2Penalty;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.testing.SyntheticData;
import io.paretoprune.core.train.TrainingConfig;
import io.paretoprune.core.train.TrainingSchedule;
import io.paretoprune.core.train.engine.MultiObjectiveTrainer;
import io.paretoprune.core.train.engine.PackedTrainer;
import io.paretoprune.core.train.result.EpochMetrics;
import io.paretoprune.core.train.result.LayerStats;
import io.paretoprune.core.train.result.TrainingResult;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import io.paretoprune.optimizers.ConfiguredOptimizer;
import io.paretoprune.optimizers.Optimizers;
import io.paretoprune.pruning.PruningStrategies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Group lasso as f2 with unit and N:M pruning, packed: each run's rows equal the run trained alone
 * (the tolerance argument of {@link PackedTrainerTest}). Packed, the penalty sees every run's units
 * stacked along one axis; a unit mixed across runs or kernels would show in f2 and in the weights
 * the min-norm rule picks.
 */
class StructuredPackedTest {
  private static final List<Objective> OBJECTIVES =
      List.of(
          Objective.crossEntropy("f1").plus(new L2Penalty(ParameterSelector.convKernels(), 1e-4)),
          new Objective(
              "f2",
              Optional.empty(),
              List.of(new GroupLassoPenalty(ParameterSelector.denseKernels(), 1.0))));

  private static final int EPOCHS = 2;
  private static final int STEPS = 5;
  private static final InputSpec INPUT = new InputSpec(1, 28, 28, 4);

  private record Spec(
      String optimizer, Map<String, ?> settings, String pruning, Map<String, ?> p) {}

  private static final List<Spec> SPECS =
      List.of(
          new Spec("smgd", Map.of("lr", 0.05, "momentum", 0.9), "units", Map.of("tau", 0.05)),
          new Spec(
              "weighted",
              Map.of("weights", List.of(1.0, 1e-2), "step", "sgd", "lr", 0.05, "momentum", 0.9),
              "units",
              Map.of("target", 0.3, "ramp", "linear", "regrowth", "fixed")),
          new Spec("madam", Map.of("lr", 0.01), "n-of-m", Map.of("n", 2, "m", 4)));

  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  private static MultiObjectiveTrainer.Builder run(
      Spec s, NDManager m, TensorDataset train, long seed) {
    Network net = ModelZoo.load().create("lenet5", PluginSettings.empty(), INPUT, m, seed);
    TrainingConfig config = TrainingConfig.of(EPOCHS, 32, seed).withMaxStepsPerEpoch(STEPS);
    TrainingSchedule schedule = new TrainingSchedule(EPOCHS, config.stepsPerEpoch(train.size()));
    ConfiguredOptimizer o =
        Optimizers.load().create(s.optimizer(), new PluginSettings(s.settings()), schedule, 2);
    return MultiObjectiveTrainer.builder()
        .setBlock(net.block())
        .optCatalog(net.catalog())
        .setObjectives(OBJECTIVES)
        .setPlan(o.plan())
        .setStepPlan(o.step())
        .setConfig(config)
        .setManager(m)
        .addHook(PruningStrategies.create(s.pruning(), new PluginSettings(s.p())));
  }

  private static TensorDataset[] data(NDManager m) {
    return Normalization.UNIT_SCALE.apply(
        m, SyntheticData.squares(32 * STEPS * 2, 4, 28, 21), SyntheticData.squares(64, 4, 28, 22));
  }

  @Test
  void packedStructuredRunsEqualLoneRuns() {
    List<TrainingResult> lone = new ArrayList<>();
    for (int r = 0; r < SPECS.size(); r++) {
      try (NDManager m = NDManager.newBaseManager()) {
        TensorDataset[] d = data(m);
        lone.add(run(SPECS.get(r), m, d[0], r + 1).build().fit(d[0], d[1]));
      }
    }
    List<TrainingResult> packed;
    try (NDManager m = NDManager.newBaseManager()) {
      TensorDataset[] d = data(m);
      PackedTrainer.Builder b =
          PackedTrainer.builder()
              .setManager(m)
              .setPacker(ModelZoo.load().factory("lenet5").packer(PluginSettings.empty()).get());
      for (int r = 0; r < SPECS.size(); r++) {
        b.addRun(run(SPECS.get(r), m, d[0], r + 1));
      }
      packed = b.build().fit(d[0], d[1]);
    }
    for (int r = 0; r < SPECS.size(); r++) {
      TrainingResult a = lone.get(r);
      TrainingResult p = packed.get(r);
      assertEquals(TrainingResult.Status.COMPLETED, a.status(), a.message());
      assertEquals(TrainingResult.Status.COMPLETED, p.status(), p.message());
      for (int e = 0; e < EPOCHS; e++) {
        close(SPECS.get(r) + " epoch " + (e + 1), a.epochs().get(e), p.epochs().get(e));
      }
    }
    // n-of-m at 2:4 keeps exactly half of every dense kernel (fan-ins 400, 120, 84: all * 4).
    for (LayerStats l : packed.get(2).last().layers()) {
      if (l.parameter().endsWith(".weight") && l.parameter().startsWith("dense")) {
        assertEquals(l.size() / 2, l.nonzeros(), l.parameter());
      }
    }
    double f2a = lone.get(0).last().testObjectives()[1];
    double f2b = lone.get(1).last().testObjectives()[1];
    assertTrue(Math.abs(f2a - f2b) > 100 * 2e-3 * Math.abs(f2a), f2a + " vs " + f2b);
  }

  private static void close(String what, EpochMetrics a, EpochMetrics p) {
    for (int i = 0; i < a.trainObjectives().length; i++) {
      near(what + " train f" + (i + 1), a.trainObjectives()[i], p.trainObjectives()[i]);
      near(what + " test f" + (i + 1), a.testObjectives()[i], p.testObjectives()[i]);
    }
    double[] ca = a.weights().get(0).mean();
    double[] cp = p.weights().get(0).mean();
    for (int j = 0; j < ca.length; j++) {
      near(what + " mean c" + (j + 1), ca[j], cp[j]);
    }
    for (int l = 0; l < a.layers().size(); l++) {
      LayerStats la = a.layers().get(l);
      LayerStats lp = p.layers().get(l);
      assertEquals(
          la.nonzeros(), lp.nonzeros(), Math.max(3, la.size() * 1e-4), what + la.parameter());
    }
  }

  private static void near(String what, double expected, double actual) {
    assertEquals(expected, actual, 2e-3 * Math.abs(expected) + 1e-5, what);
  }
}
