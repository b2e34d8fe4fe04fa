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
import io.paretoprune.core.param.ParameterKind;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.testing.SyntheticData;
import io.paretoprune.core.testing.TestNets;
import io.paretoprune.core.train.CombinationPlan;
import io.paretoprune.core.train.StepApplication;
import io.paretoprune.core.train.StepPlan;
import io.paretoprune.core.train.TrainingConfig;
import io.paretoprune.core.train.result.StepRecord;
import io.paretoprune.core.train.seam.GradientCombiner;
import io.paretoprune.core.train.seam.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The original MAdam, two steps: the trainer with DJL's Adam applied per objective against the
 * update written out on the host in double precision from its formula (method.md):
 *
 * <pre>
 *   m_i = b1 m_i + (1 - b1) g_i,  v_i = b2 v_i + (1 - b2) g_i^2
 *   w  -= lr sqrt(1 - b2^t) / (1 - b1^t) * sum_i c_i m_i / (sqrt(v_i) + eps)
 * </pre>
 *
 * with f1 = cross-entropy, f2 = L1 of the dense kernels (g2 = sign(w) there, 0 elsewhere) and
 * weights that change between the steps. Each step uses the whole (tiny) data set, so the batch
 * order does not matter.
 */
class PerObjectiveStepTest {
  static final int N = 16;
  static final double LR = 0.01;
  static final double B1 = 0.9;
  static final double B2 = 0.999;
  static final double EPS = 1e-7;
  static final double[][] C = {{0.7, 0.3}, {0.95, 0.05}};

  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  private static List<Objective> objectives() {
    return List.of(
        Objective.crossEntropy("f1"), Objective.l1("f2", ParameterSelector.denseKernels()));
  }

  /** Weights after two trainer steps (two epochs of one full batch each). */
  private static List<float[]> trainer(NDManager m, TensorDataset data, List<StepRecord> seen) {
    SequentialBlock net = TestNets.mlp(m, 5, 16, 8, 4);
    GradientCombiner byStep = in -> C[(int) in.step() - 1].clone();
    StepPlan plan =
        new StepPlan(
            lr -> Optimizer.adam().optLearningRateTracker(lr).optEpsilon((float) EPS).build(),
            Tracker.fixed((float) LR),
            StepApplication.PER_OBJECTIVE);
    MultiObjectiveTrainer t =
        MultiObjectiveTrainer.builder()
            .setBlock(net)
            .setObjectives(objectives())
            .setPlan(CombinationPlan.single(byStep, 2))
            .setStepPlan(plan)
            .setConfig(new TrainingConfig(2, N, 1, N, 1))
            .addListener(
                new TrainingListener() {
                  @Override
                  public void onStep(StepRecord r) {
                    seen.add(r);
                  }
                })
            .setManager(m)
            .build();
    t.fit(data, data);
    List<float[]> out = new ArrayList<>();
    for (ParameterRef p : t.parameters().trainable()) {
      out.add(p.array().toFloatArray());
    }
    return out;
  }

