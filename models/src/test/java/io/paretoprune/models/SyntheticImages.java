package io.paretoprune.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * Learnable image batches of any shape: class {@code c} lights a square patch at its own place on
 * every channel, over Gaussian noise. Values are roughly z-scored.
 */
public final class SyntheticImages {
  private SyntheticImages() {}

  /** Features {@code [n, c, h, w]}. */
  public static NDArray features(NDManager m, InputSpec spec, int[] labels, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int c = spec.channels();
    int h = spec.height();
    int w = spec.width();
    int cells = (int) Math.ceil(Math.sqrt(spec.classes()));
    int ch = h / cells;
    int cw = w / cells;
    float[] x = new float[labels.length * c * h * w];
    for (int n = 0; n < labels.length; n++) {
      int y0 = (labels[n] / cells) * ch;
      int x0 = (labels[n] % cells) * cw;
      for (int k = 0; k < c; k++) {
        for (int i = 0; i < h; i++) {
          for (int j = 0; j < w; j++) {
            boolean lit = i >= y0 && i < y0 + ch && j >= x0 && j < x0 + cw;
            x[((n * c + k) * h + i) * w + j] =
                (float) ((lit ? 2.0 : -0.25) + 0.5 * nextGaussian(r));
          }
        }
      }
    }
    return m.create(x, new Shape(labels.length, c, h, w));
  }

  /** {@code n} labels cycling through the classes, so every class appears. */
  public static int[] labels(int n, int classes) {
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % classes;
    }
    return y;
  }

  private static double nextGaussian(SplittableRandom r) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
    double u = 1.0 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
