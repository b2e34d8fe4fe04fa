package io.paretoprune.example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.paretoprune.core.data.Normalization;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.testing.SyntheticData;
import io.paretoprune.core.testing.TestNets;
import io.paretoprune.core.train.CombinationPlan;
import io.paretoprune.core.train.GroupRule;
import io.paretoprune.core.train.TrainingConfig;
import io.paretoprune.core.train.TrainingSchedule;
import io.paretoprune.core.train.engine.MultiObjectiveTrainer;
import io.paretoprune.core.train.result.StepRecord;
import io.paretoprune.core.train.result.TrainingResult;
import io.paretoprune.core.train.seam.CombinerInput;
import io.paretoprune.core.train.seam.GradientCombiner;
import io.paretoprune.core.train.seam.HookContext;
import io.paretoprune.core.train.seam.StepHook;
import io.paretoprune.core.train.seam.TrainingListener;
import io.paretoprune.optimizers.ConfiguredOptimizer;
import io.paretoprune.optimizers.Optimizers;
import io.paretoprune.optimizers.PluginCatalog;
import io.paretoprune.optimizers.combine.MinNormSolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plug-in found by name through ServiceLoader and driving a real training run. */
class EqualNormCombinerTest {
  private static final float LR = 0.05f;

  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  @Test
  void isFoundByNameBesideTheBuiltIns() {
    var combiners = PluginCatalog.combiners();
    assertInstanceOf(EqualNormCombiner.class, combiners.get("equal-norm"));
    assertTrue(combiners.all().stream().anyMatch(p -> p.name().equals("min-norm")));
  }

  @Test
  void badSettingsAreConfigErrors() {
    Optimizers optimizers = Optimizers.load();
    TrainingSchedule run = new TrainingSchedule(1, 10);
    ConfigException unknown =
        assertThrows(
            ConfigException.class,
            () ->
                optimizers.create(
                    "combine",
                    new PluginSettings(Map.of("combiner", "equal-norm", "beta1", 0.9)),
                    run,
                    2));
    assertEquals("beta1", unknown.key());
    assertEquals(
        "momentum",
        assertThrows(
                ConfigException.class,
                () ->
                    optimizers.create(
                        "combine",
                        new PluginSettings(Map.of("combiner", "equal-norm", "momentum", 2)),
                        run,
                        2))
            .key());
  }

  @Test
  void weightsAreInverseGradientNorms() {
    // ||g1|| = 1, ||g2|| = 3: c = (3/4, 1/4); a zero gradient gets no weight.
    double[] c = new EqualNormCombiner.Rule().weights(new double[][] {{1, 0.5}, {0.5, 9}});
    assertArrayEquals(new double[] {0.75, 0.25}, c, 1e-15);
    double[] z =
        new EqualNormCombiner.Rule().weights(new double[][] {{4, 0, 0}, {0, 0, 0}, {0, 0, 16}});
    assertArrayEquals(new double[] {2 / 3.0, 0, 1 / 3.0}, z, 1e-15);
  }

  /** Records what the plug-in's rule was asked and what it answered. */
  private static final class Recording implements GradientCombiner {
    final GradientCombiner inner;
    final List<double[][]> grams = new ArrayList<>();
    final List<double[]> answers = new ArrayList<>();

    Recording(GradientCombiner inner) {
      this.inner = inner;
    }

    @Override
    public double[] weights(CombinerInput input) {
      double[] c = inner.weights(input);
      grams.add(input.gram());
      answers.add(c.clone());
      return c;
    }
  }

  /** ||w_after - w_before|| over all trainable parameters, per step. */
  private static final class Displacement implements StepHook {
    final List<Double> norms = new ArrayList<>();
    List<float[]> previous;

    private static List<float[]> snapshot(HookContext c) {
      return c.parameters().trainable().stream()
          .map(ParameterRef::array)
          .map(a -> a.toFloatArray())
          .toList();
    }

