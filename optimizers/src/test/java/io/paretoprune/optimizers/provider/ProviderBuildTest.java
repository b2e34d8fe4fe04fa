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
import io.paretoprune.core.train.TrainingSchedule;
import io.paretoprune.optimizers.ConfiguredOptimizer;
import io.paretoprune.optimizers.Optimizers;
import io.paretoprune.optimizers.combine.MinNormCombiner;
import io.paretoprune.optimizers.combine.WeightedSumCombiner;
import io.paretoprune.optimizers.step.NesterovSgd;
import io.paretoprune.optimizers.step.RmsPropStep;
import io.paretoprune.optimizers.step.StepKind;
import io.paretoprune.optimizers.step.StepRules;
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
    assertInstanceOf(Sgd.class, o.stepRule());
    assertInstanceOf(NesterovSgd.class, create("smgd", 2, Map.of("nesterov", true)).stepRule());
  }

  @Test
  void minNormVariantsPairTheirStepRules() {
    assertInstanceOf(Adam.class, create("madam", 3, Map.of()).stepRule());
    assertInstanceOf(RmsPropStep.class, create("mrmsprop", 2, Map.of()).stepRule());
    assertArrayEquals(new int[] {0, 1, 2}, single(create("madam", 3, Map.of())).objectives());
    assertArrayEquals(new int[] {0}, single(create("smgd", 1, Map.of())).objectives());
  }

  @Test
  void defaultLearningRatesAndSchedules() {
    TrainingSchedule run = new TrainingSchedule(30, 100);
    // SGD: 0.01 with inverse-time decay lr / epochs; after 1000 updates 0.01 / (1 + 1/3).
    Tracker sgd = StepRules.tracker(StepKind.SGD, PluginSettings.empty(), run);
    assertEquals(0.01f, sgd.getNewValue(1), 0);
    assertEquals(0.0075, sgd.getNewValue(1001), 1e-8);
    // Adam 0.001 and RMSProp 0.0001, constant.
    Tracker adam = StepRules.tracker(StepKind.ADAM, PluginSettings.empty(), run);
    assertEquals(0.001f, adam.getNewValue(2001), 0);
    Tracker rms = StepRules.tracker(StepKind.RMSPROP, PluginSettings.empty(), run);
    assertEquals(1e-4f, rms.getNewValue(2001), 0);
    // Explicit settings.
    Tracker custom =
        StepRules.tracker(
            StepKind.ADAM,
            new PluginSettings(Map.of("lr", 0.002, "schedule", "inverse_time", "decay", 0.001)),
            run);
    assertEquals(0.001, custom.getNewValue(1001), 1e-9);
    Tracker cifar =
        StepRules.tracker(
            StepKind.SGD, new PluginSettings(Map.of("schedule", "inverse_time+logistic")), run);
    // Epoch index 20 of 30 (update 2001), t = 2000, decay = 0.01 / 30.
    double logistic = 0.01 - 0.009 / (1 + Math.exp(-(20 - 22.5) / 2.25));
    assertEquals(logistic / (1 + 0.01 / 30 * 2000), cifar.getNewValue(2001), 1e-8);
  }

  @Test
  void weightedUsesTheGivenWeightsAndStep() {
    ConfiguredOptimizer o =
        create("weighted", 2, Map.of("weights", List.of(1, 3e-4), "step", "sgd"));
    GroupRule g = single(o);
    assertInstanceOf(WeightedSumCombiner.class, g.combiner());
    assertFalse(g.combiner().needsGram());
    assertArrayEquals(new double[] {1, 3e-4}, g.combiner().weights(null));
    assertInstanceOf(Sgd.class, o.stepRule());
    ConfiguredOptimizer n =
        create(
            "weighted",
            2,
            Map.of("weights", List.of(3, 1), "normalize", true, "step", "rmsprop", "rho", 0.8));
    assertArrayEquals(new double[] {0.75, 0.25}, single(n).combiner().weights(null));
    assertInstanceOf(RmsPropStep.class, n.stepRule());
  }

  @Test
  void singleObjectiveNamesTrainTheFirstObjectiveByDefault() {
    assertArrayEquals(
        new double[] {1, 0, 0}, single(create("sgd", 3, Map.of())).combiner().weights(null));
    assertArrayEquals(
        new double[] {1}, single(create("adam", 1, Map.of())).combiner().weights(null));
    assertInstanceOf(Adam.class, create("adam", 2, Map.of()).stepRule());
    assertInstanceOf(RmsPropStep.class, create("rmsprop", 2, Map.of()).stepRule());
    assertArrayEquals(
        new double[] {1, 3e-4},
        single(create("sgd", 2, Map.of("weights", List.of(1, 3e-4)))).combiner().weights(null));
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
    assertArrayEquals(new double[] {1}, groups.get(2).combiner().weights(null));
    assertInstanceOf(Adam.class, o.stepRule());
  }
}
