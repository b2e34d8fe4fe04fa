package io.paretoprune.experiments.stats;

/**
 * Holm-Bonferroni step-down adjusted p-values (Holm 1979, in the form of R's {@code p.adjust(p,
 * "holm")}): sort the m p-values ascending, multiply the k-th smallest (k from 0) by {@code m - k},
 * cap at 1 and carry the running maximum so the adjusted values keep the order of the raw ones.
 * Reject where the adjusted p is below alpha. Written by hand because neither Commons Math 3.6.1
 * nor Commons Statistics 1.1 offers a multiple-comparison correction.
 */
public final class Holm {
  private Holm() {}

  /**
   * Adjusted p-values in the order of {@code p}. NaN entries (tests that were not run) are left NaN
   * and do not count towards m.
   */
  public static double[] adjust(double[] p) {
    Integer[] order =
        java.util.stream.IntStream.range(0, p.length)
            .filter(i -> !Double.isNaN(p[i]))
            .boxed()
            .sorted((i, j) -> Double.compare(p[i], p[j]))
            .toArray(Integer[]::new);
    for (int i : order) {
      if (p[i] < 0 || p[i] > 1) {
        throw new IllegalArgumentException("p-value out of [0, 1]: " + p[i]);
      }
    }
    double[] adjusted = new double[p.length];
    java.util.Arrays.fill(adjusted, Double.NaN);
    int m = order.length;
    double running = 0;
    for (int k = 0; k < m; k++) {
      running = Math.max(running, Math.min(1.0, (m - k) * p[order[k]]));
      adjusted[order[k]] = running;
    }
    return adjusted;
  }
}
