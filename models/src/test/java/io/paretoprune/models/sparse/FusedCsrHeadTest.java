package io.paretoprune.models.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FusedCsrHeadTest {
  private static CsrMatrix sparse(Random random, int rows, int cols, double keep) {
    float[] dense = new float[rows * cols];
    for (int i = 0; i < dense.length; i++) {
      dense[i] = random.nextDouble() < keep ? (float) random.nextGaussian() : 0f;
    }
    return CsrMatrix.fromDense(dense, rows, cols);
  }

  private static float[] bias(Random random, int n) {
    float[] b = new float[n];
    for (int i = 0; i < n; i++) {
      b[i] = (float) random.nextGaussian();
    }
    return b;
  }

  /**
   * The fused head gives the very floats of the per-layer CSR kernel at batch 1 with the
   * activations applied after it, for ReLU, tanh, sigmoid, dropout (identity) and no activation,
   * and matches a dense double-precision product to float rounding.
   */
  @Test
  void equalsTheLayerByLayerKernelExactly() {
    Random random = new Random(3);
    List<CsrMatrix> kernels =
        List.of(
            sparse(random, 19, 175, 0.05),
            sparse(random, 17, 19, 0.4),
            sparse(random, 12, 17, 0.5),
            sparse(random, 10, 12, 0.6));
    List<float[]> biases = new ArrayList<>();
    for (CsrMatrix k : kernels) {
      biases.add(bias(random, k.rows()));
    }
    List<List<HeadActivation>> acts =
        List.of(
            List.of(HeadActivation.RELU, HeadActivation.IDENTITY),
            List.of(HeadActivation.TANH),
            List.of(HeadActivation.SIGMOID),
            List.of());
    FusedCsrHead fused = new FusedCsrHead(kernels, biases, acts);
    for (int trial = 0; trial < 20; trial++) {
      float[] x = bias(random, 175);
      float[][] h = FeatureMajor.of(x, 1, 175);
      double[] exact = new double[175];
      for (int i = 0; i < 175; i++) {
        exact[i] = x[i];
      }
      for (int l = 0; l < kernels.size(); l++) {
        h = new CsrBatchKernel(kernels.get(l), biases.get(l), null).apply(h, 1);
        for (HeadActivation a : acts.get(l)) {
          for (float[] row : h) {
            a.applyInPlace(row);
          }
        }
        exact = denseLayer(kernels.get(l), biases.get(l), acts.get(l), exact);
      }
      float[] expected = FeatureMajor.toRowMajor(h, 1);
      float[] got = fused.forward(x);
      assertArrayEquals(expected, got, "trial " + trial);
      for (int i = 0; i < got.length; i++) {
        assertEquals(exact[i], got[i], 1e-4 * (1 + Math.abs(exact[i])), "logit " + i);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> fused.forward(new float[174]));
  }

  private static double[] denseLayer(
      CsrMatrix k, float[] b, List<HeadActivation> acts, double[] x) {
    float[] w = k.toDense();
    double[] y = new double[k.rows()];
    for (int r = 0; r < k.rows(); r++) {
      double s = b[r];
      for (int c = 0; c < k.cols(); c++) {
        s += (double) w[r * k.cols() + c] * x[c];
      }
      for (HeadActivation a : acts) {
        s =
            switch (a) {
              case IDENTITY -> s;
              case RELU -> Math.max(s, 0);
              case TANH -> Math.tanh(s);
              case SIGMOID -> 1 / (1 + Math.exp(-s));
            };
      }
      y[r] = s;
    }
    return y;
  }
}
