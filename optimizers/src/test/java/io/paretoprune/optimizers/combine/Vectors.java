package io.paretoprune.optimizers.combine;

/** Explicit gradients in R^n for the oracles: every method is carried out on them literally. */
final class Vectors {
  private Vectors() {}

  static double[] v(double... x) {
    return x;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  static double[] plus(double[] a, double t, double[] b) {
    double[] r = a.clone();
    for (int i = 0; i < r.length; i++) {
      r[i] += t * b[i];
    }
    return r;
  }

  static double[] scale(double t, double[] a) {
    return plus(new double[a.length], t, a);
  }

  /** {@code sum_i c_i g_i}. */
  static double[] combine(double[] c, double[][] g) {
    double[] d = new double[g[0].length];
    for (int i = 0; i < g.length; i++) {
      d = plus(d, c[i], g[i]);
    }
    return d;
  }

  static double[][] gram(double[][] g) {
    double[][] m = new double[g.length][g.length];
    for (int i = 0; i < g.length; i++) {
      for (int j = 0; j < g.length; j++) {
        m[i][j] = dot(g[i], g[j]);
      }
    }
    return m;
  }

  static double[] mean(double[][] g) {
    double[] d = new double[g[0].length];
    for (double[] gi : g) {
      d = plus(d, 1.0 / g.length, gi);
    }
    return d;
  }
}
