package io.paretoprune.optimizers.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.training.tracker.Tracker;
import io.paretoprune.core.data.Normalization;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.testing.SyntheticData;
import io.paretoprune.core.testing.TestNets;
import io.paretoprune.core.train.StepPlan;
import io.paretoprune.core.train.TrainingConfig;
import io.paretoprune.core.train.TrainingSchedule;
import io.paretoprune.core.train.engine.MultiObjectiveTrainer;
import io.paretoprune.optimizers.ConfiguredOptimizer;
import io.paretoprune.optimizers.Optimizers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The learning rate each optimizer family actually reads in a tiny run (3 epochs of 4 steps, lr
 * 0.1), recorded between the step rule and its schedule, against the original's formula:
 *
 * <pre>
 *   logistic(e) = lr - 0.9 lr / (1 + exp(-(e - 0.75 E) / (0.075 E)))  for e &gt; 0, lr at e = 0
 *   SGD, SMGD:   logistic(e) / (1 + (lr / E) t)      t = updates before this one
 *   Adam, MAdam: logistic(e)
 * </pre>
 *
 * with {@code e} the 0-based epoch (Keras' LearningRateScheduler sets it at each epoch start).
 * Per-objective rules read the schedule once per objective and step.
 */
class LearningRateSequenceTest {
  static final int EPOCHS = 3;
  static final int STEPS = 4;
  static final double LR = 0.1;

  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  static double logistic(int e) {
    if (e == 0) {
      return LR;
    }
    double z = (e - 0.75 * EPOCHS) / (0.075 * EPOCHS);
    return LR - 0.9 * LR / (1 + Math.exp(-z));
  }

  /** The rates read during the run, in order. */
  static List<Float> rates(String optimizer, Map<String, Object> settings) {
    List<Float> seen = new ArrayList<>();
    try (NDManager m = NDManager.newBaseManager()) {
      TensorDataset[] data =
          Normalization.UNIT_SCALE.apply(
              m, SyntheticData.squares(32 * STEPS, 4, 8, 1), SyntheticData.squares(32, 4, 8, 2));
      TrainingConfig config = TrainingConfig.of(EPOCHS, 32, 3);
      ConfiguredOptimizer o =
          Optimizers.load()
              .create(
                  optimizer, new PluginSettings(settings), new TrainingSchedule(EPOCHS, STEPS), 2);
      Tracker schedule = o.step().learningRate();
      Tracker recording =
          n -> {
            float v = schedule.getNewValue(n);
            seen.add(v);
            return v;
          };
      MultiObjectiveTrainer.builder()
          .setBlock(TestNets.mlp(m, 3, 64, 8, 4))
          .setObjectives(
              List.of(
                  Objective.crossEntropy("f1"),
                  Objective.l1("f2", ParameterSelector.denseKernels())))
          .setPlan(o.plan())
          .setStepPlan(new StepPlan(o.step().factory(), recording, o.step().application()))
          .setConfig(config)
          .setManager(m)
          .build()
          .fit(data[0], data[1]);
    }
    return seen;
  }

  private static void check(String family, List<Float> seen, int readsPerStep, boolean decays) {
    System.out.println(family + ": " + seen);
    assertEquals(EPOCHS * STEPS * readsPerStep, seen.size(), family);
    for (int t = 0; t < EPOCHS * STEPS; t++) {
      double expected = logistic(t / STEPS) / (decays ? 1 + LR / EPOCHS * t : 1);
      for (int r = 0; r < readsPerStep; r++) {
        assertEquals(expected, seen.get(t * readsPerStep + r), 1e-7, family + " update " + (t + 1));
      }
    }
  }

  @Test
  void smgdIsLogisticTimesInverseTime() {
    check("smgd", rates("smgd", Map.of("lr", LR)), 1, true);
  }

  @Test
  void sgdBaselineIsLogisticTimesInverseTime() {
    check(
        "weighted sgd",
        rates("weighted", Map.of("lr", LR, "weights", List.of(1, 3e-4), "step", "sgd")),
        1,
        true);
  }

  @Test
  void madamIsLogisticPerObjective() {
    check("madam", rates("madam", Map.of("lr", LR)), 2, false);
  }

  @Test
  void mrmspropIsLogisticPerObjective() {
    check("mrmsprop", rates("mrmsprop", Map.of("lr", LR)), 2, false);
  }

  @Test
  void adamBaselineIsLogistic() {
    check(
        "weighted adam",
        rates("weighted", Map.of("lr", LR, "weights", List.of(1, 3e-4), "step", "adam")),
        1,
        false);
  }
}
