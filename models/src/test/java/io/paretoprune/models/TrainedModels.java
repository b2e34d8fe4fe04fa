package io.paretoprune.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.paretoprune.core.data.Normalization;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.testing.SyntheticData;
import io.paretoprune.core.train.CombinationPlan;
import io.paretoprune.core.train.TrainingConfig;
import io.paretoprune.core.train.engine.MultiObjectiveTrainer;
import io.paretoprune.core.train.result.TrainingResult;
import io.paretoprune.core.train.seam.GradientCombiner;
import io.paretoprune.core.train.seam.GramCombiner;
import java.util.List;

/** Small networks trained a few steps with core's trainer on synthetic MNIST-shaped squares. */
public final class TrainedModels {
  private TrainedModels() {}

  private static final GradientCombiner CROSS_ENTROPY_ONLY =
      new GramCombiner() {
        @Override
        public double[] weights(double[][] gram) {
          return new double[] {1.0};
        }

        @Override
        public boolean needsGram() {
          return false;
        }
      };

  /** A train and a test split of 28x28 squares with 4 classes, in [0, 1]. */
  public static TensorDataset[] squares(NDManager m) {
    return Normalization.UNIT_SCALE.apply(
        m, SyntheticData.squares(320, 4, 28, 1), SyntheticData.squares(128, 4, 28, 2));
  }

  /** LeNet-5 for 4 classes trained {@code steps} SGD steps of batch 32 on {@code train}. */
  public static Network lenet(NDManager m, TensorDataset[] data, int steps, long seed) {
    Network net =
        ModelZoo.load()
            .create("lenet5", PluginSettings.empty(), new InputSpec(1, 28, 28, 4), m, seed);
    TrainingResult r =
        MultiObjectiveTrainer.builder()
            .setBlock(net.block())
            .optCatalog(net.catalog())
            .setObjectives(List.of(Objective.crossEntropy("f1")))
            .setPlan(CombinationPlan.single(CROSS_ENTROPY_ONLY, 1))
            .setStepRule(
                Optimizer.sgd()
                    .setLearningRateTracker(Tracker.fixed(0.05f))
                    .optMomentum(0.9f)
                    .build())
            .setConfig(TrainingConfig.of(1, 32, seed).withMaxStepsPerEpoch(steps))
            .setManager(m)
            .build()
            .fit(data[0], data[1]);
    if (r.status() != TrainingResult.Status.COMPLETED) {
      throw new IllegalStateException("training failed: " + r.message());
    }
    return net;
  }

  /**
   * Sets every dense weight and bias with {@code |w| < threshold} to 0, as magnitude pruning does.
   */
  public static void prune(Network net, float threshold) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      for (ParameterRef p : net.catalog().select(ParameterSelector.dense())) {
        NDArray w = p.array();
        w.muli(w.abs().gte(threshold).toType(DataType.FLOAT32, false));
      }
    }
  }

  /** Fraction of examples whose argmax logit is the label. */
  public static double accuracy(NDArray logits, NDArray labels) {
    return logits.argMax(1).eq(labels).sum().getLong() / (double) labels.size();
  }
}
