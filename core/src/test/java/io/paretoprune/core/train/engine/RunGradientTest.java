package io.paretoprune.core.train.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretoprune.core.engine.EngineSetup;
import org.junit.jupiter.api.Test;

/**
 * Every run's Gram matrix of packed gradients against dot products of its rows computed by hand.
 */
class RunGradientTest {
  static float[][] dense(RunGradient g, int runs, int n) {
    float[][] v = new float[runs][n];
    if (g.full != null) {
      float[] f = g.full.toFloatArray();
      for (int r = 0; r < runs; r++) {
        System.arraycopy(f, r * n, v[r], 0, n);
      }
    }
    for (GradientPart p : g.parts) {
      float[] pv = p.values().toFloatArray();
      int len = (int) (p.to() - p.from());
      for (int r = 0; r < runs; r++) {
        for (int i = 0; i < len; i++) {
          v[r][(int) p.from() + i] += pv[r * len + i];
        }
      }
    }
    return v;
  }

  @Test
  void gramOfFullAndOverlappingPartsEqualsEachRunsDenseDotProducts() {
    EngineSetup.pytorchOffline();
    try (NDManager m = NDManager.newBaseManager()) {
      int runs = 3;
      int n = 40;
      RunGradient a = new RunGradient(m.randomNormal(new Shape(runs, n)));
      RunGradient b = new RunGradient(null);
      b.parts.add(new GradientPart(0, 15, m.randomNormal(new Shape(runs, 15))));
      b.parts.add(new GradientPart(10, 25, m.randomNormal(new Shape(runs, 15))));
      RunGradient c = new RunGradient(m.randomNormal(new Shape(runs, n)));
      c.parts.add(new GradientPart(20, 40, m.randomNormal(new Shape(runs, 20))));
      RunGradient zero = new RunGradient(null);
      RunGradient[] g = {a, b, c, zero};
      double[][][] grams = RunGradient.grams(g, runs);
      for (int i = 0; i < g.length; i++) {
        for (int j = 0; j < g.length; j++) {
          float[][] x = dense(g[i], runs, n);
          float[][] y = dense(g[j], runs, n);
          for (int r = 0; r < runs; r++) {
            double dot = 0;
            for (int t = 0; t < n; t++) {
              dot += x[r][t] * y[r][t];
            }
            assertEquals(dot, grams[r][i][j], 1e-4, "run " + r + " G[" + i + "][" + j + "]");
          }
        }
      }
    }
  }

  @Test
  void aRunsNanStaysInItsOwnRow() {
    EngineSetup.pytorchOffline();
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray full = m.create(new float[] {1, 2, Float.NaN, 4, 5, 6}, new Shape(2, 3));
      RunGradient a = new RunGradient(full);
      a.parts.add(new GradientPart(1, 3, m.create(new float[] {1, 1, 1, 1}, new Shape(2, 2))));
      double[][][] grams = RunGradient.grams(new RunGradient[] {a}, 2);
      assertEquals(Double.NaN, grams[0][0][0]);
      // row 1 is (4, 6, 7): 16 + 36 + 49
      assertEquals(101, grams[1][0][0], 1e-4);
    }
  }
}
