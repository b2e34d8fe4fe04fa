package io.paretoprune.core.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.paretoprune.core.data.Normalization;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.testing.SyntheticData;
import io.paretoprune.core.testing.TestNets;
import io.paretoprune.core.train.*;
import java.util.List;

/** Scratch probe: ms per step of the core trainer on LeNet at batch 64. */
public final class StepProbe {
  public static void main(String[] args) {
    EngineSetup.setThreads(Integer.parseInt(args[0]));
    EngineSetup.pytorchOffline();
    boolean smgd = args.length > 1 && args[1].equals("smgd");
    try (NDManager m = NDManager.newBaseManager()) {
      TensorDataset[] data =
          Normalization.UNIT_SCALE.apply(
              m, SyntheticData.squares(12800, 10, 28, 1), SyntheticData.squares(1000, 10, 28, 2));
      Block net = TestNets.lenet(m, 1);
      GradientCombiner c =
          smgd
              ? gram -> {
                double num = gram[1][1] - gram[0][1];
                double den = gram[0][0] - 2 * gram[0][1] + gram[1][1];
                double c1 = den > 0 ? Math.max(0, Math.min(1, num / den)) : 1;
                return new double[] {c1, 1 - c1};
              }
              : new GradientCombiner() {
                public double[] weights(double[][] g) {
                  return new double[] {1, 0};
                }

                public boolean needsGram() {
                  return false;
                }
              };
      for (int rep = 0; rep < 3; rep++) {
        TrainingResult r =
            MultiObjectiveTrainer.builder()
                .setBlock(net)
                .setObjectives(
                    List.of(
                        Objective.crossEntropy("f1"),
                        Objective.l1("f2", ParameterSelector.denseKernels())))
                .setPlan(CombinationPlan.single(c, 2))
                .setStepRule(
                    Optimizer.sgd()
                        .setLearningRateTracker(Tracker.fixed(0.01f))
                        .optMomentum(0.9f)
                        .build())
                .setConfig(TrainingConfig.of(1, 64, 1))
                .setManager(m)
                .build()
                .fit(data[0], data[1]);
        EpochMetrics e = r.last();
        System.out.printf(
            "%s: %.3f ms/step acc %.4f c2 %.2e%n",
            smgd ? "smgd" : "sgd",
            e.seconds() * 1000 / e.steps(),
            e.testAccuracy(),
            e.weights().get(0).mean()[1]);
      }
    }
  }
}
