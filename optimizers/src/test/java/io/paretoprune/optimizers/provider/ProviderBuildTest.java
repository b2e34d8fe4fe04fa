package io.paretoprune.optimizers.provider;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Sgd;
import ai.djl.training.tracker.Tracker;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.GroupRule;
import io.paretoprune.core.train.StepApplication;
import io.paretoprune.core.train.TrainingSchedule;
import io.paretoprune.optimizers.ConfiguredOptimizer;
import io.paretoprune.optimizers.Optimizers;
import io.paretoprune.optimizers.combine.MinNormCombiner;
import io.paretoprune.optimizers.combine.WeightedSumCombiner;
import io.paretoprune.optimizers.schedule.Schedule;
import io.paretoprune.optimizers.step.NesterovSgd;
import io.paretoprune.optimizers.step.RmsPropStep;
import io.paretoprune.optimizers.step.StepSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each built-in optimizer is made of. */
class ProviderBuildTest {
  private static final Optimizers OPTIMIZERS = Optimizers.load();
  private static final TrainingSchedule RUN = new TrainingSchedule(30, 100);

  private static ConfiguredOptimizer create(String name, int k, Map<String, ?> settings) {
    return OPTIMIZERS.create(name, new PluginSettings(settings), RUN, k);
  }

  private static GroupRule single(ConfiguredOptimizer o) {
    assertEquals(1, o.plan().groups().size());
    return o.plan().groups().get(0);
  }

  @Test
  void smgdIsMinNormWithMomentumSgd() {
    ConfiguredOptimizer o = create("smgd", 2, Map.of());
    GroupRule g = single(o);
    assertEquals("all", g.name());
    assertArrayEquals(new int[] {0, 1}, g.objectives());
    assertInstanceOf(MinNormCombiner.class, g.combiner());
    assertInstanceOf(Sgd.class, o.step().combinedRule());
    assertInstanceOf(
        NesterovSgd.class, create("smgd", 2, Map.of("nesterov", true)).step().combinedRule());
  }

  @Test
  void minNormVariantsPairTheirStepRules() {
    assertInstanceOf(Adam.class, create("madam", 3, Map.of()).step().combinedRule());
    assertInstanceOf(RmsPropStep.class, create("mrmsprop", 2, Map.of()).step().combinedRule());
    assertArrayEquals(new int[] {0, 1, 2}, single(create("madam", 3, Map.of())).objectives());
    assertArrayEquals(new int[] {0}, single(create("smgd", 1, Map.of())).objectives());
  }

  @Test
  void defaultLearningRatesAndSchedulesAreThePapers() {
    TrainingSchedule run = new TrainingSchedule(30, 100);
    // SGD: 0.01, logistic epoch schedule times inverse-time decay lr / epochs.
    Tracker sgd = create("smgd", 2, Map.of()).step().learningRate();
    assertEquals(0.01f, sgd.getNewValue(1), 0);
    // Update 1001 lies in epoch index 10 of 30; t = 1000.
    double logistic10 = 0.01 - 0.009 / (1 + Math.exp(-(10 - 22.5) / 2.25));
    assertEquals(logistic10 / (1 + 0.01 / 30 * 1000), sgd.getNewValue(1001), 1e-8);
    // Adam and RMSProp 0.001 (Keras), logistic, no decay.
    Tracker adam = create("madam", 2, Map.of()).step().learningRate();
    double logistic20 = 0.001 - 0.0009 / (1 + Math.exp(-(20 - 22.5) / 2.25));
    assertEquals(logistic20, adam.getNewValue(2001), 1e-9);
    Tracker rms = create("mrmsprop", 2, Map.of()).step().learningRate();
    assertEquals(logistic20, rms.getNewValue(2001), 1e-9);
    // Explicit settings.
    Tracker custom =
        StepSettings.tracker(
            0.001,
            Schedule.CONSTANT,
            new PluginSettings(Map.of("lr", 0.002, "schedule", "inverse_time", "decay", 0.001)),
            run);
    assertEquals(0.001, custom.getNewValue(1001), 1e-9);
  }

