package io.paretoprune.experiments.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.paretoprune.core.data.Normalization;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.EngineSetup;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A packed run's epoch rows equal the same run trained alone, for SMGD, MAdam (per-objective Adam)
 * and weighted runs with threshold and magnitude pruning, packed together with a run that diverges:
 * it ends as diverged in the same epoch as alone, and the others are unaffected.
 *
 * <p>Tolerance: 2e-3 relative (plus 1e-5 absolute) on objectives and weight means over 2 epochs of
 * 6 steps. The packed kernels (grouped convolution, batched products, per-row sums for the Gram
 * matrix) add in another order than the lone ones, so weights differ in the last float bits after
 * the first step; a dozen steps cannot grow that to 1e-3, while a wrong batch order, a mixed-up
 * state or a gradient from another run changes these figures by far more (checked below: the runs
 * of one pack differ from each other by more than 100x the tolerance). Pruned counts may differ by
 * a few weights that sit within rounding of the threshold.
 */
class PackedTrainerTest {
  private static final List<Objective> OBJECTIVES =
      List.of(
          Objective.crossEntropy("f1").plus(new L2Penalty(ParameterSelector.convKernels(), 1e-4)),
          Objective.l1("f2", ParameterSelector.denseKernels())
              .plus(new L2Penalty(ParameterSelector.convKernels(), 1e-4)));

  private static final int EPOCHS = 2;
  private static final int STEPS = 6;

  /** One run: optimizer, settings, pruning rule, pruning settings, seed. */
  private record Spec(
      String optimizer, Map<String, ?> settings, String pruning, Map<String, ?> prune, long seed) {}

  private static final List<Spec> SPECS =
      List.of(
          new Spec(
              "smgd", Map.of("lr", 0.05, "momentum", 0.9), "threshold", Map.of("tau", 1e-3), 1),
          new Spec("madam", Map.of("lr", 0.01), "threshold", Map.of("tau", 1e-3), 2),
          new Spec(
              "weighted",
              Map.of("weights", List.of(1.0, 3e-3), "step", "sgd", "lr", 0.05, "momentum", 0.9),
              "magnitude",
              Map.of("target", 0.3),
              3),
          new Spec(
              "weighted",
              Map.of("weights", List.of(1.0, 3e-4), "step", "adam", "lr", 0.01),
              "threshold",
              Map.of("tau", 1e-3),
              1),
          // Diverges within the first epoch: it must end alone, the others go on.
          new Spec(
              "weighted",
              Map.of("weights", List.of(1.0, 3e-4), "step", "sgd", "lr", 1e9, "momentum", 0.9),
              "threshold",
              Map.of("tau", 1e-3),
              4));

  private static boolean diverging(Spec s) {
    return s.seed() == 4;
  }

  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  private static MultiObjectiveTrainer.Builder run(
      Spec s, NDManager m, TensorDataset train, InputSpec input) {
    Network net = ModelZoo.load().create("lenet5", PluginSettings.empty(), input, m, s.seed());
    TrainingConfig config = TrainingConfig.of(EPOCHS, 32, s.seed()).withMaxStepsPerEpoch(STEPS);
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
        .addHook(PruningStrategies.create(s.pruning(), new PluginSettings(s.prune())));
  }

  private static TensorDataset[] data(NDManager m) {
    return Normalization.UNIT_SCALE.apply(
        m, SyntheticData.squares(32 * STEPS * 2, 4, 28, 11), SyntheticData.squares(96, 4, 28, 12));
  }

  private static final InputSpec INPUT = new InputSpec(1, 28, 28, 4);

  @Test
  void packedRunsEqualLoneRuns() {
    List<TrainingResult> lone = new ArrayList<>();
    for (Spec s : SPECS) {
      try (NDManager m = NDManager.newBaseManager()) {
        TensorDataset[] d = data(m);
        lone.add(run(s, m, d[0], INPUT).build().fit(d[0], d[1]));
      }
    }
    List<TrainingResult> packed;
    try (NDManager m = NDManager.newBaseManager()) {
      TensorDataset[] d = data(m);
      PackedTrainer.Builder b =
          PackedTrainer.builder()
              .setManager(m)
              .setPacker(ModelZoo.load().factory("lenet5").packer(PluginSettings.empty()).get());
      for (Spec s : SPECS) {
        b.addRun(run(s, m, d[0], INPUT));
      }
      packed = b.build().fit(d[0], d[1]);
    }
    assertEquals(SPECS.size(), packed.size());
    for (int r = 0; r < SPECS.size(); r++) {
      TrainingResult a = lone.get(r);
      TrainingResult p = packed.get(r);
      if (diverging(SPECS.get(r))) {
        assertEquals(TrainingResult.Status.DIVERGED, a.status());
        assertEquals(TrainingResult.Status.DIVERGED, p.status(), p.message());
        assertEquals(a.divergedAtEpoch(), p.divergedAtEpoch());
        continue;
      }
      assertEquals(TrainingResult.Status.COMPLETED, a.status(), a.message());
      assertEquals(TrainingResult.Status.COMPLETED, p.status(), p.message());
      assertEquals(EPOCHS, p.epochs().size());
      for (int e = 0; e < EPOCHS; e++) {
        assertRowsClose(SPECS.get(r) + " epoch " + (e + 1), a.epochs().get(e), p.epochs().get(e));
      }
    }
    // The runs of the pack differ from one another far beyond the tolerance: equality above is
    // not an accident of runs that all look alike.
    double f1a = lone.get(0).last().trainObjectives()[0];
    double f1b = lone.get(2).last().trainObjectives()[0];
    assertTrue(Math.abs(f1a - f1b) > 100 * 2e-3 * Math.abs(f1a), f1a + " vs " + f1b);
  }

  private static void assertRowsClose(String what, EpochMetrics a, EpochMetrics p) {
    for (int i = 0; i < a.trainObjectives().length; i++) {
      close(what + " train f" + (i + 1), a.trainObjectives()[i], p.trainObjectives()[i]);
      close(what + " test f" + (i + 1), a.testObjectives()[i], p.testObjectives()[i]);
    }
    assertEquals(a.trainAccuracy(), p.trainAccuracy(), 1.0 / (32 * STEPS), what);
    assertEquals(a.testAccuracy(), p.testAccuracy(), 1.0 / 96, what);
    double[] ca = a.weights().get(0).mean();
    double[] cp = p.weights().get(0).mean();
    for (int j = 0; j < ca.length; j++) {
      close(what + " mean c" + (j + 1), ca[j], cp[j]);
    }
    for (int l = 0; l < a.layers().size(); l++) {
      LayerStats la = a.layers().get(l);
      LayerStats lp = p.layers().get(l);
      assertEquals(la.parameter(), lp.parameter());
      assertEquals(
          la.nonzeros(), lp.nonzeros(), Math.max(3, la.size() * 1e-4), what + la.parameter());
    }
  }

  private static void close(String what, double expected, double actual) {
    assertEquals(expected, actual, 2e-3 * Math.abs(expected) + 1e-5, what);
  }
}
