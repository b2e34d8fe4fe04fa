package io.paretoprune.core.train.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.paretoprune.core.data.Normalization;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.objective.CrossEntropy;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.testing.SyntheticData;
import io.paretoprune.core.testing.TestNets;
import io.paretoprune.core.train.CombinationPlan;
import io.paretoprune.core.train.TrainingConfig;
import io.paretoprune.core.train.seam.GradientCombiner;
import io.paretoprune.core.train.seam.GramCombiner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One step of the trainer, whose parameters live in one flat array, against the same step computed
 * by hand per parameter with an ordinary gradient collector.
 */
class FlatStepTest {
  static final int N = 32;
  static final float LR = 0.1f;

  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  /** Weights after one trainer step with fixed weights c on (f1, f2 = L1 of dense kernels). */
  private static List<float[]> trainerStep(NDManager m, TensorDataset data, double c1, double c2) {
    SequentialBlock net = TestNets.mlp(m, 5, 16, 8, 4);
    GradientCombiner fixed =
        new GramCombiner() {
          @Override
          public double[] weights(double[][] gram) {
            return new double[] {c1, c2};
          }
        };
    MultiObjectiveTrainer t =
        MultiObjectiveTrainer.builder()
            .setBlock(net)
            .setObjectives(
                List.of(
                    Objective.crossEntropy("f1"),
                    Objective.l1("f2", ParameterSelector.denseKernels())))
            .setPlan(CombinationPlan.single(fixed, 2))
            .setStepRule(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(LR)).build())
            .setConfig(new TrainingConfig(1, N, 1, N, 1))
            .setManager(m)
            .build();
    t.fit(data, data);
    List<float[]> out = new ArrayList<>();
    for (ParameterRef p : t.parameters().trainable()) {
      out.add(p.array().toFloatArray());
    }
    return out;
  }

  /** The same step by hand: w - lr (c1 dCE/dw + c2 sign(w) on dense kernels). */
  private static List<float[]> manualStep(NDManager m, TensorDataset data, double c1, double c2) {
    SequentialBlock net = TestNets.mlp(m, 5, 16, 8, 4);
    ParameterCatalog catalog = ParameterCatalog.of(net);
    List<float[]> out = new ArrayList<>();
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray logits =
          net.forward(new ParameterStore(m, false), new NDList(data.features()), true)
              .singletonOrThrow();
      gc.backward(new CrossEntropy().evaluate(logits, data.labels()));
    }
    for (ParameterRef p : catalog.trainable()) {
      NDArray w = p.array();
      NDArray d = w.getGradient().mul((float) c1);
      if (p.kind() == io.paretoprune.core.param.ParameterKind.DENSE_KERNEL) {
        d = d.add(w.sign().mul((float) c2));
      }
      out.add(w.sub(d.mul(LR)).toFloatArray());
    }
    return out;
  }

  @Test
  void flatStepEqualsPerParameterStep() {
    try (NDManager m = NDManager.newBaseManager()) {
      var images = SyntheticData.squares(N, 4, 4, 9);
      TensorDataset[] data = Normalization.UNIT_SCALE.apply(m, images, images);
      List<float[]> expected = manualStep(m, data[0], 0.7, 0.3);
      List<float[]> actual = trainerStep(m, data[0], 0.7, 0.3);
      assertEquals(expected.size(), actual.size());
      for (int i = 0; i < expected.size(); i++) {
        assertArrayEquals(expected.get(i), actual.get(i), 1e-5f, "parameter " + i);
      }
    }
  }
}