  @Test
  void whereTheStepRuleMeetsTheObjectives() {
    assertEquals(StepApplication.COMBINED, create("smgd", 2, Map.of()).step().application());
    assertEquals(StepApplication.PER_OBJECTIVE, create("madam", 2, Map.of()).step().application());
    assertEquals(
        StepApplication.PER_OBJECTIVE, create("mrmsprop", 2, Map.of()).step().application());
    assertEquals(
        StepApplication.COMBINED, create("madam-combined", 2, Map.of()).step().application());
    // A fixed weighting trains the weighted sum: one state, whatever the step rule.
    assertEquals(
        StepApplication.COMBINED,
        create("weighted", 2, Map.of("weights", List.of(1, 3e-4), "step", "adam"))
            .step()
            .application());
    // A composition takes the step rule's preference unless told.
    assertEquals(
        StepApplication.PER_OBJECTIVE,
        create("combine", 2, Map.of("combiner", "min-norm", "step", "adam")).step().application());
    assertEquals(
        StepApplication.COMBINED,
        create("combine", 2, Map.of("combiner", "min-norm", "step", "adam", "apply", "combined"))
            .step()
            .application());
    assertEquals("min-norm + adam (per-objective)", create("madam", 2, Map.of()).description());
  }

  @Test
  void weightedUsesTheGivenWeightsAndStep() {
    ConfiguredOptimizer o =
        create("weighted", 2, Map.of("weights", List.of(1, 3e-4), "step", "sgd"));
    GroupRule g = single(o);
    assertInstanceOf(WeightedSumCombiner.class, g.combiner());
    assertFalse(g.combiner().needsGram());
    assertArrayEquals(
        new double[] {1, 3e-4},
        g.combiner().weights(io.paretoprune.core.train.seam.CombinerInput.ofGram(null)));
    assertInstanceOf(Sgd.class, o.step().combinedRule());
    ConfiguredOptimizer n =
        create(
            "weighted",
            2,
            Map.of("weights", List.of(3, 1), "normalize", true, "step", "rmsprop", "rho", 0.8));
    assertArrayEquals(
        new double[] {0.75, 0.25},
        single(n).combiner().weights(io.paretoprune.core.train.seam.CombinerInput.ofGram(null)));
    assertInstanceOf(RmsPropStep.class, n.step().combinedRule());
  }

  @Test
  void singleObjectiveNamesTrainTheFirstObjectiveByDefault() {
    assertArrayEquals(
        new double[] {1, 0, 0},
        single(create("sgd", 3, Map.of()))
            .combiner()
            .weights(io.paretoprune.core.train.seam.CombinerInput.ofGram(null)));
    assertArrayEquals(
        new double[] {1},
        single(create("adam", 1, Map.of()))
            .combiner()
            .weights(io.paretoprune.core.train.seam.CombinerInput.ofGram(null)));
    assertInstanceOf(Adam.class, create("adam", 2, Map.of()).step().combinedRule());
    assertInstanceOf(RmsPropStep.class, create("rmsprop", 2, Map.of()).step().combinedRule());
    assertArrayEquals(
        new double[] {1, 3e-4},
        single(create("sgd", 2, Map.of("weights", List.of(1, 3e-4))))
            .combiner()
            .weights(io.paretoprune.core.train.seam.CombinerInput.ofGram(null)));
  }

  @Test
  void splitHasThreeGroups() {
    ConfiguredOptimizer o = create("split", 3, Map.of("step", "adam"));
    List<GroupRule> groups = o.plan().groups();
    assertEquals(List.of("dense", "conv", "other"), groups.stream().map(GroupRule::name).toList());
    assertArrayEquals(new int[] {0, 1}, groups.get(0).objectives());
    assertArrayEquals(new int[] {0, 2}, groups.get(1).objectives());
    assertArrayEquals(new int[] {0}, groups.get(2).objectives());
    assertInstanceOf(MinNormCombiner.class, groups.get(0).combiner());
    assertInstanceOf(MinNormCombiner.class, groups.get(1).combiner());
    assertArrayEquals(
        new double[] {1},
        groups
            .get(2)
            .combiner()
            .weights(io.paretoprune.core.train.seam.CombinerInput.ofGram(null)));
    assertInstanceOf(Adam.class, o.step().combinedRule());
  }
}
