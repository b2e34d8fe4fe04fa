package io.paretoprune.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down adjustment of a family of p-values: the i-th smallest is multiplied by {@code m
 * - i}, made monotone and capped at 1. Written here because neither Commons library offers
 * multiple-comparison corrections; NaN entries (tests not run) are left out of the family.
 */
public final class Holm {
  private Holm() {}

  public static double[] adjust(double[] p) {
    Integer[] order =
        IntStream.range(0, p.length)
            .filter(i -> !Double.isNaN(p[i]))
            .boxed()
            .sorted(Comparator.comparingDouble(i -> p[i]))
            .toArray(Integer[]::new);
    double[] out = new double[p.length];
    Arrays.fill(out, Double.NaN);
    int m = order.length;
    double running = 0;
    for (int r = 0; r < m; r++) {
      running = Math.max(running, Math.min(1, (m - r) * p[order[r]]));
      out[order[r]] = running;
    }
    return out;
  }
}