    @Override
    public void beforeTraining(HookContext context) {
      previous = snapshot(context);
    }

    @Override
    public void afterStep(HookContext context) {
      List<float[]> now = snapshot(context);
      double s = 0;
      for (int p = 0; p < now.size(); p++) {
        for (int i = 0; i < now.get(p).length; i++) {
          double d = now.get(p)[i] - previous.get(p)[i];
          s += d * d;
        }
      }
      norms.add(Math.sqrt(s));
      previous = now;
    }
  }

  @Test
  void trainsWithTheWeightsItChooses() {
    try (NDManager m = NDManager.newBaseManager()) {
      TensorDataset[] data =
          Normalization.UNIT_SCALE.apply(
              m, SyntheticData.squares(512, 4, 28, 1), SyntheticData.squares(128, 4, 28, 2));
      Block net = TestNets.mlp(m, 3, 28 * 28, 32, 4);
      TrainingConfig config = TrainingConfig.of(1, 32, 3);
      TrainingSchedule schedule = new TrainingSchedule(1, config.stepsPerEpoch(512));
      // Plain SGD at a constant rate, so each step moves the weights by exactly lr * d.
      ConfiguredOptimizer o =
          Optimizers.load()
              .create(
                  "combine",
                  new PluginSettings(
                      Map.of(
                          "combiner", "equal-norm",
                          "step", "sgd",
                          "lr", LR,
                          "momentum", 0,
                          "schedule", "constant")),
                  schedule,
                  2);
      GroupRule rule = o.plan().groups().get(0);
      assertInstanceOf(EqualNormCombiner.Rule.class, rule.combiner());
      Recording recording = new Recording(rule.combiner());
      CombinationPlan plan =
          new CombinationPlan(
              List.of(new GroupRule(rule.name(), rule.selector(), rule.objectives(), recording)));
      List<StepRecord> records = new ArrayList<>();
      Displacement moves = new Displacement();
      TrainingResult r =
          MultiObjectiveTrainer.builder()
              .setBlock(net)
              .setObjectives(
                  List.of(
                      Objective.crossEntropy("f1"),
                      Objective.l1("f2", ParameterSelector.denseKernels())))
              .setPlan(plan)
              .setStepPlan(o.step())
              .setConfig(config)
              .addHook(moves)
              .addListener(
                  new TrainingListener() {
                    @Override
                    public void onStep(StepRecord record) {
                      records.add(record);
                    }
                  })
              .setManager(m)
              .build()
              .fit(data[0], data[1]);
      assertEquals(TrainingResult.Status.COMPLETED, r.status(), r.message());
      assertEquals(16, records.size());
      assertEquals(16, recording.answers.size());
      MinNormSolver minNorm = new MinNormSolver();
      for (int t = 0; t < records.size(); t++) {
        double[][] g = recording.grams.get(t);
        double[] c = records.get(t).weights();
        // The trainer recorded the plug-in's answer ...
        assertArrayEquals(recording.answers.get(t), c, "step " + (t + 1));
        // ... which is the equal-norm rule: c1 ||g1|| = c2 ||g2||, not the min-norm one ...
        assertEquals(c[0] * Math.sqrt(g[0][0]), c[1] * Math.sqrt(g[1][1]), 1e-9);
        double c2MinNorm = minNorm.solve(g).weights()[1];
        assertTrue(c[1] > 10 * c2MinNorm, "c2 " + c[1] + " vs min-norm " + c2MinNorm);
        // ... and the step moved the weights by lr * ||c1 g1 + c2 g2||.
        double d =
            Math.sqrt(c[0] * c[0] * g[0][0] + 2 * c[0] * c[1] * g[0][1] + c[1] * c[1] * g[1][1]);
        assertEquals(d, records.get(t).directionNorm(), 1e-4 * d);
        assertEquals(LR * d, moves.norms.get(t), 2e-3 * LR * d, "step " + (t + 1));
      }
    }
  }
}
