package io.paretoprune.core.train.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretoprune.core.engine.EngineSetup;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A lone run's gradient (the one row of {@code [1, P]} arrays): Gram matrices of full and partial
 * gradients against dense vectors computed by hand.
 */
class LoneRunGradientTest {
  static float[] dense(RunGradient g, int n) {
    float[] v = g.full == null ? new float[n] : g.full.toFloatArray();
    for (GradientPart p : g.parts) {
      float[] pv = p.values().toFloatArray();
      for (int i = 0; i < pv.length; i++) {
        v[(int) p.from() + i] += pv[i];
      }
    }
    return v;
  }

  @Test
  void gramOfFullAndOverlappingPartsEqualsTheDenseDotProducts() {
    EngineSetup.pytorchOffline();
    try (NDManager m = NDManager.newBaseManager()) {
      int n = 50;
      NDArray full = m.randomNormal(new Shape(1, n));
      RunGradient a = new RunGradient(full);
      RunGradient b = new RunGradient(null);
      b.parts.addAll(
          List.of(
              new GradientPart(0, 20, m.randomNormal(new Shape(1, 20))),
              new GradientPart(10, 30, m.randomNormal(new Shape(1, 20)))));
      RunGradient c = new RunGradient(null);
      c.parts.add(new GradientPart(25, 50, m.randomNormal(new Shape(1, 25))));
      RunGradient zero = new RunGradient(null);
      RunGradient[] g = {a, b, c, zero};
      double[][] gram = RunGradient.grams(g, 1)[0];
      for (int i = 0; i < g.length; i++) {
        for (int j = 0; j < g.length; j++) {
          float[] x = dense(g[i], n);
          float[] y = dense(g[j], n);
          double dot = 0;
          for (int t = 0; t < n; t++) {
            dot += x[t] * y[t];
          }
          assertEquals(dot, gram[i][j], 1e-4, "G[" + i + "][" + j + "]");
        }
      }
      RunGradient r = b.restrict(15, 40, n);
      float[] whole = dense(b, n);
      float[] part = dense(r, 25);
      for (int t = 0; t < 25; t++) {
        assertEquals(whole[15 + t], part[t], 1e-6);
      }
    }
  }
}