  /** The same two steps on the host, per parameter, with the formula above. */
  private static List<float[]> byFormula(NDManager m, TensorDataset data) {
    SequentialBlock net = TestNets.mlp(m, 5, 16, 8, 4);
    List<ParameterRef> params = ParameterCatalog.of(net).trainable();
    int n = params.size();
    double[][] m1 = new double[n][];
    double[][] v1 = new double[n][];
    double[][] m2 = new double[n][];
    double[][] v2 = new double[n][];
    for (int t = 1; t <= 2; t++) {
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray logits =
            net.forward(new ParameterStore(m, false), new NDList(data.features()), true)
                .singletonOrThrow();
        gc.backward(new CrossEntropy().evaluate(logits, data.labels()));
      }
      double lrT = LR * Math.sqrt(1 - Math.pow(B2, t)) / (1 - Math.pow(B1, t));
      for (int p = 0; p < n; p++) {
        NDArray w = params.get(p).array();
        float[] wv = w.toFloatArray();
        float[] g1 = w.getGradient().toFloatArray();
        boolean kernel = params.get(p).kind() == ParameterKind.DENSE_KERNEL;
        if (t == 1) {
          m1[p] = new double[wv.length];
          v1[p] = new double[wv.length];
          m2[p] = new double[wv.length];
          v2[p] = new double[wv.length];
        }
        float[] next = new float[wv.length];
        for (int i = 0; i < wv.length; i++) {
          double g2 = kernel ? Math.signum(wv[i]) : 0;
          m1[p][i] = B1 * m1[p][i] + (1 - B1) * g1[i];
          v1[p][i] = B2 * v1[p][i] + (1 - B2) * g1[i] * g1[i];
          m2[p][i] = B1 * m2[p][i] + (1 - B1) * g2;
          v2[p][i] = B2 * v2[p][i] + (1 - B2) * g2 * g2;
          double u1 = m1[p][i] / (Math.sqrt(v1[p][i]) + EPS);
          double u2 = m2[p][i] / (Math.sqrt(v2[p][i]) + EPS);
          next[i] = (float) (wv[i] - lrT * (C[t - 1][0] * u1 + C[t - 1][1] * u2));
        }
        w.set(next);
        w.getGradient().muli(0);
      }
    }
    List<float[]> out = new ArrayList<>();
    for (ParameterRef p : params) {
      out.add(p.array().toFloatArray());
    }
    return out;
  }

  @Test
  void perObjectiveAdamIsTheOriginalMadam() {
    try (NDManager m = NDManager.newBaseManager()) {
      var images = SyntheticData.squares(N, 4, 4, 9);
      TensorDataset[] data = Normalization.UNIT_SCALE.apply(m, images, images);
      List<float[]> expected = byFormula(m, data[0]);
      List<StepRecord> seen = new ArrayList<>();
      List<float[]> actual = trainer(m, data[0], seen);
      assertEquals(2, seen.size());
      assertArrayEquals(C[1], seen.get(1).weights());
      assertEquals(expected.size(), actual.size());
      for (int i = 0; i < expected.size(); i++) {
        assertArrayEquals(expected.get(i), actual.get(i), 2e-6f, "parameter " + i);
      }
    }
  }

  @Test
  void combinedAdamOnTheSameProblemIsADifferentMethod() {
    // Guards the test above against passing for a trainer that ignores the application.
    try (NDManager m = NDManager.newBaseManager()) {
      var images = SyntheticData.squares(N, 4, 4, 9);
      TensorDataset[] data = Normalization.UNIT_SCALE.apply(m, images, images);
      List<float[]> perObjective = byFormula(m, data[0]);
      SequentialBlock net = TestNets.mlp(m, 5, 16, 8, 4);
      GradientCombiner byStep = in -> C[(int) in.step() - 1].clone();
      MultiObjectiveTrainer t =
          MultiObjectiveTrainer.builder()
              .setBlock(net)
              .setObjectives(objectives())
              .setPlan(CombinationPlan.single(byStep, 2))
              .setStepPlan(
                  new StepPlan(
                      lr -> Optimizer.adam().optLearningRateTracker(lr).build(),
                      Tracker.fixed((float) LR),
                      StepApplication.COMBINED))
              .setConfig(new TrainingConfig(2, N, 1, N, 1))
              .setManager(m)
              .build();
      t.fit(data[0], data[0]);
      float[] kernel = t.parameters().trainable().get(0).array().toFloatArray();
      double maxDiff = 0;
      for (int i = 0; i < kernel.length; i++) {
        maxDiff = Math.max(maxDiff, Math.abs(kernel[i] - perObjective.get(0)[i]));
      }
      org.junit.jupiter.api.Assertions.assertTrue(maxDiff > 1e-4, "max difference " + maxDiff);
    }
  }
}
