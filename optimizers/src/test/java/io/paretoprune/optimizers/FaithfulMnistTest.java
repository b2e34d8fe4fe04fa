package io.paretoprune.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDManager;
import io.paretoprune.core.data.DatasetSplits;
import io.paretoprune.core.data.Datasets;
import io.paretoprune.core.data.Normalization;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.objective.L2Penalty;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.testing.TestNets;
import io.paretoprune.core.train.CombinationPlan;
import io.paretoprune.core.train.GroupRule;
import io.paretoprune.core.train.TrainingConfig;
import io.paretoprune.core.train.TrainingSchedule;
import io.paretoprune.core.train.engine.MultiObjectiveTrainer;
import io.paretoprune.core.train.result.EpochMetrics;
import io.paretoprune.core.train.result.TrainingResult;
import io.paretoprune.core.train.seam.CombinerInput;
import io.paretoprune.core.train.seam.GradientCombiner;
import io.paretoprune.core.train.seam.HookContext;
import io.paretoprune.core.train.seam.StepHook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The optimizers at the original's MNIST settings (batch 32, lr 0.01 shared, logistic schedule of a
 * 30-epoch run, x inverse time for SGD; f2 = L1(dense kernels) + the conv L2 term; the paper's
 * threshold pruning of dense kernels and biases after every batch) on real MNIST with LeNet-5.
 */
@Tag("mnist")
class FaithfulMnistTest {
  static final double LR = 0.01;

  static DatasetSplits mnist() throws Exception {
    Path dir = Path.of(System.getProperty("paretoprune.data", "data"), "mnist");
    assumeTrue(
        Files.isRegularFile(dir.resolve("train-images-idx3-ubyte")),
        "real MNIST (raw IDX files) not found in " + dir + "; set -Dparetoprune.data");
    EngineSetup.pytorchOffline();
    return Datasets.get("mnist").load(dir);
  }

  static List<Objective> objectives() {
    L2Penalty conv = new L2Penalty(ParameterSelector.convKernels(), 1e-4);
    return List.of(
        Objective.crossEntropy("f1").plus(conv),
        Objective.l1("f2", ParameterSelector.denseKernels()).plus(conv));
  }

  /** Zeroes dense kernels and biases with |w| <= 0.001 before training and after every step. */
  static final class ThresholdDense implements StepHook {
    private void prune(HookContext c) {
      c.parameters().trainable().stream()
          .filter(p -> ParameterSelector.dense().matches(p))
          .forEach(p -> p.array().muli(p.array().abs().gt(0.001f)));
    }

    @Override
    public void beforeTraining(HookContext context) {
      prune(context);
    }

    @Override
    public void afterStep(HookContext context) {
      prune(context);
    }
  }

  /** Records ||g1||^2 (the Gram matrix's first entry) of every step. */
  static final class GramRecorder implements GradientCombiner {
    final GradientCombiner inner;
    final List<Double> g1Squared = new ArrayList<>();

    GramRecorder(GradientCombiner inner) {
      this.inner = inner;
    }

    @Override
    public double[] weights(CombinerInput input) {
      g1Squared.add(input.gram()[0][0]);
      return inner.weights(input);
    }
  }

  static TrainingResult train(
      DatasetSplits mnist,
      String optimizer,
      Map<String, Object> settings,
      int epochs,
      GramRecorder[] rec)
      throws Exception {
    TrainingConfig config = TrainingConfig.of(epochs, 32, 1);
    int steps = config.stepsPerEpoch(mnist.train().count());
    // The first epochs of a 30-epoch run: the schedule is the 30-epoch one.
    TrainingSchedule schedule = new TrainingSchedule(30, steps);
    try (NDManager m = NDManager.newBaseManager()) {
      TensorDataset[] data = Normalization.UNIT_SCALE.apply(m, mnist.train(), mnist.test());
      ConfiguredOptimizer o =
          Optimizers.load().create(optimizer, new PluginSettings(settings), schedule, 2);
      CombinationPlan plan = o.plan();
      if (rec != null) {
        GroupRule g = plan.groups().get(0);
        rec[0] = new GramRecorder(g.combiner());
        plan =
            new CombinationPlan(
                List.of(new GroupRule(g.name(), g.selector(), g.objectives(), rec[0])));
      }
      TrainingResult r =
          MultiObjectiveTrainer.builder()
              .setBlock(TestNets.lenet(m, 1))
              .setObjectives(objectives())
              .setPlan(plan)
              .setStepPlan(o.step())
              .setConfig(config)
              .addHook(new ThresholdDense())
              .setManager(m)
              .build()
              .fit(data[0], data[1]);
      data[0].close();
      data[1].close();
      assertEquals(TrainingResult.Status.COMPLETED, r.status(), r.message());
      return r;
    }
  }

  static long kernelNonzeros(EpochMetrics e) {
    return e.layers().stream()
        .filter(l -> l.kind().equals("DENSE_KERNEL"))
        .mapToLong(io.paretoprune.core.train.result.LayerStats::nonzeros)
        .sum();
  }

  @Test
  void smgdPrunesEveryEpochAndPicksC2FromTheGradientNorms() throws Exception {
    GramRecorder[] rec = new GramRecorder[1];
    TrainingResult r = train(mnist(), "smgd", Map.of("lr", LR), 3, rec);
    long previous = 58_920;
    int step = 0;
    for (EpochMetrics e : r.epochs()) {
      long nonzeros = kernelNonzeros(e);
      double c2 = e.weights().get(0).mean()[1];
      double g1 = 0;
      for (int s = 0; s < e.steps(); s++) {
        g1 += rec[0].g1Squared.get(step++);
      }
      g1 /= e.steps();
      // min-norm with g1 . g2 ~ 0: c2 = ||g1||^2 / (||g1||^2 + ||g2||^2), ||g2||^2 ~ nonzeros.
      double law = g1 / nonzeros;
      System.out.printf(
          "SMGD epoch %d: accuracy %.4f, dense kernel nonzeros %d, mean c2 %.3g, ||g1||^2/nnz %.3g%n",
          e.epoch(), e.testAccuracy(), nonzeros, c2, law);
      assertTrue(nonzeros < previous, "epoch " + e.epoch() + ": nonzeros " + nonzeros);
      assertTrue(c2 > law / 3 && c2 < law * 3, "epoch " + e.epoch() + ": c2 " + c2 + " vs " + law);
      previous = nonzeros;
    }
    assertTrue(r.last().testAccuracy() >= 0.97, "accuracy " + r.last().testAccuracy());
  }

  @Test
  void madamLearnsInOneEpochAndDoesNotCollapse() throws Exception {
    TrainingResult r = train(mnist(), "madam", Map.of("lr", LR), 1, null);
    EpochMetrics e = r.last();
    System.out.printf(
        "MAdam epoch 1: accuracy %.4f, dense kernel nonzeros %d, mean c2 %.3g%n",
        e.testAccuracy(), kernelNonzeros(e), e.weights().get(0).mean()[1]);
    assertTrue(e.testAccuracy() >= 0.97, "accuracy " + e.testAccuracy());
    assertTrue(kernelNonzeros(e) > 1000, "collapsed to " + kernelNonzeros(e));
  }
}
