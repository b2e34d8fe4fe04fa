package io.paretoprune.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.paretoprune.core.data.Normalization;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.objective.CrossEntropy;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterKind;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.testing.SyntheticData;
import io.paretoprune.core.testing.TestNets;
import io.paretoprune.core.train.TrainingConfig;
import io.paretoprune.core.train.TrainingSchedule;
import io.paretoprune.core.train.engine.MultiObjectiveTrainer;
import io.paretoprune.core.train.result.StepRecord;
import io.paretoprune.core.train.seam.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The presets {@code madam} and {@code mrmsprop} against the original's update rules written out on
 * the host in double precision, two steps, f1 = cross-entropy, f2 = L1 of the dense kernels (g2 =
 * sign(w) there):
 *
 * <pre>
 *   c1 = clip((g2 - g1) . g2 / ||g2 - g1||^2, 0, 1), c2 = 1 - c1        (raw gradients)
 *   MAdam:    m_i = b1 m_i + (1-b1) g_i, v_i = b2 v_i + (1-b2) g_i^2
 *             w -= lr sqrt(1-b2^t)/(1-b1^t) (c1 m_1/(sqrt v_1 + eps) + c2 m_2/(sqrt v_2 + eps))
 *   MRMSProp: a_i = rho a_i + (1-rho) g_i^2
 *             w -= lr (c1 g_1/(sqrt a_1 + eps) + c2 g_2/(sqrt a_2 + eps))
 * </pre>
 *
 * with eps 1e-7, b1 0.9, b2 0.999, rho 0.9, a constant lr. Each step uses the whole tiny data set.
 */
class OriginalMultiRulesTest {
  static final int N = 16;
  static final double LR = 0.01;
  static final double EPS = 1e-7;

  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  private static List<Objective> objectives() {
    return List.of(
        Objective.crossEntropy("f1"), Objective.l1("f2", ParameterSelector.denseKernels()));
  }

  private static List<float[]> preset(
      String name, NDManager m, TensorDataset data, List<double[]> chosen) {
    SequentialBlock net = TestNets.mlp(m, 5, 16, 8, 4);
    ConfiguredOptimizer o =
        Optimizers.load()
            .create(
                name,
                new PluginSettings(Map.of("lr", LR, "schedule", "constant")),
                new TrainingSchedule(2, 1),
                2);
    MultiObjectiveTrainer t =
        MultiObjectiveTrainer.builder()
            .setBlock(net)
            .setObjectives(objectives())
            .setPlan(o.plan())
            .setStepPlan(o.step())
            .setConfig(new TrainingConfig(2, N, 1, N, 1))
            .addListener(
                new TrainingListener() {
                  @Override
                  public void onStep(StepRecord r) {
                    chosen.add(r.weights());
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

  /** The original's rule on the host; returns the final weights and the chosen c per step. */
  private static List<float[]> byHand(
      boolean adam, NDManager m, TensorDataset data, List<double[]> chosen) {
    SequentialBlock net = TestNets.mlp(m, 5, 16, 8, 4);
    List<ParameterRef> params = ParameterCatalog.of(net).trainable();
    int n = params.size();
    double[][][] m1 = new double[2][n][];
    double[][][] v1 = new double[2][n][];
    for (int t = 1; t <= 2; t++) {
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray logits =
            net.forward(new ParameterStore(m, false), new NDList(data.features()), true)
                .singletonOrThrow();
        gc.backward(new CrossEntropy().evaluate(logits, data.labels()));
      }
      float[][] w = new float[n][];
      double[][][] g = new double[2][n][];
      double g11 = 0;
      double g12 = 0;
      double g22 = 0;
      for (int p = 0; p < n; p++) {
        NDArray a = params.get(p).array();
        w[p] = a.toFloatArray();
        float[] ce = a.getGradient().toFloatArray();
        boolean kernel = params.get(p).kind() == ParameterKind.DENSE_KERNEL;
        g[0][p] = new double[w[p].length];
        g[1][p] = new double[w[p].length];
        for (int i = 0; i < w[p].length; i++) {
          g[0][p][i] = ce[i];
          g[1][p][i] = kernel ? Math.signum(w[p][i]) : 0;
          g11 += g[0][p][i] * g[0][p][i];
          g12 += g[0][p][i] * g[1][p][i];
          g22 += g[1][p][i] * g[1][p][i];
        }
      }
      double c1 = Math.min(1, Math.max(0, (g22 - g12) / (g11 - 2 * g12 + g22)));
      double[] c = {c1, 1 - c1};
      chosen.add(c);
      double scale = adam ? LR * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t)) : LR;
      for (int p = 0; p < n; p++) {
        float[] next = new float[w[p].length];
        for (int i = 0; i < w[p].length; i++) {
          double update = 0;
          for (int o = 0; o < 2; o++) {
            if (t == 1 && i == 0) {
              m1[o][p] = new double[w[p].length];
              v1[o][p] = new double[w[p].length];
            }
            double gi = g[o][p][i];
            double u;
            if (adam) {
              m1[o][p][i] = 0.9 * m1[o][p][i] + 0.1 * gi;
              v1[o][p][i] = 0.999 * v1[o][p][i] + 0.001 * gi * gi;
              u = m1[o][p][i] / (Math.sqrt(v1[o][p][i]) + EPS);
            } else {
              v1[o][p][i] = 0.9 * v1[o][p][i] + 0.1 * gi * gi;
              u = gi / (Math.sqrt(v1[o][p][i]) + EPS);
            }
            update += c[o] * u;
          }
          next[i] = (float) (w[p][i] - scale * update);
        }
        params.get(p).array().set(next);
        params.get(p).array().getGradient().muli(0);
      }
    }
    List<float[]> out = new ArrayList<>();
    for (ParameterRef p : params) {
      out.add(p.array().toFloatArray());
    }
    return out;
  }

  private static void check(String preset, boolean adam) {
    try (NDManager m = NDManager.newBaseManager()) {
      var images = SyntheticData.squares(N, 4, 4, 9);
      TensorDataset[] data = Normalization.UNIT_SCALE.apply(m, images, images);
      List<double[]> expectedC = new ArrayList<>();
      List<float[]> expected = byHand(adam, m, data[0], expectedC);
      List<double[]> actualC = new ArrayList<>();
      List<float[]> actual = preset(preset, m, data[0], actualC);
      assertEquals(2, actualC.size());
      for (int t = 0; t < 2; t++) {
        assertArrayEquals(expectedC.get(t), actualC.get(t), 1e-6, preset + " c at step " + (t + 1));
      }
      for (int i = 0; i < expected.size(); i++) {
        assertArrayEquals(expected.get(i), actual.get(i), 3e-6f, preset + " parameter " + i);
      }
    }
  }

  @Test
  void madamIsTheOriginalMadam() {
    check("madam", true);
  }

  @Test
  void mrmspropIsTheOriginalMrmsprop() {
    check("mrmsprop", false);
  }
}
