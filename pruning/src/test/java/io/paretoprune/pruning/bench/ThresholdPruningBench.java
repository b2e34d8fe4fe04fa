package io.paretoprune.pruning.bench;

import ai.djl.ndarray.NDArray;
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
import io.paretoprune.core.testing.SyntheticData;
import io.paretoprune.core.testing.TestNets;
import io.paretoprune.core.train.CombinationPlan;
import io.paretoprune.core.train.TrainingConfig;
import io.paretoprune.core.train.checkpoint.StepRuleStates;
import io.paretoprune.core.train.engine.MultiObjectiveTrainer;
import io.paretoprune.core.train.result.TrainingResult;
import io.paretoprune.core.train.seam.GradientCombiner;
import io.paretoprune.core.train.seam.GramCombiner;
import io.paretoprune.core.train.seam.HookContext;
import io.paretoprune.core.train.seam.StepHook;
import io.paretoprune.core.train.seam.StepRuleState;
import io.paretoprune.pruning.Fixtures;
import io.paretoprune.pruning.PruningHook;
import io.paretoprune.pruning.PruningSchedule;
import io.paretoprune.pruning.Regrowth;
import io.paretoprune.pruning.strategy.MagnitudePruning;
import io.paretoprune.pruning.strategy.Scope;
import io.paretoprune.pruning.strategy.ThresholdPruning;
import java.util.Arrays;
import java.util.List;

/**
 * What pruning costs per step on LeNet-5's dense layers (400x120, 120x84, 84x10 kernels and their
 * biases: 59,134 weights), against what one LeNet-5 training step costs. Not a unit test: the
 * numbers depend on the machine and its load. Times are the median (and best) of several rounds.
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * mvn -q -B -pl pruning -am verify -DskipTests dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/pruning-cp.txt -Dmdep.includeScope=test
 * java -cp pruning/target/test-classes:pruning/target/classes:$(cat /tmp/pruning-cp.txt) \
 *     io.paretoprune.pruning.bench.ThresholdPruningBench [threads, default 1]
 * </pre>
 */
public final class ThresholdPruningBench {
  private static final int ROUNDS = 7;

  private ThresholdPruningBench() {}

  public static void main(String[] args) {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    EngineSetup.setThreads(threads);
    EngineSetup.pytorchOffline();
    System.out.printf("PyTorch intra-op threads: %d%n", threads);
    try (NDManager m = NDManager.newBaseManager()) {
      ParameterCatalog c = ParameterCatalog.of(Fixtures.dense(m, 1, 400, 120, 84, 10));
      long weights = c.all().stream().mapToLong(ParameterRef::size).sum();
      System.out.printf("dense weights: %d in %d arrays%n", weights, c.all().size());

      Optimizer sgd =
          Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.01f)).optMomentum(0.9f).build();
      for (ParameterRef p : c.all()) {
        // Creates the momentum state the fixed policy must mask.
        try (NDArray g = p.array().onesLike()) {
          sgd.update(p.id(), p.array(), g);
        }
      }
      StepRuleState state = StepRuleStates.of(sgd);
      double[] regrow = perCall(threshold(Regrowth.REGROW), c, state, 5000);
      double[] fixed = perCall(threshold(Regrowth.FIXED), c, state, 5000);
      double[] magnitude =
          perCall(
              new PruningHook(
                  new MagnitudePruning(Scope.LAYER),
                  ParameterSelector.dense(),
                  new PruningSchedule(
                      PruningSchedule.Ramp.CONSTANT, 0.9, 0, PruningSchedule.RUN_END, 1),
                  Regrowth.REGROW),
              c,
              state,
              200);
      print("threshold, regrow (the paper's)", regrow);
      print("threshold, fixed (+ momentum mask)", fixed);
      print("magnitude 90%, layer scope", magnitude);

      double[] step = lenetStep(m, null);
      double[] stepPruned = lenetStep(m, threshold(Regrowth.REGROW));
      print("LeNet-5 training step, batch 64", step);
      print("  the same with threshold pruning", stepPruned);
      System.out.printf(
          "threshold afterStep / training step: %.2f%% (median), %.2f%% (best)%n",
          100 * regrow[0] / step[0], 100 * regrow[1] / step[1]);
    }
  }

  private static PruningHook threshold(Regrowth regrowth) {
    return new PruningHook(
        new ThresholdPruning(ThresholdPruning.PAPER_TAU),
        ParameterSelector.dense(),
        PruningSchedule.everyStep(0),
        regrowth);
  }

  /** Median and best microseconds per {@code afterStep} over {@link #ROUNDS} rounds. */
  private static double[] perCall(PruningHook hook, ParameterCatalog c, StepRuleState s, int n) {
    hook.beforeTraining(new HookContext(c, 0, 0, n, n, s));
    for (int i = 1; i <= n / 5; i++) {
      hook.afterStep(new HookContext(c, i, 1, n, n, s));
    }
    double[] rounds = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      long t0 = System.nanoTime();
      for (int i = 1; i <= n; i++) {
        hook.afterStep(new HookContext(c, i, 1, n, n, s));
      }
      rounds[r] = (System.nanoTime() - t0) / 1e3 / n;
    }
    return medianAndBest(rounds);
  }

  /** Median and best microseconds per step of a short LeNet-5 run (SGD, momentum 0.9). */
  private static double[] lenetStep(NDManager m, StepHook hook) {
    int steps = 100;
    TensorDataset[] data =
        Normalization.UNIT_SCALE.apply(
            m, SyntheticData.squares(steps * 64, 10, 28, 1), SyntheticData.squares(64, 10, 28, 2));
    GradientCombiner crossEntropyOnly =
        new GramCombiner() {
          @Override
          public double[] weights(double[][] gram) {
            return new double[] {1};
          }

          @Override
          public boolean needsGram() {
            return false;
          }
        };
    double[] rounds = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      Block net = TestNets.lenet(m, r);
      MultiObjectiveTrainer.Builder b =
          MultiObjectiveTrainer.builder()
              .setBlock(net)
              .setObjectives(List.of(Objective.crossEntropy("f1")))
              .setPlan(CombinationPlan.single(crossEntropyOnly, 1))
              .setStepRule(
                  Optimizer.sgd()
                      .setLearningRateTracker(Tracker.fixed(0.01f))
                      .optMomentum(0.9f)
                      .build())
              .setConfig(TrainingConfig.of(1, 64, r))
              .setManager(m);
      if (hook != null) {
        b.addHook(hook);
      }
      TrainingResult result = b.build().fit(data[0], data[1]);
      rounds[r] = result.last().seconds() * 1e6 / result.last().steps();
    }
    return medianAndBest(rounds);
  }

  private static double[] medianAndBest(double[] rounds) {
    double[] sorted = rounds.clone();
    Arrays.sort(sorted);
    return new double[] {sorted[sorted.length / 2], sorted[0]};
  }

  private static void print(String what, double[] us) {
    System.out.printf("%-40s %9.1f us median, %9.1f us best%n", what, us[0], us[1]);
  }
}
